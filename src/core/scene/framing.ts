/**
 * The automatic viewport of the plane, and where a path leaves it.
 *
 * A run that blows up reaches |w| ≈ 1e4 (or overflows) within a few dozen steps. Fitting the view to
 * that would shrink the start, the optimum and the cone to specks, so the picture frames what the
 * lesson is about: the start, the optimum, the cone and the part of the path within a multiple of
 * the problem's own scale d (the distance from the start to the optimum); a path that goes further
 * gets an off-view mark at the edge where it leaves (OffViewMark).
 */
import { boundsOf, contains, frame, isFinitePoint, unit } from './geometry';
import type { Bounds, OffViewMark, Vec2 } from './types';

/** A path point farther than RUNAWAY · d from the start–optimum centre counts as a blow-up. */
export const RUNAWAY = 8;
/** When a path blows up, the view holds the start and optimum with TIGHT · d on every side. */
export const TIGHT = 2;

export interface FramingInput {
  /** The loss grid's extent (null: no grid). */
  readonly grid: Bounds | null;
  /** Start and optimum (those that exist). */
  readonly marks: readonly Vec2[];
  /** The problem's scale d > 0 (start–optimum distance, at least). */
  readonly scale: number;
  /** The finite projected points of every drawn path. */
  readonly paths: readonly (readonly Vec2[])[];
  /** Some drawn run diverged or has points that are not finite. */
  readonly blewUp: boolean;
}

/** The square of half side `half` around the centre of `b`. */
function around(b: Bounds, half: number): Bounds {
  const cx = (b.xMin + b.xMax) / 2;
  const cy = (b.yMin + b.yMax) / 2;
  return { xMin: cx - half, xMax: cx + half, yMin: cy - half, yMax: cy + half };
}

function intersect(a: Bounds, b: Bounds): Bounds | null {
  const r = { xMin: Math.max(a.xMin, b.xMin), xMax: Math.min(a.xMax, b.xMax), yMin: Math.max(a.yMin, b.yMin), yMax: Math.min(a.yMax, b.yMax) };
  return r.xMin <= r.xMax && r.yMin <= r.yMax ? r : null;
}

/** Whether the paths run away: a blow-up reported by the run, or a point beyond RUNAWAY · d. */
export function runsAway(input: FramingInput): boolean {
  if (input.blewUp) return true;
  const core = boundsOf(input.marks);
  if (!core) return false;
  const far = around(core, Math.max(core.xMax - core.xMin, core.yMax - core.yMin) / 2 + RUNAWAY * input.scale);
  return input.paths.some((p) => p.some((q) => !contains(far, q)));
}

/**
 * The automatic viewport. Normally the loss grid with the start, optimum and path points not far
 * beyond it (within half the grid's size). When a path runs away (runsAway), the start and
 * optimum with TIGHT · d around them, the grid and the path only where they fall inside that.
 */
export function autoViewport(input: FramingInput, margin: number, aspect: number): Bounds {
  const { grid, marks, paths } = input;
  const core = boundsOf(marks);
  let content: Bounds | null;
  if (core && runsAway(input)) {
    const limit = around(core, Math.max(core.xMax - core.xMin, core.yMax - core.yMin) / 2 + TIGHT * input.scale);
    const g = grid ? intersect(grid, limit) : null;
    const inside = paths.flat().filter((p) => contains(limit, p));
    content = boundsOf([
      ...marks,
      ...inside,
      ...(g
        ? ([
            [g.xMin, g.yMin],
            [g.xMax, g.yMax],
          ] as Vec2[])
        : []),
    ]);
  } else if (grid) {
    const w = grid.xMax - grid.xMin;
    const h = grid.yMax - grid.yMin;
    const limit: Bounds = { xMin: grid.xMin - w / 2, xMax: grid.xMax + w / 2, yMin: grid.yMin - h / 2, yMax: grid.yMax + h / 2 };
    const inside = [...marks, ...paths.flat()].filter((p) => contains(limit, p));
    content = boundsOf([[grid.xMin, grid.yMin], [grid.xMax, grid.yMax], ...inside]);
  } else {
    content = boundsOf([...marks, ...paths.flat()]);
  }
  return frame(content ?? { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, margin, aspect);
}

/** Unit direction from a to b, computed on scaled coordinates so that a difference of huge values does not overflow. */
export function directionBetween(a: Vec2, b: Vec2): Vec2 | null {
  const s = Math.max(Math.abs(a[0]), Math.abs(a[1]), Math.abs(b[0]), Math.abs(b[1]));
  if (!(s > 0) || !Number.isFinite(s)) return null;
  return unit([b[0] / s - a[0] / s, b[1] / s - a[1] / s]);
}

/** Where the ray from `p` (inside `v`) along unit `d` meets the edge of `v`. */
export function rayToEdge(v: Bounds, p: Vec2, d: Vec2): Vec2 {
  const tx = d[0] > 0 ? (v.xMax - p[0]) / d[0] : d[0] < 0 ? (v.xMin - p[0]) / d[0] : Infinity;
  const ty = d[1] > 0 ? (v.yMax - p[1]) / d[1] : d[1] < 0 ? (v.yMin - p[1]) / d[1] : Infinity;
  const t = Math.max(0, Math.min(tx, ty));
  const q: Vec2 = [p[0] + t * d[0], p[1] + t * d[1]];
  // Rounding can put q a hair outside: clamp onto the edge.
  return [Math.min(Math.max(q[0], v.xMin), v.xMax), Math.min(Math.max(q[1], v.yMin), v.yMax)];
}

export interface PathToMark {
  readonly name: string | null;
  readonly colorIndex: number | null;
  /** Finite projected points, up to the first non-finite entry. */
  readonly points: readonly Vec2[];
  /** Entries in the run's path (more than points.length when the run overflowed). */
  readonly entries: number;
  /** The update (in the plane) from the last finite point, when it is finite: the direction an overflow went. */
  readonly lastUpdate: Vec2 | null;
}

/**
 * The first place where the path leaves `view`: the first point outside it (mark at the crossing
 * of the segment from the point before), or, when every finite point is inside but the run went on
 * to values that are not finite, the last point's update direction. Null when the path stays in view.
 */
export function offViewMark(view: Bounds, p: PathToMark): OffViewMark | null {
  const pts = p.points;
  for (let k = 1; k < pts.length; k++) {
    if (contains(view, pts[k]) || !contains(view, pts[k - 1])) continue;
    const d = directionBetween(pts[k - 1], pts[k]);
    if (!d) continue;
    return { name: p.name, colorIndex: p.colorIndex, step: k, edge: rayToEdge(view, pts[k - 1], d), direction: d };
  }
  const last = pts[pts.length - 1];
  if (last && p.entries > pts.length && contains(view, last) && p.lastUpdate && isFinitePoint(p.lastUpdate)) {
    const d = unit(p.lastUpdate);
    if (d) return { name: p.name, colorIndex: p.colorIndex, step: pts.length, edge: rayToEdge(view, last, d), direction: d };
  }
  return null;
}
