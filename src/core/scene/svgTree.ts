/**
 * Scene → a tree of SVG elements in pixel coordinates: the one drawing shared by the panel (which
 * creates DOM nodes from it and colours them with CSS classes) and `renderSvg` (which serialises it
 * with a theme's colours as presentation attributes). Nodes carry classes for paint, structural
 * presentation attributes (widths, dashes, opacity) and `data-*` attributes that state the plane
 * geometry for tests. Never a `style` attribute (the panel's CSP forbids inline styles).
 *
 * Layers, bottom to top: background, axes, contours, valley axes, compare variants, the cone
 * (data-layer="under"), the path, the valley axes' λ labels and κ, the arrows and current point
 * (data-layer="over"), off-view marks, start, optimum, teacher handle, legend. Only the two data-layer groups and the path's reveal change
 * from one animation frame to the next.
 */
import { formatNumber } from './geometry';
import { planeFrame, type PlaneFrame, type SvgLayout as FrameLayout } from './planeFrame';
import { coneLayer, movingLayer } from './svgMoving';
import { arrowGroup, el, pathData, pointsAttr, px, type SvgNode } from './svgNodes';
import type { Scene, Vec2 } from './types';

export type { SvgNode } from './svgNodes';
export { PLOT_PADDING, plotAspect } from './planeFrame';

export interface SvgLayout extends FrameLayout {
  /**
   * 'prefix' (default): the path polyline holds steps 0 … current (a still picture). 'full': it
   * holds every step and the panel reveals the prefix with stroke-dasharray (see pathLengths), so
   * animating never rebuilds the polyline.
   */
  readonly pathMode?: 'prefix' | 'full';
  /**
   * Thinning of the path and variant polylines (the panel: 0.5): a point closer than this many
   * pixels to the last point drawn is left out (the first, the last and the current step always
   * stay), so every point lies within this distance of a drawn one. 0 (default): every point.
   */
  readonly minPathPixels?: number;
}

/**
 * Indices of the points (in pixels) a polyline draws with tolerance `minPx`: the first, the last,
 * `keep` and every other point at least `minPx` from the last point drawn before it. All of them
 * when `minPx` ≤ 0.
 */
export function drawnIndices(pixels: readonly Vec2[], minPx = 0, keep = -1): number[] {
  const n = pixels.length;
  const out: number[] = [];
  let last: Vec2 | null = null;
  for (let k = 0; k < n; k++) {
    const p = pixels[k];
    if (last !== null && k !== n - 1 && k !== keep && minPx > 0 && Math.hypot(p[0] - last[0], p[1] - last[1]) < minPx) continue;
    out.push(k);
    last = p;
  }
  return out;
}

/**
 * Cumulative pixel length of the path up to each point (lengths[0] = 0), for the 'full' path mode:
 * along the polyline drawn with `minPx` and `keep` (see drawnIndices), a point left out having the
 * length of the last point drawn before it.
 */
export function pathLengths(points: readonly Vec2[], f: PlaneFrame, minPx = 0, keep = -1): Float64Array {
  const out = new Float64Array(points.length);
  const pixels = points.map((p) => f.P(p));
  let prev = 0;
  for (const k of drawnIndices(pixels, minPx, keep)) {
    for (let j = prev + 1; j < k; j++) out[j] = out[prev];
    if (k > 0) {
      const a = pixels[prev];
      const b = pixels[k];
      out[k] = out[prev] + Math.min(Math.hypot(b[0] - a[0], b[1] - a[1]), 1e6);
    }
    prev = k;
  }
  return out;
}

/** The points of `pixels` drawn with tolerance `minPx` (see drawnIndices). */
function thin(pixels: readonly Vec2[], minPx: number, keep = -1): Vec2[] {
  return minPx > 0 ? drawnIndices(pixels, minPx, keep).map((k) => pixels[k]) : (pixels as Vec2[]);
}

/** stroke-dasharray that shows the first `length` pixels of a path of `total` pixels. */
export function revealDash(length: number, total: number): string {
  return `${px(Math.max(length, 0))} ${px(total + 10)}`;
}

function axesLayer(scene: Scene, f: PlaneFrame): SvgNode {
  const { plot, X, Y } = f;
  const axes: SvgNode[] = [];
  for (const t of scene.x.ticks) {
    const x = px(X(t.value));
    axes.push(el('line', { class: t.value === 0 ? 'gg-zero' : 'gg-gridline', x1: x, y1: px(plot.y), x2: x, y2: px(plot.y + plot.h) }));
    axes.push(el('text', { class: 'gg-tick-label', x, y: px(plot.y + plot.h + 16), 'text-anchor': 'middle', 'font-size': 11 }, undefined, t.label));
  }
  for (const t of scene.y.ticks) {
    const y = px(Y(t.value));
    axes.push(el('line', { class: t.value === 0 ? 'gg-zero' : 'gg-gridline', x1: px(plot.x), y1: y, x2: px(plot.x + plot.w), y2: y }));
    axes.push(el('text', { class: 'gg-tick-label', x: px(plot.x - 6), y: px(y + 4), 'text-anchor': 'end', 'font-size': 11 }, undefined, t.label));
  }
  axes.push(el('rect', { class: 'gg-frame', x: px(plot.x), y: px(plot.y), width: px(plot.w), height: px(plot.h), fill: 'none' }));
  axes.push(el('text', { class: 'gg-axis-label', x: px(plot.x + plot.w), y: px(plot.y + plot.h + 34), 'text-anchor': 'end', 'font-size': 13, 'font-style': 'italic' }, undefined, `${scene.x.name} →`));
  axes.push(el('text', { class: 'gg-axis-label', x: px(plot.x + 6), y: px(plot.y + 16), 'text-anchor': 'start', 'font-size': 13, 'font-style': 'italic' }, undefined, `${scene.y.name} ↑`));
  return el('g', { class: 'gg-axes', 'aria-hidden': 'true' }, axes);
}

/** The valley axes (under the path) and their λ labels with κ (over it, with a halo, so the path never hides a number). */
function eigenLayer(scene: Scene, f: PlaneFrame): { axes: SvgNode[]; labels: SvgNode[] } {
  const { plot, P } = f;
  const out: SvgNode[] = [];
  const labels: SvgNode[] = [];
  if (scene.eigen.length > 0) {
    const g: SvgNode[] = [];
    scene.eigen.forEach((e, k) => {
      const a = P([e.center[0] - e.direction[0] * e.halfLength, e.center[1] - e.direction[1] * e.halfLength]);
      const b = P([e.center[0] + e.direction[0] * e.halfLength, e.center[1] + e.direction[1] * e.halfLength]);
      g.push(el('line', { class: 'gg-eigen-axis', x1: px(a[0]), y1: px(a[1]), x2: px(b[0]), y2: px(b[1]), 'stroke-width': 1.5, 'stroke-dasharray': '6 4', 'data-eigenvalue': formatNumber(e.eigenvalue, 4), 'data-dx': e.direction[0].toFixed(4), 'data-dy': e.direction[1].toFixed(4) }));
      // The plane's block is named as such unless it is the whole Hessian (planeSpectrum.ts).
      const text = `${scene.planeIsWhole ? '' : 'plane '}λ${k === 0 ? 'max' : 'min'} = ${formatNumber(e.eigenvalue)}`;
      // Label the end that lies inside the plot, clamped so that the text stays visible.
      const inside = (q: Vec2): boolean => q[0] >= plot.x && q[0] <= plot.x + plot.w && q[1] >= plot.y && q[1] <= plot.y + plot.h;
      const end = inside(b) || !inside(a) ? b : a;
      const w = text.length * 6;
      const tx = Math.min(Math.max(end[0] + 4, plot.x + 4), plot.x + plot.w - w - 4);
      const ty = Math.min(Math.max(end[1] - 4, plot.y + 30), plot.y + plot.h - 6);
      g.push(el('text', { class: 'gg-eigen-label', 'data-testid': `gg-eigen-label-${k === 0 ? 'max' : 'min'}`, 'data-eigenvalue': formatNumber(e.eigenvalue, 4), x: px(tx), y: px(ty), 'font-size': 11, 'paint-order': 'stroke', 'stroke-width': 3, 'stroke-linejoin': 'round' }, undefined, text));
    });
    out.push(el('g', { class: 'gg-eigen', 'data-testid': 'gg-eigen' }, [el('g', { 'clip-path': f.clip }, g.filter((n) => n.tag === 'line'))]));
    labels.push(el('g', { class: 'gg-eigen-labels', 'data-testid': 'gg-eigen-labels' }, g.filter((n) => n.tag === 'text')));
  }
  if (scene.kappa !== null) labels.push(kappaLabel(scene.kappa, f));
  return { axes: out, labels };
}

/** "∞ (a flat direction)" for a singular Hessian or block. */
function kappaText(k: number | null): string {
  return k === null ? '∞ (a flat direction)' : formatNumber(k);
}

/**
 * The κ label, bottom left: one line when the plane's block is the whole Hessian, otherwise the
 * plane's κ (the ratio of the λ labels on the valley axes) and, below it, κ of all trained
 * parameters (the one that governs the run). data-* state the numbers for tests.
 */
function kappaLabel(k: NonNullable<Scene['kappa']>, f: PlaneFrame): SvgNode {
  const { plot } = f;
  const x = px(plot.x + 8);
  const attrs = {
    class: 'gg-kappa',
    'data-testid': 'gg-kappa',
    'data-kappa': k.plane === null ? '∞' : formatNumber(k.plane, 4),
    'data-kappa-all': k.all === null ? '∞' : formatNumber(k.all, 4),
    'data-lambda-max': formatNumber(k.planeValues[0], 4),
    'data-lambda-min': formatNumber(k.planeValues[1], 4),
    'data-same': String(k.same),
  };
  const halo = { 'paint-order': 'stroke', 'stroke-width': 4, 'stroke-linejoin': 'round' };
  const y = px(plot.y + plot.h - 10);
  if (k.same) return el('g', attrs, [el('text', { class: 'gg-kappa-text', x, y, 'font-size': 13, ...halo }, undefined, `κ = λmax/λmin = ${kappaText(k.plane)}`)]);
  return el('g', attrs, [
    el('text', { class: 'gg-kappa-text', x, y, 'font-size': 13, ...halo }, [
      el('tspan', { 'data-testid': 'gg-kappa-plane' }, undefined, `κ of the plane ${kappaText(k.plane)}`),
      el('tspan', {}, undefined, ' · '),
      el('tspan', { 'data-testid': 'gg-kappa-all' }, undefined, `κ of all trained parameters ${kappaText(k.all)}`),
    ]),
  ]);
}

const ARROWS = ['→', '↗', '↑', '↖', '←', '↙', '↓', '↘'];

/**
 * Off-view marks: an arrow ending at the edge where a path leaves the view, and "path leaves the
 * view after N steps ↗" beside it (with the variant's name for a compare variant).
 */
function offViewLayer(scene: Scene, f: PlaneFrame): SvgNode[] {
  if (scene.offView.length === 0) return [];
  const { plot, P } = f;
  const kids = scene.offView.map((m, k) => {
    const d: Vec2 = [m.direction[0], -m.direction[1]];
    const edge = P(m.edge);
    const tip: Vec2 = [Math.min(Math.max(edge[0], plot.x + 3), plot.x + plot.w - 3), Math.min(Math.max(edge[1], plot.y + 3), plot.y + plot.h - 3)];
    const tail: Vec2 = [tip[0] - d[0] * 34, tip[1] - d[1] * 34];
    const glyph = ARROWS[(Math.round(Math.atan2(m.direction[1], m.direction[0]) / (Math.PI / 4)) + 8) % 8];
    const text = `${m.name ? `${m.name}: ` : ''}path leaves the view after ${m.step} step${m.step === 1 ? '' : 's'} ${glyph}`;
    // The label sits behind the arrow's tail, anchored on the side away from the edge (so a larger
    // font in presenter mode grows into the plot), clamped with an estimate of its width.
    const anchor = d[0] > 0.3 ? 'end' : d[0] < -0.3 ? 'start' : 'middle';
    const w = text.length * 7;
    let lx = tail[0] - d[0] * 6;
    if (anchor === 'end') lx = Math.max(lx, plot.x + 4 + w);
    else if (anchor === 'start') lx = Math.min(lx, plot.x + plot.w - 4 - w);
    else lx = Math.min(Math.max(lx, plot.x + 4 + w / 2), plot.x + plot.w - 4 - w / 2);
    const ly = Math.min(Math.max(tail[1] - d[1] * 12 + 5 + k * 20, plot.y + 30), plot.y + plot.h - 40);
    const cls = m.colorIndex === null ? 'gg-offview' : `gg-offview gg-offview-${m.colorIndex % 6}`;
    return el('g', { class: cls, 'data-testid': 'gg-offview', 'data-step': m.step, 'data-name': m.name ?? 'main', 'data-edge-x': formatNumber(m.edge[0], 6), 'data-edge-y': formatNumber(m.edge[1], 6) }, [
      arrowGroup(tail, tip, 'gg-offview-arrow', {}, 2.5, 11),
      el('text', { class: 'gg-offview-label', x: px(lx), y: px(ly), 'text-anchor': anchor, 'font-size': 12, 'font-weight': 600, 'paint-order': 'stroke', 'stroke-width': 4, 'stroke-linejoin': 'round' }, undefined, text),
    ]);
  });
  return [el('g', { class: 'gg-offviews', 'data-testid': 'gg-offviews' }, kids)];
}

function marksLayer(scene: Scene, f: PlaneFrame): SvgNode[] {
  const { P } = f;
  const out: SvgNode[] = [];
  if (scene.start) {
    const p = P(scene.start);
    out.push(
      el('g', { class: 'gg-start', 'data-testid': 'gg-start', 'data-x': formatNumber(scene.start[0], 6), 'data-y': formatNumber(scene.start[1], 6) }, [
        el('circle', { class: 'gg-start-mark', cx: px(p[0]), cy: px(p[1]), r: 6, 'stroke-width': 2 }),
        el('text', { class: 'gg-label', x: px(p[0] + 9), y: px(p[1] + 16), 'font-size': 12 }, undefined, 'start'),
      ]),
    );
  }
  if (scene.optimum) {
    const p = P(scene.optimum);
    const r = 8;
    out.push(
      el('g', { class: 'gg-optimum', 'data-testid': 'gg-optimum', 'data-x': formatNumber(scene.optimum[0], 6), 'data-y': formatNumber(scene.optimum[1], 6) }, [
        el('polygon', { class: 'gg-optimum-mark', 'stroke-width': 1.5, points: pointsAttr([[p[0], p[1] - r], [p[0] + r, p[1]], [p[0], p[1] + r], [p[0] - r, p[1]]]) }),
        el('text', { class: 'gg-label', x: px(p[0] + 11), y: px(p[1] - 8), 'font-size': 12 }, undefined, 'optimum'),
      ]),
    );
  }
  if (scene.teacher) {
    const p = P(scene.teacher);
    out.push(
      el('g', { class: 'gg-teacher', 'data-testid': 'gg-teacher', 'data-x': formatNumber(scene.teacher[0], 6), 'data-y': formatNumber(scene.teacher[1], 6) }, [
        el('circle', { class: 'gg-teacher-mark', cx: px(p[0]), cy: px(p[1]), r: 11, 'stroke-width': 1.5, 'stroke-dasharray': '3 2', fill: 'none' }),
        el('text', { class: 'gg-label', x: px(p[0] - 14), y: px(p[1] + 22), 'font-size': 11, 'text-anchor': 'end' }, undefined, 'w*'),
      ]),
    );
  }
  // Legend when variants are overlaid.
  if (scene.variants.length > 0) {
    const { plot } = f;
    const rows = [{ cls: 'gg-legend-main', name: scene.title || 'main' }, ...scene.variants.map((vp) => ({ cls: `gg-legend-${vp.colorIndex % 6}`, name: vp.name }))];
    const lx = plot.x + plot.w - 170;
    const ly = plot.y + 8;
    const g: SvgNode[] = [el('rect', { class: 'gg-legend-box', x: px(lx - 6), y: px(ly - 4), width: 170, height: rows.length * 16 + 8, 'fill-opacity': 0.85 })];
    rows.forEach((row, k) => {
      g.push(el('line', { class: row.cls, x1: px(lx), y1: px(ly + 8 + k * 16), x2: px(lx + 18), y2: px(ly + 8 + k * 16), 'stroke-width': 3 }));
      g.push(el('text', { class: 'gg-label', x: px(lx + 24), y: px(ly + 12 + k * 16), 'font-size': 11 }, undefined, row.name.length > 24 ? `${row.name.slice(0, 23)}…` : row.name));
    });
    out.push(el('g', { class: 'gg-legend', 'data-testid': 'gg-legend' }, g));
  }
  return out;
}

/** Draws the scene into a tree rooted at an <svg> element with data-testid="gg-plane". */
export function sceneToSvgTree(scene: Scene, layout: SvgLayout = {}): SvgNode {
  const f = planeFrame(scene.viewport, layout);
  const { width: W, height: H, plot, P } = f;
  const minPx = layout.minPathPixels ?? 0;
  const kids: SvgNode[] = [];

  kids.push(el('title', {}, undefined, `Weight plane ${scene.x.name}–${scene.y.name}: ${scene.title}`));
  kids.push(el('defs', {}, [el('clipPath', { id: f.clipId }, [el('rect', { x: px(plot.x), y: px(plot.y), width: px(plot.w), height: px(plot.h) })])]));
  kids.push(el('rect', { class: 'gg-bg', x: 0, y: 0, width: W, height: H }));
  kids.push(axesLayer(scene, f));
  kids.push(
    el(
      'g',
      { class: 'gg-contours', 'data-testid': 'gg-contours', 'clip-path': f.clip, fill: 'none', 'stroke-width': 1 },
      scene.contours
        .filter((c) => c.lines.length > 0)
        .map((c) => el('path', { class: 'gg-contour', 'data-level': formatNumber(c.level, 4), d: c.lines.map((l) => pathData(l.points.map(P), l.closed)).join('') })),
    ),
  );
  const eigen = eigenLayer(scene, f);
  kids.push(...eigen.axes);
  if (scene.variants.length > 0) {
    kids.push(
      el(
        'g',
        { class: 'gg-variants', 'data-testid': 'gg-variants', 'clip-path': f.clip, fill: 'none', 'stroke-width': 1.5 },
        scene.variants.map((vp) => el('polyline', { class: `gg-variant gg-variant-${vp.colorIndex % 6}`, 'data-name': vp.name, 'data-points': vp.points.length, points: pointsAttr(thin(vp.points.map(P), minPx)) })),
      ),
    );
  }
  kids.push(coneLayer(scene, f));

  // The path: all of it faint, then steps 0..current strong.
  const full = layout.pathMode === 'full';
  const drawn = full ? scene.path : scene.path.slice(0, scene.current + 1);
  const pixels = scene.path.map(P);
  const pathAttrs: Record<string, string | number> = { class: 'gg-path', 'data-testid': 'gg-path', 'data-points': scene.current + 1, 'data-total': scene.path.length, fill: 'none', 'stroke-width': 2, 'stroke-linejoin': 'round', 'clip-path': f.clip, points: pointsAttr(thin(pixels.slice(0, drawn.length), minPx, scene.current)) };
  if (scene.path.length === 0) pathAttrs['data-points'] = 0;
  if (full && scene.path.length > 0) {
    const lengths = pathLengths(scene.path, f, minPx, scene.current);
    pathAttrs['stroke-dasharray'] = revealDash(lengths[scene.current], lengths[lengths.length - 1]);
  }
  kids.push(el('polyline', { class: 'gg-path-ghost', fill: 'none', 'stroke-width': 1, 'stroke-opacity': 0.35, 'clip-path': f.clip, points: pointsAttr(thin(pixels, minPx, scene.current)) }));
  kids.push(el('polyline', pathAttrs));
  kids.push(...eigen.labels);
  kids.push(movingLayer(scene, f));
  kids.push(...offViewLayer(scene, f));
  kids.push(...marksLayer(scene, f));

  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${W} ${H}`,
      width: W,
      height: H,
      role: 'img',
      'data-testid': 'gg-plane',
      class: 'gg-plane',
      'aria-label': `Weight plane ${scene.x.name}–${scene.y.name} with loss contours, the path, and the allowed-direction cone`,
    },
    kids,
  );
}
