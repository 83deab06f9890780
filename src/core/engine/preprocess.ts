/**
 * Input statistics and preprocessing, computed on the data set itself (P samples, n components,
 * row-major X[p][i] = x[p·n + i]).
 *
 *   mean        m = (1/P) Σₚ xₚ
 *   moment      M = (1/P) Σₚ xₚ xₚᵀ           (uncentred second moment, E[x xᵀ])
 *   covariance  C = M − m mᵀ  (computed as (1/P) Σ (xₚ − m)(xₚ − m)ᵀ, no cancellation)
 *   std         sᵢ = √Cᵢᵢ  (population)
 *
 * Transforms (applied to every sample, labels unchanged):
 *   center       x ← x − m
 *   standardize  xᵢ ← (xᵢ − mᵢ) / sᵢ, with sᵢ ≤ STD_FLOOR·(1 + |mᵢ|) treated as 1 (a constant
 *                component is only centred)
 *   whiten       ZCA: x ← W (x − m), W = V diag(1/√max(λ, ε)) Vᵀ with C = V Λ Vᵀ and the floor
 *                ε = WHITEN_FLOOR · λmax, so near-flat directions are not blown up to noise.
 *   batchnorm    (xᵢ − mᵢ)/√(sᵢ² + ε), ε = 1e-5: batch norm with the FULL-DATA statistics
 *                (normalize.ts). These fixed inputs define the full-data objective the analysis
 *                reports (Hessian, κ, bounds, optimum, the path's loss); each step of a run
 *                normalises its own batch instead (batchNormObjective.ts).
 *   layernorm    each sample across its features (normalize.ts): a fixed per-sample transform.
 */
import type { InputStats } from '../analysis/types';
import type { Preprocess } from '../spec/types';
import { symmetricEigen, toRows } from './linalg';
import { batchNormalizeAll, layerNormalize } from './normalize';

/** Relative floor below which a standard deviation counts as zero. */
export const STD_FLOOR = 1e-12;
/** ZCA eigenvalue floor, relative to the largest covariance eigenvalue. */
export const WHITEN_FLOOR = 1e-6;

/** Column means m (length n). */
export function columnMeans(x: Float64Array, P: number, n: number): Float64Array {
  const m = new Float64Array(n);
  for (let p = 0; p < P; p++) {
    const row = p * n;
    for (let i = 0; i < n; i++) m[i] += x[row + i];
  }
  for (let i = 0; i < n; i++) m[i] /= P;
  return m;
}

/**
 * Weighted Gram matrix G = (1/P) Σₚ ωₚ uₚ uₚᵀ over the augmented rows uₚ = [xₚ, 1] (when
 * `augment`) or xₚ, optionally after subtracting a shift s from every xₚ. Returns q × q, row-major.
 *
 * Every entry i ≤ j is the sum s = Σₚ (ωₚ uₚᵢ) uₚⱼ taken from 0 in sample order p = 0, 1, …, then
 * divided by P and mirrored to (j, i): the same operations, in the same order, as the plain
 * double loop, so the result does not depend on how the work is blocked. Only the upper
 * triangle is computed. The inputs are first transposed (cols[i·P + p] = uₚᵢ) so each
 * component's P values are contiguous; then 2 × 4 tiles of G are accumulated in registers
 * (8 sums from 6 streams per sample instead of 1 sum from 2), which keeps the work close to the
 * arithmetic even when q × P does not fit in the caches (n = 1000).
 */
export function gram(x: Float64Array, P: number, n: number, augment: boolean, weights?: ArrayLike<number>, shift?: ArrayLike<number>): Float64Array {
  const q = augment ? n + 1 : n;
  const cols = new Float64Array(q * P);
  if (shift) {
    for (let p = 0; p < P; p++) {
      const row = p * n;
      for (let i = 0; i < n; i++) cols[i * P + p] = x[row + i] - shift[i];
    }
  } else {
    for (let p = 0; p < P; p++) {
      const row = p * n;
      for (let i = 0; i < n; i++) cols[i * P + p] = x[row + i];
    }
  }
  if (augment) cols.fill(1, n * P, q * P);
  const g = new Float64Array(q * q);
  // The left factors ωₚ uₚᵢ of two rows i, i+1 (weighted copies, or the columns themselves).
  const left = weights ? new Float64Array(2 * P) : cols;
  let i = 0;
  for (; i + 1 < q; i += 2) {
    let l0 = i * P;
    if (weights) {
      weightRows(cols, weights, P, i, left);
      l0 = 0;
    }
    const l1 = l0 + P;
    let j = i;
    for (; j + 4 <= q; j += 4) tile2x4(left, l0, l1, cols, j * P, P, g, i * q + j, q, j === i);
    for (; j < q; j++) {
      const cj = j * P;
      g[i * q + j] = dotFrom(left, l0, cols, cj, P);
      if (j > i) g[(i + 1) * q + j] = dotFrom(left, l1, cols, cj, P);
    }
  }
  if (i < q) {
    // Odd q: the last row has only its diagonal entry.
    let l0 = i * P;
    if (weights) {
      for (let p = 0; p < P; p++) left[p] = weights[p] * cols[l0 + p];
      l0 = 0;
    }
    g[i * q + i] = dotFrom(left, l0, cols, i * P, P);
  }
  for (let r = 0; r < q; r++) {
    for (let c = r; c < q; c++) {
      const s = g[r * q + c] / P;
      g[r * q + c] = s;
      g[c * q + r] = s;
    }
  }
  return g;
}

/** left[0 … 2P) = ωₚ uₚᵢ and ωₚ uₚ,ᵢ₊₁ (the weighted left factors of rows i and i + 1). */
function weightRows(cols: Float64Array, weights: ArrayLike<number>, P: number, i: number, left: Float64Array): void {
  const c0 = i * P;
  const c1 = c0 + P;
  for (let p = 0; p < P; p++) {
    const w = weights[p];
    left[p] = w * cols[c0 + p];
    left[P + p] = w * cols[c1 + p];
  }
}

/** Σₚ a[ao + p]·b[bo + p], summed from 0 in order p = 0 … P−1. */
function dotFrom(a: Float64Array, ao: number, b: Float64Array, bo: number, P: number): number {
  let s = 0;
  for (let p = 0; p < P; p++) s += a[ao + p] * b[bo + p];
  return s;
}

/**
 * The 2 × 4 tile of G at rows i, i+1 (left factors at a0, a1) and columns j … j+3 (columns from
 * b0 on, P apart), written unscaled at g[r0 …] and g[r0 + q …]. On the diagonal tile (j = i)
 * the entry (i+1, i) lies below the diagonal and is not written.
 */
function tile2x4(
  a: Float64Array,
  a0: number,
  a1: number,
  b: Float64Array,
  b0: number,
  P: number,
  g: Float64Array,
  r0: number,
  q: number,
  diagonal: boolean,
): void {
  const b1 = b0 + P;
  const b2 = b1 + P;
  const b3 = b2 + P;
  let s00 = 0;
  let s01 = 0;
  let s02 = 0;
  let s03 = 0;
  let s10 = 0;
  let s11 = 0;
  let s12 = 0;
  let s13 = 0;
  for (let p = 0; p < P; p++) {
    const x0 = b[b0 + p];
    const x1 = b[b1 + p];
    const x2 = b[b2 + p];
    const x3 = b[b3 + p];
    const u = a[a0 + p];
    s00 += u * x0;
    s01 += u * x1;
    s02 += u * x2;
    s03 += u * x3;
    const v = a[a1 + p];
    s10 += v * x0;
    s11 += v * x1;
    s12 += v * x2;
    s13 += v * x3;
  }
  g[r0] = s00;
  g[r0 + 1] = s01;
  g[r0 + 2] = s02;
  g[r0 + 3] = s03;
  const r1 = r0 + q;
  if (!diagonal) g[r1] = s10;
  g[r1 + 1] = s11;
  g[r1 + 2] = s12;
  g[r1 + 3] = s13;
}

/**
 * The statistics an Analysis reports about the inputs the run trains on. `moment` (n × n), when
 * the caller already has E[x xᵀ] (the squared loss' Hessian block), saves recomputing it.
 */
export function inputStats(x: Float64Array, P: number, n: number, moment?: Float64Array): InputStats {
  let allPositive = true;
  let allNonNegative = true;
  for (let k = 0; k < P * n; k++) {
    if (!(x[k] > 0)) allPositive = false;
    if (!(x[k] >= 0)) allNonNegative = false;
  }
  const m = columnMeans(x, P, n);
  const second = moment ?? gram(x, P, n, false);
  const std: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = 0; p < P; p++) {
      const d = x[p * n + i] - m[i];
      s += d * d;
    }
    std.push(Math.sqrt(s / P));
  }
  return { allPositive, allNonNegative, mean: Array.from(m), secondMoment: toRows(second, n, n), std };
}

/** Apply `kind` to the P × n inputs, returning a new array (the input is not modified). */
export function preprocessInputs(kind: Preprocess, x: Float64Array, P: number, n: number): Float64Array {
  if (kind === 'none') return Float64Array.from(x);
  if (kind === 'batchnorm') return batchNormalizeAll(x, P, n);
  if (kind === 'layernorm') return layerNormalize(x, P, n);
  const m = columnMeans(x, P, n);
  const out = new Float64Array(P * n);
  for (let p = 0; p < P; p++) for (let i = 0; i < n; i++) out[p * n + i] = x[p * n + i] - m[i];
  if (kind === 'center') return out;
  if (kind === 'standardize') {
    for (let i = 0; i < n; i++) {
      let ss = 0;
      for (let p = 0; p < P; p++) ss += out[p * n + i] * out[p * n + i];
      const s = Math.sqrt(ss / P);
      if (s <= STD_FLOOR * (1 + Math.abs(m[i]))) continue;
      for (let p = 0; p < P; p++) out[p * n + i] /= s;
    }
    return out;
  }
  // whiten (ZCA)
  const cov = gram(out, P, n, false);
  const eig = symmetricEigen(cov, n);
  const floor = WHITEN_FLOOR * Math.max(eig.values[0], 0);
  const w = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const lam = Math.max(eig.values[k], floor);
    if (!(lam > 0)) continue; // all inputs identical: nothing to scale
    const scale = 1 / Math.sqrt(lam);
    const vk = k * n;
    for (let i = 0; i < n; i++) {
      const f = scale * eig.vectors[vk + i];
      for (let j = 0; j < n; j++) w[i * n + j] += f * eig.vectors[vk + j];
    }
  }
  const res = new Float64Array(P * n);
  for (let p = 0; p < P; p++) {
    const row = p * n;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += w[i * n + j] * out[row + j];
      res[row + i] = s;
    }
  }
  return res;
}
