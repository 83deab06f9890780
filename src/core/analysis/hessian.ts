/**
 * Curvature of the mean loss at the start θ₀ over the trained parameters.
 *
 *   squared:  H = (1/P) Σ x̃x̃ᵀ (constant: the loss is quadratic)
 *   logistic: H = (1/P) Σ σ'(fₚ) x̃ₚx̃ₚᵀ at θ₀ (it changes along the path)
 *
 * H = V Λ Vᵀ (eigenvalues descending), κ = λmax / λmin when λmin > SINGULAR·λmax.
 */
import { symmetricEigen, toRows, type SymmetricEigen } from '../engine/linalg';
import type { Objective } from '../engine/objective';
import type { EigenDirection, HessianInfo } from './types';

/** λmin ≤ SINGULAR·λmax counts as singular (a flat direction): κ is then null. */
export const SINGULAR = 1e-12;

/** Parameter names of θ: "w1" … "wn" and "b" when the bias is trained. */
export function parameterNames(n: number, biasTrained: boolean, shift = false): string[] {
  const names = Array.from({ length: n }, (_, i) => `w${i + 1}`);
  if (biasTrained) names.push('b');
  if (shift) for (let i = 0; i < n; i++) names.push(`s${i + 1}`);
  return names;
}

/** Condition number λmax/λmin, or null when λmin is (numerically) zero or negative. */
export function conditionNumber(values: ArrayLike<number>): number | null {
  const q = values.length;
  if (q === 0) return null;
  const hi = values[0];
  const lo = values[q - 1];
  if (!(hi > 0) || !(lo > SINGULAR * hi)) return null;
  const k = hi / lo;
  return Number.isFinite(k) ? k : null;
}

/** Eigen-direction k of a decomposition as plain data. */
export function eigenDirection(eig: SymmetricEigen, k: number): EigenDirection {
  return { eigenvalue: eig.values[k], vector: Array.from(eig.vectors.subarray(k * eig.n, (k + 1) * eig.n)) };
}

/** Hessian at θ₀, its eigen-decomposition and the report. */
export function analyseHessian(obj: Objective, theta0: ArrayLike<number>): { info: HessianInfo; eig: SymmetricEigen; matrix: Float64Array } {
  const q = obj.q;
  const matrix = obj.hessianAt(theta0);
  const eig = symmetricEigen(matrix, q);
  const eigenvectors: number[][] = [];
  for (let k = 0; k < q; k++) eigenvectors.push(Array.from(eig.vectors.subarray(k * q, (k + 1) * q)));
  const info: HessianInfo = {
    parameters: parameterNames(obj.n, obj.biasTrained, obj.shift),
    matrix: toRows(matrix, q, q),
    eigenvalues: Array.from(eig.values),
    eigenvectors,
    conditionNumber: conditionNumber(eig.values),
  };
  return { info, eig, matrix };
}
