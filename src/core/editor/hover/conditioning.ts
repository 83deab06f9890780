/**
 * Condition numbers the Hessian would have under each preprocessing, for the squared loss
 * (docs/science.md, "Conditioning"), from the raw inputs' statistics: mean m, second moment M = E[x xᵀ],
 * covariance C = M − m mᵀ.
 *
 *   none         H = M                        (with a trained bias: [[M, m], [mᵀ, 1]])
 *   center       H = C                        ([[C, 0], [0, 1]])
 *   standardize  H = D⁻¹ C D⁻¹, D = diag(√Cᵢᵢ) (constant components only centred)
 *   whiten       H = I, up to the ZCA floor on near-flat directions
 *   batchnorm    H = D⁻¹ C D⁻¹, D = diag(√(Cᵢᵢ + ε)), ε = 1e-5: the full-data objective (full-data
 *                statistics); a mini-batch step sees its own batch's statistics instead
 *   layernorm    singular: every normalised sample sums to 0 over its features, so (1, …, 1) is a
 *                null direction of the weights' Hessian (all of H when n = 1) — κ = ∞ (null)
 *
 * κ = λmax/λmin, or null when the matrix is singular (λmin ≤ 1e-12·λmax).
 */
import type { InputStats } from '../../analysis/types';
import type { Preprocess } from '../../spec/types';
import { symmetricEigen } from '../../engine/linalg';
import { NORM_EPSILON } from '../../engine/normalize';
import { STD_FLOOR, WHITEN_FLOOR } from '../../engine/preprocess';

/** Above this dimension the O(n³) eigen-decompositions are skipped (hovers stay fast). */
export const MAX_CONDITIONING_DIMENSION = 64;

function kappa(values: ArrayLike<number>): number | null {
  let max = -Infinity;
  let min = Infinity;
  for (let k = 0; k < values.length; k++) {
    max = Math.max(max, values[k]);
    min = Math.min(min, values[k]);
  }
  if (!(max > 0) || !(min > 1e-12 * max)) return null;
  return max / min;
}

function eigenvalues(rows: number[][]): Float64Array {
  const q = rows.length;
  const flat = new Float64Array(q * q);
  rows.forEach((r, i) => r.forEach((v, j) => (flat[i * q + j] = v)));
  return symmetricEigen(flat, q).values;
}

function augment(h: number[][], m: readonly number[] | null): number[][] {
  const n = h.length;
  const out = h.map((row, i) => [...row, m ? m[i] : 0]);
  out.push([...Array.from({ length: n }, (_, i) => (m ? m[i] : 0)), 1]);
  return out;
}

/** κ of the squared-loss Hessian after `kind`, from the raw (not preprocessed) input statistics. */
export function conditionAfter(kind: Preprocess, raw: InputStats, biasTrained: boolean): number | null {
  const n = raw.mean.length;
  if (n === 0 || n > MAX_CONDITIONING_DIMENSION) return null;
  const m = raw.mean;
  const M = raw.secondMoment;
  const C = M.map((row, i) => row.map((v, j) => v - m[i] * m[j]));
  let H: number[][];
  switch (kind) {
    case 'none':
      return kappa(eigenvalues(biasTrained ? augment(M, m) : M));
    case 'center':
      H = C;
      break;
    case 'standardize': {
      const s = m.map((mi, i) => {
        const sd = Math.sqrt(Math.max(0, C[i][i]));
        return sd <= STD_FLOOR * (1 + Math.abs(mi)) ? 1 : sd;
      });
      H = C.map((row, i) => row.map((v, j) => v / (s[i] * s[j])));
      break;
    }
    case 'batchnorm': {
      const s = C.map((row, i) => Math.sqrt(Math.max(0, row[i]) + NORM_EPSILON));
      H = C.map((row, i) => row.map((v, j) => v / (s[i] * s[j])));
      break;
    }
    case 'layernorm':
      // x̂ₚ·(1, …, 1) = 0 for every sample: H (1, …, 1, [0]) = 0, exactly singular.
      return null;
    case 'whiten': {
      const ev = eigenvalues(C);
      const floor = WHITEN_FLOOR * Math.max(ev[0] ?? 0, 0);
      const scaled = Array.from(ev, (l) => (Math.max(l, floor) > 0 ? l / Math.max(l, floor) : 0));
      if (biasTrained) scaled.push(1);
      return kappa(scaled);
    }
  }
  return kappa(eigenvalues(biasTrained ? augment(H, null) : H));
}
