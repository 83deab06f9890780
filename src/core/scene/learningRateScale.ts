/**
 * The learning-rate slider's scale: logarithmic in η (step sizes matter by ratio), with marks at
 * 2/λmax (gradient descent diverges at or above it) and Goh's optimal step 2/(λmin+λmax), both
 * under the loss convention the analysis states (with the ½; without it every bound halves).
 */
import type { LearningRateInfo } from '../analysis/types';
import { formatNumber } from './geometry';

/** Slider positions run 0 … SLIDER_STEPS. */
export const SLIDER_STEPS = 1000;

export interface LearningRateMark {
  readonly key: 'max' | 'optimal';
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

/** η rounded to 3 significant digits (what the slider writes back). */
export function roundRate(eta: number): number {
  return Number(eta.toPrecision(3));
}

export function learningRateScale(info: LearningRateInfo): LearningRateScale {
  const anchors = [info.value, info.max, info.optimal].filter(positive);
  const lo = anchors.length > 0 ? Math.min(...anchors) / 30 : 1e-3;
  const hi = anchors.length > 0 ? Math.max(...anchors) * 4 : 10;
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  const toPosition = (eta: number): number => (positive(eta) ? Math.round(((Math.min(Math.max(Math.log10(eta), a), b) - a) / (b - a)) * SLIDER_STEPS) : 0);
  const fromPosition = (p: number): number => roundRate(Math.pow(10, a + (Math.min(Math.max(p, 0), SLIDER_STEPS) / SLIDER_STEPS) * (b - a)));
  const marks: LearningRateMark[] = [];
  if (positive(info.max)) {
    marks.push({ key: 'max', value: info.max, position: toPosition(info.max), label: `2/λmax = ${formatNumber(info.max)}`, hint: `Stability limit: full-batch gradient descent diverges for η ≥ 2/λmax. Bounds assume ${info.convention}` });
  }
  if (positive(info.optimal)) {
    marks.push({ key: 'optimal', value: info.optimal, position: toPosition(info.optimal), label: `optimal 2/(λmin+λmax) = ${formatNumber(info.optimal)}`, hint: `Goh's optimal step (Distill 2017): the error shrinks by (κ−1)/(κ+1) per step; not LeCun's 1/λmax. Bounds assume ${info.convention}` });
  }
  return { min: lo, max: hi, toPosition, fromPosition, marks };
}
