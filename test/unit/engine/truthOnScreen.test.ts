/**
 * Issue 9, the engine's side: a run that blows up is reported as diverged with the cause that
 * applies, each optimizer quotes its own full-batch bound, the two sign-coherence measures are
 * what they say, and the loss keeps its digits near the optimum.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeSpec, buildProblem } from '../../../src/core/analysis/analyze';
import { RUNAWAY_GROWTH } from '../../../src/core/engine/descentPath';
import { PathStats } from '../../../src/core/engine/pathStats';
import { parseSpec } from '../../../src/core/spec';
import type { Optimizer, Spec } from '../../../src/core/spec/types';
import { makeSpec } from './fixture';
import { pathPoints, pointAt } from '../../../src/core/analysis/runPath';

function parsed(text: string): Spec {
  const r = parseSpec(text);
  assert.ok(r.spec, JSON.stringify(r.diagnostics));
  return r.spec;
}

/** The spec: momentum with batches of 4 blows up below every full-batch bound (one fixture for every layer). */
const MINI_BATCH_BLOW_UP = readFileSync(path.resolve(__dirname, '../../../../test/webview/fixtures/momentum-minibatch-blowup.neuron'), 'utf8');

describe('a run that blows up is reported as diverged, with its cause', () => {
  it("the issue's momentum, batch 4 spec: diverged, blamed on the mini-batches, never called stable in the sentence", () => {
    const a = analyzeSpec(parsed(MINI_BATCH_BLOW_UP));
    assert.equal(a.run.diverged, true);
    assert.equal(a.run.divergence?.cause, 'mini-batch');
    assert.ok(a.run.divergence!.batchCurvature! > a.hessian.eigenvalues[0], 'a batch is more curved than the full data');
    const losses = pathPoints(a.run.path).map((p) => p.loss!);
    assert.ok(losses[losses.length - 1] > RUNAWAY_GROWTH * losses[0]);
    // The bound is a full-batch statement and says so; the sentence describes the blow-up.
    assert.equal(a.learningRate.stable, true);
    assert.match(a.learningRate.convention, /full batch/);
    assert.match(a.sentence, /^The run diverges after \d+ steps: the loss grows from/);
    assert.match(a.sentence, /full-batch bound of heavy-ball momentum/);
    assert.match(a.sentence, /batch of 4 samples/);
    assert.doesNotMatch(a.sentence, /partly cancel|converges/);
  });

  const optimizers: Optimizer[] = [
    { kind: 'sgd' },
    { kind: 'momentum', beta: 0.9 },
    { kind: 'nesterov', beta: 0.9 },
    { kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 },
    { kind: 'rmsprop', rho: 0.9, eps: 1e-8 },
  ];

  it('property: any run whose loss reaches 10⁴× its start is diverged by then, for every optimizer and batch size', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...optimizers),
        fc.constantFrom<number | 'all'>(1, 4, 16, 'all'),
        fc.double({ min: -2, max: 1.5, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (optimizer, batch, logLr, seed) => {
          const spec = makeSpec({ optimizer, batch, lr: 10 ** logLr, steps: 300, seed });
          const a = analyzeSpec(spec, { variants: false });
          const floor = 1e-8 * buildProblem(spec).lossAt(new Float64Array(spec.w.length + 1));
          const threshold = RUNAWAY_GROWTH * Math.max(pointAt(a.run.path, 0).loss!, floor);
          const first = pathPoints(a.run.path).findIndex((p) => p.loss === null || p.loss > threshold);
          if (first >= 0) {
            assert.equal(a.run.diverged, true, `loss ${pointAt(a.run.path, first).loss} at step ${first} not reported`);
            assert.ok(a.run.divergedAt! <= pointAt(a.run.path, first).step);
          }
          if (a.run.diverged) {
            assert.match(a.sentence, /^The run diverges after \d+ steps?/);
            assert.notEqual(a.run.divergence!.cause, 'start');
          } else {
            assert.equal(first, -1);
          }
        },
      ),
      { numRuns: 60, seed: 9 },
    );
  });

  it('full-batch gradient descent above 2/λmax is blamed on the step size with the unstable direction', () => {
    const base = analyzeSpec(makeSpec({ batch: 'all' }), { variants: false });
    const a = analyzeSpec(makeSpec({ batch: 'all', lr: 1.2 * base.learningRate.max!, steps: 2000 }), { variants: false });
    assert.equal(a.run.diverged, true);
    assert.equal(a.run.divergence?.cause, 'step-size');
    assert.ok(a.run.divergence!.directions.length > 0);
    assert.match(a.sentence, /\|1 − ηλ\| = [\d.]+ > 1/);
  });
});

describe('each optimizer quotes its own full-batch bound', () => {
  const lambdaMax = (spec: Spec): number => analyzeSpec(spec, { variants: false }).hessian.eigenvalues[0];

  it('gradient descent 2/λmax, heavy ball (2 + 2β)/λmax, Nesterov (2 + 2β)/((1 + 2β)λmax), adaptive none', () => {
    const l = lambdaMax(makeSpec({ batch: 'all' }));
    const bound = (optimizer: Optimizer) => analyzeSpec(makeSpec({ batch: 'all', optimizer, lr: 1.2 }), { variants: false }).learningRate;
    const sgd = bound({ kind: 'sgd' });
    assert.equal(sgd.max, 2 / l);
    assert.equal(sgd.maxFormula, '2/λmax');
    const hb = bound({ kind: 'momentum', beta: 0.9 });
    assert.ok(Math.abs(hb.max! - 3.8 / l) < 1e-12);
    assert.equal(hb.gradientDescentMax, 2 / l);
    const nag = bound({ kind: 'nesterov', beta: 0.9 });
    assert.ok(Math.abs(nag.max! - 3.8 / (2.8 * l)) < 1e-12);
    assert.equal(nag.stable, false, 'η = 1.2 is beyond Nesterov’s ≈ 0.91');
    for (const optimizer of [
      { kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 },
      { kind: 'rmsprop', rho: 0.9, eps: 1e-8 },
    ] as const) {
      const a = bound(optimizer);
      assert.equal(a.max, null);
      assert.equal(a.maxFormula, null);
      assert.equal(a.stable, null);
      assert.match(a.maxReason!, /no fixed step-size bound/);
    }
  });

  it('the Nesterov spec of the issue: bound ≈ 0.91 on sigmoid-northwest', () => {
    const a = analyzeSpec(parsed('optimizer = nesterov(0.9)\nbatch = all\nlr = 1.2\n'), { variants: false });
    assert.ok(Math.abs(a.learningRate.max! - 0.909) < 0.005, String(a.learningRate.max));
  });

  it('property: stable ⇔ η below the optimizer’s bound, for random specs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Optimizer>({ kind: 'sgd' }, { kind: 'momentum', beta: 0.5 }, { kind: 'nesterov', beta: 0.7 }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (optimizer, lr) => {
          const info = analyzeSpec(makeSpec({ optimizer, lr, batch: 'all', steps: 1 }), { variants: false }).learningRate;
          const ratio = lr / info.max!;
          if (Math.abs(ratio - 1) > 1e-9) assert.equal(info.stable, ratio < 1);
        },
      ),
      { numRuns: 80, seed: 3 },
    );
  });

  it('no user text names an internal key', () => {
    for (const optimizer of [{ kind: 'sgd' }, { kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 }] as const) {
      const a = analyzeSpec(makeSpec({ optimizer }), { variants: false });
      assert.doesNotMatch(a.learningRate.convention + a.sentence, /lecunOptimal|'optimal'|gradientDescentMax/);
    }
  });
});

describe('the two sign-coherence measures', () => {
  it('gradients: the share of steps whose batch gradient has one sign, recomputed from the path; updates differ under momentum', () => {
    const a = analyzeSpec(makeSpec({ optimizer: { kind: 'momentum', beta: 0.9 }, lr: 0.05, steps: 400 }), { variants: false });
    const stepped = pathPoints(a.run.path).slice(0, -1);
    const signs = stepped.map((p) => PathStats.coherent(p.gradient, a.dimension)).filter((c) => c !== null);
    assert.equal(a.run.gradientSignCoherentFraction, signs.filter(Boolean).length / signs.length);
    assert.equal(a.run.gradientSignCoherentFraction, 1, 'batch 1 with positive inputs: every gradient δ·x has one sign');
    assert.ok(a.run.signCoherentFraction < 0.9, 'momentum mixes the signs of the applied updates');
  });
});

describe('reversals on the way in and after converging', () => {
  it('inside-cone: no zig-zag, and the reversals after convergence are named as jitter', () => {
    const a = analyzeSpec(
      parsed('x ~ sigmoid(normal(0, 1))\nsamples = 64\nseed = 7\nf = w·x\nw* = [-0.5, -0.5]\nw = [1, 1]\nlr = 0.5\nbatch = 1\nsteps = 200\n'),
      { variants: false },
    );
    assert.equal(a.run.converged, true);
    const before = a.run.reversalsBeforeConvergence;
    assert.ok(Math.max(...before) <= 2, `few reversals on the way in: ${before}`);
    assert.ok(Math.max(...a.run.reversals) > 20);
    assert.match(a.sentence, /no need to zig-zag/);
    assert.match(
      a.sentence,
      new RegExp(
        `sign reversals after the first ${a.run.convergedAt} steps \\(${a.run.reversals.map((r, i) => r - before[i]).join(' · ')}\\) are jitter around the optimum`,
      ),
    );
  });
});

describe('the sentence describes the run that ran', () => {
  it('full-batch momentum does not claim per-sample updates', () => {
    const a = analyzeSpec(makeSpec({ optimizer: { kind: 'momentum', beta: 0.9 }, batch: 'all', lr: 0.3, steps: 400 }), { variants: false });
    assert.doesNotMatch(a.sentence, /every update points|per-sample update/);
    assert.match(a.sentence, /every step here averages all 64 of them/);
  });
});

/** Exact value of ½·mean((w·x + b − y)²) for doubles, by integer arithmetic (every double is k·2⁻¹⁰⁷⁴). */
function exactSquaredLoss(w: readonly number[], b: number, xs: readonly (readonly number[])[], ys: readonly number[]): number {
  const E = 1074n;
  const big = (v: number): bigint => {
    // v = m·2^e exactly with integer m; scaled by 2^1074 it is an integer.
    if (v === 0) return 0n;
    let e = 0;
    let m = v;
    while (!Number.isInteger(m)) {
      m *= 2;
      e++;
    }
    return (BigInt(m) << E) >> BigInt(e);
  };
  let sum = 0n;
  for (let p = 0; p < xs.length; p++) {
    // r scaled by 2^(2·1074): products of two scaled numbers, the others scaled twice.
    let r = (big(b) - big(ys[p])) << E;
    for (let i = 0; i < w.length; i++) r += big(w[i]) * big(xs[p][i]);
    sum += r * r;
  }
  if (sum === 0n) return 0;
  const bits = sum.toString(2).length;
  const shift = bits - 60;
  return (Number(sum >> BigInt(shift)) * 2 ** (shift - 4 * 1074)) / (2 * xs.length);
}

describe('the loss keeps its digits near the optimum', () => {
  it('full-batch descent to 1e-24 and below: every entry within 1e-5 of the exact loss (relative; the direct mean of ½r² would be off by ~1e-4 at r ≈ 1e-12)', () => {
    const xs = [
      [0.7, 0.2],
      [0.1, 0.9],
      [0.4, 0.5],
      [0.8, 0.6],
    ];
    const a = analyzeSpec(
      parsed(
        'f = w·x + b\nx = [[0.7, 0.2], [0.1, 0.9], [0.4, 0.5], [0.8, 0.6]]\nw* = [-1, 1]\nb* = 0.3\nw = [1.5, -0.5]\nlr = 0.8\nbatch = all\nsteps = 2400\n',
      ),
      { variants: false },
    );
    const ys = xs.map((x) => -1 * x[0] + 1 * x[1] + 0.3);
    let deepest = Infinity;
    for (const p of pathPoints(a.run.path)) {
      const exact = exactSquaredLoss(p.w, p.b, xs, ys);
      if (exact < 1e-24) continue;
      deepest = Math.min(deepest, exact);
      assert.ok(Math.abs(p.loss! - exact) <= 1e-5 * exact, `step ${p.step}: ${p.loss} vs exact ${exact}`);
    }
    assert.ok(deepest < 1e-23, `the run reached ${deepest}`);
  });
});
