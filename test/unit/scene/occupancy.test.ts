import * as assert from 'node:assert/strict';
import { Occupancy } from '../../../src/core/scene/labelPlacement';
import type { Vec2 } from '../../../src/core/scene/types';

/** The even-odd test of one point (a ray to the right), as the per-cell fill used it. */
function inside(poly: readonly Vec2[], x: number, y: number): boolean {
  let yes = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) yes = !yes;
  }
  return yes;
}

/** A seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('label occupancy', () => {
  it('fills a polygon by scanlines exactly the cells whose centres the even-odd test puts inside', () => {
    const rand = random(11);
    const cell = 6;
    const [width, height] = [240, 180];
    for (let trial = 0; trial < 200; trial++) {
      const n = 3 + Math.floor(rand() * 40);
      // Star-shaped and self-intersecting polygons, some reaching past the area; a few on the cells' centres.
      const poly: Vec2[] = Array.from(
        { length: n },
        (): Vec2 => (trial % 5 === 0 ? [Math.round(rand() * 50) * 6 - 27, Math.round(rand() * 40) * 6 - 27] : [rand() * 300 - 30, rand() * 240 - 30]),
      );
      const o = new Occupancy(width, height, cell);
      o.addPolygon(poly, 3);
      for (let r = 0; r < Math.ceil(height / cell); r++) {
        for (let c = 0; c < Math.ceil(width / cell); c++) {
          const want = inside(poly, (c + 0.5) * cell, (r + 0.5) * cell) ? 3 : 0;
          assert.equal(o.cost({ x: c * cell + 1, y: r * cell + 1, w: 0, h: 0 }), want, `trial ${trial}, cell (${c}, ${r})`);
        }
      }
    }
  });
});
