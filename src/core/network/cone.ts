/**
 * The cone of a step's hidden outputs (analysis/allowedCone.ts), computed from the few samples that
 * decide it. Every analysed step of a network run has one (up to 1,000 a run), and allowedCone
 * finds it from all P angles φₚ = atan2(hₚⱼ, hₚᵢ), sorted. Two common cases need fewer:
 *
 *   - every sample kept lies in the open first quadrant (σ, softplus hidden outputs) or the open
 *     third: the angles lie in one closed quarter turn, so the largest gap is the one across the
 *     wrap and the cone is decided by the smallest and the largest angle alone (the sector from the
 *     smallest, or a line when they agree within the tolerance);
 *   - a sample lies well inside each of the four quadrants (tanh): every gap is below 180° and the
 *     first two quadrants' samples are not on one line, so the cone is the plane.
 *
 * allowedCone of those two (or four) samples is then the cone of all P: it keeps every sample
 * whose (u, v) is longer than 10⁻¹⁴ of the largest coordinate, and these keep their angles, so the
 * same smallest and largest angle (or the plane) come out. Otherwise, and on a single axis
 * (view w1, w1), all P samples go to allowedCone.
 */
import { allowedCone } from '../analysis/allowedCone';
import type { AllowedCone, Vec2 } from '../analysis/types';

/** A sample counts as well inside a quadrant when its smaller coordinate is at least this share of its larger one (an angle ≥ 0.057° from the axes). */
const INSIDE_QUADRANT = 1e-3;

/** allowedCone(x, P, n, axes, toOptimum), the same result. */
export function hiddenCone(x: Float64Array, P: number, n: number, axes: readonly [number, number], toOptimum: Vec2 | null): AllowedCone {
  const [ai, aj] = axes;
  if (ai === aj) return allowedCone(x, P, n, axes, toOptimum);
  // As allowedCone: the threshold below which a sample has no direction.
  let scale = 0;
  for (let p = 0; p < P; p++) scale = Math.max(scale, Math.abs(x[p * n + ai]), Math.abs(x[p * n + aj]));
  const tiny = 1e-14 * scale;
  // The kept samples' quadrants; the smallest and largest atan2 of the first (or third) quadrant's.
  let kept = 0;
  let first = 0;
  let third = 0;
  const inside = [-1, -1, -1, -1];
  let lo = -1;
  let hi = -1;
  let loAngle = Infinity;
  let hiAngle = -Infinity;
  for (let p = 0; p < P; p++) {
    const u = x[p * n + ai];
    const v = x[p * n + aj];
    // hypot(u, v) ≥ max(|u|, |v|): as allowedCone decides which samples have a direction.
    if (!(Math.abs(u) > tiny || Math.abs(v) > tiny || Math.hypot(u, v) > tiny)) continue;
    kept++;
    const q = u > 0 ? (v > 0 ? 0 : v < 0 ? 3 : -1) : u < 0 ? (v > 0 ? 1 : v < 0 ? 2 : -1) : -1;
    if (q < 0) continue;
    if (inside[q] < 0 && Math.min(Math.abs(u), Math.abs(v)) >= INSIDE_QUADRANT * Math.max(Math.abs(u), Math.abs(v))) inside[q] = p;
    if (q !== 0 && q !== 2) continue;
    if (q === 0) first++;
    else third++;
    if (first > 0 && third > 0) continue;
    const a = Math.atan2(v, u);
    if (a < loAngle) {
      loAngle = a;
      lo = p;
    }
    if (a > hiAngle) {
      hiAngle = a;
      hi = p;
    }
  }
  if (kept > 0 && (first === kept || third === kept)) return allowedCone(rowsOf(x, n, [lo, hi]), 2, n, axes, toOptimum);
  if (inside.every((p) => p >= 0)) return allowedCone(rowsOf(x, n, inside), 4, n, axes, toOptimum);
  return allowedCone(x, P, n, axes, toOptimum);
}

/** The rows (n numbers each) of the given samples. */
function rowsOf(x: Float64Array, n: number, samples: readonly number[]): Float64Array {
  const out = new Float64Array(n * samples.length);
  for (let k = 0; k < samples.length; k++) for (let i = 0; i < n; i++) out[k * n + i] = x[samples[k] * n + i];
  return out;
}
