/** The checkable facts of GEOMETRY.md §6. */
import * as assert from 'node:assert/strict';
import { analyzeSpec, buildProblem, initialTheta } from '../../../src/core/analysis/analyze';
import { sigmoid } from '../../../src/core/engine/activations';
import { perSampleGradient } from '../../../src/core/engine/objective';
import { finiteDifference, makeSpec, relErr, uniformSpec } from './fixture';
import { pathPoints } from '../../../src/core/analysis/runPath';

describe('GEOMETRY.md §6: checkable facts', () => {
  it('positive inputs, batch 1: every update is sign-coherent (100 %)', () => {
    const a = analyzeSpec(makeSpec({ steps: 500 }));
    assert.ok(a.inputs.allPositive);
    assert.equal(a.run.signCoherentFraction, 1);
    assert.ok(pathPoints(a.run.path).every((p) => p.signCoherent !== false));
  });

  it('the same lesson with batch all is not always sign-coherent (the batch sum mixes signs)', () => {
    const a = analyzeSpec(makeSpec({ batch: 'all', lr: 1, steps: 300 }));
    assert.ok(a.run.signCoherentFraction < 1);
  });

  for (const loss of ['squared', 'logistic'] as const) {
    it(`per-sample gradient = δ·x̃ and matches a centred finite difference (${loss}, relative error < 1e-7)`, () => {
      const spec = makeSpec({ loss });
      const obj = buildProblem(spec);
      const theta = initialTheta(spec);
      for (let p = 0; p < obj.P; p++) {
        const { delta, gradient } = perSampleGradient(obj, theta, p);
        let f = theta[obj.n];
        for (let i = 0; i < obj.n; i++) f += theta[i] * obj.data.x[p * obj.n + i];
        const expectedDelta = loss === 'squared' ? f - obj.data.y[p] : sigmoid(f) - obj.data.y[p];
        assert.ok(relErr(delta, expectedDelta) < 1e-14);
        for (let i = 0; i < obj.q; i++) {
          const xi = i < obj.n ? obj.data.x[p * obj.n + i] : 1;
          assert.equal(gradient[i], delta * xi);
          assert.ok(relErr(gradient[i], finiteDifference(obj, theta, p, i)) < 1e-7, `sample ${p}, parameter ${i}`);
        }
      }
    });
  }

  it('x ~ U(0,1)², many samples: eigenvalues → 7/12 and 1/12, κ → 7; centred κ → 1', () => {
    const spec = uniformSpec(2, 100_000, { hasBias: false, biasTrained: false, steps: 0 });
    const a = analyzeSpec(spec);
    const [l1, l2] = a.hessian.eigenvalues;
    assert.ok(Math.abs(l1 - 7 / 12) < 0.01, `λ1 = ${l1}`);
    assert.ok(Math.abs(l2 - 1 / 12) < 0.003, `λ2 = ${l2}`);
    assert.ok(Math.abs((a.hessian.conditionNumber ?? 0) - 7) < 0.3);
    const c = analyzeSpec({ ...spec, preprocess: 'center' });
    assert.ok(Math.abs((c.hessian.conditionNumber ?? 0) - 1) < 0.05, `centred κ = ${c.hessian.conditionNumber}`);
  });

  it('x ~ U(0,1)ⁿ: κ ≈ 1 + 3n (n = 8)', () => {
    const a = analyzeSpec(uniformSpec(8, 50_000, { hasBias: false, biasTrained: false, steps: 0 }));
    assert.ok(Math.abs((a.hessian.conditionNumber ?? 0) - 25) < 1.5, `κ = ${a.hessian.conditionNumber}`);
  });

  it('full-batch GD: η = 0.99·2/λmax converges, η = 1.01·2/λmax diverges (start on the top eigenvector)', () => {
    const base = uniformSpec(2, 1000, { hasBias: false, biasTrained: false, batch: 'all', steps: 3000 });
    const probe = analyzeSpec({ ...base, steps: 0 });
    const lmax = probe.hessian.eigenvalues[0];
    const v = probe.hessian.eigenvectors[0];
    const opt = probe.optimum!;
    const w = [opt.w[0] + v[0], opt.w[1] + v[1]];
    const below = analyzeSpec({ ...base, w, lr: (0.99 * 2) / lmax });
    assert.ok(below.learningRate.stable);
    assert.ok(below.run.converged && !below.run.diverged);
    const above = analyzeSpec({ ...base, w, lr: (1.01 * 2) / lmax });
    assert.ok(!above.learningRate.stable);
    assert.ok(above.run.diverged && !above.run.converged);
    const dir = above.run.divergence!.directions[0];
    assert.ok(Math.abs(dir.eigenvalue - lmax) < 1e-12 && Math.abs(dir.factor - 1.02) < 1e-9);
    assert.match(above.sentence, /diverges after \d+ steps/);
    assert.match(above.sentence, /\|1 − ηλ\| = 1\.02/);
  });

  it('tanh(z) = 2σ(2z) − 1', () => {
    for (let z = -20; z <= 20; z += 0.37) assert.ok(Math.abs(Math.tanh(z) - (2 * sigmoid(2 * z) - 1)) < 1e-15);
  });
});
