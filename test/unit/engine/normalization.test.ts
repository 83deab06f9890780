/**
 * An independent check of batch and layer normalisation: the inputs are recomputed here by a
 * separate, straightforward implementation (plain arrays, one formula per line), and the
 * engine's per-step gradients (PathPoint.gradient) are compared with centred finite differences
 * of the batch loss with batch-normalised inputs (h = 1e-5, relative error < 1e-7, GEOMETRY.md §6).
 */
import * as assert from 'node:assert/strict';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import { buildDataset } from '../../../src/core/engine/dataset';
import { parseSpec } from '../../../src/core/spec/parse';
import type { Spec } from '../../../src/core/spec/types';
import { conditionAfter } from '../../../src/core/editor/hover/conditioning';
import { inputStats } from '../../../src/core/engine/preprocess';
import { pathPoints } from '../../../src/core/analysis/runPath';

const EPS = 1e-5;

function specOf(text: string): Spec {
  const parsed = parseSpec(text);
  assert.deepEqual(
    parsed.diagnostics.map((d) => d.message),
    [],
  );
  return parsed.spec!;
}

/** Rows of the raw inputs as plain arrays. */
function rowsOf(x: Float64Array, P: number, n: number): number[][] {
  return Array.from({ length: P }, (_, p) => Array.from(x.subarray(p * n, p * n + n)));
}

/** Reference batch norm of the given rows, statistics of exactly these rows. */
function refBatchNorm(rows: number[][]): number[][] {
  const n = rows[0].length;
  const mean = Array.from({ length: n }, (_, i) => rows.reduce((s, r) => s + r[i], 0) / rows.length);
  const variance = Array.from({ length: n }, (_, i) => rows.reduce((s, r) => s + (r[i] - mean[i]) ** 2, 0) / rows.length);
  return rows.map((r) => r.map((v, i) => (v - mean[i]) / Math.sqrt(variance[i] + EPS)));
}

/** Reference layer norm of one sample. */
function refLayerNorm(r: number[]): number[] {
  const m = r.reduce((s, v) => s + v, 0) / r.length;
  const v = r.reduce((s, u) => s + (u - m) ** 2, 0) / r.length;
  return r.map((u) => (u - m) / Math.sqrt(v + EPS));
}

/** Batch loss (1/|B|) Σ ½(w·x̂ + b − y)² (or the logistic one) at θ = (w, b). */
function batchLoss(theta: number[], rows: number[][], y: number[], logistic: boolean): number {
  const n = rows[0].length;
  let s = 0;
  rows.forEach((r, k) => {
    const f = r.reduce((a, v, i) => a + theta[i] * v, theta[n]);
    s += logistic ? Math.max(f, 0) + Math.log1p(Math.exp(-Math.abs(f))) - y[k] * f : 0.5 * (f - y[k]) ** 2;
  });
  return s / rows.length;
}

/** Centred differences of batchLoss at θ, h = 1e-5. */
function finiteGradient(theta: number[], rows: number[][], y: number[], logistic: boolean): number[] {
  const h = 1e-5;
  return theta.map((_, j) => {
    const up = [...theta];
    const down = [...theta];
    up[j] += h;
    down[j] -= h;
    return (batchLoss(up, rows, y, logistic) - batchLoss(down, rows, y, logistic)) / (2 * h);
  });
}

const relErr = (a: number[], b: number[]): number => {
  const diff = Math.hypot(...a.map((v, i) => v - b[i]));
  const size = Math.max(Math.hypot(...a), Math.hypot(...b));
  return size === 0 ? 0 : diff / size;
};

const BASE = `f = w·x + b
x ~ sigmoid(normal(0, 1))
samples = 20
seed = 3
w* = [-1, 1, 0.5]
w = [1.5, -0.5, 0.2]
lr = 0.1
steps = 30
`;

describe('batch and layer normalisation, checked independently', () => {
  for (const [batch, loss] of [
    [8, 'squared'],
    [3, 'squared'],
    [8, 'logistic'],
    [1, 'squared'],
  ] as const) {
    it(`batch norm, batch ${batch}, ${loss} loss: every step's gradient matches finite differences of its batch loss (rel. error < 1e-7)`, () => {
      const spec = specOf(`${BASE}preprocess = batchnorm\nbatch = ${batch}\nloss = ${loss}\n`);
      const ds = buildDataset(spec);
      const raw = rowsOf(ds.raw, ds.P, ds.n);
      const a = analyzeSpec(spec, { variants: false });
      assert.equal(a.run.path.length, 31);
      pathPoints(a.run.path).forEach((point, k) => {
        // Batches in order, wrapping around (no shuffling): positions kB … kB + B − 1.
        const idx = Array.from({ length: batch }, (_, j) => (k * batch + j) % ds.P);
        const rows = refBatchNorm(idx.map((p) => raw[p]));
        const y = idx.map((p) => ds.y[p]);
        const theta = [...point.w, point.b];
        const fd = finiteGradient(theta, rows, y, loss === 'logistic');
        if (batch === 1) {
          assert.deepEqual(point.gradient.slice(0, 3), [0, 0, 0], `step ${k}: batch 1 normalises to 0`);
          assert.ok(Math.abs(point.gradient[3] - fd[3]) <= 1e-7 * Math.max(1e-300, Math.abs(fd[3])) + 1e-12);
        } else {
          const e = relErr(point.gradient, fd);
          assert.ok(e < 1e-7, `step ${k}: relative error ${e}`);
        }
      });
    });
  }

  it('batch norm with batch = all equals standardisation with the population variance plus ε, and the run uses it', () => {
    const spec = specOf(`${BASE}preprocess = batchnorm\nbatch = all\n`);
    const ds = buildDataset(spec);
    const ref = refBatchNorm(rowsOf(ds.raw, ds.P, ds.n));
    ref.forEach((r, p) => r.forEach((v, i) => assert.ok(Math.abs(ds.x[p * ds.n + i] - v) < 1e-14, `x̂[${p}][${i}]`)));
    // The full-batch gradient of each step is the full-data objective's.
    const a = analyzeSpec(spec, { variants: false });
    const y = Array.from(ds.y);
    for (const point of pathPoints(a.run.path)) {
      const e = relErr(point.gradient, finiteGradient([...point.w, point.b], ref, y, false));
      assert.ok(e < 1e-7, `step ${point.step}: ${e}`);
    }
    assert.equal(a.normalization?.statistics, 'full-data');
  });

  it('layer norm: the data set matches the reference per sample, and every gradient matches finite differences', () => {
    const spec = specOf(`${BASE}preprocess = layernorm\nbatch = 4\n`);
    const ds = buildDataset(spec);
    const ref = rowsOf(ds.raw, ds.P, ds.n).map(refLayerNorm);
    ref.forEach((r, p) => r.forEach((v, i) => assert.ok(Math.abs(ds.x[p * ds.n + i] - v) < 1e-14, `x̂[${p}][${i}]`)));
    const a = analyzeSpec(spec, { variants: false });
    pathPoints(a.run.path).forEach((point, k) => {
      const idx = Array.from({ length: 4 }, (_, j) => (k * 4 + j) % ds.P);
      const e = relErr(
        point.gradient,
        finiteGradient(
          [...point.w, point.b],
          idx.map((p) => ref[p]),
          idx.map((p) => ds.y[p]),
          false,
        ),
      );
      assert.ok(e < 1e-7, `step ${k}: ${e}`);
    });
    assert.equal(a.normalization?.kind, 'layernorm');
  });

  it("the preprocess hover's κ for batchnorm is the full-data objective's; layernorm's is null (singular along (1, …, 1))", () => {
    const spec = specOf(`${BASE}preprocess = batchnorm\nbatch = 5\n`);
    const ds = buildDataset(spec);
    const a = analyzeSpec(spec, { variants: false });
    const kappa = conditionAfter('batchnorm', inputStats(ds.raw, ds.P, ds.n), true);
    assert.ok(kappa !== null && Math.abs(kappa - a.hessian.conditionNumber!) < 1e-9 * kappa, `${kappa} vs ${a.hessian.conditionNumber}`);
    assert.equal(conditionAfter('layernorm', inputStats(ds.raw, ds.P, ds.n), true), null);
    const ln = analyzeSpec(specOf(`${BASE}preprocess = layernorm\n`), { variants: false });
    assert.equal(ln.hessian.conditionNumber, null);
  });

  it('compare = batchnorm, layernorm runs both variants by name', () => {
    const a = analyzeSpec(specOf(`${BASE}batch = 4\ncompare = batchnorm, layernorm\n`));
    assert.deepEqual(
      a.variants.map((v) => v.name),
      ['batchnorm', 'layernorm'],
    );
    assert.equal(a.variants[0].normalization?.kind, 'batchnorm');
    assert.equal(a.variants[1].normalization?.kind, 'layernorm');
  });
});
