/** Property tests over random specs (fast-check). */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeSpec, buildProblem } from '../../../src/core/analysis/analyze';
import { perSampleGradient } from '../../../src/core/engine/objective';
import type { Activation, Optimizer, Spec } from '../../../src/core/spec/types';
import { allFinite, finiteDifference, makeSpec, relErr } from './fixture';
import { pathPoints } from '../../../src/core/analysis/runPath';

const optimizer: fc.Arbitrary<Optimizer> = fc.oneof(
  fc.constant<Optimizer>({ kind: 'sgd' }),
  fc.double({ min: 0, max: 0.99, noNaN: true }).map<Optimizer>((beta) => ({ kind: 'momentum', beta })),
  fc.double({ min: 0, max: 0.99, noNaN: true }).map<Optimizer>((beta) => ({ kind: 'nesterov', beta })),
  fc.constant<Optimizer>({ kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 }),
  fc.constant<Optimizer>({ kind: 'rmsprop', rho: 0.9, eps: 1e-8 }),
);

/** Random valid specs: n 1–4, P 1–40, any activation, loss, optimizer, batch, preprocessing. */
const specs: fc.Arbitrary<Spec> = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    P: fc.integer({ min: 1, max: 40 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    act: fc.constantFrom<Activation>('identity', 'sigmoid', 'tanh', 'relu', 'softplus'),
    uniform: fc.boolean(),
    loss: fc.constantFrom<Spec['loss']>('squared', 'logistic'),
    optimizer,
    lr: fc.double({ min: 1e-3, max: 50, noNaN: true }),
    batch: fc.integer({ min: 1, max: 40 }),
    all: fc.boolean(),
    shuffle: fc.boolean(),
    steps: fc.integer({ min: 0, max: 60 }),
    preprocess: fc.constantFrom<Spec['preprocess']>('none', 'center', 'standardize', 'whiten'),
    bias: fc.constantFrom('trained', 'fixed', 'none'),
    scale: fc.double({ min: -3, max: 3, noNaN: true }),
  })
  .map(({ n, P, seed, act, uniform, loss, optimizer: opt, lr, batch, all, shuffle, steps, preprocess, bias, scale }) =>
    makeSpec({
      inputs: {
        kind: 'generated',
        distribution: uniform ? { kind: 'uniform', lo: -1, hi: 2 } : { kind: 'normal', mean: 0.5, std: 1 },
        activation: act,
      },
      samples: P,
      seed,
      w: Array.from({ length: n }, (_, i) => scale * (i % 2 === 0 ? 1 : -1)),
      labels: { kind: 'teacher', w: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1 : 1)), b: 0.3 },
      b: bias === 'none' ? 0 : 0.2,
      hasBias: bias !== 'none',
      biasTrained: bias === 'trained',
      loss,
      optimizer: opt,
      lr,
      batch: all ? 'all' : Math.min(batch, P),
      shuffle,
      steps,
      preprocess,
      view: n === 1 ? [0, 0] : [0, n - 1],
    }),
  );

describe('properties over random specs', () => {
  it('never produces NaN or ±Infinity anywhere in the analysis (JSON-safe)', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const a = analyzeSpec(spec);
        assert.ok(allFinite(a), JSON.stringify(spec));
        assert.equal(typeof a.sentence, 'string');
        assert.ok(a.run.path.length >= 1 && a.run.path.length <= spec.steps + 1);
      }),
      { numRuns: 150 },
    );
  });

  it('reproduces every spec exactly', () => {
    fc.assert(
      fc.property(specs, (spec) => JSON.stringify(analyzeSpec(spec)) === JSON.stringify(analyzeSpec(spec))),
      { numRuns: 40 },
    );
  });

  it('analytic per-sample gradients match centred finite differences (relative error < 1e-7)', () => {
    fc.assert(
      fc.property(specs, fc.nat(), (spec, pick) => {
        const obj = buildProblem(spec);
        const theta = Float64Array.from({ length: obj.q }, (_, i) => 0.3 * Math.sin(i + pick));
        const p = pick % obj.P;
        const { gradient } = perSampleGradient(obj, theta, p);
        // Relative to the gradient's largest component: a centred difference carries rounding
        // error ≈ ε·L/h, which swamps components far smaller than the rest (a ReLU zero, say), and
        // truncation error ≈ h²·|ℓ'''|/6 ≈ 1e-11 here: a gradient whose largest component is below
        // 1e-4 is compared at that absolute floor (CI found 1.3090987e-5 against a difference of
        // 1.3090984e-5: a logistic sample at w = 0 with centred inputs, 3e-12 apart).
        const scale = Math.max(1e-4, ...Array.from(gradient, Math.abs));
        for (let i = 0; i < obj.q; i++) {
          const fd = finiteDifference(obj, theta, p, i);
          assert.ok(relErr(gradient[i], fd, scale) < 1e-7, `${gradient[i]} vs ${fd}`);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('with positive inputs and batch 1 every update is sign-coherent', () => {
    fc.assert(
      fc.property(specs, (s) => {
        const spec: Spec = {
          ...s,
          inputs: { kind: 'generated', distribution: { kind: 'normal', mean: 0, std: 2 }, activation: 'sigmoid' },
          preprocess: 'none',
          batch: 1,
          optimizer: { kind: 'sgd' },
        };
        const a = analyzeSpec(spec);
        assert.ok(a.inputs.allPositive);
        if (a.run.path.length > 1) assert.equal(a.run.signCoherentFraction, 1);
      }),
      { numRuns: 60 },
    );
  });

  it('full-batch squared loss: below 2/λmax the loss never rises; above it the run diverges', () => {
    fc.assert(
      fc.property(specs, fc.double({ min: 0.05, max: 0.98, noNaN: true }), (s, frac) => {
        const base: Spec = { ...s, loss: 'squared', optimizer: { kind: 'sgd' }, batch: 'all', steps: 0 };
        const probe = analyzeSpec(base, { variants: false });
        const lmax = probe.hessian.eigenvalues[0];
        fc.pre(lmax > 1e-6 && probe.optimum !== null);
        const below = analyzeSpec({ ...base, lr: (frac * 2) / lmax, steps: 200 });
        const losses = pathPoints(below.run.path).map((p) => p.loss as number);
        // The quadratic-form loss ½θᵀHθ − cᵀθ + ½E[y²] carries rounding noise of order ε times its
        // terms (O(1) for these specs), however small the loss itself.
        const noise = 1e-12 * losses[0] + 1e-14;
        for (let k = 1; k < losses.length; k++) assert.ok(losses[k] <= losses[k - 1] * (1 + 1e-9) + noise, `step ${k}`);
        assert.equal(below.run.diverged, false);
        // Start on the top eigenvector so the growth shows at once.
        const v = probe.hessian.eigenvectors[0];
        const opt = [...probe.optimum!.w, probe.optimum!.b];
        const start = opt.map((o, i) => o + v[i]);
        const n = base.w.length;
        const above = analyzeSpec({ ...base, w: start.slice(0, n), b: base.biasTrained ? start[n] : base.b, lr: (1.1 * 2) / lmax, steps: 600 });
        assert.equal(above.run.diverged, true);
        assert.equal(above.learningRate.stable, false);
      }),
      { numRuns: 60 },
    );
  });
});
