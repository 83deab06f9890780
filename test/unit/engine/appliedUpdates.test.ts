/**
 * The path's `update`, sign coherence, reversals and angles describe the APPLIED update
 * θₖ₊₁ − θₖ, not the optimizer's proposal: a proposed step below the rounding of θ changes
 * nothing and must not count as a move (QA defect: default lesson, batch = all, η = 1.3, 2,000
 * steps gave reversals [287, 1176] from ±1e-17 proposals while w stood still).
 */
import * as assert from 'node:assert/strict';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import type { PathPoint, RunResult } from '../../../src/core/analysis/types';
import { PathStats } from '../../../src/core/engine/pathStats';
import { makeSpec } from './fixture';
import { pointAt } from '../../../src/core/analysis/runPath';

/** θ of a path entry in the objective's layout (w, b) — these specs train the bias. */
const thetaOf = (p: PathPoint): number[] => [...p.w, p.b];

/** Reversals, coherent share and moving-update count recomputed from the recorded weights alone. */
function fromRecordedPath(run: RunResult): { reversals: number[]; fraction: number; moved: number } {
  const n = pointAt(run.path, 0).w.length;
  const reversals = new Array<number>(n).fill(0);
  const last = new Array<number>(n).fill(0);
  let moved = 0;
  let coherent = 0;
  for (let k = 0; k + 1 < run.path.length; k++) {
    let pos = false;
    let neg = false;
    for (let i = 0; i < n; i++) {
      const s = Math.sign(pointAt(run.path, k + 1).w[i] - pointAt(run.path, k).w[i]);
      if (s === 0) continue;
      if (s > 0) pos = true;
      else neg = true;
      if (last[i] !== 0 && last[i] !== s) reversals[i]++;
      last[i] = s;
    }
    if (pos || neg) {
      moved++;
      if (!(pos && neg)) coherent++;
    }
  }
  return { reversals, fraction: moved === 0 ? 0 : coherent / moved, moved };
}

describe('applied updates (θₖ₊₁ − θₖ) behind update, sign coherence and reversals', () => {
  it('default lesson, batch = all, η = 1.3, 2000 steps: rounding noise is not counted', () => {
    const run = analyzeSpec(makeSpec({ batch: 'all', lr: 1.3, steps: 2000 })).run;
    // Before the fix: [287, 1176] and 0.7325 from proposals of ±1e-17 that never moved w.
    assert.deepEqual(run.reversals, [265, 187]);
    const recomputed = fromRecordedPath(run);
    assert.deepEqual(run.reversals, recomputed.reversals);
    assert.equal(run.signCoherentFraction, recomputed.fraction);
    assert.equal(recomputed.moved, 1014);
    assert.ok(Math.abs(run.signCoherentFraction - 977 / 1014) < 1e-15);
    // w stands still from entry 1500 on: its update components are exactly 0, not ±1e-17.
    for (let k = 1500; k < 2000; k++) {
      const p = pointAt(run.path, k);
      assert.deepEqual(p.w, pointAt(run.path, k + 1).w, `w moves at ${k}`);
      assert.equal(p.update![0], 0);
      assert.equal(p.update![1], 0);
      assert.equal(p.signCoherent, null, `entry ${k}: an update that moved no weight is neither coherent nor mixed`);
      assert.equal(p.angleToOptimum, null);
    }
  });

  for (const [label, overrides] of [
    ['sgd, batch 1', {}],
    ['sgd, batch 5', { batch: 5 }],
    ['momentum(0.9), full batch', { batch: 'all' as const, optimizer: { kind: 'momentum' as const, beta: 0.9 }, lr: 0.3 }],
    ['nesterov(0.9), batch 8', { batch: 8, optimizer: { kind: 'nesterov' as const, beta: 0.9 }, lr: 0.2 }],
    ['adam, batch 4', { batch: 4, optimizer: { kind: 'adam' as const, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, lr: 0.05 }],
    ['rmsprop, full batch', { batch: 'all' as const, optimizer: { kind: 'rmsprop' as const, rho: 0.9, eps: 1e-8 }, lr: 0.01 }],
  ] as const) {
    it(`${label}: every recorded update is exactly the difference of the recorded θ, and the summaries follow the path`, () => {
      const run = analyzeSpec(makeSpec({ steps: 1500, ...overrides })).run;
      for (let k = 0; k + 1 < run.path.length; k++) {
        const a = thetaOf(pointAt(run.path, k));
        const b = thetaOf(pointAt(run.path, k + 1));
        assert.deepEqual(
          pointAt(run.path, k).update,
          b.map((v, i) => v - a[i]),
          `entry ${k}`,
        );
        const moved = pointAt(run.path, k)
          .update!.slice(0, 2)
          .some((u) => u !== 0);
        if (!moved) assert.equal(pointAt(run.path, k).signCoherent, null);
      }
      const recomputed = fromRecordedPath(run);
      assert.deepEqual(run.reversals, recomputed.reversals);
      assert.equal(run.signCoherentFraction, recomputed.fraction);
    });
  }

  it('pathEvery > 1 keeps the same summaries (they use every step)', () => {
    const spec = makeSpec({ batch: 'all', lr: 1.3, steps: 2000 });
    const all = analyzeSpec(spec).run;
    const sparse = analyzeSpec(spec, { pathEvery: 7 }).run;
    assert.deepEqual(sparse.reversals, all.reversals);
    assert.equal(sparse.signCoherentFraction, all.signCoherentFraction);
    assert.equal(sparse.zigzagRatio, all.zigzagRatio);
  });

  it('no update moved the weights: the coherent share is 0 and documented as such', () => {
    assert.equal(analyzeSpec(makeSpec({ steps: 0 })).run.signCoherentFraction, 0);
    const stats = new PathStats(2);
    stats.add([0, 0, 0.5]); // only the bias moved
    assert.equal(stats.signCoherentFraction, 0);
    assert.deepEqual(stats.reversals, [0, 0]);
  });
});

describe('PathStats', () => {
  it('coherent ÷ updates that moved the weights; zero components skip reversals', () => {
    const stats = new PathStats(2);
    stats.add([1, 2]); // coherent
    stats.add([0, 0]); // moved nothing: not counted
    stats.add([-1, 0]); // coherent; reversal on w1
    stats.add([0, -3]); // coherent; reversal on w2 (against +2, the zero in between is skipped)
    stats.add([1, -1]); // mixed; reversal on w1
    assert.equal(stats.signCoherentFraction, 3 / 4);
    assert.deepEqual(stats.reversals, [2, 1]);
  });

  it('classifies one update: coherent, mixed, or null when it moved no weight', () => {
    assert.equal(PathStats.coherent([0.1, 0, 0.2], 2), true);
    assert.equal(PathStats.coherent([0.1, -1e-300], 2), false);
    assert.equal(PathStats.coherent([0, 0, 5], 2), null);
  });
});
