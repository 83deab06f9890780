import * as assert from 'node:assert/strict';
import { analyzeSpec, buildProblem } from '../../../src/core/analysis/analyze';
import { symmetricEigen } from '../../../src/core/engine/linalg';
import { parseSpec } from '../../../src/core/spec/parse';
import { assertLessonHeader, loadLesson, near } from './lesson';
import { pathPoints, pointAt } from '../../../src/core/analysis/runPath';

/** The same lesson with the plain model (and optionally a preprocessing), analysed for comparison. */
function withoutShift(extra = '') {
  const text =
    loadLesson('learned-shift.neuron')
      .text.replace(/^f = .*$/m, 'f = w·x + b')
      .replace(/^s = .*$/m, '') + extra;
  const spec = parseSpec(text).spec;
  assert.ok(spec);
  return analyzeSpec(spec, { variants: false });
}

describe('lesson: a learned per-input shift, tested (learned-shift.neuron)', () => {
  const lesson = () => loadLesson('learned-shift.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('trains θ = (w, b, s) from s = 0, with positive inputs', () => {
    const l = lesson();
    assert.equal(l.spec.shift, true);
    assert.deepEqual(l.spec.s, [0, 0]);
    assert.deepEqual(l.main.hessian.parameters, ['w1', 'w2', 'b', 's1', 's2']);
    assert.equal(l.main.inputs.allPositive, true);
    near(l.main.inputs.mean[0], 0.48, 0.01, 'mean x1');
    near(l.main.inputs.mean[1], 0.49, 0.01, 'mean x2');
  });

  it('the Hessian at the start has negative eigenvalues (κ undefined) and changes along the path', () => {
    const l = lesson();
    const eig = l.main.hessian.eigenvalues;
    assert.ok(eig.filter((v) => v < 0).length === 2, `eigenvalues ${eig}`);
    assert.equal(l.main.hessian.conditionNumber, null);
    const obj = buildProblem(l.spec);
    const end = pointAt(l.main.run.path, l.main.run.path.length - 1);
    const endEig = symmetricEigen(obj.hessianAt([...end.w, end.b, ...(end.s ?? [])]), obj.q).values;
    assert.ok(Math.abs(endEig[0] - eig[0]) > 0.5, `λmax moved from ${eig[0]} to ${endEig[0]}`);
    assert.ok(endEig[endEig.length - 1] > -1e-3, 'near the optimal set the Hessian is (almost) positive semi-definite');
  });

  it('the shift drifts towards −mean(x): s ends near [−0.41, −0.30], and x + s has mixed signs for 29 of 64 samples', () => {
    const end = pathPoints(lesson().main.run.path).at(-1)!;
    assert.ok(end.s);
    near(end.s[0], -0.41, 0.01, 's1');
    near(end.s[1], -0.3, 0.01, 's2');
    assert.match(lesson().main.sentence, /mixed signs in 29 of 64 samples/);
  });

  it('zig-zag 3.7 → 2.0 and sign-coherent share 100 % → 58 % against f = w·x + b, yet about the same loss after 400 steps', () => {
    const shift = lesson().main.run;
    const plain = withoutShift().run;
    near(plain.zigzagRatio, 3.7, 0.05, 'plain zig-zag');
    near(shift.zigzagRatio, 2.0, 0.06, 'shift zig-zag');
    assert.equal(plain.signCoherentFraction, 1);
    near(shift.signCoherentFraction, 0.58, 0.01, 'shift coherent share');
    near(shift.finalLoss, 2.0e-6, 0.1e-6, 'shift final loss');
    near(plain.finalLoss, 2.1e-6, 0.1e-6, 'plain final loss');
    assert.equal(shift.converged, false);
    assert.equal(plain.converged, false);
  });

  it('centring the inputs instead: zig-zag 1.3, converged at step 392, loss 1.7e-7', () => {
    const centred = withoutShift('\npreprocess = center\n').run;
    near(centred.zigzagRatio, 1.3, 0.01, 'zig-zag');
    assert.equal(centred.convergedAt, 392);
    near(centred.finalLoss, 1.7e-7, 0.05e-7, 'final loss');
  });

  it('the minimisers form a set: θ* has w = w* and the effective bias w*·s + b = 0', () => {
    const o = lesson().main.optimum;
    assert.ok(o?.s);
    near(o.w[0], -1, 1e-9, 'w1');
    near(o.w[1], 1, 1e-9, 'w2');
    near(o.b + o.w[0] * o.s[0] + o.w[1] * o.s[1], 0, 1e-9, 'effective bias');
  });
});

describe('per-sample steps of the shifted model in the picture', () => {
  it('lie along x + s (the shifted input), not along x', async () => {
    const { sampleSteps } = await import('../../../src/core/scene/sampleSteps');
    const a = loadLesson('learned-shift.neuron').main;
    const k = 300;
    const point = pointAt(a.run.path, k);
    assert.ok(point.s && point.batch && point.deltas);
    const here: [number, number] = [point.w[0], point.w[1]];
    const chain = sampleSteps(a, k, [0, 1], here, { xMin: -3, xMax: 3, yMin: -3, yMax: 3 });
    assert.ok(chain && chain.arrows.length === 1);
    const x = a.sampleInputs?.[point.batch[0]];
    assert.ok(x);
    const shifted = [x[0] + point.s[0], x[1] + point.s[1]];
    const arrow = chain.arrows[0];
    const d = [arrow.to[0] - arrow.from[0], arrow.to[1] - arrow.from[1]];
    assert.ok(Math.abs(d[0] * shifted[1] - d[1] * shifted[0]) < 1e-9 * Math.hypot(d[0], d[1]) * Math.hypot(shifted[0], shifted[1]), 'parallel to x + s');
    assert.ok(Math.abs(d[0] * x[1] - d[1] * x[0]) > 1e-3 * Math.hypot(d[0], d[1]) * Math.hypot(x[0], x[1]), 'not parallel to x');
  });
});
