/**
 * Small plane-geometry helpers for the scene: finite guards, bounds with equal aspect, nice tick
 * values, and the eigen-decomposition of a symmetric 2 × 2 matrix.
 */
import type { Bounds, Tick, Vec2 } from './types';

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function isFinitePoint(p: readonly number[] | null | undefined): p is Vec2 {
  return !!p && p.length >= 2 && isFiniteNumber(p[0]) && isFiniteNumber(p[1]);
}

/** The two components (axes[0], axes[1]) of a vector over θ, or null if either is missing or not finite. */
export function project(v: readonly number[] | null | undefined, axes: readonly [number, number]): Vec2 | null {
  if (!v) return null;
  const p: Vec2 = [v[axes[0]], v[axes[1]]];
  return isFinitePoint(p) ? p : null;
}

export function add(a: Vec2, b: Vec2): Vec2 {
  return [a[0] + b[0], a[1] + b[1]];
}

export function scale(a: Vec2, s: number): Vec2 {
  return [a[0] * s, a[1] * s];
}

export function norm(a: Vec2): number {
  return Math.hypot(a[0], a[1]);
}

/** a/|a|, or null for a zero or non-finite vector. */
export function unit(a: Vec2): Vec2 | null {
  const n = norm(a);
  if (!(n > 0) || !Number.isFinite(n)) return null;
  return [a[0] / n, a[1] / n];
}

/** Smallest bounds holding every point, or null when there is none. */
export function boundsOf(points: Iterable<Vec2>): Bounds | null {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const [x, y] of points) {
    if (!isFiniteNumber(x) || !isFiniteNumber(y)) continue;
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  return xMin <= xMax ? { xMin, xMax, yMin, yMax } : null;
}

export function contains(b: Bounds, p: Vec2): boolean {
  return p[0] >= b.xMin && p[0] <= b.xMax && p[1] >= b.yMin && p[1] <= b.yMax;
}

/**
 * Grows `b` by `margin` × its larger span on every side, gives degenerate spans a size, then widens
 * the short side about its centre so that width ÷ height = aspect (equal units on both axes).
 */
export function frame(b: Bounds, margin: number, aspect: number): Bounds {
  let w = b.xMax - b.xMin;
  let h = b.yMax - b.yMin;
  const cx = (b.xMin + b.xMax) / 2;
  const cy = (b.yMin + b.yMax) / 2;
  const size = Math.max(w, h);
  const floor = size > 0 ? size * 1e-3 : Math.max(1, Math.abs(cx), Math.abs(cy)) * 0.5;
  w = Math.max(w, floor) + 2 * margin * Math.max(size, floor);
  h = Math.max(h, floor) + 2 * margin * Math.max(size, floor);
  const a = aspect > 0 && Number.isFinite(aspect) ? aspect : 1;
  if (w / h < a) w = h * a;
  else h = w / a;
  return { xMin: cx - w / 2, xMax: cx + w / 2, yMin: cy - h / 2, yMax: cy + h / 2 };
}

/** A step of 1, 2 or 5 × 10ᵏ giving about `count` intervals over [lo, hi]. */
export function tickStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / power;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * power;
}

/** Nicely rounded tick values inside [lo, hi], with labels. */
export function ticks(lo: number, hi: number, count = 5): Tick[] {
  const step = tickStep(lo, hi, count);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const out: Tick[] = [];
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  for (let k = first; k <= last && out.length < 50; k++) {
    const value = k * step;
    const rounded = Number(value.toFixed(Math.min(decimals, 12)));
    out.push({ value: rounded === 0 ? 0 : rounded, label: String(rounded === 0 ? 0 : rounded) });
  }
  return out;
}

/**
 * Eigen-decomposition of the symmetric matrix [[a, b], [b, c]]: eigenvalues descending with unit
 * eigenvectors. λ = (a + c)/2 ± √(((a − c)/2)² + b²).
 */
export function symmetricEigen2(a: number, b: number, c: number): { values: [number, number]; vectors: [Vec2, Vec2] } {
  const mean = (a + c) / 2;
  const r = Math.hypot((a - c) / 2, b);
  const l1 = mean + r;
  const l2 = mean - r;
  // Eigenvector of l1: (b, l1 − a) or (l1 − c, b), whichever is better conditioned.
  const p: Vec2 = [l1 - c, b];
  const q: Vec2 = [b, l1 - a];
  const v1: Vec2 = (r > 0 ? unit(norm(p) >= norm(q) ? p : q) : null) ?? [1, 0];
  const v2: Vec2 = [-v1[1], v1[0]];
  return { values: [l1, l2], vectors: [v1, v2] };
}

/** Number formatting for labels: 3 significant digits, no "-0", never "NaN" (an em dash instead). */
export function formatNumber(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e5 || abs < 1e-3) return v.toExponential(digits - 1).replace('e+', 'e');
  const s = v.toPrecision(digits);
  // toPrecision writes 12345 as "1.23e+4": shown as "1.23e4", like the large values above.
  if (s.includes('e')) return s.replace('e+', 'e');
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
