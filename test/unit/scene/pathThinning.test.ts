import * as assert from 'node:assert/strict';
import { drawnIndices, pathLengths } from '../../../src/core/scene';
import { planeFrame } from '../../../src/core/scene/planeFrame';
import type { Vec2 } from '../../../src/core/scene/types';

describe('path polyline thinning', () => {
  it('keeps every point without a tolerance', () => {
    const pts: Vec2[] = [
      [0, 0],
      [0, 0],
      [0.1, 0],
      [5, 5],
    ];
    assert.deepEqual(drawnIndices(pts), [0, 1, 2, 3]);
  });

  it('leaves out points within the tolerance of the last one drawn; first, last and kept stay; every point is covered', () => {
    const pts: Vec2[] = [];
    for (let k = 0; k <= 100; k++) pts.push([k * 0.1, Math.sin(k / 7)]);
    const idx = drawnIndices(pts, 0.5, 37);
    assert.equal(idx[0], 0);
    assert.equal(idx.at(-1), 100);
    assert.ok(idx.includes(37));
    assert.ok(idx.length < pts.length / 2);
    for (const p of pts) assert.ok(Math.min(...idx.map((k) => Math.hypot(pts[k][0] - p[0], pts[k][1] - p[1]))) < 0.5);
  });

  it('measures the reveal along the drawn polyline (a left-out point has the length of the last one drawn)', () => {
    const f = planeFrame({ xMin: 0, xMax: 100, yMin: 0, yMax: 100 }, { width: 200, height: 200 });
    const pts: Vec2[] = [];
    for (let k = 0; k <= 50; k++) pts.push([k * 0.05, k * 0.05]);
    const full = pathLengths(pts, f);
    const thin = pathLengths(pts, f, 0.5, 10);
    const idx = drawnIndices(
      pts.map((p) => f.P(p)),
      0.5,
      10,
    );
    assert.equal(thin[0], 0);
    for (let k = 1; k < pts.length; k++) {
      assert.ok(full[k] > full[k - 1]);
      assert.ok(thin[k] >= thin[k - 1]);
      if (!idx.includes(k)) assert.equal(thin[k], thin[k - 1]);
    }
    // A straight line: the drawn polyline has the same total length.
    assert.ok(Math.abs(thin.at(-1)! - full.at(-1)!) < 1e-9);
  });
});
