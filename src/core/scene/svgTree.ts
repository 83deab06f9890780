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
import { FONT, kappaLine, legendRows, offViewLabels, staticLabels, type StaticLabels } from './planeLabels';
import { intersects, textSize, type Box, type Placed } from './labelPlacement';
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
  /** Font scale of every label on the plane (presenter mode: larger), 1 by default. Labels are placed at this size. */
  readonly fontScale?: number;
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

/** The step a variant of `entries` path points shows when the main path is at `scene.current` (the race: the same step, or its last). */
export function variantStep(scene: Scene, entries: number): number {
  return Math.max(0, Math.min(scene.current, entries - 1));
}

/** stroke-dasharray that shows the first `length` pixels of a path of `total` pixels. */
export function revealDash(length: number, total: number): string {
  return `${px(Math.max(length, 0))} ${px(total + 10)}`;
}

function axesLayer(scene: Scene, f: PlaneFrame, fs: number): SvgNode {
  const { plot, X, Y } = f;
  const axes: SvgNode[] = [];
  // The x axis' name under the tick labels, or, when large type leaves no room there (presenter
  // mode), on their row at the right end, in place of the tick labels it would cover.
  const tickY = plot.y + plot.h + 4 + FONT.tick * fs;
  const below = plot.y + plot.h + 8 + (FONT.tick + FONT.axis) * fs;
  const onTickRow = below > f.height - 3;
  const axisText = `${scene.x.name} →`;
  const axisLeft = plot.x + plot.w - textSize(axisText, FONT.axis * fs).w - 4;
  const size = FONT.tick * fs;
  // A tick label's box from its baseline (for the corner where the two axes' labels meet).
  const tickBox = (left: number, baseline: number, label: string): Box => ({ x: left, y: baseline - 0.93 * size, w: textSize(label, size).w, h: 1.17 * size });
  const xLabels: Box[] = [];
  for (const t of scene.x.ticks) {
    const x = px(X(t.value));
    axes.push(el('line', { class: t.value === 0 ? 'gg-zero' : 'gg-gridline', x1: x, y1: px(plot.y), x2: x, y2: px(plot.y + plot.h) }));
    const half = textSize(t.label, size).w / 2;
    if (onTickRow && x + half > axisLeft) continue;
    xLabels.push(tickBox(x - half, tickY, t.label));
    axes.push(el('text', { class: 'gg-tick-label', x, y: px(tickY), 'text-anchor': 'middle', 'font-size': size }, undefined, t.label));
  }
  for (const t of scene.y.ticks) {
    const y = px(Y(t.value));
    axes.push(el('line', { class: t.value === 0 ? 'gg-zero' : 'gg-gridline', x1: px(plot.x), y1: y, x2: px(plot.x + plot.w), y2: y }));
    // In large type on a small plane the lowest y label can reach the x labels' row: it gives way.
    const box = tickBox(plot.x - 6 - textSize(t.label, size).w, y + 4 * fs, t.label);
    if (xLabels.some((b) => intersects(b, box, 1))) continue;
    axes.push(el('text', { class: 'gg-tick-label', x: px(plot.x - 6), y: px(y + 4 * fs), 'text-anchor': 'end', 'font-size': size }, undefined, t.label));
  }
  axes.push(el('rect', { class: 'gg-frame', x: px(plot.x), y: px(plot.y), width: px(plot.w), height: px(plot.h), fill: 'none' }));
  axes.push(
    el(
      'text',
      {
        class: 'gg-axis-label',
        x: px(plot.x + plot.w),
        y: px(onTickRow ? tickY : below),
        'text-anchor': 'end',
        'font-size': FONT.axis * fs,
        'font-style': 'italic',
      },
      undefined,
      axisText,
    ),
  );
  axes.push(
    el(
      'text',
      {
        class: 'gg-axis-label',
        x: px(plot.x + 6),
        y: px(plot.y + 3 + FONT.axis * fs),
        'text-anchor': 'start',
        'font-size': FONT.axis * fs,
        'font-style': 'italic',
      },
      undefined,
      `${scene.y.name} ↑`,
    ),
  );
  return el('g', { class: 'gg-axes', 'aria-hidden': 'true' }, axes);
}

/** A leader line from a label's anchor to its box, when the label had to move away. */
function leader(p: Placed | null, cls: string): SvgNode[] {
  if (!p || !p.leader) return [];
  const [a, b] = p.leader;
  return [el('line', { class: `gg-leader ${cls}`, x1: px(a[0]), y1: px(a[1]), x2: px(b[0]), y2: px(b[1]), 'stroke-width': 1 })];
}

/** The valley axes (under the path) and their λ labels with κ (over it, with a halo, so the path never hides a number). */
function eigenLayer(scene: Scene, f: PlaneFrame, labelsAt: StaticLabels): { axes: SvgNode[]; labels: SvgNode[] } {
  const { P } = f;
  const fs = labelsAt.fontScale;
  const out: SvgNode[] = [];
  const labels: SvgNode[] = [];
  if (scene.eigen.length > 0) {
    const lines: SvgNode[] = [];
    const texts: SvgNode[] = [];
    scene.eigen.forEach((e, k) => {
      const a = P([e.center[0] - e.direction[0] * e.halfLength, e.center[1] - e.direction[1] * e.halfLength]);
      const b = P([e.center[0] + e.direction[0] * e.halfLength, e.center[1] + e.direction[1] * e.halfLength]);
      lines.push(
        el('line', {
          class: 'gg-eigen-axis',
          x1: px(a[0]),
          y1: px(a[1]),
          x2: px(b[0]),
          y2: px(b[1]),
          'stroke-width': 1.5,
          'stroke-dasharray': '2 5',
          'stroke-linecap': 'round',
          'data-eigenvalue': formatNumber(e.eigenvalue, 4),
          'data-dx': e.direction[0].toFixed(4),
          'data-dy': e.direction[1].toFixed(4),
        }),
      );
      // The plane's block is named as such unless it is the whole Hessian (planeSpectrum.ts).
      const at = labelsAt.eigen[k];
      if (!at) return;
      texts.push(...leader(at, 'gg-eigen-leader'));
      texts.push(
        el(
          'text',
          {
            class: 'gg-eigen-label gg-plane-label',
            'data-testid': `gg-eigen-label-${k === 0 ? 'max' : 'min'}`,
            'data-eigenvalue': formatNumber(e.eigenvalue, 4),
            x: px(at.x),
            y: px(at.y),
            'font-size': FONT.eigen * fs,
            'paint-order': 'stroke',
            'stroke-width': 3,
            'stroke-linejoin': 'round',
          },
          undefined,
          at.text,
        ),
      );
    });
    out.push(el('g', { class: 'gg-eigen', 'data-testid': 'gg-eigen' }, [el('g', { 'clip-path': f.clip }, lines)]));
    labels.push(el('g', { class: 'gg-eigen-labels', 'data-testid': 'gg-eigen-labels' }, texts));
  }
  if (scene.kappa !== null) labels.push(kappaLabel(scene, scene.kappa, labelsAt));
  return { axes: out, labels };
}

/**
 * The κ label, bottom left: one line when the plane's block is the whole Hessian, otherwise the
 * plane's κ (the ratio of the λ labels on the valley axes) and κ of all trained parameters (the
 * one that governs the run). data-* state the numbers for tests.
 */
function kappaLabel(scene: Scene, k: NonNullable<Scene['kappa']>, labelsAt: StaticLabels): SvgNode {
  const [x, y] = labelsAt.kappaAt.map(px);
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
  const size = FONT.kappa * labelsAt.fontScale;
  const lines = labelsAt.kappaLines;
  const text = (line: string, at: number): SvgNode =>
    el('text', { class: 'gg-kappa-text gg-plane-label', x, y: px(at), 'font-size': size, ...halo }, undefined, line);
  if (k.same || lines.length === 0) return el('g', attrs, [text(lines[0] ?? kappaLine(scene) ?? '', y)]);
  if (lines.length === 1) {
    // One line: the two numbers as tspans (data-testid) for tests.
    const [plane, all] = lines[0].split(' · ');
    return el('g', attrs, [
      el('text', { class: 'gg-kappa-text gg-plane-label', x, y, 'font-size': size, ...halo }, [
        el('tspan', { 'data-testid': 'gg-kappa-plane' }, undefined, plane),
        el('tspan', {}, undefined, ' · '),
        el('tspan', { 'data-testid': 'gg-kappa-all' }, undefined, all),
      ]),
    ]);
  }
  return el('g', attrs, [
    el('text', { class: 'gg-kappa-text gg-plane-label', x, y: px(y - size * 1.2), 'font-size': size, ...halo }, [
      el('tspan', { 'data-testid': 'gg-kappa-plane' }, undefined, lines[0].replace(/ ·$/, '')),
      el('tspan', {}, undefined, ' · '),
    ]),
    el('text', { class: 'gg-kappa-text gg-plane-label', x, y, 'font-size': size, ...halo }, [
      el('tspan', { 'data-testid': 'gg-kappa-all' }, undefined, lines[1]),
    ]),
  ]);
}

/**
 * Off-view marks: an arrow ending at the edge where a path leaves the view, and "path leaves the
 * view after N steps ↗" beside it (with the variant's name for a compare variant); placed by
 * planeLabels.ts, stacked so that no two overlap.
 */
function offViewLayer(scene: Scene, f: PlaneFrame, fs: number): SvgNode[] {
  if (scene.offView.length === 0) return [];
  const labels = offViewLabels(scene, f, fs);
  const kids = scene.offView.map((m, k) => {
    const l = labels[k];
    const cls = m.colorIndex === null ? 'gg-offview' : `gg-offview gg-offview-${m.colorIndex % 6}`;
    return el(
      'g',
      {
        class: cls,
        'data-testid': 'gg-offview',
        'data-step': m.step,
        'data-name': m.name ?? 'main',
        'data-edge-x': formatNumber(m.edge[0], 6),
        'data-edge-y': formatNumber(m.edge[1], 6),
      },
      [
        arrowGroup(l.tail, l.tip, 'gg-offview-arrow', {}, 2.5, 11),
        el(
          'text',
          {
            class: 'gg-offview-label gg-plane-label',
            x: px(l.x),
            y: px(l.y),
            'font-size': FONT.offView * fs,
            'font-weight': 600,
            'paint-order': 'stroke',
            'stroke-width': 4,
            'stroke-linejoin': 'round',
          },
          undefined,
          l.text,
        ),
      ],
    );
  });
  return [el('g', { class: 'gg-offviews', 'data-testid': 'gg-offviews' }, kids)];
}

function labelText(p: Placed, text: string, size: number, extra: Record<string, string | number> = {}): SvgNode {
  return el(
    'text',
    {
      class: 'gg-label gg-plane-label',
      x: px(p.x),
      y: px(p.y),
      'font-size': size,
      'paint-order': 'stroke',
      'stroke-width': 3,
      'stroke-linejoin': 'round',
      ...extra,
    },
    undefined,
    text,
  );
}

function marksLayer(scene: Scene, f: PlaneFrame, labelsAt: StaticLabels): SvgNode[] {
  const { P } = f;
  const size = FONT.label * labelsAt.fontScale;
  const out: SvgNode[] = [];
  // Each variant's own optimum (the race's finish), when it has one in this plane.
  if (scene.variantOptima && scene.variantOptima.length > 0) {
    const g: SvgNode[] = [];
    scene.variantOptima.forEach((o, k) => {
      if (!o) return;
      const p = P(o);
      const r = 6;
      g.push(
        el('polygon', {
          class: `gg-variant-optimum gg-legend-${scene.variants[k].colorIndex % 6}`,
          'data-name': scene.variants[k].name,
          'stroke-width': 2.5,
          fill: 'none',
          points: pointsAttr([
            [p[0], p[1] - r],
            [p[0] + r, p[1]],
            [p[0], p[1] + r],
            [p[0] - r, p[1]],
          ]),
        }),
      );
    });
    out.push(el('g', { class: 'gg-variant-optima', 'data-testid': 'gg-variant-optima', 'clip-path': f.clip }, g));
  }
  if (scene.start) {
    const p = P(scene.start);
    const at = labelsAt.start;
    out.push(
      el('g', { class: 'gg-start', 'data-testid': 'gg-start', 'data-x': formatNumber(scene.start[0], 6), 'data-y': formatNumber(scene.start[1], 6) }, [
        el('circle', { class: 'gg-start-mark', cx: px(p[0]), cy: px(p[1]), r: 6, 'stroke-width': 2 }),
        ...(at ? [...leader(at, 'gg-label-leader'), labelText(at, 'start', size)] : []),
      ]),
    );
  }
  if (scene.optimum) {
    const p = P(scene.optimum);
    const r = 8;
    const at = labelsAt.optimum;
    out.push(
      el('g', { class: 'gg-optimum', 'data-testid': 'gg-optimum', 'data-x': formatNumber(scene.optimum[0], 6), 'data-y': formatNumber(scene.optimum[1], 6) }, [
        el('polygon', {
          class: 'gg-optimum-mark',
          'stroke-width': 1.5,
          points: pointsAttr([
            [p[0], p[1] - r],
            [p[0] + r, p[1]],
            [p[0], p[1] + r],
            [p[0] - r, p[1]],
          ]),
        }),
        ...(at ? [...leader(at, 'gg-label-leader'), labelText(at, 'optimum', size)] : []),
      ]),
    );
  }
  if (scene.teacher) {
    const p = P(scene.teacher);
    const at = labelsAt.teacher;
    out.push(
      el('g', { class: 'gg-teacher', 'data-testid': 'gg-teacher', 'data-x': formatNumber(scene.teacher[0], 6), 'data-y': formatNumber(scene.teacher[1], 6) }, [
        el('circle', { class: 'gg-teacher-mark', cx: px(p[0]), cy: px(p[1]), r: 11, 'stroke-width': 1.5, 'stroke-dasharray': '3 2', fill: 'none' }),
        ...(at ? [...leader(at, 'gg-label-leader'), labelText(at, 'w*', size)] : []),
      ]),
    );
  }
  return out;
}

/** The legend of overlaid variants, in the corner planeLabels.ts chose (drawn under the cone, so it never covers it). */
function legendLayer(scene: Scene, labelsAt: StaticLabels): SvgNode[] {
  const box = labelsAt.legend;
  const rows = legendRows(scene);
  if (!box || rows.length === 0) return [];
  const size = FONT.legend * labelsAt.fontScale;
  const rowH = size * 1.45;
  const g: SvgNode[] = [el('rect', { class: 'gg-legend-box', x: px(box.x), y: px(box.y), width: px(box.w), height: px(box.h), 'fill-opacity': 0.85 })];
  rows.forEach((row, k) => {
    const y = box.y + 4 + rowH * (k + 0.5);
    g.push(el('line', { class: row.cls, x1: px(box.x + 6), y1: px(y), x2: px(box.x + 24), y2: px(y), 'stroke-width': 3 }));
    g.push(el('text', { class: 'gg-label gg-legend-label', x: px(box.x + 30), y: px(y + size * 0.35), 'font-size': size }, undefined, row.name));
  });
  return [el('g', { class: 'gg-legend', 'data-testid': 'gg-legend' }, g)];
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
  kids.push(axesLayer(scene, f, layout.fontScale ?? 1));
  kids.push(
    el(
      'g',
      { class: 'gg-contours', 'data-testid': 'gg-contours', 'clip-path': f.clip, fill: 'none', 'stroke-width': 1 },
      scene.contours
        .filter((c) => c.lines.length > 0)
        .map((c) =>
          el('path', { class: 'gg-contour', 'data-level': formatNumber(c.level, 4), d: c.lines.map((l) => pathData(l.points.map(P), l.closed)).join('') }),
        ),
    ),
  );
  const fs = layout.fontScale ?? 1;
  const labelsAt = staticLabels(scene, f, fs);
  const eigen = eigenLayer(scene, f, labelsAt);
  kids.push(...eigen.axes);
  const full = layout.pathMode === 'full';
  if (scene.variants.length > 0) {
    // A race: every variant faint in full, and strong up to the same step as the main path.
    const lines: SvgNode[] = [];
    for (const vp of scene.variants) {
      const pixels = vp.points.map(P);
      const k = variantStep(scene, vp.points.length);
      const cls = `gg-variant gg-variant-${vp.colorIndex % 6}`;
      lines.push(el('polyline', { class: `${cls} gg-variant-ghost`, 'stroke-opacity': 0.3, 'stroke-width': 1, points: pointsAttr(thin(pixels, minPx, k)) }));
      const attrs: Record<string, string | number> = {
        class: cls,
        'data-name': vp.name,
        'data-points': vp.points.length,
        'data-step': k,
        points: pointsAttr(thin(full ? pixels : pixels.slice(0, k + 1), minPx, k)),
      };
      if (full && vp.points.length > 0) {
        const lengths = pathLengths(vp.points, f, minPx, k);
        attrs['stroke-dasharray'] = revealDash(lengths[k], lengths[lengths.length - 1]);
      }
      lines.push(el('polyline', attrs));
    }
    kids.push(el('g', { class: 'gg-variants', 'data-testid': 'gg-variants', 'clip-path': f.clip, fill: 'none', 'stroke-width': 2 }, lines));
  }
  kids.push(...legendLayer(scene, labelsAt));
  kids.push(coneLayer(scene, f, fs));

  // The path: all of it faint, then steps 0..current strong.
  const drawn = full ? scene.path : scene.path.slice(0, scene.current + 1);
  const pixels = scene.path.map(P);
  const pathAttrs: Record<string, string | number> = {
    class: 'gg-path',
    'data-testid': 'gg-path',
    'data-points': scene.current + 1,
    'data-total': scene.path.length,
    fill: 'none',
    'stroke-width': 2.5,
    'stroke-linejoin': 'round',
    'clip-path': f.clip,
    points: pointsAttr(thin(pixels.slice(0, drawn.length), minPx, scene.current)),
  };
  if (scene.path.length === 0) pathAttrs['data-points'] = 0;
  if (full && scene.path.length > 0) {
    const lengths = pathLengths(scene.path, f, minPx, scene.current);
    pathAttrs['stroke-dasharray'] = revealDash(lengths[scene.current], lengths[lengths.length - 1]);
  }
  kids.push(
    el('polyline', {
      class: 'gg-path-ghost',
      fill: 'none',
      'stroke-width': 1,
      'stroke-opacity': 0.35,
      'clip-path': f.clip,
      points: pointsAttr(thin(pixels, minPx, scene.current)),
    }),
  );
  kids.push(el('polyline', pathAttrs));
  kids.push(...eigen.labels);
  kids.push(movingLayer(scene, f, fs));
  kids.push(...offViewLayer(scene, f, fs));
  kids.push(...marksLayer(scene, f, labelsAt));

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
