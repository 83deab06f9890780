import * as assert from 'node:assert/strict';
import { analyzeSpec, buildProblem, initialTheta } from '../../../src/core/analysis/analyze';
import { perSampleGradient } from '../../../src/core/engine/objective';
import { parseSpec } from '../../../src/core/spec/parse';
import type { Spec } from '../../../src/core/spec/types';
import { pathPoints, pointAt } from '../../../src/core/analysis/runPath';

function spec(text: string): Spec {
  const r = parseSpec(text);
  assert.ok(r.spec, r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; '));
  return r.spec;
}

const BASE = 'x ~ sigmoid(normal(0, 1))\nsamples = 12\nseed = 4\nw* = [-1, 1]\nb* = 0.3\nw = [1.5, -0.5]\n';

/** Centred finite difference of the full loss along coordinate k (h = 1e-5). */
function finiteDifference(loss: (t: Float64Array) => number, theta: Float64Array, k: number, h = 1e-5): number {
  const a = Float64Array.from(theta);
  const b = Float64Array.from(theta);
  a[k] += h;
  b[k] -= h;
  return (loss(a) - loss(b)) / (2 * h);
}

describe('model with a trained per-input shift f = w·(x + s) + b', () => {
  it('parses every spelling of the shifted product, with or without bias', () => {
    for (const model of [
      'w·(x + s) + b',
      'w.(x+s) + b',
      '(x + s)·w + b',
      'b + dot(w, x + s)',
      'dot(x + s, w) + b',
      'wᵀ(x + s) + b',
      'w^T (x + s) + b',
      'w@(x + s)',
    ]) {
      const s = spec(`f = ${model}\n${BASE}`);
      assert.equal(s.shift, true, model);
      assert.equal(s.hasBias, model !== 'w@(x + s)', model);
      assert.deepEqual(s.s, [0, 0]);
    }
    assert.equal(spec(`f = w·x + b\n${BASE}`).shift, false);
  });

  it('rejects other shifted forms (GG111) and checks the length of s (GG203)', () => {
    assert.equal(parseSpec(`f = w·(x + t)\n${BASE}`).diagnostics[0]?.code, 'GG111');
    assert.equal(parseSpec(`f = w·x + s\n${BASE}`).diagnostics[0]?.code, 'GG111');
    const r = parseSpec(`f = w·(x + s)\n${BASE}s = [1, 2, 3]\n`);
    assert.ok(r.diagnostics.some((d) => d.code === 'GG203' && /s has 3 elements/.test(d.message)));
  });

  it('warns that s has no effect without a shifted model (GG222) and keeps the spec', () => {
    const r = parseSpec(`f = w·x + b\n${BASE}s = [0.1, 0.2]\n`);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.severity]),
      [['GG222', 'warning']],
    );
    assert.ok(r.spec);
    assert.deepEqual(r.spec.s, [0, 0]);
  });

  it('θ = (w, b, s): the bias keeps index n, the shift follows; Hessian parameters are named so', () => {
    const s = spec(`f = w·(x + s) + b\n${BASE}s = [0.25, -0.75]\nb = 0.5\n`);
    assert.deepEqual(Array.from(initialTheta(s)), [1.5, -0.5, 0.5, 0.25, -0.75]);
    assert.deepEqual(analyzeSpec(s, { variants: false }).hessian.parameters, ['w1', 'w2', 'b', 's1', 's2']);
  });

  for (const [loss, labels] of [
    ['squared', ''],
    ['logistic', 'loss = logistic\n'],
  ] as const) {
    for (const bias of ['+ b', '']) {
      it(`gradient matches centred finite differences (${loss} loss, ${bias ? 'trained bias' : 'no bias'}; relative error < 1e-7)`, () => {
        const s = spec(`f = w·(x + s) ${bias}\n${BASE}${labels}s = [0.3, -0.2]\n${bias ? 'b = 0.1' : ''}\n`);
        const obj = buildProblem(s);
        const theta = initialTheta(s);
        const grad = new Float64Array(obj.q);
        obj.lossAndGradient(theta, grad);
        const scale = Math.max(...Array.from(grad, Math.abs));
        for (let k = 0; k < obj.q; k++) {
          const fd = finiteDifference((t) => obj.lossAt(t), theta, k);
          assert.ok(Math.abs(fd - grad[k]) <= 1e-7 * scale, `∂L/∂θ${k}: ${grad[k]} vs ${fd}`);
        }
      });

      it(`Hessian matches finite differences of the gradient (${loss} loss, ${bias ? 'trained bias' : 'no bias'})`, () => {
        const s = spec(`f = w·(x + s) ${bias}\n${BASE}${labels}s = [0.3, -0.2]\n`);
        const obj = buildProblem(s);
        const theta = initialTheta(s);
        const h = obj.hessianAt(theta);
        const q = obj.q;
        let scale = 0;
        for (let k = 0; k < q * q; k++) scale = Math.max(scale, Math.abs(h[k]));
        for (let k = 0; k < q; k++) {
          const g = new Float64Array(q);
          for (let r = 0; r < q; r++) {
            const fd = finiteDifference((t) => (obj.lossAndGradient(t, g), g[r]), theta, k);
            assert.ok(Math.abs(fd - h[r * q + k]) <= 1e-6 * scale, `H[${r}][${k}]: ${h[r * q + k]} vs ${fd}`);
          }
        }
      });
    }
  }

  it('per-sample gradient: ∂L/∂wᵢ = δ(xᵢ + sᵢ), ∂L/∂b = δ, ∂L/∂sᵢ = δwᵢ, and batch gradients agree', () => {
    const s = spec(`f = w·(x + s) + b\n${BASE}s = [0.3, -0.2]\nb = 0.1\n`);
    const obj = buildProblem(s);
    const theta = initialTheta(s);
    for (let p = 0; p < obj.P; p++) {
      const { delta, gradient } = perSampleGradient(obj, theta, p);
      const x = [obj.data.x[p * 2], obj.data.x[p * 2 + 1]];
      const f = 1.5 * (x[0] + 0.3) - 0.5 * (x[1] - 0.2) + 0.1;
      assert.ok(Math.abs(delta - (f - obj.data.y[p])) < 1e-12);
      const expected = [delta * (x[0] + 0.3), delta * (x[1] - 0.2), delta, delta * 1.5, delta * -0.5];
      expected.forEach((e, k) => assert.ok(Math.abs(gradient[k] - e) < 1e-12, `component ${k}`));
      const g = new Float64Array(obj.q);
      const deltas = new Float64Array(1);
      obj.batchGradient(theta, [p], 1, g, deltas);
      expected.forEach((e, k) => assert.ok(Math.abs(g[k] - e) < 1e-12));
      assert.equal(deltas[0], delta);
    }
  });

  it('θ* lies on the optimal set w = w*, b + w*·s = c* with zero gradient, nearest to the end of the run', () => {
    const s = spec(`f = w·(x + s) + b\n${BASE}batch = all\nlr = 0.3\nsteps = 3000\n`);
    const a = analyzeSpec(s, { variants: false });
    assert.ok(a.optimum?.s);
    assert.ok(Math.abs(a.optimum.w[0] + 1) < 1e-9 && Math.abs(a.optimum.w[1] - 1) < 1e-9, 'w = w*');
    const c = a.optimum.b + a.optimum.w[0] * a.optimum.s[0] + a.optimum.w[1] * a.optimum.s[1];
    assert.ok(Math.abs(c - 0.3) < 1e-9, `effective bias ${c} = b*`);
    assert.ok(a.optimum.loss < 1e-20);
    const obj = buildProblem(s);
    const g = new Float64Array(obj.q);
    obj.lossAndGradient([...a.optimum.w, a.optimum.b, ...a.optimum.s], g);
    assert.ok(Math.max(...Array.from(g, Math.abs)) < 1e-10);
    assert.equal(a.run.converged, true);
    const end = pointAt(a.run.path, a.run.path.length - 1);
    assert.ok(end.s && Math.hypot(end.s[0] - a.optimum.s[0], end.s[1] - a.optimum.s[1]) < 1e-3, 'the run ends at θ*');
  });

  it('a bias-free shift without trained bias: w*·s = b* − b₀ on the optimal set', () => {
    const a = analyzeSpec(spec(`f = w·(x + s)\n${BASE}batch = all\nlr = 0.3\nsteps = 50\n`), { variants: false });
    assert.ok(a.optimum?.s);
    const ws = a.optimum.w[0] * a.optimum.s[0] + a.optimum.w[1] * a.optimum.s[1];
    assert.ok(Math.abs(ws - 0.3) < 1e-9);
  });

  it('reports the Hessian at the start (it may be indefinite) and leaves λ ≤ 0 out of the stability check', () => {
    const a = analyzeSpec(spec(`f = w·(x + s) + b\n${BASE}lr = 0.1\n`), { variants: false });
    assert.equal(a.shift, true);
    assert.match(a.learningRate.convention, /not quadratic/);
    assert.ok(a.learningRate.unstableDirections.every((d) => d.eigenvalue > 0));
    assert.match(a.sentence, /x \+ s has mixed signs in \d+ of 12 samples/);
    assert.ok(pathPoints(a.run.path).every((p) => Array.isArray(p.s) && p.s.length === 2));
  });

  it('without a shift nothing changes: no s on path entries, no shift flag', () => {
    const a = analyzeSpec(spec(`f = w·x + b\n${BASE}steps = 5\n`), { variants: false });
    assert.equal(a.shift, undefined);
    assert.ok(pathPoints(a.run.path).every((p) => p.s === undefined));
  });
});
