/**
 * A finite start whose loss is not finite (QA defect: run.path = [], finalLoss 0 and a sentence
 * blaming the learning rate). Entry 0 exists, the run diverges at step 0 with a reason naming the
 * start, finalLoss is null (never a false 0) and the sentence names the start or the inputs.
 */
import * as assert from 'node:assert/strict';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import { analysisAsJson } from '../../../src/cli/analysisJson';
import type { Analysis } from '../../../src/core/analysis/types';
import { allFinite, explicitSpec, makeSpec } from './fixture';
import { pathPoints, pointAt } from '../../../src/core/analysis/runPath';

function assertStoppedAtStart(a: Analysis, start: number[]): void {
  const run = a.run;
  assert.equal(run.path.length, 1, 'path[0] exists');
  const p = pointAt(run.path, 0);
  assert.equal(p.step, 0);
  assert.deepEqual(p.w, start);
  assert.equal(p.loss, null);
  assert.equal(p.update, null);
  assert.equal(p.signCoherent, null);
  assert.equal(p.angleToOptimum, null);
  assert.ok(allFinite(p), 'entry 0 is JSON-safe');
  assert.equal(run.stepsRun, 0);
  assert.equal(run.diverged, true);
  assert.equal(run.divergedAt, 0);
  assert.equal(run.divergence?.reason, 'non-finite');
  assert.match(run.divergence!.message, /^the loss at the start is not finite: the starting parameters or the inputs are too large for double precision/);
  assert.deepEqual(run.divergence!.directions, []);
  assert.equal(run.converged, false);
  assert.equal(run.finalLoss, null, 'never claims a final loss of 0');
  assert.equal(run.signCoherentFraction, 0, 'no update moved the weights');
  assert.equal(run.zigzagRatio, null);
  assert.ok(allFinite(run));
  const json = analysisAsJson(a).run;
  assert.deepEqual(JSON.parse(JSON.stringify(json)), json, 'JSON round trip keeps every value');
  assert.doesNotMatch(a.sentence, /smaller learning rate|overshoot|η =/);
  assert.match(a.sentence, /the learning rate is not the problem\)\.$/);
}

describe('a start whose loss is not finite', () => {
  for (const [label, overrides] of [
    ['sgd, batch 1', {}],
    ['sgd, full batch', { batch: 'all' as const }],
    ['momentum, batch 8', { batch: 8, optimizer: { kind: 'momentum' as const, beta: 0.9 } }],
    ['squared loss, bias not trained', { biasTrained: false }],
  ] as const) {
    it(`w = [1e300, 1e300] (${label}): diverged at step 0, path[0] kept, the start named`, () => {
      const a = analyzeSpec(makeSpec({ w: [1e300, 1e300], ...overrides }));
      assertStoppedAtStart(a, [1e300, 1e300]);
      assert.equal(
        a.sentence,
        'The loss at the start is not finite: the starting weights (largest |wᵢ| = 1.00e300) are too large for double precision with these inputs, so no step was taken; scale down the start or the inputs (the learning rate is not the problem).',
      );
      assert.ok(allFinite(a), 'the whole analysis stays JSON-safe');
    });
  }

  it('inputs near 1e308: the sentence names the inputs and there is no optimum', () => {
    const a = analyzeSpec(
      explicitSpec(
        [
          [1e308, 1e308],
          [1.5e308, 1e307],
        ],
        { labels: { kind: 'explicit', values: [1, 2] } },
      ),
    );
    assertStoppedAtStart(a, [1.5, -0.5]);
    assert.equal(
      a.sentence,
      'The loss at the start is not finite: the inputs are too large for double precision (their squares overflow), so no step was taken; scale down the start or the inputs (the learning rate is not the problem).',
    );
    assert.equal(a.optimum, null);
  });

  it('a finite loss at the start keeps the old behaviour: finalLoss is the last entry’s loss', () => {
    const a = analyzeSpec(makeSpec({ w: [1e100, 1e100], steps: 5 }));
    assert.equal(typeof pointAt(a.run.path, 0).loss, 'number');
    assert.equal(a.run.finalLoss, pointAt(a.run.path, a.run.path.length - 1).loss);
    const ok = analyzeSpec(makeSpec({ steps: 50 }));
    assert.equal(ok.run.finalLoss, pointAt(ok.run.path, 50).loss);
    assert.equal(ok.run.diverged, false);
  });

  it('a blow-up later in the run still blames the step size, with the unstable direction', () => {
    const a = analyzeSpec(makeSpec({ batch: 'all', lr: 5, steps: 5000 }));
    assert.equal(a.run.diverged, true);
    assert.ok(a.run.path.length > 1 && pathPoints(a.run.path).every((p) => p.loss !== null));
    assert.match(a.sentence, /\|1 − ηλ\| = [\d.]+ > 1/);
  });
});
