import * as assert from 'node:assert/strict';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import { buildDataset } from '../../../src/core/engine/dataset';
import { createStepper } from '../../../src/core/engine/optimizers';
import { allFinite, explicitSpec, makeSpec, uniformSpec } from './fixture';
import { pathPoints, pointAt } from '../../../src/core/analysis/runPath';

describe('data set and run', () => {
  it('reproduces a seeded spec bit for bit', () => {
    const spec = makeSpec({ shuffle: true, batch: 5, optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 } });
    assert.equal(JSON.stringify(analyzeSpec(spec)), JSON.stringify(analyzeSpec(spec)));
    assert.notEqual(JSON.stringify(analyzeSpec(spec)), JSON.stringify(analyzeSpec({ ...spec, seed: 2 })));
  });

  it('pins the first generated inputs of the default lesson', () => {
    const d = buildDataset(makeSpec());
    assert.deepEqual([d.raw[0], d.raw[1], d.raw[2]], PINNED_INPUTS);
  });

  it('labels with the teacher on the activated inputs, before preprocessing', () => {
    const d = buildDataset(makeSpec({ preprocess: 'center' }));
    for (let p = 0; p < d.P; p++) assert.equal(d.y[p], -1 * d.raw[2 * p] + 1 * d.raw[2 * p + 1] + 0);
    let m0 = 0;
    for (let p = 0; p < d.P; p++) m0 += d.x[2 * p];
    assert.ok(Math.abs(m0 / d.P) < 1e-15, 'the trained inputs are centred');
  });

  it('path entry k holds θ after k steps and the update taken from there', () => {
    const a = analyzeSpec(makeSpec({ steps: 10 }));
    const path = a.run.path;
    assert.equal(path.length, 11);
    for (let k = 0; k < 10; k++) {
      assert.equal(pointAt(path, k).step, k);
      assert.equal(pointAt(path, k + 1).w[0], pointAt(path, k).w[0] + pointAt(path, k).update![0]);
      assert.equal(pointAt(path, k + 1).b, pointAt(path, k).b + pointAt(path, k).update![2]);
      assert.deepEqual(pointAt(path, k).batch, [k % 64]);
      // gradient = δ·x̃ for batch 1
      const d = pointAt(path, k).deltas![0];
      assert.ok(Math.abs(pointAt(path, k).gradient[2] - d) < 1e-15);
    }
    assert.equal(pointAt(path, 10).update, null);
    assert.equal(pointAt(path, 10).signCoherent, null);
    assert.deepEqual(pointAt(path, 0).w, [1.5, -0.5]);
  });

  it('omits batch and deltas above the recording cap and keeps every k-th entry on request', () => {
    const a = analyzeSpec(makeSpec({ batch: 'all', steps: 20 }), { recordCap: 8, pathEvery: 5 });
    assert.equal(pointAt(a.run.path, 0).batch, undefined);
    assert.deepEqual(
      pathPoints(a.run.path).map((p) => p.step),
      [0, 5, 10, 15, 20],
    );
  });

  it('momentum is stable for ηλ < 2 + 2β and unstable above, where plain GD diverges already', () => {
    const base = uniformSpec(2, 500, { hasBias: false, biasTrained: false, batch: 'all', steps: 4000 });
    const probe = analyzeSpec({ ...base, steps: 0 });
    const lmax = probe.hessian.eigenvalues[0];
    const v = probe.hessian.eigenvectors[0];
    const w = [probe.optimum!.w[0] + v[0], probe.optimum!.w[1] + v[1]];
    const momentum = { kind: 'momentum', beta: 0.9 } as const;
    const inside = analyzeSpec({ ...base, w, optimizer: momentum, lr: (0.97 * 3.8) / lmax });
    assert.ok(inside.learningRate.stable && inside.run.converged, inside.sentence);
    const sgdSame = analyzeSpec({ ...base, w, lr: (0.97 * 3.8) / lmax });
    assert.ok(!sgdSame.learningRate.stable && sgdSame.run.diverged);
    const outside = analyzeSpec({ ...base, w, optimizer: momentum, lr: (1.03 * 3.8) / lmax });
    assert.ok(!outside.learningRate.stable && outside.run.diverged);
    assert.match(outside.sentence, /2 \+ 2β/);
  });

  it('optimum inside the cone: the path is nearly straight; outside: it zig-zags', () => {
    const inside = analyzeSpec(
      makeSpec({ hasBias: false, biasTrained: false, w: [0, 0], labels: { kind: 'teacher', w: [1, 1.2], b: 0 }, lr: 0.3, steps: 400 }),
    );
    assert.equal(inside.cone.kind, 'sector');
    assert.equal(inside.cone.optimumInside, true);
    assert.ok(inside.run.zigzagRatio! < 1.25, `inside ratio ${inside.run.zigzagRatio}`);
    assert.match(inside.sentence, /inside that cone/);
    const outside = analyzeSpec(
      makeSpec({ hasBias: false, biasTrained: false, w: [0, 0], labels: { kind: 'teacher', w: [-1, 1], b: 0 }, lr: 0.3, steps: 400 }),
    );
    assert.equal(outside.cone.optimumInside, false);
    assert.ok(outside.run.zigzagRatio! > 2, `outside ratio ${outside.run.zigzagRatio}`);
    assert.match(outside.sentence, /outside that cone, so the path zig-zags/);
  });

  it('logistic loss with a teacher: Newton recovers the teacher, and GD heads there', () => {
    const spec = makeSpec({ loss: 'logistic', labels: { kind: 'teacher', w: [2, -1], b: 0.5 }, batch: 'all', lr: 4, steps: 3000 });
    const a = analyzeSpec(spec);
    assert.equal(a.optimum?.method, 'newton');
    assert.ok(Math.abs(a.optimum!.w[0] - 2) < 1e-6 && Math.abs(a.optimum!.w[1] + 1) < 1e-6 && Math.abs(a.optimum!.b - 0.5) < 1e-6);
    const last = pointAt(a.run.path, a.run.path.length - 1);
    assert.ok(Math.hypot(last.w[0] - 2, last.w[1] + 1) < Math.hypot(1.5 - 2, -0.5 + 1));
  });

  it('logistic loss on separable 0/1 labels: no finite optimum, and the sentence says why', () => {
    const spec = explicitSpec(
      [
        [0.9, 0.1],
        [0.8, 0.3],
        [0.2, 0.7],
        [0.1, 0.95],
      ],
      {
        loss: 'logistic',
        labels: { kind: 'explicit', values: [1, 1, 0, 0] },
        steps: 50,
      },
    );
    const a = analyzeSpec(spec);
    assert.equal(a.optimum, null);
    assert.equal(a.run.converged, false);
    assert.equal(a.contours.heldAt, 'start');
    assert.match(a.sentence, /no finite minimum/);
    assert.ok(allFinite(a));
  });

  it('Adam: bias-corrected first steps on a hand-checked case', () => {
    const s = createStepper({ kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 0.1, 1);
    const u = new Float64Array(1);
    s.step([2], u); // m = 0.2, v = 0.004; m̂ = 2, v̂ = 4 → Δ = −0.1·2/(2 + 1e-8)
    assert.ok(Math.abs(u[0] - -0.1 * (2 / (2 + 1e-8))) < 1e-16);
    s.step([1], u); // m = 0.18 + 0.1 = 0.28, v = 0.003996 + 0.001 = 0.004996; m̂ = 0.28/0.19, v̂ = 0.004996/0.001999
    const expected = (-0.1 * (0.28 / 0.19)) / (Math.sqrt(0.004996 / 0.001999) + 1e-8);
    assert.ok(Math.abs(u[0] - expected) < 1e-12, `${u[0]} vs ${expected}`);
    assert.ok(Math.abs(u[0] - -0.093218) < 1e-6);
  });

  it('RMSProp: first steps on a hand-checked case (no bias correction)', () => {
    const s = createStepper({ kind: 'rmsprop', rho: 0.9, eps: 1e-8 }, 0.1, 1);
    const u = new Float64Array(1);
    s.step([2], u); // s = 0.4 → Δ = −0.2/(√0.4 + 1e-8) ≈ −0.316228
    assert.ok(Math.abs(u[0] - -0.2 / (Math.sqrt(0.4) + 1e-8)) < 1e-15);
    assert.ok(Math.abs(u[0] - -0.3162277) < 1e-6);
    s.step([1], u); // s = 0.36 + 0.1 = 0.46 → Δ = −0.1/(√0.46 + 1e-8)
    assert.ok(Math.abs(u[0] - -0.1 / (Math.sqrt(0.46) + 1e-8)) < 1e-15);
  });

  it('Nesterov takes its gradient at the look-ahead point θ − ηβv', () => {
    const s = createStepper({ kind: 'nesterov', beta: 0.5 }, 0.1, 1);
    const u = new Float64Array(1);
    const look = new Float64Array(1);
    assert.equal(s.lookAhead([1], look), true);
    assert.equal(look[0], 1); // v = 0
    s.step([2], u); // v = 2, Δ = −0.2
    s.lookAhead([0.8], look);
    assert.ok(Math.abs(look[0] - (0.8 - 0.1 * 0.5 * 2)) < 1e-15);
  });

  it('stops a runaway run, keeps every number finite and names the unstable direction', () => {
    const a = analyzeSpec(makeSpec({ batch: 'all', lr: 1e6, steps: 1000 }));
    assert.ok(a.run.diverged);
    assert.ok(a.run.divergedAt! < 20);
    assert.equal(a.run.path.length, a.run.divergedAt! + 1);
    assert.ok(a.run.divergence!.directions.length > 0);
    assert.ok(allFinite(a));
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(a)));
  });

  it('converges and reports the first step from which it stays within tolerance', () => {
    const a = analyzeSpec(makeSpec({ batch: 'all', lr: 1.2, steps: 5000, preprocess: 'standardize' }));
    assert.ok(a.run.converged);
    const k = a.run.convergedAt!;
    const opt = [...a.optimum!.w, a.optimum!.b];
    const d = (p: { w: number[]; b: number }): number => Math.hypot(...[...p.w, p.b].map((v, i) => v - opt[i]));
    const d0 = d(pointAt(a.run.path, 0));
    for (const p of pathPoints(a.run.path).slice(k)) assert.ok(d(p) <= 1e-3 * d0);
    assert.ok(d(pointAt(a.run.path, k - 1)) > 1e-3 * d0);
  });
});

const PINNED_INPUTS = [0.10197964798323239, 0.4157681237661199, 0.8497318819171298];
