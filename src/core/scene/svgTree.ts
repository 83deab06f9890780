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
import { staticLabels } from './planeLabels';
import { axesLayer, contourNoteLayer, eigenLayer, legendLayer, marksLayer, offViewLayer } from './svgLayers';
import { coneLayer, movingLayer } from './svgMoving';
import { el, pathData, pointsAttr, px, type SvgNode } from './svgNodes';
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
      // In 'full' mode the strong line holds the same points as the faint one: thinned once.
      const ghost = pointsAttr(thin(pixels, minPx, k));
      lines.push(el('polyline', { class: `${cls} gg-variant-ghost`, 'stroke-opacity': 0.3, 'stroke-width': 1, points: ghost }));
      const attrs: Record<string, string | number> = {
        class: cls,
        'data-name': vp.name,
        'data-points': vp.points.length,
        'data-step': k,
        points: full ? ghost : pointsAttr(thin(pixels.slice(0, k + 1), minPx, k)),
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
  const ghostPoints = pointsAttr(thin(pixels, minPx, scene.current));
  const pathAttrs: Record<string, string | number> = {
    class: 'gg-path',
    'data-testid': 'gg-path',
    'data-points': scene.current + 1,
    'data-total': scene.path.length,
    fill: 'none',
    'stroke-width': 2.5,
    'stroke-linejoin': 'round',
    'clip-path': f.clip,
    points: full ? ghostPoints : pointsAttr(thin(pixels.slice(0, drawn.length), minPx, scene.current)),
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
      points: ghostPoints,
    }),
  );
  kids.push(el('polyline', pathAttrs));
  kids.push(...eigen.labels);
  kids.push(movingLayer(scene, f, fs));
  kids.push(...offViewLayer(scene, f, fs));
  kids.push(...marksLayer(scene, f, labelsAt));
  kids.push(...contourNoteLayer(labelsAt));

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
      'aria-label': `Weight plane ${scene.x.name}–${scene.y.name} with loss contours, the path, and the allowed-direction cone${scene.contourNote ? ` (${scene.contourNote})` : ''}`,
    },
    kids,
  );
}
