/**
 * The run's sentence matches the run (QA defects: "so yet the path…" with batch = all, a missing
 * comma, and the per-sample cone blamed even for full-batch, momentum and Adam runs). Exact
 * sentences for representative specs, a hand-made run for the rare branches, and a grammar sweep.
 */
import * as assert from 'node:assert/strict';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import { describeRun, type SentenceFacts } from '../../../src/core/analysis/sentence';
import type { Spec } from '../../../src/core/spec/types';
import { makeSpec } from './fixture';

const cases: [string, () => Spec, string][] = [
  [
    'per-sample, positive inputs, optimum outside the cone: the cone story',
    () => makeSpec({ steps: 2000 }),
    'All inputs are positive, so every update points north-east or south-west; the optimum lies to the north-west, outside that cone, so the path zig-zags (3.9× the straight distance) and converges after 355 steps.',
  ],
  [
    "per-sample, optimum inside the cone: the honest counterpoint, with a comma before 'and it converges'",
    () => makeSpec({ hasBias: false, biasTrained: false, w: [0, 0], labels: { kind: 'teacher', w: [1, 1.2], b: 0 }, lr: 0.3, steps: 400 }),
    'All inputs are positive, so every update points north-east or south-west; the optimum lies to the north-east, inside that cone, so the sign constraint forces no zig-zag, but the path still wanders (1.24× the straight distance) from the noise of single samples, and it converges after 374 steps.',
  ],
  [
    'mini-batch: mixed δₚ let a batch leave the cone, with the measured coherent share',
    () => makeSpec({ batch: 8, steps: 2000 }),
    'All inputs are positive, so every per-sample gradient δₚxₚ points north-east or south-west; the optimum lies to the north-west, outside that cone, but a batch of 8 samples whose δₚ have mixed signs can leave it (97 % of the updates were sign-coherent); the path zig-zags (2.2× the straight distance) and converges after 308 steps.',
  ],
  [
    "full batch, η near 2/λmax: the zig-zag is the valley's conditioning and the overshoot, not the cone (QA spec)",
    () => makeSpec({ batch: 'all', lr: 1.3, steps: 2000 }),
    'All inputs are positive, so each per-sample gradient δₚxₚ points north-east or south-west, but every step here averages all 64 of them, so the cone does not bind the steps (96 % of the updates were sign-coherent); the optimum lies to the north-west; the zig-zag (3.2× the straight distance) comes from the valley, not the cone: κ = 62, and η = 1.3 is 97 % of 2/λmax = 1.34, so each step overshoots along the steepest direction (1 − ηλmax = -0.941); the run converges after 129 steps.',
  ],
  [
    'full batch, moderate η: nearly straight, with κ and η against 2/λmax',
    () => makeSpec({ batch: 'all', lr: 0.5, steps: 2000 }),
    'All inputs are positive, so each per-sample gradient δₚxₚ points north-east or south-west, but every step here averages all 64 of them, so the cone does not bind the steps (75 % of the updates were sign-coherent); the optimum lies to the north-west; the path is nearly straight (1.04× the straight distance; κ = 62, η = 0.5 is 37 % of 2/λmax = 1.34) and converges after 340 steps.',
  ],
  [
    'heavy-ball momentum',
    () => makeSpec({ optimizer: { kind: 'momentum', beta: 0.9 }, lr: 0.05, steps: 2000 }),
    'All inputs are positive, so every per-sample gradient δₚxₚ points north-east or south-west; the optimum lies to the north-west, outside that cone, but heavy-ball momentum (β = 0.9) adds up past steps, so alternating steps partly cancel and the update can leave the cone (72 % of the updates were sign-coherent); the path is 1.41× the straight distance and converges after 289 steps.',
  ],
  [
    'Adam',
    () => makeSpec({ optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 }, lr: 0.05, steps: 2000 }),
    'All inputs are positive, so every per-sample gradient δₚxₚ points north-east or south-west; the optimum lies to the north-west, outside that cone, but Adam averages past gradients (β₁ = 0.9) and divides each coordinate by its own running gradient size, so its updates are not bound to the cone (63 % of the updates were sign-coherent); the path is 1.41× the straight distance and converges after 550 steps.',
  ],
  [
    "RMSProp keeps the gradient's signs",
    () => makeSpec({ optimizer: { kind: 'rmsprop', rho: 0.9, eps: 1e-8 }, lr: 0.01, steps: 2000 }),
    'All inputs are positive, so every per-sample gradient δₚxₚ points north-east or south-west; the optimum lies to the north-west, outside that cone, and RMSProp divides each coordinate by its own running gradient size, a positive factor that keeps the signs of the batch gradient (100 % of the updates were sign-coherent); the path is 7.0× the straight distance and has not converged after 2000 steps.',
  ],
  [
    'momentum on mixed-sign inputs',
    () => makeSpec({ preprocess: 'center', steps: 500, optimizer: { kind: 'momentum', beta: 0.9 }, lr: 0.05 }),
    'The inputs take both signs, so per-sample updates can point in any direction; the optimum lies to the north-west; with heavy-ball momentum (β = 0.9) the path is nearly straight (1.04× the straight distance) and converges after 275 steps (28 % of the updates were sign-coherent). Its sign reversals after the first 275 steps (17 · 0) are jitter around the optimum, not a zig-zag.',
  ],
  [
    'mixed-sign inputs, per-sample',
    () => makeSpec({ preprocess: 'center', steps: 500 }),
    'The inputs take both signs, so per-sample updates can point in any direction; the optimum lies to the north-west; each step follows one sample, so the path wanders (1.41× the straight distance) and converges after 352 steps.',
  ],
  [
    'mixed-sign inputs, full batch',
    () => makeSpec({ preprocess: 'center', steps: 500, batch: 'all' }),
    'The inputs take both signs, so per-sample updates can point in any direction; the optimum lies to the north-west; the path is nearly straight (1.01× the straight distance; κ = 29.8, η = 0.5 is 25 % of 2/λmax = 2) and converges after 355 steps.',
  ],
  [
    'divergence: the direction and |1 − ηλ| > 1',
    () => makeSpec({ batch: 'all', lr: 1.5, steps: 2000 }),
    'The run diverges after 24 steps: the loss grows from 0.331 to 4730. With η = 1.5 above the full-batch bound of gradient descent, 2/λmax = 1.34, the eigen-direction with λ = 1.49 (north-east–south-west in the view) is amplified 1.24× per step: |1 − ηλ| = 1.24 > 1 (ηλ = 2.24).',
  ],
  [
    "Nesterov divergence below plain GD's 2/λmax does not claim η is above it",
    () => makeSpec({ batch: 'all', lr: 1.2, steps: 3000, optimizer: { kind: 'nesterov', beta: 0.9 } }),
    'The run diverges after 9 steps: the loss grows from 0.331 to 3740. With η = 1.2 above the full-batch bound of Nesterov momentum (β = 0.9), (2 + 2β)/((1 + 2β)λmax) = 0.909, the eigen-direction with λ = 1.49 (north-east–south-west in the view) is amplified 1.88× per step: it needs ηλ < (2 + 2β)/(1 + 2β), here ηλ = 1.79.',
  ],
  [
    'logistic loss on alternating labels: Newton finds the finite optimum (it used to stall at rounding and call the data separable)',
    () => makeSpec({ loss: 'logistic', labels: { kind: 'explicit', values: Array.from({ length: 64 }, (_, i) => i % 2) }, steps: 100 }),
    'All inputs are positive, so every update points north-east or south-west; the optimum lies to the west, inside that cone, so the sign constraint forces no zig-zag, but the path still wanders (179.8× the straight distance) from the noise of single samples, and it has not converged after 100 steps.',
  ],
  [
    'no step taken',
    () => makeSpec({ steps: 0 }),
    'All inputs are positive, so every update points north-east or south-west; the optimum lies to the north-west, outside that cone; the path does not move and has not converged after 0 steps.',
  ],
];

/** Grammar checks every sentence must pass. */
function assertWellFormed(s: string): void {
  assert.match(s, /^[A-Z]/, s);
  assert.ok(s.endsWith('.'), s);
  for (const bad of [/so yet/, /, so but/, /\s{2}/, /undefined|NaN|null/, /\) \(/, /\band and\b/, /;\s*;/, /,\s*[,.;]/, /\bthe the\b/])
    assert.doesNotMatch(s, bad, s);
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    assert.ok(depth >= 0, `unbalanced: ${s}`);
  }
  assert.equal(depth, 0, `unbalanced: ${s}`);
}

describe('the run sentence explains the run it describes', () => {
  for (const [title, spec, expected] of cases) {
    it(title, () => {
      const s = analyzeSpec(spec()).sentence;
      assert.equal(s, expected);
      assertWellFormed(s);
    });
  }

  it('only per-sample SGD runs are explained by the cone; full batch cites κ and 2/λmax instead', () => {
    const full = analyzeSpec(makeSpec({ batch: 'all', lr: 1.3, steps: 2000 }));
    assert.doesNotMatch(full.sentence, /outside that cone, so the path zig-zags/);
    assert.match(full.sentence, /κ = 62, and η = 1\.3 is 97 % of 2\/λmax = 1\.34/);
    for (const optimizer of [
      { kind: 'momentum', beta: 0.9 },
      { kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 },
    ] as const) {
      const a = analyzeSpec(makeSpec({ optimizer, lr: 0.05, steps: 2000 }));
      assert.doesNotMatch(a.sentence, /, so the path zig-zags/);
      assert.match(a.sentence, new RegExp(`\\(${Math.round(a.run.signCoherentFraction * 100)} % of the updates were sign-coherent\\)`));
    }
  });

  it('a grid of specs gives well-formed sentences', () => {
    const optimizers = [
      { kind: 'sgd' },
      { kind: 'momentum', beta: 0.9 },
      { kind: 'nesterov', beta: 0.5 },
      { kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 },
      { kind: 'rmsprop', rho: 0.9, eps: 1e-8 },
    ] as const;
    for (const optimizer of optimizers)
      for (const batch of [1, 4, 'all'] as const)
        for (const preprocess of ['none', 'center'] as const)
          for (const lr of [0.05, 0.5, 1.3]) {
            const s = analyzeSpec(makeSpec({ optimizer, batch, preprocess, lr, steps: 300 }), { variants: false }).sentence;
            assertWellFormed(s);
          }
  });

  it('per-sample, optimum outside the cone but a nearly straight path: "yet", never "so yet"', () => {
    const base = analyzeSpec(makeSpec({ steps: 200 }));
    const facts: SentenceFacts = {
      inputs: base.inputs,
      cone: base.cone,
      run: { ...base.run, zigzagRatio: 1.1, converged: true, convergedAt: 150 },
      learningRate: base.learningRate,
      optimizer: { kind: 'sgd' },
      toOptimum: [-2.5, 1.5],
      noOptimumReason: null,
      steps: 200,
      batch: 1,
      samples: 64,
      hessian: base.hessian,
    };
    const s = describeRun(facts);
    assert.equal(
      s,
      'All inputs are positive, so every update points north-east or south-west; the optimum lies to the north-west, outside that cone, yet the path stays nearly straight (1.10× the straight distance) and converges after 150 steps.',
    );
    assertWellFormed(s);
    // Full batch with the same facts: the conditioning, not "so yet".
    const full = describeRun({ ...facts, batch: 64 });
    assert.doesNotMatch(full, /yet/);
    assert.match(full, /every step here averages all 64 of them, so the cone does not bind the steps/);
    assertWellFormed(full);
  });
});
