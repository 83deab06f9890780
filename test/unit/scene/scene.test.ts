import * as assert from 'node:assert/strict';
import { buildScene, contourLines, renderSvg, sceneToSvgTree, plotAspect, THEME_KINDS, escapeXml, formatNumber, type SvgNode } from '../../../src/core/scene';
import { frame, ticks, symmetricEigen2 } from '../../../src/core/scene/geometry';
import type { Analysis } from '../../../src/core/analysis/types';
import { makeFixture } from './fixture';
import { pathPoints, runPathOf } from '../../../src/core/analysis/runPath';

function walk(node: SvgNode, visit: (n: SvgNode) => void): void {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
}

function find(node: SvgNode, testid: string): SvgNode | undefined {
  let hit: SvgNode | undefined;
  walk(node, (n) => {
    if (n.attrs['data-testid'] === testid) hit = n;
  });
  return hit;
}

describe('scene geometry', () => {
  it('frames bounds with a margin and the requested aspect', () => {
    const b = frame({ xMin: 0, xMax: 2, yMin: 0, yMax: 1 }, 0.1, 1);
    assert.ok(Math.abs(b.xMax - b.xMin - (b.yMax - b.yMin)) < 1e-12);
    assert.ok(b.xMin < 0 && b.xMax > 2 && b.yMin < 0 && b.yMax > 1);
    const wide = frame({ xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, 0, 2);
    assert.ok(Math.abs((wide.xMax - wide.xMin) / (wide.yMax - wide.yMin) - 2) < 1e-12);
  });

  it('gives a degenerate box (a single point) a finite size', () => {
    const b = frame({ xMin: 3, xMax: 3, yMin: 3, yMax: 3 }, 0.06, 1);
    assert.ok(b.xMax > b.xMin && b.yMax > b.yMin && Number.isFinite(b.xMin));
  });

  it('places nicely rounded ticks inside the range', () => {
    const t = ticks(-1.23, 2.7, 5);
    assert.deepEqual(
      t.map((k) => k.label),
      ['-1', '0', '1', '2'],
    );
    assert.ok(ticks(0, 0.05).every((k) => k.value >= 0 && k.value <= 0.05));
    assert.ok(
      ticks(-0.3, 0.3).some((k) => k.label === '0'),
      'zero is written as 0, never -0',
    );
  });

  it('decomposes a symmetric 2×2 matrix into descending eigenpairs', () => {
    const { values, vectors } = symmetricEigen2(2, 1, 2);
    assert.ok(Math.abs(values[0] - 3) < 1e-12 && Math.abs(values[1] - 1) < 1e-12);
    assert.ok(Math.abs(Math.abs(vectors[0][0]) - Math.SQRT1_2) < 1e-12 && Math.abs(vectors[0][0] - vectors[0][1]) < 1e-12);
    const diag = symmetricEigen2(1, 0, 5);
    assert.deepEqual(diag.values, [5, 1]);
    assert.ok(Math.abs(Math.abs(diag.vectors[0][1]) - 1) < 1e-12);
  });

  it('formats numbers without NaN or Infinity', () => {
    assert.equal(formatNumber(NaN), '—');
    assert.equal(formatNumber(Infinity), '—');
    assert.equal(formatNumber(null), '—');
    assert.equal(formatNumber(0.5), '0.5');
    assert.equal(formatNumber(1234567), '1.23e6');
  });
});

describe('contourLines', () => {
  it('traces isolines of a bowl as closed rings at the right radius', () => {
    const n = 51;
    const xs = Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
    const values: number[] = [];
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values.push(xs[i] ** 2 + xs[j] ** 2);
    const grid = { axes: [0, 1] as const, xs, ys: xs, values, min: 0, max: 2, levels: [0.25, 0.64], heldAt: 'optimum' as const };
    const levels = contourLines(grid);
    assert.equal(levels.length, 2);
    for (const [k, r] of [
      [0, 0.5],
      [1, 0.8],
    ] as const) {
      assert.equal(levels[k].lines.length, 1);
      const line = levels[k].lines[0];
      assert.equal(line.closed, true);
      for (const p of line.points) assert.ok(Math.abs(Math.hypot(p[0], p[1]) - r) < 0.01, `point at radius ${Math.hypot(p[0], p[1])}, want ${r}`);
    }
  });

  it('cuts isolines at the grid border instead of drawing the border', () => {
    const n = 21;
    const xs = Array.from({ length: n }, (_, i) => i / (n - 1));
    const values: number[] = [];
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values.push(xs[i]);
    const levels = contourLines({ axes: [0, 1], xs, ys: xs, values, min: 0, max: 1, levels: [0.5], heldAt: 'optimum' });
    const pts = levels[0].lines.flatMap((l) => l.points);
    assert.ok(pts.length >= 2);
    for (const p of pts) assert.ok(Math.abs(p[0] - 0.5) < 1e-9, `x = ${p[0]} off the isoline`);
    assert.ok(levels[0].lines.every((l) => !l.closed));
  });

  it('skips levels outside the grid and grids with non-finite values', () => {
    const xs = [0, 1];
    assert.deepEqual(contourLines({ axes: [0, 1], xs, ys: xs, values: [0, 1, 1, 2], min: 0, max: 2, levels: [-1, 5], heldAt: 'start' }), []);
    assert.deepEqual(contourLines({ axes: [0, 1], xs, ys: xs, values: [0, NaN, 1, 2], min: 0, max: 2, levels: [1], heldAt: 'start' }), []);
  });
});

describe('buildScene', () => {
  const analysis = makeFixture();

  it('has the start, the optimum and every path point in plane coordinates', () => {
    const scene = buildScene(analysis);
    assert.deepEqual(scene.start, [0.5, -0.5]);
    assert.deepEqual(scene.optimum, [-1.5, 1.5]);
    assert.equal(scene.path.length, analysis.run.path.length);
    assert.equal(scene.current, scene.path.length - 1);
    assert.equal(scene.x.name, 'w1');
    assert.equal(scene.y.name, 'w2');
  });

  it('draws both nappes of the cone for positive inputs, edges in the first and third quadrants', () => {
    const scene = buildScene(analysis, { step: 0 });
    const cone = scene.cone!;
    assert.equal(cone.kind, 'sector');
    assert.equal(cone.nappes.length, 2);
    assert.deepEqual(cone.at, scene.start);
    for (const r of cone.rays) {
      if (r.nappe === 1) assert.ok(r.direction[0] > 0 && r.direction[1] > 0, 'the + nappe points north-east');
      else assert.ok(r.direction[0] < 0 && r.direction[1] < 0, 'the − nappe points south-west');
    }
    // Every polygon point of the + nappe is north-east of the apex.
    for (const p of cone.nappes[0].slice(1)) assert.ok(p[0] >= cone.at[0] - 1e-12 && p[1] >= cone.at[1] - 1e-12);
    assert.equal(cone.optimumInside, false);
  });

  it('puts every sign-coherent update inside the drawn double cone', () => {
    const scene = buildScene(analysis, { step: 3 });
    const u = scene.update!;
    const d = [u.to[0] - u.from[0], u.to[1] - u.from[1]];
    assert.ok(Math.sign(d[0]) === Math.sign(d[1]), 'batch-1 updates with positive inputs are NE or SW');
    const [e0, e1] = scene.cone!.edges;
    const cross = (a: readonly number[], b: readonly number[]): number => a[0] * b[1] - a[1] * b[0];
    const s = Math.sign(d[0]);
    const dd = [d[0] * s, d[1] * s];
    assert.ok(cross(e0, dd) >= -1e-12 && cross(dd, e1) >= -1e-12, 'the update lies between the edges');
  });

  it('draws the cone, the update and the straight way at the chosen step', () => {
    const scene = buildScene(analysis, { step: 5 });
    assert.equal(scene.current, 5);
    assert.deepEqual(scene.cone!.at, scene.path[5]);
    assert.deepEqual(scene.update!.from, scene.path[5]);
    assert.deepEqual(scene.toOptimum!.to, scene.optimum);
    assert.equal(buildScene(analysis, { step: 9999 }).current, scene.path.length - 1);
    assert.equal(buildScene(analysis, { step: -3 }).current, 0);
    assert.equal(buildScene(analysis).update, null, 'no update after the last point');
  });

  it('says "no constraint" for centred inputs', () => {
    const scene = buildScene(makeFixture({ inputs: 'centered' }));
    assert.equal(scene.cone!.kind, 'plane');
    assert.match(scene.cone!.label, /no constraint/);
    assert.equal(scene.cone!.rays.length, 0);
  });

  it('draws a line cone as two opposite rays', () => {
    const a = makeFixture();
    const scene = buildScene({
      ...a,
      cone: {
        ...a.cone,
        kind: 'line',
        edges: [
          [0.6, 0.8],
          [0.6, 0.8],
        ],
        openingDegrees: 0,
      },
    });
    assert.equal(scene.cone!.kind, 'line');
    assert.deepEqual(
      scene.cone!.rays.map((r) => r.direction),
      [
        [0.6, 0.8],
        [-0.6, -0.8],
      ],
    );
  });

  it('frames start, optimum and contours with equal units and the requested aspect', () => {
    const scene = buildScene(analysis, { aspect: 1.5 });
    const v = scene.viewport;
    assert.ok(Math.abs((v.xMax - v.xMin) / (v.yMax - v.yMin) - 1.5) < 1e-9);
    for (const p of [scene.start!, scene.optimum!]) assert.ok(p[0] > v.xMin && p[0] < v.xMax && p[1] > v.yMin && p[1] < v.yMax);
    assert.ok(scene.contours.length >= 5);
    assert.ok(scene.contours.every((c) => c.lines.length > 0));
  });

  it('finds the valley axes: eigen-directions of H over the plane, long along λmin', () => {
    const scene = buildScene(analysis);
    assert.equal(scene.eigen.length, 2);
    const [big, small] = scene.eigen;
    assert.ok(big.eigenvalue > small.eigenvalue);
    assert.ok(small.halfLength > big.halfLength);
    // For positive inputs the top eigenvector points along the mean input (north-east).
    assert.ok(big.direction[0] * big.direction[1] > 0);
    assert.deepEqual(big.center, scene.optimum);
    assert.equal(buildScene(analysis, { eigen: false }).eigen.length, 0);
  });

  it('overlays compare variants with distinct colours', () => {
    const scene = buildScene(makeFixture({ variants: true }));
    assert.deepEqual(
      scene.variants.map((v) => v.name),
      ['batch all', 'center'],
    );
    assert.deepEqual(
      scene.variants.map((v) => v.colorIndex),
      [0, 1],
    );
    assert.ok(scene.variants.every((v) => v.points.length > 1));
    assert.equal(buildScene(makeFixture({ variants: true }), { variants: false }).variants.length, 0);
  });

  it('stops the path at the first non-finite point and keeps a diverging run readable', () => {
    const a = makeFixture();
    const path = pathPoints(a.run.path).map((p, k) => (k < 10 ? p : { ...p, w: k === 10 ? [1e6, -1e6] : [NaN, Infinity] }));
    const scene = buildScene({ ...a, run: { ...a.run, path: runPathOf(path) } });
    assert.equal(scene.path.length, 11);
    assert.ok(scene.viewport.xMax < 100, 'the runaway point does not blow up the viewport');
    const svg = renderSvg(scene);
    assert.ok(!/NaN|Infinity/.test(svg));
  });

  it('survives an analysis without an optimum, grid or cone', () => {
    const a = makeFixture();
    const bare = {
      ...a,
      optimum: null,
      contours: { ...a.contours, xs: [], ys: [], values: [], levels: [] },
      cone: { ...a.cone, kind: 'none' as const, edges: [] },
    } as Analysis;
    const scene = buildScene(bare);
    assert.equal(scene.optimum, null);
    assert.equal(scene.toOptimum, null);
    assert.equal(scene.contours.length, 0);
    assert.equal(scene.cone!.kind, 'none');
    assert.ok(!/NaN/.test(renderSvg(scene)));
  });
});

describe('sceneToSvgTree and renderSvg', () => {
  const scene = buildScene(makeFixture({ variants: true }), { step: 4, aspect: plotAspect(640, 640) });

  it('has the stable test ids of the panel', () => {
    const tree = sceneToSvgTree(scene);
    for (const id of ['gg-plane', 'gg-contours', 'gg-path', 'gg-cone', 'gg-start', 'gg-optimum', 'gg-update', 'gg-to-optimum', 'gg-eigen', 'gg-legend'])
      assert.ok(find(tree, id), id);
    assert.equal(find(tree, 'gg-path')!.attrs['data-points'], 5);
    assert.equal(find(tree, 'gg-path')!.attrs['data-total'], scene.path.length);
  });

  it('never writes a style attribute, NaN or Infinity', () => {
    walk(sceneToSvgTree(scene), (n) => {
      assert.ok(!('style' in n.attrs));
      for (const v of Object.values(n.attrs)) assert.ok(!/NaN|Infinity/.test(String(v)), `${n.tag}: ${v}`);
    });
  });

  it('renders a standalone SVG document in every theme', () => {
    for (const theme of THEME_KINDS) {
      const svg = renderSvg(scene, theme);
      assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
      assert.match(svg, /xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(svg, /<\/svg>\n$/);
      assert.ok(!/NaN|Infinity| style=/.test(svg));
      assert.match(svg, new RegExp(`data-theme="${theme}"`));
    }
    assert.notEqual(renderSvg(scene, 'light'), renderSvg(scene, 'dark'));
  });

  it('escapes text that comes from the document', () => {
    const a = makeFixture({ name: '<script>alert("x")</script> & co' });
    const svg = renderSvg(buildScene(a));
    assert.ok(!svg.includes('<script>'));
    assert.ok(svg.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'));
    assert.equal(escapeXml(`a<b>&"'`), 'a&lt;b&gt;&amp;&quot;&apos;');
  });
});
