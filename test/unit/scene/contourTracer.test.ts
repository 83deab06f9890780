// The isolines are traced by our own marching squares (src/core/scene/contours.ts). d3-contour,
// which traced them before, is the reference here: the same levels, the same number of lines, the
// same open/closed lines and the same points (to rounding), on every example and on random grids
// (bowls, saddles, ridges and noise, where marching squares meets its ambiguous cells).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { contours as d3Contours } from 'd3-contour';
import fc from 'fast-check';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import type { LossGrid } from '../../../src/core/analysis/types';
import { contourLines } from '../../../src/core/scene';
import { parseSpec } from '../../../src/core/spec/parse';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

/** The isolines as d3-contour gave them: filled rings cut where they run along the grid's border. */
function reference(grid: LossGrid): { level: number; lines: { points: [number, number][]; closed: boolean }[] }[] {
  const nx = grid.xs.length;
  const ny = grid.ys.length;
  const at = (coords: readonly number[], u: number): number => {
    const t = Math.min(Math.max(u, 0), coords.length - 1);
    const i = Math.min(Math.floor(t), coords.length - 2);
    return coords[i] + (t - i) * (coords[i + 1] - coords[i]);
  };
  const usable = [...new Set(grid.levels.filter((l) => l > grid.min && l < grid.max))].sort((a, b) => a - b);
  return d3Contours()
    .size([nx, ny])
    .thresholds(usable)(grid.values)
    .map((mp) => {
      const lines: { points: [number, number][]; closed: boolean }[] = [];
      for (const polygon of mp.coordinates) {
        for (const ring of polygon) {
          const pts = ring.slice(0, -1);
          const border = (p: number[]): boolean => p[0] <= 0 || p[0] >= nx || p[1] <= 0 || p[1] >= ny;
          const first = pts.findIndex(border);
          const runs: number[][][] = [];
          if (first < 0) runs.push(pts);
          let run: number[][] = [];
          if (first >= 0) {
            for (let k = 1; k <= pts.length; k++) {
              const p = pts[(first + k) % pts.length];
              if (border(p)) {
                if (run.length >= 2) runs.push(run);
                run = [];
              } else run.push(p);
            }
            if (run.length >= 2) runs.push(run);
          }
          for (const r of runs) lines.push({ points: r.map((p) => [at(grid.xs, p[0] - 0.5), at(grid.ys, p[1] - 0.5)]), closed: first < 0 });
        }
      }
      return { level: mp.value, lines };
    });
}

/** Every point of one set lies within `tol` of a point of the other, both ways. */
function samePoints(a: readonly (readonly number[])[], b: readonly (readonly number[])[], tol: number): boolean {
  const near = (p: readonly number[], set: readonly (readonly number[])[]) => set.some((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) <= tol);
  return a.every((p) => near(p, b)) && b.every((p) => near(p, a));
}

function assertSameAsReference(grid: LossGrid, label: string): void {
  const ours = contourLines(grid);
  const theirs = reference(grid);
  assert.deepEqual(
    ours.map((l) => l.level),
    theirs.map((l) => l.level),
    label,
  );
  const tol = 1e-9 * (Math.abs(grid.xs[grid.xs.length - 1] - grid.xs[0]) + Math.abs(grid.ys[grid.ys.length - 1] - grid.ys[0]));
  for (let k = 0; k < ours.length; k++) {
    assert.equal(ours[k].lines.length, theirs[k].lines.length, `${label}: lines at level ${k}`);
    assert.deepEqual(ours[k].lines.map((l) => l.closed).sort(), theirs[k].lines.map((l) => l.closed).sort(), `${label}: closed at level ${k}`);
    assert.ok(
      samePoints(
        ours[k].lines.flatMap((l) => l.points),
        theirs[k].lines.flatMap((l) => l.points),
        tol,
      ),
      `${label}: points at level ${k}`,
    );
  }
}

describe('isolines by marching squares', () => {
  it('are the isolines d3-contour traced, on every example', () => {
    for (const f of readdirSync(EXAMPLES).filter((name) => name.endsWith('.neuron'))) {
      const spec = parseSpec(readFileSync(path.join(EXAMPLES, f), 'utf8')).spec;
      assert.ok(spec, f);
      assertSameAsReference(analyzeSpec(spec).contours, f);
    }
  });

  it('are the isolines d3-contour traced, on random grids', () => {
    // Coefficients zero or normal doubles: a grid of subnormal values (7e-323) keeps a few bits, so
    // the interpolated crossings, and whether a level touches a sample, are rounding noise for both.
    const coefficient = fc.double({ min: -2, max: 2, noNaN: true }).filter((v) => v === 0 || Math.abs(v) >= 1e-300);
    const grid = fc.record({
      nx: fc.integer({ min: 2, max: 14 }),
      ny: fc.integer({ min: 2, max: 14 }),
      a: coefficient,
      b: coefficient,
      c: coefficient,
      // No subnormal noise: there the levels fall exactly on samples, and a line through a border
      // sample may be cut there or not (both are the isoline; d3 and we differ on the cut).
      noise: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true })),
      seed: fc.integer({ min: 1, max: 1 << 30 }),
    });
    fc.assert(
      fc.property(grid, ({ nx, ny, a, b, c, noise, seed }) => {
        let s = seed;
        const rand = (): number => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5;
        const xs = Array.from({ length: nx }, (_, i) => -1 + (2 * i) / (nx - 1));
        const ys = Array.from({ length: ny }, (_, j) => -1.5 + (3 * j) / (ny - 1));
        const values: number[] = [];
        for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) values.push(a * xs[i] * xs[i] + b * xs[i] * ys[j] + c * ys[j] * ys[j] + noise * rand());
        const min = Math.min(...values);
        const max = Math.max(...values);
        const levels = Array.from({ length: 6 }, (_, k) => min + ((max - min) * (k + 0.5)) / 6);
        assertSameAsReference({ axes: [0, 1], xs, ys, values, min, max, levels, heldAt: 'optimum' }, JSON.stringify({ nx, ny, a, b, c, noise, seed }));
      }),
      { numRuns: 400 },
    );
  });
});
