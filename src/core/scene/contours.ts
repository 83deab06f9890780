/**
 * Loss isolines from the analysis' LossGrid, traced by d3-contour and mapped to plane coordinates.
 *
 * d3-contour works in grid index space: value (i, j) sits at (i + ½, j + ½), and the region
 * "loss ≥ level" is closed along the grid's outer border (x = 0, x = nx, y = 0, y = ny). We want
 * lines, not filled regions, so each ring is cut where it runs along that border; what remains are
 * the isolines themselves, which lie inside [½, nx − ½] × [½, ny − ½], i.e. between the first and
 * last grid coordinates.
 */
import { contours as d3Contours } from 'd3-contour';
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

/** Splits a ring (closed, last point may repeat the first) at points on the grid border. */
function splitRing(ring: readonly (readonly number[])[], nx: number, ny: number): { runs: (readonly number[])[][]; closed: boolean } {
  const pts = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring.slice();
  const onBorder = (p: readonly number[]): boolean => p[0] <= 0 || p[0] >= nx || p[1] <= 0 || p[1] >= ny;
  const firstBorder = pts.findIndex(onBorder);
  if (firstBorder < 0) return { runs: [pts], closed: true };
  const runs: (readonly number[])[][] = [];
  let run: (readonly number[])[] = [];
  for (let k = 1; k <= pts.length; k++) {
    const p = pts[(firstBorder + k) % pts.length];
    if (onBorder(p)) {
      if (run.length >= 2) runs.push(run);
      run = [];
    } else {
      run.push(p);
    }
  }
  if (run.length >= 2) runs.push(run);
  return { runs, closed: false };
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
  const generator = d3Contours().size([nx, ny]).thresholds(usable);
  const toPlane = (p: readonly number[]): Vec2 => [interpolate(grid.xs, p[0] - 0.5), interpolate(grid.ys, p[1] - 0.5)];
  return generator(grid.values).map((mp) => {
    const lines: Polyline[] = [];
    for (const polygon of mp.coordinates) {
      for (const ring of polygon) {
        const { runs, closed } = splitRing(ring, nx, ny);
        for (const run of runs) {
          const points = run.map(toPlane).filter((q) => Number.isFinite(q[0]) && Number.isFinite(q[1]));
          if (points.length >= 2) lines.push({ points, closed });
        }
      }
    }
    return { level: mp.value, lines };
  });
}
