/**
 * The learning-rate slider's scale: logarithmic in η (step sizes matter by ratio), with marks at
 * the run's optimizer's own full-batch bound (`learningRate.max`, labelled with its formula:
 * 2/λmax, (2 + 2β)/λmax, …), at plain gradient descent's 2/λmax when that is another number, and at
 * Goh's optimal step 2/(λmin+λmax) for gradient descent, all under the loss convention the analysis
 * states (with the ½; without it every bound halves). Adaptive optimizers have no bound mark.
 */
import type { LearningRateInfo } from '../analysis/types';
import { formatNumber } from './geometry';

/** Slider positions run 0 … SLIDER_STEPS. */
export const SLIDER_STEPS = 1000;

export interface LearningRateMark {
  readonly key: 'max' | 'gdMax' | 'optimal';
  readonly value: number;
  /** Position 0 … SLIDER_STEPS. */
  readonly position: number;
  readonly label: string;
  /** Longer text for a tooltip: which "optimal", and the convention. */
  readonly hint: string;
}

export interface LearningRateScale {
  readonly min: number;
  readonly max: number;
  toPosition(eta: number): number;
  fromPosition(position: number): number;
  readonly marks: readonly LearningRateMark[];
}

const positive = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** η rounded to 4 significant digits (what the slider writes back; fine enough that every position round-trips). */
export function roundRate(eta: number): number {
  return Number(eta.toPrecision(4));
}

/** How far the slider reaches below and above 2/λmax (factors): slow runs, and divergence. */
const BELOW_MAX = 100;
const ABOVE_MAX = 5;
/** Margin (factor) around a spec's own η that lies outside that range. */
const WIDEN = 3;

/**
 * The slider's scale for an analysis. The range depends only on the problem's curvature: a fixed
 * log range around 2/λmax (from 2/λmax/100 to 5·2/λmax), widened once to take in `specRate` (the
 * spec's own η, default `info.value`) when that lies outside. Callers keep one scale while the user
 * drags or snaps (η does not move the range), so the marks stay under the pointer. The marks sit at
 * integer positions, and `fromPosition` at a mark's position gives that mark's value.
 */
export function learningRateScale(info: LearningRateInfo, specRate: number = info.value): LearningRateScale {
  const own = positive(specRate) ? specRate : positive(info.value) ? info.value : null;
  // Centred on the optimizer's own bound, else (adaptive) on gradient descent's: the curvature's scale.
  const bound = positive(info.max) ? info.max : positive(info.gradientDescentMax) ? info.gradientDescentMax : null;
  const centre = bound ?? own;
  let lo = centre !== null ? centre / BELOW_MAX : 1e-3;
  let hi = centre !== null ? centre * (bound !== null ? ABOVE_MAX : 10) : 10;
  if (own !== null && own < lo) lo = own / WIDEN;
  if (own !== null && own > hi) hi = own * WIDEN;
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  const toPosition = (eta: number): number => (positive(eta) ? Math.round(((Math.min(Math.max(Math.log10(eta), a), b) - a) / (b - a)) * SLIDER_STEPS) : 0);
  const marks: LearningRateMark[] = [];
  const formula = info.maxFormula ?? '2/λmax';
  const fullBatch = 'A full-batch statement: mini-batches see their own curvature and can blow up below it.';
  if (positive(info.max)) {
    marks.push({
      key: 'max',
      value: info.max,
      position: toPosition(info.max),
      label: `${formula} = ${formatNumber(info.max)} (full batch)`,
      hint: `Stability limit of this optimizer: on the full batch it diverges for η ≥ ${formula}. ${fullBatch} Bounds assume ${info.convention}`,
    });
  }
  const gd = info.gradientDescentMax;
  if (positive(gd) && (!positive(info.max) || formula !== '2/λmax' || Math.abs(info.max - gd) > 1e-9 * gd)) {
    marks.push({
      key: 'gdMax',
      value: gd,
      position: toPosition(gd),
      label: `plain GD 2/λmax = ${formatNumber(gd)} (full batch)`,
      hint: `Plain gradient descent (no momentum) diverges on the full batch for η ≥ 2/λmax; the run's optimizer has ${positive(info.max) ? `its own bound ${formula}` : 'no fixed bound'}. ${fullBatch} Bounds assume ${info.convention}`,
    });
  }
  if (positive(info.optimal)) {
    marks.push({
      key: 'optimal',
      value: info.optimal,
      position: toPosition(info.optimal),
      label: `GD optimal 2/(λmin+λmax) = ${formatNumber(info.optimal)}`,
      hint: `Goh's optimal step for gradient descent on the full batch (Distill 2017): the error shrinks by (κ−1)/(κ+1) per step; not LeCun's 1/λmax. Bounds assume ${info.convention}`,
    });
  }
  const fromPosition = (p: number): number => {
    const at = Math.round(Math.min(Math.max(p, 0), SLIDER_STEPS));
    const mark = marks.find((m) => m.position === at);
    // On a mark, η is the mark's value (4 digits, as "Snap to optimal" and the spec write it).
    if (mark) return Number(mark.value.toPrecision(4));
    return roundRate(Math.pow(10, a + (at / SLIDER_STEPS) * (b - a)));
  };
  return { min: lo, max: hi, toPosition, fromPosition, marks };
}
