/**
 * The least-squares optimum θ* = H⁺c + Π_N θ₀: with a full-rank H the start does not enter (QA
 * defect: θ₀ + H⁺(c − Hθ₀) lost the answer to a large start, w₁ = 0.0816301 at s = 1e9 and −2.27 at
 * s = 1e15 instead of 4/49 = 0.0816327); with a singular H it keeps the start's null-space part.
 */
import * as assert from 'node:assert/strict';
import { analyzeSpec, buildProblem, initialTheta } from '../../../src/core/analysis/analyze';
import { analyseHessian } from '../../../src/core/analysis/hessian';
import { leastSquaresOptimum } from '../../../src/core/analysis/optimum';
import { explicitSpec, relErr } from './fixture';

const rows = [
  [1, 2],
  [3, 1],
  [0.5, 0.5],
  [2, 2],
];
const labels = { kind: 'explicit' as const, values: [1, 2, 3, 4] };

describe('least-squares optimum', () => {
  it('full-rank H: θ* = H⁻¹c whatever the start (exact 4/49, −8/49, 127/49)', () => {
    const exact = [4 / 49, -8 / 49, 127 / 49];
    const reference = analyzeSpec(explicitSpec(rows, { labels, w: [1, -1], steps: 0 })).optimum!;
    for (const s of [0, 1, 1e9, 1e15, 1e100]) {
      const a = analyzeSpec(explicitSpec(rows, { labels, w: [s, -s], steps: 0 }));
      const o = a.optimum!;
      const got = [...o.w, o.b];
      got.forEach((v, i) => assert.ok(relErr(v, exact[i]) < 1e-12, `s = ${s}: θ*[${i}] = ${v}, exact ${exact[i]}`));
      // The start does not enter at all: the same bits from every start.
      assert.deepEqual(o.w, reference.w, `s = ${s}`);
      assert.equal(o.b, reference.b);
      assert.equal(o.method, 'least-squares');
      assert.equal(o.note, 'Least squares: θ* = H⁻¹c (c = E[y x̃]), the unique minimiser (H positive definite); it does not depend on the start.');
    }
  });

  it('full-rank H: GD from a moderate start converges to the reported θ*', () => {
    const a = analyzeSpec(explicitSpec(rows, { labels, w: [3, -3], batch: 'all', lr: 0.2, steps: 20000 }));
    assert.ok(a.run.converged, a.sentence);
  });

  // x̃ = (t, 2t, 1): H over (w₁, w₂, b) has rank 2; its null space is spanned by (2, −1, 0)/√5.
  const singular = [
    [1, 2],
    [2, 4],
    [3, 6],
  ];
  const singularLabels = { kind: 'explicit' as const, values: [1, 2, 2] };
  const nullDir = [2 / Math.sqrt(5), -1 / Math.sqrt(5), 0];
  const along = (v: readonly number[]): number => v.reduce((s, x, i) => s + x * nullDir[i], 0);

  it('singular H: θ* minimises the loss and keeps the start’s null-space component (the minimiser GD reaches)', () => {
    for (const w of [
      [1, -1],
      [0, 0],
      [-2, 5],
      [1e6, 3e6],
    ]) {
      const spec = explicitSpec(singular, { labels: singularLabels, w, batch: 'all', lr: 0.02, steps: 3000 });
      const obj = buildProblem(spec);
      const theta0 = Array.from(initialTheta(spec));
      const { eig } = analyseHessian(obj, theta0);
      const opt = leastSquaresOptimum(obj, theta0, eig);
      const theta = Array.from(opt.theta!);
      const scale = 1 + Math.abs(along(theta0));
      assert.ok(Math.abs(along(theta) - along(theta0)) <= 1e-12 * scale, `null-space component kept (start ${w})`);
      // A minimiser: the residual of the normal equations Hθ* = c is rounding-sized.
      const g = new Float64Array(obj.q);
      obj.lossAndGradient(theta, g);
      assert.ok(Math.hypot(...g) <= 1e-9 * scale, `∇L(θ*) = ${Array.from(g)}`);
      assert.match(
        opt.optimum!.note,
        /^Least squares: H has rank 2 of 3, so the minimisers form a family .*θ\* = H⁺c \+ Π_N θ₀ keeps the start's null-space component, which gradient descent never changes, so it is the minimiser gradient descent reaches from the start\.$/,
      );
    }
    // Different starts, different minimisers, differing only along the null space; GD reaches its own.
    const a = analyzeSpec(explicitSpec(singular, { labels: singularLabels, w: [1, -1], batch: 'all', lr: 0.02, steps: 3000 }));
    const b = analyzeSpec(explicitSpec(singular, { labels: singularLabels, w: [-2, 5], batch: 'all', lr: 0.02, steps: 3000 }));
    const diff = [a.optimum!.w[0] - b.optimum!.w[0], a.optimum!.w[1] - b.optimum!.w[1], a.optimum!.b - b.optimum!.b];
    const k = along(diff);
    diff.forEach((d, i) => assert.ok(Math.abs(d - k * nullDir[i]) < 1e-12, `difference along the null space only (${diff})`));
    assert.ok(a.run.converged && b.run.converged, `${a.sentence} | ${b.sentence}`);
  });
});
