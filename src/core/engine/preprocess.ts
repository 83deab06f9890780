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
 */
import type { InputStats } from '../analysis/types';
import type { Preprocess } from '../spec/types';
import { symmetricEigen, toRows } from './linalg';

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
 * Computed column by column (a transposed copy keeps the inner products contiguous).
 */
export function gram(
  x: Float64Array,
  P: number,
  n: number,
  augment: boolean,
  weights?: ArrayLike<number>,
  shift?: ArrayLike<number>,
): Float64Array {
  const q = augment ? n + 1 : n;
  const cols = new Float64Array(q * P);
  for (let p = 0; p < P; p++) {
    const row = p * n;
    for (let i = 0; i < n; i++) cols[i * P + p] = x[row + i] - (shift ? shift[i] : 0);
    if (augment) cols[n * P + p] = 1;
  }
  const g = new Float64Array(q * q);
  const wcol = new Float64Array(P);
  for (let i = 0; i < q; i++) {
    const ci = i * P;
    for (let p = 0; p < P; p++) wcol[p] = weights ? weights[p] * cols[ci + p] : cols[ci + p];
    for (let j = i; j < q; j++) {
      const cj = j * P;
      let s = 0;
      for (let p = 0; p < P; p++) s += wcol[p] * cols[cj + p];
      s /= P;
      g[i * q + j] = s;
      g[j * q + i] = s;
    }
  }
  return g;
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
