/**
 * The per-sample steps of one batch, drawn at the current point (docs/science.md: the chain rule and the sign constraint).
 *
 * The batch gradient is g = (1/|B|) Σₚ δₚ x̃ₚ, so the plain gradient step −η g is the sum of the
 * per-sample steps sₚ = −η δₚ x̃ₚ / |B|. Each sₚ is a multiple of xₚ: with positive inputs it lies
 * in the double cone ±cone{x}, on the + nappe when δₚ < 0 and on the − nappe when δₚ > 0. Chained
 * tip to tail they end at −η g; only when the δₚ have mixed signs can that sum leave the cone.
 */
import type { Analysis } from '../analysis/types';
import type { Arrow, Bounds, SampleArrow, Vec2 } from './types';
import { entryAt } from '../analysis/runPath';

/** The chain is enlarged until its extent reaches this share of the viewport's short side … */
const MIN_EXTENT = 0.12;
/** … and shrunk if it would exceed this share. */
const MAX_EXTENT = 0.45;

export interface SampleSteps {
  readonly arrows: SampleArrow[];
  readonly batchStep: Arrow | null;
  readonly scale: number;
}

/** The per-sample chain at path entry `k` (at `here`), or only the batch step when the batch was not recorded. */
export function sampleSteps(analysis: Analysis, k: number, axes: readonly [number, number], here: Vec2, view: Bounds): SampleSteps | null {
  const point = entryAt(analysis.run?.path, k);
  const eta = analysis.learningRate?.value;
  if (!point || !(typeof eta === 'number' && Number.isFinite(eta))) return null;
  const [i, j] = axes;
  const g: Vec2 = [-eta * point.gradient[i], -eta * point.gradient[j]];
  if (!Number.isFinite(g[0]) || !Number.isFinite(g[1])) return null;

  // Unscaled chain in plane units, relative to `here`.
  const rows = analysis.sampleInputs;
  const raw: { sample: number; delta: number; step: Vec2 }[] = [];
  if (point.batch && point.deltas && rows && point.batch.length === point.deltas.length && point.batch.every((p) => p >= 0 && p < rows.length)) {
    const B = point.batch.length;
    point.batch.forEach((p, q) => {
      const d = point.deltas![q];
      const x = rows[p];
      // With a trained shift (f = w·(x + s) + b) the weights' per-sample gradient is δ·(x + s).
      const s = point.s;
      const xi = x[i] + (s ? s[i] : 0);
      const xj = x[j] + (s ? s[j] : 0);
      const step: Vec2 = [(-eta * d * xi) / B, (-eta * d * xj) / B];
      if (Number.isFinite(step[0]) && Number.isFinite(step[1])) raw.push({ sample: p, delta: d, step });
    });
  }
  let extent = Math.hypot(g[0], g[1]);
  let tip: Vec2 = [0, 0];
  for (const r of raw) {
    tip = [tip[0] + r.step[0], tip[1] + r.step[1]];
    extent = Math.max(extent, Math.hypot(tip[0], tip[1]));
  }
  const short = Math.min(view.xMax - view.xMin, view.yMax - view.yMin);
  let scale = 1;
  if (extent > 0 && extent < MIN_EXTENT * short) scale = niceFactor((MIN_EXTENT * short) / extent);
  else if (extent > MAX_EXTENT * short) scale = (MAX_EXTENT * short) / extent;

  const arrows: SampleArrow[] = [];
  let from = here;
  for (const r of raw) {
    const to: Vec2 = [from[0] + r.step[0] * scale, from[1] + r.step[1] * scale];
    arrows.push({ from, to, sample: r.sample, delta: r.delta });
    from = to;
  }
  const end: Vec2 = [here[0] + g[0] * scale, here[1] + g[1] * scale];
  const batchStep = g[0] === 0 && g[1] === 0 ? null : { from: here, to: end };
  return { arrows, batchStep, scale };
}

/** The factor rounded up to 1, 2 or 5 × 10ᵏ, so the label reads "×20" rather than "×17.3". */
function niceFactor(f: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(f)));
  const m = f / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** At most this many arrows in the fan (a larger batch shows an even selection of its samples). */
const MAX_FAN = 96;

export interface FanSteps {
  /** Each from `here`: −η δₚ x̃ₚ (× scale), a multiple of x̃ₚ, so inside the cone ±cone{x}. */
  readonly arrows: SampleArrow[];
  /** The mean of all the batch's per-sample steps, −η g (× scale): the batch step. */
  readonly mean: Arrow | null;
  readonly scale: number;
}

/**
 * The fan at path entry `k`: every per-sample step −η δₚ x̃ₚ drawn from the current point, and
 * their mean −η g (docs/science.md: a batch averages its per-sample steps). Each arrow lies in the
 * cone; the mean leaves it only when the δₚ have mixed signs. Null without a recorded batch of
 * more than one sample. One scale for all, so the mean is the true average of the arrows drawn.
 */
export function fanSteps(analysis: Analysis, k: number, axes: readonly [number, number], here: Vec2, view: Bounds): FanSteps | null {
  const point = entryAt(analysis.run?.path, k);
  const eta = analysis.learningRate?.value;
  const rows = analysis.sampleInputs;
  if (!point || !point.batch || !point.deltas || !rows || point.batch.length < 2 || point.batch.length !== point.deltas.length) return null;
  if (!(typeof eta === 'number' && Number.isFinite(eta))) return null;
  const [i, j] = axes;
  const B = point.batch.length;
  const every = Math.max(1, Math.ceil(B / MAX_FAN));
  const raw: { sample: number; delta: number; step: Vec2 }[] = [];
  let sum: Vec2 = [0, 0];
  let extent = 0;
  for (let q = 0; q < B; q++) {
    const p = point.batch[q];
    const x = rows[p];
    if (!x) return null;
    const d = point.deltas[q];
    const s = point.s;
    const step: Vec2 = [-eta * d * (x[i] + (s ? s[i] : 0)), -eta * d * (x[j] + (s ? s[j] : 0))];
    if (!(Number.isFinite(step[0]) && Number.isFinite(step[1]))) continue;
    sum = [sum[0] + step[0], sum[1] + step[1]];
    extent = Math.max(extent, Math.hypot(step[0], step[1]));
    if (q % every === 0) raw.push({ sample: p, delta: d, step });
  }
  const mean: Vec2 = [sum[0] / B, sum[1] / B];
  const short = Math.min(view.xMax - view.xMin, view.yMax - view.yMin);
  let scale = 1;
  if (extent > 0 && extent < MIN_EXTENT * short) scale = niceFactor((MIN_EXTENT * short) / extent);
  else if (extent > MAX_EXTENT * short) scale = (MAX_EXTENT * short) / extent;
  const arrows = raw.map((r) => ({ from: here, to: [here[0] + r.step[0] * scale, here[1] + r.step[1] * scale] as Vec2, sample: r.sample, delta: r.delta }));
  const to: Vec2 = [here[0] + mean[0] * scale, here[1] + mean[1] * scale];
  return { arrows, mean: mean[0] === 0 && mean[1] === 0 ? null : { from: here, to }, scale };
}
