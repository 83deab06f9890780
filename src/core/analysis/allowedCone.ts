/**
 * The allowed-direction cone (docs/science.md). A per-sample update is Δw = −η δₚ xₚ: on the
 * viewed plane (axes i, j) it lies on the line through uₚ = (xₚᵢ, xₚⱼ), with either sign. So the
 * per-sample directions fill the double cone ±cone{u₁ … u_P}.
 *
 * Construction: take the angles φₚ = atan2(uₚⱼ, uₚᵢ) ∈ [0°, 360°) of the non-zero uₚ, sort them and
 * find the largest gap between circular neighbours.
 *   - all φₚ equal modulo 180°        → 'line' (opening 0°)
 *   - largest gap > 180°              → 'sector' from the angle after the gap, counter-clockwise,
 *                                        opening 360° − gap (< 180°)
 *   - otherwise the samples surround  → 'plane' (no constraint, opening 180° per nappe)
 *   - no non-zero uₚ                  → 'none'
 * optimumInside: whether d = (θ* − θ₀) on the plane, or −d, lies in the sector (within
 * ANGLE_TOLERANCE); d = 0 counts as inside.
 */
import type { AllowedCone, Vec2 } from './types';

/** Angular tolerance in degrees for "on the edge" and "same line". */
export const ANGLE_TOLERANCE = 1e-6;

const deg = (rad: number): number => (rad * 180) / Math.PI;
const unit = (a: number): Vec2 => [Math.cos((a * Math.PI) / 180), Math.sin((a * Math.PI) / 180)];
/** Angle modulo 360 into [0, 360). */
const wrap360 = (a: number): number => ((a % 360) + 360) % 360;

/** Whether angle a lies in the ccw arc [start, start + width] (degrees, with tolerance). */
function inArc(a: number, start: number, width: number): boolean {
  const off = wrap360(a - start);
  return off <= width + ANGLE_TOLERANCE || off >= 360 - ANGLE_TOLERANCE;
}

/**
 * Cone of per-sample update directions of P × n inputs x on the axes (i, j).
 * `toOptimum` is (θ* − θ₀) on those axes, or null when there is no optimum.
 */
export function allowedCone(x: ArrayLike<number>, P: number, n: number, axes: readonly [number, number], toOptimum: Vec2 | null): AllowedCone {
  const [ai, aj] = axes;
  let scale = 0;
  for (let p = 0; p < P; p++) scale = Math.max(scale, Math.abs(x[p * n + ai]), Math.abs(x[p * n + aj]));
  const tiny = 1e-14 * scale;
  // A typed array sorts numerically and natively: P can be 100,000 for every compare variant.
  const all = new Float64Array(P);
  let count = 0;
  for (let p = 0; p < P; p++) {
    const u = x[p * n + ai];
    const v = ai === aj ? 0 : x[p * n + aj];
    // hypot(u, v) ≥ max(|u|, |v|): the (slow) hypot only decides when both are that small.
    if (Math.abs(u) > tiny || Math.abs(v) > tiny || Math.hypot(u, v) > tiny) all[count++] = wrap360(deg(Math.atan2(v, u)));
  }
  const inside = (test: (a: number) => boolean): boolean | null => {
    if (!toOptimum) return null;
    const [dx, dy] = toOptimum;
    if (!(Math.hypot(dx, dy) > 0)) return true;
    const a = wrap360(deg(Math.atan2(dy, dx)));
    return test(a) || test(wrap360(a + 180));
  };
  const angles = all.subarray(0, count);
  if (angles.length === 0) {
    return { axes, kind: 'none', edges: [], openingDegrees: 0, optimumInside: inside(() => false) };
  }
  angles.sort();
  // Same line: every angle within tolerance of the first, modulo 180°.
  const first = angles[0];
  const collinear = angles.every((a) => {
    const off = wrap360(a - first) % 180;
    return off <= ANGLE_TOLERANCE || off >= 180 - ANGLE_TOLERANCE;
  });
  if (collinear) {
    const e = unit(first);
    return { axes, kind: 'line', edges: [e, e], openingDegrees: 0, optimumInside: inside((a) => inArc(a, first, 0)) };
  }
  let gap = angles[0] + 360 - angles[angles.length - 1];
  let start = angles[0]; // the angle after the largest gap
  for (let k = 1; k < angles.length; k++) {
    const g = angles[k] - angles[k - 1];
    if (g > gap) {
      gap = g;
      start = angles[k];
    }
  }
  if (gap > 180 + ANGLE_TOLERANCE) {
    const opening = 360 - gap;
    return {
      axes,
      kind: 'sector',
      edges: [unit(start), unit(start + opening)],
      openingDegrees: opening,
      optimumInside: inside((a) => inArc(a, start, opening)),
    };
  }
  return { axes, kind: 'plane', edges: [], openingDegrees: 180, optimumInside: inside(() => true) };
}

/** 8-point compass name of a direction in the plane (east = +first axis, north = +second axis). */
export function compass(dx: number, dy: number): string {
  const names = ['east', 'north-east', 'north', 'north-west', 'west', 'south-west', 'south', 'south-east'];
  const a = wrap360(deg(Math.atan2(dy, dx)));
  return names[Math.round(a / 45) % 8];
}
