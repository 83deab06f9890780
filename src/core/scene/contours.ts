/**
 * Loss isolines from the analysis' LossGrid, traced by marching squares and mapped to plane
 * coordinates.
 *
 * The grid's values sit at the sample points (xs[c], ys[r]), value r·nx + c. Each cell between four
 * neighbouring samples is crossed by the isoline L(θ) = level on the edges whose ends lie on either
 * side of it ("above" meaning ≥ level), at the linearly interpolated point; the cell joins its
 * crossings in pairs (a saddle keeps its two above corners apart, as d3-contour did). Crossings
 * are shared by the two cells of an edge, so the segments chain into polylines: open ones from
 * border to border, closed rings inside. O(levels × cells), lines only: no filled regions, no
 * polygon stitching or hole nesting (d3-contour did those for us and cost a render ~20 ms of its
 * ~100 ms in a fresh process). The points are those d3-contour's linear smoothing gave.
 */
import type { LossGrid } from '../analysis/types';
import type { ContourLevel, Polyline, Vec2 } from './types';

/** Linear interpolation of the grid coordinates `coords` at fractional index u (clamped). */
function interpolate(coords: readonly number[], u: number): number {
  const n = coords.length;
  if (n === 1) return coords[0];
  const t = Math.min(Math.max(u, 0), n - 1);
  const i = Math.min(Math.floor(t), n - 2);
  const f = t - i;
  return coords[i] + f * (coords[i + 1] - coords[i]);
}

function gridIsUsable(grid: LossGrid): boolean {
  const nx = grid.xs.length;
  const ny = grid.ys.length;
  return nx >= 2 && ny >= 2 && grid.values.length === nx * ny && grid.values.every((v) => Number.isFinite(v));
}

/**
 * Marching-squares segments of one cell: pairs of its edges (0 bottom, 1 right, 2 top, 3 left) by
 * the cell's case, bit k set when corner k is above (0 (c, r), 1 (c+1, r), 2 (c+1, r+1), 3 (c, r+1)).
 * A saddle (5, 10: two opposite corners above) keeps its above corners apart, as d3-contour does.
 */
const SEGMENTS: readonly (readonly number[])[] = [
  [],
  [3, 0],
  [0, 1],
  [3, 1],
  [1, 2],
  [3, 0, 1, 2],
  [0, 2],
  [3, 2],
  [2, 3],
  [0, 2],
  [0, 1, 2, 3],
  [1, 2],
  [1, 3],
  [0, 1],
  [3, 0],
  [],
];

/** The isolines of one level: polylines in grid index coordinates (u along xs, v along ys). */
function isolines(values: readonly number[], nx: number, ny: number, level: number): { points: [number, number][]; closed: boolean }[] {
  // Edge ids: horizontal edge (c, r)–(c+1, r) is r·(nx−1) + c; vertical edge (c, r)–(c, r+1) is H + r·nx + c.
  const H = (nx - 1) * ny;
  const edgeCount = H + nx * (ny - 1);
  // Each crossed edge joins at most two segments (one per cell it borders): its two neighbours.
  const next = new Int32Array(2 * edgeCount).fill(-1);
  const point = (e: number): [number, number] => {
    let c: number, r: number, c2: number, r2: number;
    if (e < H) {
      r = Math.floor(e / (nx - 1));
      c = e - r * (nx - 1);
      c2 = c + 1;
      r2 = r;
    } else {
      const k = e - H;
      r = Math.floor(k / nx);
      c = k - r * nx;
      c2 = c;
      r2 = r + 1;
    }
    const a = values[r * nx + c];
    const b = values[r2 * nx + c2];
    const t = b === a ? 0.5 : (level - a) / (b - a);
    return [c + t * (c2 - c), r + t * (r2 - r)];
  };
  const link = (a: number, b: number): void => {
    next[2 * a + (next[2 * a] < 0 ? 0 : 1)] = b;
    next[2 * b + (next[2 * b] < 0 ? 0 : 1)] = a;
  };
  for (let r = 0; r < ny - 1; r++) {
    for (let c = 0; c < nx - 1; c++) {
      const v0 = values[r * nx + c];
      const v1 = values[r * nx + c + 1];
      const v2 = values[(r + 1) * nx + c + 1];
      const v3 = values[(r + 1) * nx + c];
      const code = (v0 >= level ? 1 : 0) | (v1 >= level ? 2 : 0) | (v2 >= level ? 4 : 0) | (v3 >= level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      const edges = [r * (nx - 1) + c, H + r * nx + c + 1, (r + 1) * (nx - 1) + c, H + r * nx + c];
      const pairs = SEGMENTS[code];
      for (let k = 0; k < pairs.length; k += 2) link(edges[pairs[k]], edges[pairs[k + 1]]);
    }
  }
  const seen = new Uint8Array(edgeCount);
  const lines: { points: [number, number][]; closed: boolean }[] = [];
  const walk = (from: number): { points: [number, number][]; closed: boolean } => {
    const points: [number, number][] = [];
    let prev = -1;
    let e = from;
    for (;;) {
      seen[e] = 1;
      points.push(point(e));
      const a = next[2 * e];
      const b = next[2 * e + 1];
      const to = a !== prev ? a : b;
      if (to < 0 || (to === from && points.length > 2)) return { points, closed: to === from };
      if (seen[to]) return { points, closed: false };
      prev = e;
      e = to;
    }
  };
  // Open lines start at a crossing with one neighbour (on the border); what is left are rings.
  for (let e = 0; e < edgeCount; e++) if (!seen[e] && next[2 * e] >= 0 && next[2 * e + 1] < 0) lines.push(walk(e));
  for (let e = 0; e < edgeCount; e++) if (!seen[e] && next[2 * e] >= 0) lines.push(walk(e));
  return lines;
}

/**
 * Isolines of `grid` at `levels` (default: grid.levels), in plane coordinates. Levels outside
 * (min, max) of the grid and non-finite levels are skipped; a grid with non-finite values gives none.
 */
export function contourLines(grid: LossGrid, levels: readonly number[] = grid.levels): ContourLevel[] {
  // The panel redraws the same grid at every animation frame: trace each grid's own levels once.
  if (levels === grid.levels) {
    const hit = cache.get(grid);
    if (hit) return hit;
    const lines = traceLines(grid, levels);
    cache.set(grid, lines);
    return lines;
  }
  return traceLines(grid, levels);
}

const cache = new WeakMap<LossGrid, ContourLevel[]>();

function traceLines(grid: LossGrid, levels: readonly number[]): ContourLevel[] {
  if (!gridIsUsable(grid)) return [];
  const nx = grid.xs.length;
  const ny = grid.ys.length;
  const usable = [...new Set(levels.filter((l) => Number.isFinite(l) && l > grid.min && l < grid.max))].sort((a, b) => a - b);
  if (usable.length === 0) return [];
  const toPlane = (p: readonly [number, number]): Vec2 => [interpolate(grid.xs, p[0]), interpolate(grid.ys, p[1])];
  return usable.map((level) => {
    const lines: Polyline[] = [];
    for (const line of isolines(grid.values, nx, ny, level)) {
      const points = line.points.map(toPlane).filter((q) => Number.isFinite(q[0]) && Number.isFinite(q[1]));
      if (points.length >= 2) lines.push({ points, closed: line.closed });
    }
    return { level, lines };
  });
}
