/**
 * What the panel draws of a network (core/network/types.ts) at a path entry: the cone of the
 * hidden outputs at the latest analysed step at or before it (the cone moves as W trains), the
 * hidden units' gradient-row signs and the output weights' curvature there, each labelled with
 * the step it belongs to. Pure: the webview and the tests use the same strings.
 */
import type { Analysis } from '../analysis/types';
import type { NetworkStep, RowSigns } from '../network/types';

/** The analysed network step shown at path entry `entry` (the latest at or before its step), or null. */
export function networkStepAt(a: Analysis, entry: number): NetworkStep | null {
  const net = a.network;
  if (!net || net.steps.length === 0) return null;
  const path = a.run.path;
  const k = Math.max(0, Math.min(entry, path.length - 1));
  const step = path.length > 0 ? path.step[k] : 0;
  // Steps are increasing: binary search for the last with .step ≤ step.
  let lo = 0;
  let hi = net.steps.length - 1;
  if (net.steps[0].step > step) return net.steps[0];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (net.steps[mid].step <= step) lo = mid;
    else hi = mid - 1;
  }
  return net.steps[lo];
}

/** `a` with the cone of the hidden outputs at path entry `entry` (a itself for a single neuron). */
export function withNetworkCone(a: Analysis, entry: number): Analysis {
  const s = networkStepAt(a, entry);
  return s ? { ...a, cone: s.cone } : a;
}

/** A sign pattern as a symbol and words (never colour alone). */
export const ROW_SIGN_TEXT: Readonly<Record<RowSigns, { readonly symbol: string; readonly words: string }>> = {
  positive: { symbol: '+', words: 'all positive' },
  negative: { symbol: '−', words: 'all negative' },
  mixed: { symbol: '±', words: 'mixed signs' },
  zero: { symbol: '0', words: 'zero' },
};

/** Three significant digits. */
const n3 = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '∞');

/** The strip's content at path entry `entry`. */
export interface NetworkStrip {
  readonly step: number;
  /** Per hidden unit: its row's signs (empty with train = output). */
  readonly rows: readonly { readonly unit: number; readonly signs: RowSigns; readonly label: string }[];
  readonly curvature: string;
  readonly cone: string;
}

export function networkStrip(a: Analysis, entry: number): NetworkStrip | null {
  const s = networkStepAt(a, entry);
  const net = a.network;
  if (!s || !net) return null;
  const k = s.curvature.conditionNumber;
  const positive = s.allPositive ? 'all positive' : s.allNonNegative ? 'all ≥ 0' : 'both signs';
  return {
    step: s.step,
    rows: s.rowSigns.map((signs, j) => ({ unit: j + 1, signs, label: `∂L/∂W${j + 1}: ${ROW_SIGN_TEXT[signs].words}` })),
    curvature:
      s.curvature.eigenvalues.length === 0
        ? `Curvature of the output weights at step ${s.step}: not finite (the hidden outputs overflow)`
        : `Curvature of the output weights at step ${s.step}: λmax = ${n3(s.curvature.eigenvalues[0])}, κ = ${k === null ? '∞' : n3(k)}`,
    cone: `Hidden outputs at step ${s.step}: ${positive}, cone ${n3(s.cone.openingDegrees)}°`,
  };
}

/** A cone mark's label for a network: the cone of the hidden outputs h (the strip names its step). */
export function networkConeLabel<T extends { readonly label: string }>(mark: T | null, a: Analysis, entry: number): T | null {
  const s = mark ? networkStepAt(a, entry) : null;
  return mark && s ? { ...mark, label: mark.label.replace('±cone{x}', '±cone{h}') } : mark;
}

/** A network's κ strip names what it covers: the output weights' Hessian at step 0 (Analysis.hessian). */
export function networkKappa<T extends { readonly allName?: string }>(k: T | null, a: Analysis): T | null {
  return k && a.network ? { ...k, allName: 'the output weights at step 0 =' } : k;
}

/** The contours' note of a network whose hidden layer trains: they are the loss over w with W and c as at step 0. */
export function networkContourNote(a: Analysis): string | null {
  return a.network && a.network.train === 'all' ? 'contours: W, c as at step 0' : null;
}
