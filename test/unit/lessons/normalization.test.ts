import * as assert from 'node:assert/strict';
import { assertLessonHeader, loadLesson, near } from './lesson';
import { pathPoints, pointAt } from '../../../src/core/analysis/runPath';
import { analysisAsJson } from '../../../src/cli/analysisJson';

/** Every number in the analysis is finite (no NaN or ±∞ hides in a cone, a path or a grid). */
function assertFiniteNumbers(value: unknown, where = 'analysis'): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${where} is ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => assertFiniteNumbers(v, `${where}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertFiniteNumbers(v, `${where}.${k}`);
}

describe('lesson: batch norm with batch 1 (batchnorm-batch-1.neuron)', () => {
  const lesson = () => loadLesson('batchnorm-batch-1.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('every weight gradient is exactly 0: w never moves, only the bias learns', () => {
    const a = lesson().main;
    for (const p of pathPoints(a.run.path)) {
      assert.deepEqual(p.gradient.slice(0, 2), [0, 0], `step ${p.step}`);
      assert.deepEqual(p.w, [1.5, -0.5]);
    }
    assert.equal(a.run.stepsRun, 200);
    assert.equal(a.run.zigzagRatio, null);
    assert.equal(a.run.converged, false);
    near(pointAt(a.run.path, a.run.path.length - 1).b, -0.0187, 0.001, 'b after 200 steps');
  });

  it('says why, and draws no garbage: an empty cone, no NaN, a labelled full-data κ', () => {
    const a = lesson().main;
    assert.equal(a.cone.kind, 'none');
    assert.deepEqual(a.cone.edges, []);
    assertFiniteNumbers({ ...analysisAsJson(a), variants: [] });
    assert.match(a.sentence, /every normalised input is \(x − x\)\/√\(0 \+ ε\) = 0/);
    assert.match(a.sentence, /w never moves/);
    assert.match(a.sentence, /Only the bias learns/);
    assert.match(a.sentence, /full-data objective \(full-data statistics\)/);
    assert.equal(a.normalization?.kind, 'batchnorm');
    assert.equal(a.normalization?.statistics, 'full-data');
    assert.equal(a.normalization?.epsilon, 1e-5);
    assert.match(a.learningRate.convention, /^Batch norm: every bound here is for the full-data objective/);
    near(a.hessian.conditionNumber, 1.055, 0.001, 'κ of the full-data objective');
    assert.equal(a.sentence.includes('NaN'), false);
  });

  it('with batch 8 (the variant) the weights move: 1.25× in 200 steps', () => {
    near(lesson().variant('batch 8').run.zigzagRatio, 1.25, 0.01, 'batch 8');
  });
});

describe('lesson: batch norm with batch 8 (batchnorm-batch-8.neuron)', () => {
  const lesson = () => loadLesson('batchnorm-batch-8.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('the batches see inputs of both signs: the cone opens to the plane', () => {
    const l = lesson();
    assert.equal(l.main.cone.kind, 'plane');
    assert.equal(l.variant('preprocess none').cone.kind, 'sector');
    assert.ok(l.main.run.signCoherentFraction < 0.5, `coherent share ${l.main.run.signCoherentFraction}`);
    assert.equal(pointAt(l.main.run.path, 1).batch, undefined, 'no δₚ recorded for inputs the panel does not have');
  });

  it('the zig-zag goes: 1.08× against 1.41× (raw, batch 8) and 2.8× (raw, batch 1); κ 1.06 against 53', () => {
    const l = lesson();
    near(l.main.run.zigzagRatio, 1.08, 0.01, 'batch norm');
    near(l.variant('preprocess none').run.zigzagRatio, 1.41, 0.01, 'raw batch 8');
    near(l.variant('preprocess none + batch 1').run.zigzagRatio, 2.84, 0.01, 'raw batch 1');
    near(l.main.hessian.conditionNumber, 1.055, 0.001, 'κ (full data)');
    near(l.variant('preprocess none').hessian.conditionNumber, 53.2, 0.1, 'κ raw');
  });

  it('settles in a cloud (loss ≈ 6e-4, not converged) while the raw run is still far (≈ 0.12)', () => {
    const l = lesson();
    assert.equal(l.main.run.converged, false);
    near(l.main.run.finalLoss, 5.9e-4, 1e-5, 'batch-norm loss');
    near(l.variant('preprocess none').run.finalLoss, 0.118, 0.001, 'raw loss');
    assert.match(l.main.sentence, /full-data objective \(full-data statistics\), not of any one step's batch/);
  });
});

describe('lesson: layer norm with two inputs (layernorm-two-inputs.neuron)', () => {
  const lesson = () => loadLesson('layernorm-two-inputs.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('every sample becomes ±(1, −1)/√(1 + ε/d²)', () => {
    const a = lesson().main;
    for (const [u, v] of a.sampleInputs!) {
      assert.ok(Math.abs(u + v) < 1e-13, `${u} + ${v}`);
      assert.ok(Math.abs(u) > 0 && Math.abs(u) < 1, `|x̂₁| = ${u}`);
    }
    assert.equal(a.cone.kind, 'line');
  });

  it("the weights' Hessian has rank one: κ is null (∞), and w₁ + w₂ never changes", () => {
    const a = lesson().main;
    assert.equal(a.hessian.conditionNumber, null);
    const [[h11, h12], [, h22]] = a.hessian.matrix;
    assert.ok(Math.abs(h11 * h22 - h12 * h12) < 1e-12 * h11 * h22 + 1e-15, 'det of the weights block');
    for (const p of pathPoints(a.run.path)) near(p.w[0] + p.w[1], 1, 1e-12, `w₁ + w₂ at step ${p.step}`);
    assert.equal(a.run.convergedAt, 5);
    near(a.optimum!.loss, 0.0121, 1e-4, 'best fit');
    assert.match(a.sentence, /rank one \(κ = ∞\)/);
    assert.equal(lesson().variant('preprocess none').run.converged, false);
  });
});

describe('lesson: layer norm with three inputs (layernorm-three-inputs.neuron)', () => {
  const lesson = () => loadLesson('layernorm-three-inputs.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('every sample has components of both signs; no update is sign-coherent (0 % against 100 %)', () => {
    const l = lesson();
    for (const row of l.main.sampleInputs!) assert.ok(row.some((v) => v > 0) && row.some((v) => v < 0), `${row}`);
    assert.equal(l.main.cone.kind, 'plane');
    assert.equal(l.main.run.signCoherentFraction, 0);
    assert.equal(l.variant('preprocess none').run.signCoherentFraction, 1);
  });

  it('honest costs: κ = ∞ along (1, 1, 1), best loss 0.012, batch 1 wanders 4.0× (raw 3.5×), full batch 1.00×', () => {
    const l = lesson();
    assert.equal(l.main.hessian.conditionNumber, null);
    near(l.main.optimum!.loss, 0.0122, 1e-4, 'best fit');
    near(l.main.run.zigzagRatio, 3.98, 0.01, 'layer norm batch 1');
    near(l.variant('preprocess none').run.zigzagRatio, 3.54, 0.01, 'raw batch 1');
    near(l.variant('batch all').run.zigzagRatio, 1.0, 0.005, 'full batch');
    assert.equal(l.variant('batch all').run.convergedAt, 57);
    assert.match(l.main.sentence, /w never moves along \(1, …, 1\)/);
  });
});
