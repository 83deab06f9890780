/**
 * Scene → a tree of SVG elements in pixel coordinates: the one drawing shared by the panel (which
 * creates DOM nodes from it and colours them with CSS classes) and `renderSvg` (which serialises it
 * with a theme's colours as presentation attributes). Nodes carry classes for paint, structural
 * presentation attributes (widths, dashes, opacity) and `data-*` attributes that state the plane
 * geometry for tests. Never a `style` attribute (the panel's CSP forbids inline styles).
 */
import { formatNumber } from './geometry';
import type { Scene, Vec2 } from './types';

export interface SvgNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string | number>>;
  readonly children?: readonly SvgNode[];
  /** Text content (escaped by whoever serialises it). */
  readonly text?: string;
}

export interface SvgLayout {
  /** Pixel size of the drawing (default 640 × 640). */
  readonly width?: number;
  readonly height?: number;
  /** Prefix for element ids (clip path), so several drawings can share a document. */
  readonly idPrefix?: string;
}

/** Space around the plot for tick labels and axis names, in pixels. */
export const PLOT_PADDING = { left: 52, right: 16, top: 16, bottom: 40 } as const;

/** Width ÷ height of the plot area of a drawing of this size: pass it as `SceneOptions.aspect`. */
export function plotAspect(width: number, height: number): number {
  const w = width - PLOT_PADDING.left - PLOT_PADDING.right;
  const h = height - PLOT_PADDING.top - PLOT_PADDING.bottom;
  return w > 0 && h > 0 ? w / h : 1;
}

/** Pixel coordinates are rounded to 0.01 px and kept finite and bounded. */
function px(v: number): number {
  if (!Number.isFinite(v)) return 0;
  return Math.round(Math.max(-1e6, Math.min(1e6, v)) * 100) / 100;
}

function pointsAttr(points: readonly Vec2[]): string {
  return points.map((p) => `${px(p[0])},${px(p[1])}`).join(' ');
}

function pathData(points: readonly Vec2[], closed: boolean): string {
  if (points.length === 0) return '';
  return points.map((p, k) => `${k === 0 ? 'M' : 'L'}${px(p[0])},${px(p[1])}`).join('') + (closed ? 'Z' : '');
}

function el(tag: string, attrs: Record<string, string | number>, children?: SvgNode[], text?: string): SvgNode {
  return { tag, attrs, ...(children ? { children } : {}), ...(text !== undefined ? { text } : {}) };
}

/** A filled triangle at `tip` pointing along (tip − tail), `size` px long. */
function arrowHead(tail: Vec2, tip: Vec2, size: number, cls: string): SvgNode | null {
  const dx = tip[0] - tail[0];
  const dy = tip[1] - tail[1];
  const len = Math.hypot(dx, dy);
  if (!(len > 0)) return null;
  const ux = dx / len;
  const uy = dy / len;
  const base: Vec2 = [tip[0] - ux * size, tip[1] - uy * size];
  const half = size * 0.45;
  return el('polygon', { class: cls, points: pointsAttr([tip, [base[0] - uy * half, base[1] + ux * half], [base[0] + uy * half, base[1] - ux * half]]) });
}

/** Draws the scene into a tree rooted at an <svg> element with data-testid="gg-plane". */
export function sceneToSvgTree(scene: Scene, layout: SvgLayout = {}): SvgNode {
  const W = layout.width ?? 640;
  const H = layout.height ?? 640;
  const id = `${layout.idPrefix ?? 'gg'}-clip`;
  const plot = { x: PLOT_PADDING.left, y: PLOT_PADDING.top, w: W - PLOT_PADDING.left - PLOT_PADDING.right, h: H - PLOT_PADDING.top - PLOT_PADDING.bottom };
  const v = scene.viewport;
  const s = Math.min(plot.w / (v.xMax - v.xMin), plot.h / (v.yMax - v.yMin));
  const ox = plot.x + (plot.w - (v.xMax - v.xMin) * s) / 2;
  const oy = plot.y + (plot.h - (v.yMax - v.yMin) * s) / 2;
  const X = (x: number): number => ox + (x - v.xMin) * s;
  const Y = (y: number): number => oy + (v.yMax - y) * s;
  const P = (p: Vec2): Vec2 => [X(p[0]), Y(p[1])];
  const clip = `url(#${id})`;
  const kids: SvgNode[] = [];

  kids.push(el('title', {}, undefined, `Weight plane ${scene.x.name}–${scene.y.name}: ${scene.title}`));
  kids.push(el('defs', {}, [el('clipPath', { id }, [el('rect', { x: px(plot.x), y: px(plot.y), width: px(plot.w), height: px(plot.h) })])]));
  kids.push(el('rect', { class: 'gg-bg', x: 0, y: 0, width: W, height: H }));

  // Axes: grid lines, the zero lines (quadrants matter here), ticks and names.
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
  kids.push(el('g', { class: 'gg-axes', 'aria-hidden': 'true' }, axes));

  // Loss contours: one <path> per level.
  kids.push(
    el(
      'g',
      { class: 'gg-contours', 'data-testid': 'gg-contours', 'clip-path': clip, fill: 'none', 'stroke-width': 1 },
      scene.contours
        .filter((c) => c.lines.length > 0)
        .map((c) => el('path', { class: 'gg-contour', 'data-level': formatNumber(c.level, 4), d: c.lines.map((l) => pathData(l.points.map(P), l.closed)).join('') })),
    ),
  );

  // Eigen-directions of the restricted Hessian (the valley's axes).
  if (scene.eigen.length > 0) {
    const g: SvgNode[] = [];
    scene.eigen.forEach((e, k) => {
      const a = P([e.center[0] - e.direction[0] * e.halfLength, e.center[1] - e.direction[1] * e.halfLength]);
      const b = P([e.center[0] + e.direction[0] * e.halfLength, e.center[1] + e.direction[1] * e.halfLength]);
      g.push(el('line', { class: 'gg-eigen-axis', x1: px(a[0]), y1: px(a[1]), x2: px(b[0]), y2: px(b[1]), 'stroke-width': 1.5, 'stroke-dasharray': '6 4', 'data-eigenvalue': formatNumber(e.eigenvalue, 4), 'data-dx': e.direction[0].toFixed(4), 'data-dy': e.direction[1].toFixed(4) }));
      const text = `λ${k === 0 ? 'max' : 'min'} = ${formatNumber(e.eigenvalue)}`;
      // Label the end that lies inside the plot, clamped so that the text stays visible.
      const inside = (q: Vec2): boolean => q[0] >= plot.x && q[0] <= plot.x + plot.w && q[1] >= plot.y && q[1] <= plot.y + plot.h;
      const end = inside(b) || !inside(a) ? b : a;
      const w = text.length * 6;
      const tx = Math.min(Math.max(end[0] + 4, plot.x + 4), plot.x + plot.w - w - 4);
      const ty = Math.min(Math.max(end[1] - 4, plot.y + 30), plot.y + plot.h - 6);
      g.push(el('text', { class: 'gg-eigen-label', x: px(tx), y: px(ty), 'font-size': 11 }, undefined, text));
    });
    kids.push(el('g', { class: 'gg-eigen', 'data-testid': 'gg-eigen' }, [el('g', { 'clip-path': clip }, g.filter((n) => n.tag === 'line')), ...g.filter((n) => n.tag === 'text')]));
  }

  // Compare variants.
  if (scene.variants.length > 0) {
    kids.push(
      el(
        'g',
        { class: 'gg-variants', 'data-testid': 'gg-variants', 'clip-path': clip, fill: 'none', 'stroke-width': 1.5 },
        scene.variants.map((vp) => el('polyline', { class: `gg-variant gg-variant-${vp.colorIndex % 6}`, 'data-name': vp.name, 'data-points': vp.points.length, points: pointsAttr(vp.points.map(P)) })),
      ),
    );
  }

  // The allowed-direction double cone at the current point.
  if (scene.cone) {
    const c = scene.cone;
    const at = P(c.at);
    const g: SvgNode[] = [];
    c.nappes.forEach((poly, k) => g.push(el('path', { class: 'gg-cone-fill', 'data-nappe': k === 0 ? 1 : -1, 'fill-opacity': 0.22, d: pathData(poly.map(P), true) })));
    for (const r of c.rays) {
      const end = P([c.at[0] + r.direction[0] * c.radius, c.at[1] + r.direction[1] * c.radius]);
      g.push(el('line', { class: 'gg-cone-ray', 'data-nappe': r.nappe, 'data-dx': r.direction[0].toFixed(4), 'data-dy': r.direction[1].toFixed(4), x1: px(at[0]), y1: px(at[1]), x2: px(end[0]), y2: px(end[1]), 'stroke-width': 2 }));
    }
    const bis = c.edges.length >= 2 ? [c.edges[0][0] + c.edges[1][0], c.edges[0][1] + c.edges[1][1]] : c.edges.length === 1 ? [c.edges[0][0], c.edges[0][1]] : [0, 1];
    const bn = Math.hypot(bis[0], bis[1]) || 1;
    const anchor = P([c.at[0] + (bis[0] / bn) * c.radius * 1.1, c.at[1] + (bis[1] / bn) * c.radius * 1.1]);
    // Keep the label inside the plot: estimate its width and clamp.
    const textWidth = c.label.length * 6.4;
    const lx = Math.min(Math.max(anchor[0] - textWidth / 2, plot.x + 4), plot.x + plot.w - textWidth - 4);
    const ly = Math.min(Math.max(anchor[1], plot.y + 14), plot.y + plot.h - 6);
    const label = el('text', { class: 'gg-cone-label', x: px(lx), y: px(ly), 'font-size': 12 }, undefined, c.label);
    kids.push(
      el('g', { class: `gg-cone gg-cone-${c.kind}`, 'data-testid': 'gg-cone', 'data-kind': c.kind, 'data-opening': formatNumber(c.openingDegrees, 4), 'data-optimum-inside': String(c.optimumInside) }, [
        el('g', { 'clip-path': clip }, g),
        label,
      ]),
    );
  }

  // The path: all of it faint, then steps 0..current strong.
  const drawn = scene.path.slice(0, scene.current + 1);
  kids.push(el('polyline', { class: 'gg-path-ghost', fill: 'none', 'stroke-width': 1, 'stroke-opacity': 0.35, 'clip-path': clip, points: pointsAttr(scene.path.map(P)) }));
  kids.push(el('polyline', { class: 'gg-path', 'data-testid': 'gg-path', 'data-points': drawn.length, 'data-total': scene.path.length, fill: 'none', 'stroke-width': 2, 'stroke-linejoin': 'round', 'clip-path': clip, points: pointsAttr(drawn.map(P)) }));

  // The straight way to the optimum and the update actually taken, from the current point.
  if (scene.toOptimum) {
    const a = P(scene.toOptimum.from);
    const b = P(scene.toOptimum.to);
    const head = arrowHead(a, b, 10, 'gg-to-optimum-head');
    kids.push(el('g', { class: 'gg-to-optimum', 'data-testid': 'gg-to-optimum', 'clip-path': clip }, [el('line', { class: 'gg-to-optimum-line', x1: px(a[0]), y1: px(a[1]), x2: px(b[0]), y2: px(b[1]), 'stroke-width': 1.5, 'stroke-dasharray': '4 4' }), ...(head ? [head] : [])]));
  }
  if (scene.update) {
    const a = P(scene.update.from);
    let b = P(scene.update.to);
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const minLen = 22;
    // A tiny step still shows its direction: it is drawn at least minLen px long.
    const stretched = len > 0 && len < minLen;
    if (stretched) b = [a[0] + ((b[0] - a[0]) / len) * minLen, a[1] + ((b[1] - a[1]) / len) * minLen];
    const head = arrowHead(a, b, 9, 'gg-update-head');
    const dx = scene.update.to[0] - scene.update.from[0];
    const dy = scene.update.to[1] - scene.update.from[1];
    kids.push(el('g', { class: 'gg-update', 'data-testid': 'gg-update', 'data-dx': formatNumber(dx, 4), 'data-dy': formatNumber(dy, 4), 'data-stretched': String(stretched), 'clip-path': clip }, [el('line', { class: 'gg-update-line', x1: px(a[0]), y1: px(a[1]), x2: px(b[0]), y2: px(b[1]), 'stroke-width': 2.5 }), ...(head ? [head] : [])]));
  }

  if (scene.path.length > 0) {
    const here = P(scene.path[scene.current]);
    kids.push(el('circle', { class: 'gg-current', 'data-testid': 'gg-current', 'data-step': scene.current, cx: px(here[0]), cy: px(here[1]), r: 4, 'stroke-width': 1.5 }));
  }
  if (scene.start) {
    const p = P(scene.start);
    kids.push(
      el('g', { class: 'gg-start', 'data-testid': 'gg-start', 'data-x': formatNumber(scene.start[0], 6), 'data-y': formatNumber(scene.start[1], 6) }, [
        el('circle', { class: 'gg-start-mark', cx: px(p[0]), cy: px(p[1]), r: 6, 'stroke-width': 2 }),
        el('text', { class: 'gg-label', x: px(p[0] + 9), y: px(p[1] + 16), 'font-size': 12 }, undefined, 'start'),
      ]),
    );
  }
  if (scene.optimum) {
    const p = P(scene.optimum);
    const r = 8;
    kids.push(
      el('g', { class: 'gg-optimum', 'data-testid': 'gg-optimum', 'data-x': formatNumber(scene.optimum[0], 6), 'data-y': formatNumber(scene.optimum[1], 6) }, [
        el('polygon', { class: 'gg-optimum-mark', 'stroke-width': 1.5, points: pointsAttr([[p[0], p[1] - r], [p[0] + r, p[1]], [p[0], p[1] + r], [p[0] - r, p[1]]]) }),
        el('text', { class: 'gg-label', x: px(p[0] + 11), y: px(p[1] - 8), 'font-size': 12 }, undefined, 'optimum'),
      ]),
    );
  }

  // Legend when variants are overlaid.
  if (scene.variants.length > 0) {
    const rows = [{ cls: 'gg-legend-main', name: scene.title || 'main' }, ...scene.variants.map((vp) => ({ cls: `gg-legend-${vp.colorIndex % 6}`, name: vp.name }))];
    const lx = plot.x + plot.w - 170;
    const ly = plot.y + 8;
    const g: SvgNode[] = [el('rect', { class: 'gg-legend-box', x: px(lx - 6), y: px(ly - 4), width: 170, height: rows.length * 16 + 8, 'fill-opacity': 0.85 })];
    rows.forEach((row, k) => {
      g.push(el('line', { class: row.cls, x1: px(lx), y1: px(ly + 8 + k * 16), x2: px(lx + 18), y2: px(ly + 8 + k * 16), 'stroke-width': 3 }));
      g.push(el('text', { class: 'gg-label', x: px(lx + 24), y: px(ly + 12 + k * 16), 'font-size': 11 }, undefined, row.name.length > 24 ? `${row.name.slice(0, 23)}…` : row.name));
    });
    kids.push(el('g', { class: 'gg-legend', 'data-testid': 'gg-legend' }, g));
  }

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
