/**
 * Step-size bounds on the quadratic model L ≈ ½ θᵀHθ (convention ½, docs/science.md).
 *
 * Along an eigenvector with eigenvalue λ the error e evolves linearly:
 *   gradient descent  eₖ₊₁ = (1 − ηλ) eₖ                           factor |1 − ηλ|
 *   heavy ball        eₖ₊₁ = (1 + β − ηλ) eₖ − β eₖ₋₁               factor ρ(r² − (1+β−ηλ) r + β)
 *   Nesterov          eₖ₊₁ = (1+β)(1−ηλ) eₖ − β(1−ηλ) eₖ₋₁          factor ρ(r² − (1+β)(1−ηλ) r + β(1−ηλ))
 * where ρ(·) is the largest root modulus of the characteristic polynomial (the spectral radius of
 * the 2 × 2 iteration matrix). Stable iff every factor ≤ 1: GD needs 0 < ηλ < 2, heavy ball
 * 0 < ηλ < 2 + 2β, Nesterov 0 < ηλ < (2 + 2β)/(1 + 2β).
 * Adaptive optimizers (Adam, RMSProp, AdaGrad) rescale each coordinate by a running gradient size:
 * no linear bound applies. Each optimizer's factor and bound live in its module (optimizers/*.ts).
 *
 * Reference step sizes: 2/λmax (the GD limit), Goh's 2/(λmin + λmax) (fastest worst-case rate,
 * (κ−1)/(κ+1) per step), LeCun's 1/λmax.
 */
import type { SymmetricEigen } from '../engine/linalg';
import { amplification, optimizerName, stabilityBound } from '../optimizers/registry';
import type { Loss, Optimizer } from '../spec/types';
import { eigenDirection } from './hessian';
import type { LearningRateInfo, UnstableDirection } from './types';

/** A factor above 1 + UNSTABLE_SLACK counts as growing. */
const UNSTABLE_SLACK = 1e-12;

export { amplification, optimizerName, stabilityBound } from '../optimizers/registry';
export type { StabilityBound } from '../optimizers/descriptor';
export { rootRadius } from '../optimizers/descriptor';

/** Why an adaptive optimizer has no bound (LearningRateInfo.maxReason). */
export const ADAPTIVE_NO_BOUND = 'divides each coordinate by its own running gradient size, so no fixed step-size bound applies';

/** Prefix of the convention for the model w·(x + s) with a trained shift. */
export const SHIFT_CONVENTION =
  'Trained shift f = w·(x + s): the loss is not quadratic in (w, s), so H is the Hessian at the start, which changes along the path; the bounds are local, and directions with λ ≤ 0 (a saddle) are left out of the stability check.';

/** The convention sentence shown with every bound. */
export function conventionText(loss: Loss, opt: Optimizer): string {
  const base =
    loss === 'squared'
      ? 'Squared loss with the ½ convention, L = (1/|B|) Σ ½(f − y)², so H = E[x̃x̃ᵀ]; without the ½ every bound halves.'
      : 'Logistic loss (mean cross-entropy, f the logit); bounds use the Hessian at the start, which changes along the path.';
  const bound = stabilityBound(opt);
  const rule = bound
    ? ` ${capitalise(optimizerName(opt))} is stable on the full batch iff ${bound.condition} for every eigenvalue λ, i.e. η < ${bound.formula}.`
    : ` ${optimizerName(opt)} ${ADAPTIVE_NO_BOUND}.`;
  return `${base}${rule} Every bound is for the full batch: a mini-batch has its own curvature, which can be larger. Reference steps for gradient descent: Goh's optimal 2/(λmin+λmax) and LeCun's 1/λmax.`;
}

const capitalise = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/** Step-size report for a decomposed Hessian, the run's optimizer and η. */
export function learningRateInfo(eig: SymmetricEigen, opt: Optimizer, lr: number, loss: Loss, shift = false): LearningRateInfo {
  const q = eig.n;
  const lmax = q > 0 ? eig.values[0] : 0;
  const lmin = q > 0 ? Math.max(eig.values[q - 1], 0) : 0;
  const bound = stabilityBound(opt);
  const unstableDirections: UnstableDirection[] = [];
  for (let k = 0; k < q; k++) {
    // With a shift the loss is not quadratic: λ ≤ 0 (a saddle at the start) is escaped, not a step-size instability.
    if (shift && !(eig.values[k] > 0)) continue;
    const f = amplification(opt, lr, eig.values[k]);
    if (f !== null && Number.isFinite(f) && f > 1 + UNSTABLE_SLACK) unstableDirections.push({ ...eigenDirection(eig, k), factor: f });
  }
  const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
  const max = bound && lmax > 0 ? finite(bound.limit / lmax) : null;
  return {
    value: lr,
    max,
    maxFormula: max === null ? null : bound!.formula,
    maxReason:
      max !== null ? null : bound ? 'the Hessian has no positive curvature, so no step size is too large for it' : `${optimizerName(opt)} ${ADAPTIVE_NO_BOUND}`,
    gradientDescentMax: lmax > 0 ? finite(2 / lmax) : null,
    optimal: lmax > 0 ? finite(2 / (lmin + lmax)) : null,
    lecunOptimal: lmax > 0 ? finite(1 / lmax) : null,
    stable: bound ? unstableDirections.length === 0 : null,
    unstableDirections,
    convention: shift ? `${SHIFT_CONVENTION} ${conventionText(loss, opt)}` : conventionText(loss, opt),
  };
}
