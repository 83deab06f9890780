// The engine's hot loops (issue 11 §1: the worst accepted spec under 2 s in a long-running worker)
// are module-level kernels, an unrolled n = 2 case and a permutation drawn with the generator's
// state in locals. Each must give the numbers of the plain definition, bit for bit.
import * as assert from 'node:assert/strict';
import { buildProblem } from '../../../src/core/analysis/analyze';
import { BatchSchedule } from '../../../src/core/engine/batches';
import { withBatchNorm } from '../../../src/core/engine/batchNormObjective';
import { batchNormalizeRows } from '../../../src/core/engine/normalize';
import { buildObjective, sampleDelta, type Objective } from '../../../src/core/engine/objective';
import { epochPermutation, Rng, STREAM_SHUFFLE } from '../../../src/core/engine/random';
import { softplus } from '../../../src/core/engine/activations';
import { shiftOutput } from '../../../src/core/engine/shiftObjective';
import { makeSpec } from './fixture';

/** Fisher–Yates through the generator's methods: the definition epochPermutation writes out. */
function referencePermutation(seed: number, epoch: number, P: number): Int32Array {
  const rng = new Rng(seed, STREAM_SHUFFLE, epoch);
  const perm = new Int32Array(P);
  for (let i = 0; i < P; i++) perm[i] = i;
  for (let i = P - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm;
}

/** The batch of step k by the stream's definition: position kB + j is π_e(pos − eP), e = ⌊pos / P⌋. */
function referenceBatch(P: number, B: number, shuffle: boolean, seed: number, k: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < B; j++) {
    const pos = k * B + j;
    const e = Math.floor(pos / P);
    out.push(shuffle ? referencePermutation(seed, e, P)[pos - e * P] : pos - e * P);
  }
  return out;
}

/** The mean gradient and δₚ of a batch, one sample at a time through sampleDelta (the definition). */
function referenceGradient(o: Objective, theta: ArrayLike<number>, batch: readonly number[]): { grad: number[]; deltas: number[] } {
  const grad = new Array<number>(o.q).fill(0);
  const deltas: number[] = [];
  for (const p of batch) {
    const d = sampleDelta(o, theta, p);
    deltas.push(d);
    for (let i = 0; i < o.n; i++) grad[i] += d * o.data.x[p * o.n + i];
    if (o.biasTrained) grad[o.n] += d;
  }
  return { grad: grad.map((g) => g / batch.length), deltas };
}

const same = (got: ArrayLike<number>, want: ArrayLike<number>, what: string): void => {
  assert.equal(got.length, want.length, what);
  for (let i = 0; i < want.length; i++) assert.ok(Object.is(got[i], want[i]), `${what}[${i}]: ${got[i]} against ${want[i]}`);
};

describe('engine kernels: the same numbers as the definitions', () => {
  it('draws each epoch permutation as Fisher–Yates through Rng.below does', () => {
    for (const [seed, P] of [
      [3, 100_000],
      [0, 7],
      [1e15, 1000],
      [-5, 2],
      [7, 1],
    ] as const)
      for (const epoch of [0, 1, 2, 17, 4096])
        same(epochPermutation(seed, epoch, P), referencePermutation(seed, epoch, P), `seed ${seed}, P ${P}, epoch ${epoch}`);
  });

  it('lists every batch as the stream of (shuffled) epochs does, across epoch boundaries', () => {
    for (const P of [1, 5, 7, 64])
      for (const B of [1, 2, 3, Math.max(1, P - 1), P])
        for (const shuffle of [false, true]) {
          const schedule = new BatchSchedule(P, B, shuffle, 11);
          const out = new Int32Array(B);
          for (const k of [0, 1, 2, 3, 5, 8, 13, 40, 41, 1000]) {
            assert.equal(schedule.batchOf(k, out), B);
            same(out, referenceBatch(P, B, shuffle, 11, k), `P ${P}, B ${B}, shuffle ${shuffle}, step ${k}`);
          }
        }
  });

  it('takes mini-batch gradients and δₚ as the per-sample definition does (n = 2 unrolled, other n looped, either loss)', () => {
    for (const n of [1, 2, 3])
      for (const loss of ['squared', 'logistic'] as const)
        for (const biasTrained of [true, false]) {
          const spec = makeSpec({ w: Array.from({ length: n }, (_, i) => 0.3 - i), samples: 50, loss, biasTrained, b: 0.25 });
          const o = buildProblem(spec);
          const theta = Float64Array.from({ length: o.q }, (_, i) => 0.7 - 0.4 * i);
          const batch = [3, 49, 0, 17, 17, 8, 22];
          const grad = new Float64Array(o.q);
          const deltas = new Float64Array(batch.length);
          o.batchGradient(theta, batch, batch.length, grad, deltas);
          const want = referenceGradient(o, theta, batch);
          const what = `n ${n}, ${loss}, bias ${biasTrained ? 'trained' : 'fixed'}`;
          same(grad, want.grad, `${what}: gradient`);
          same(deltas, want.deltas, `${what}: δ`);
        }
  });

  it('sums the logistic loss and gradient over all samples as the definition does', () => {
    const o = buildProblem(makeSpec({ w: [0.4, -1.2, 2], samples: 40, loss: 'logistic' }));
    const theta = [0.5, -0.25, 1.5, -0.1];
    let s = 0;
    for (let p = 0; p < o.P; p++) {
      const row = p * o.n;
      let f = theta[o.n];
      for (let i = 0; i < o.n; i++) f += theta[i] * o.data.x[row + i];
      s += softplus(f) - o.data.y[p] * f;
    }
    assert.ok(Object.is(o.lossAt(theta), s / o.P));
    // The gradient takes σ(f) from e = e^{−|f|}, the value softplus shares.
    const want = new Array<number>(o.q).fill(0);
    for (let p = 0; p < o.P; p++) {
      const row = p * o.n;
      let f = theta[o.n];
      for (let i = 0; i < o.n; i++) f += theta[i] * o.data.x[row + i];
      const e = Math.exp(-Math.abs(f));
      const d = (f >= 0 ? 1 / (1 + e) : e / (1 + e)) - o.data.y[p];
      for (let i = 0; i < o.n; i++) want[i] += d * o.data.x[row + i];
      want[o.n] += d;
    }
    const grad = new Float64Array(o.q);
    assert.ok(Object.is(o.lossAndGradient(theta, grad), s / o.P));
    same(
      grad,
      want.map((g) => g / o.P),
      'gradient',
    );
  });

  it('takes the shift model’s loss, gradient and δₚ sample by sample (f = w·(x + s) + b)', () => {
    for (const loss of ['squared', 'logistic'] as const) {
      const spec = makeSpec({ samples: 30, loss, shift: true, s: [0.2, -0.3] });
      const o = buildObjective(buildProblem({ ...spec, shift: false }).data, loss, true, 0, true);
      const theta = [0.9, -0.4, 0.1, 0.3, -0.2];
      const batch = [4, 29, 0, 4];
      let s = 0;
      for (let p = 0; p < o.P; p++) {
        const f = shiftOutput(theta, o.data, p, true, 0);
        const y = o.data.y[p];
        s += loss === 'squared' ? 0.5 * (f - y) * (f - y) : Math.max(f, 0) + Math.log1p(Math.exp(-Math.abs(f))) - y * f;
      }
      assert.ok(Object.is(o.lossAt(theta), s / o.P), `${loss}: loss`);
      const grad = new Float64Array(o.q);
      const deltas = new Float64Array(batch.length);
      o.batchGradient(theta, batch, batch.length, grad, deltas);
      same(
        deltas,
        batch.map((p) => sampleDelta(o, theta, p)),
        `${loss}: δ`,
      );
      const want = new Array<number>(o.q).fill(0);
      for (const p of batch) {
        const d = sampleDelta(o, theta, p);
        for (let i = 0; i < o.n; i++) {
          want[i] += d * (o.data.x[p * o.n + i] + theta[o.n + 1 + i]);
          want[o.n + 1 + i] += d * theta[i];
        }
        want[o.n] += d;
      }
      same(
        grad,
        want.map((g) => g / batch.length),
        `${loss}: gradient`,
      );
    }
  });

  it('normalises each batch with its own statistics before the gradient (batch norm)', () => {
    const o = buildProblem(makeSpec({ samples: 40, preprocess: 'batchnorm' }));
    assert.ok(o.batchNormalized);
    const bn = withBatchNorm(buildProblem(makeSpec({ samples: 40 })));
    const batch = [1, 5, 9, 33];
    const theta = [0.3, -0.8, 0.05];
    const rows = new Float64Array(batch.length * 2);
    batchNormalizeRows(bn.data.raw, 2, batch, batch.length, rows);
    const want = [0, 0, 0];
    const deltas: number[] = [];
    batch.forEach((p, k) => {
      let f = theta[2];
      for (let i = 0; i < 2; i++) f += theta[i] * rows[k * 2 + i];
      const d = f - bn.data.y[p];
      deltas.push(d);
      for (let i = 0; i < 2; i++) want[i] += d * rows[k * 2 + i];
      want[2] += d;
    });
    const grad = new Float64Array(3);
    const got = new Float64Array(batch.length);
    bn.batchGradient(theta, batch, batch.length, grad, got);
    same(got, deltas, 'δ');
    same(
      grad,
      want.map((g) => g / batch.length),
      'gradient',
    );
  });

  it('gives the same numbers to every objective built from the same data, however many were built before', () => {
    const spec = makeSpec({ samples: 200, batch: 16 });
    const first = buildProblem(spec);
    for (let k = 0; k < 5; k++) buildProblem(makeSpec({ samples: 30 + k, w: Array.from({ length: k + 1 }, () => 0.5) }));
    const later = buildProblem(spec);
    const batch = Array.from({ length: 16 }, (_, i) => (i * 37) % 200);
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    first.batchGradient([0.2, 0.4, -0.1], batch, 16, a);
    later.batchGradient([0.2, 0.4, -0.1], batch, 16, b);
    same(b, a, 'gradient');
  });
});
