/**
 * The plane's curvature beside the whole problem's. The weight plane (wᵢ, wⱼ) shows the loss with
 * every other parameter held fixed, so its contour ellipses are those of the 2 × 2 block
 *
 *     H_plane = [[Hᵢᵢ, Hᵢⱼ], [Hⱼᵢ, Hⱼⱼ]]
 *
 * of the Hessian H over all trained parameters θ (weights, and the bias when it is trained). Its
 * eigenvalues λ₁ ≥ λ₂ give the plane's κ = λ₁/λ₂; the condition number that governs the run (and
 * the step-size bounds) is the full H's, κ = λmax(H)/λmin(H). By Cauchy interlacing λmax(H) ≥ λ₁
 * and λmin(H) ≤ λ₂, so the full κ is never below the plane's; they are one number only when the
 * plane's block is the whole Hessian (n = 2 without a trained bias). Every label says which it is.
 */
import type { Analysis } from '../analysis/types';
import { symmetricEigen2 } from './geometry';
import type { Vec2 } from './types';

/** λmin ≤ RELATIVE_FLAT · λmax counts as a flat direction (κ infinite), as in the analysis (HessianInfo.conditionNumber). */
const RELATIVE_FLAT = 1e-12;

export interface PlaneSpectrum {
  /** Eigenvalues of the plane's 2 × 2 block, descending. */
  readonly values: readonly [number, number];
  /** Unit eigenvectors in plane coordinates, vectors[k] belongs to values[k]. */
  readonly vectors: readonly [Vec2, Vec2];
  /** values[0] / values[1]; null when the block is singular (a flat direction in the plane). */
  readonly kappa: number | null;
  /** κ of the Hessian over all trained parameters (HessianInfo.conditionNumber); null when singular or unknown. */
  readonly allKappa: number | null;
  /** The plane's block is the whole Hessian: the two κ are one number. */
  readonly whole: boolean;
  /** Names of all trained parameters ("w1", …, "b"). */
  readonly parameters: readonly string[];
}

/** λmax/λmin, or null when λmin is not a positive share of λmax (flat direction) or either is not finite. */
export function conditionOf(lMax: number, lMin: number): number | null {
  if (!(Number.isFinite(lMax) && Number.isFinite(lMin)) || !(lMax > 0) || !(lMin > RELATIVE_FLAT * lMax)) return null;
  const k = lMax / lMin;
  return Number.isFinite(k) ? k : null;
}

/** The spectrum of the plane (axes i, j of θ) and of all trained parameters; null without a finite Hessian block. */
export function planeSpectrum(analysis: Analysis, axes: readonly [number, number]): PlaneSpectrum | null {
  const H = analysis.hessian?.matrix;
  if (!H) return null;
  const [i, j] = axes;
  const a = H[i]?.[i];
  const b = H[i]?.[j];
  const c = H[j]?.[j];
  if (![a, b, c].every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
  const { values, vectors } = symmetricEigen2(a, b, c);
  const all = analysis.hessian.conditionNumber;
  const parameters = analysis.hessian.parameters ?? [];
  const whole = H.length === 2 && i !== j && (i === 0 || i === 1) && (j === 0 || j === 1);
  return {
    values,
    vectors,
    kappa: conditionOf(values[0], values[1]),
    allKappa: typeof all === 'number' && Number.isFinite(all) ? all : null,
    whole,
    parameters,
  };
}
