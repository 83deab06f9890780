/**
 * The loss-versus-step chart: the full-data loss L(θₖ) of the main run (and of each compare
 * variant, in its colour) on a logarithmic axis, with a cursor at the current step. A straight
 * falling line is linear convergence, (κ−1)/(κ+1) per step at the optimal step size; a rising one
 * is divergence. Pure: an SVG tree that the panel mounts and moves the cursor of, and exports.
 */
import { lossAt, type RunPath } from '../analysis/runPath';
import type { Analysis } from '../analysis/types';
import { formatNumber, ticks } from './geometry';
import { el, pointsAttr, px, type SvgNode } from './svgNodes';
import { drawnIndices } from './svgTree';
import type { Vec2 } from './types';

export interface LossChart {
  readonly tree: SvgNode;
  /** Pixel x of a step (for the cursor). */
  stepX(step: number): number;
  /** The cursor's line ends (top and bottom y). */
  readonly cursorY: readonly [number, number];
}

const PAD = { left: 52, right: 12, top: 10, bottom: 26 } as const;

/** log10 of a loss, with 0 (an exact fit) drawn at the floor. */
function logLoss(v: number, floor: number): number {
  return Math.log10(Math.max(v, floor));
}

/** Decimates a series to at most two points (min and max) per pixel column. */
function decimate(points: Vec2[]): Vec2[] {
  if (points.length <= 2000) return points;
  const out: Vec2[] = [];
  let column = NaN;
  let lo: Vec2 | null = null;
  let hi: Vec2 | null = null;
  const flush = (): void => {
    if (lo && hi) out.push(...(lo === hi ? [lo] : lo[0] <= hi[0] ? [lo, hi] : [hi, lo]));
  };
  for (const p of points) {
    const c = Math.floor(p[0]);
    if (c !== column) {
      flush();
      column = c;
      lo = p;
      hi = p;
    } else {
      if (p[1] < lo![1]) lo = p;
      if (p[1] > hi![1]) hi = p;
    }
  }
  flush();
  return out;
}

/**
 * The chart. `minPixels` thins the polylines as the plane's path is (SvgLayout.minPathPixels; the
 * panel: 0.5): a point closer than this to the last one drawn is left out (the first and the last
 * stay). 0 (default, the CLI and figures): every point after `decimate`.
 */
export function lossChart(analysis: Analysis, width = 640, height = 170, current = 0, variants = true, minPixels = 0): LossChart {
  const runs: { cls: string; name: string; path: RunPath | undefined }[] = [{ cls: 'gg-chart-line', name: analysis.name, path: analysis.run?.path }];
  if (variants) (analysis.variants ?? []).forEach((v, k) => runs.push({ cls: `gg-variant gg-variant-${k % 6}`, name: v.name, path: v.run?.path }));
  let maxStep = 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of runs) {
    const p = r.path;
    for (let k = 0; p && k < p.length; k++) {
      const loss = p.loss[k];
      if (!Number.isFinite(loss)) continue;
      maxStep = Math.max(maxStep, p.step[k]);
      if (loss > 0) lo = Math.min(lo, loss);
      hi = Math.max(hi, loss);
    }
  }
  if (!(hi > 0)) hi = 1;
  if (!(lo < Infinity)) lo = hi / 10;
  const floor = Math.max(lo, hi * 1e-15);
  let y0 = Math.floor(logLoss(floor, floor));
  let y1 = Math.ceil(logLoss(hi, floor));
  if (y1 <= y0) y1 = y0 + 1;
  if (y1 - y0 > 16) y0 = y1 - 16;
  const plot = { x: PAD.left, y: PAD.top, w: width - PAD.left - PAD.right, h: height - PAD.top - PAD.bottom };
  const X = (step: number): number => plot.x + (Math.min(Math.max(step, 0), maxStep) / maxStep) * plot.w;
  const Y = (v: number): number => plot.y + ((y1 - Math.max(logLoss(v, floor), y0)) / (y1 - y0)) * plot.h;

  const kids: SvgNode[] = [el('rect', { class: 'gg-bg', x: 0, y: 0, width, height })];
  const axis: SvgNode[] = [];
  const every = Math.max(1, Math.ceil((y1 - y0) / 5));
  for (let e = y0; e <= y1; e += every) {
    const y = px(plot.y + ((y1 - e) / (y1 - y0)) * plot.h);
    axis.push(el('line', { class: 'gg-gridline', x1: px(plot.x), y1: y, x2: px(plot.x + plot.w), y2: y }));
    axis.push(el('text', { class: 'gg-tick-label', x: px(plot.x - 6), y: px(y + 4), 'text-anchor': 'end', 'font-size': 10 }, undefined, `1e${e}`));
  }
  for (const t of ticks(0, maxStep, 6)) {
    const x = px(X(t.value));
    axis.push(el('text', { class: 'gg-tick-label', x, y: px(plot.y + plot.h + 14), 'text-anchor': 'middle', 'font-size': 10 }, undefined, t.label));
  }
  axis.push(el('rect', { class: 'gg-frame', x: px(plot.x), y: px(plot.y), width: px(plot.w), height: px(plot.h), fill: 'none' }));
  axis.push(
    el(
      'text',
      { class: 'gg-axis-label', x: px(plot.x + plot.w), y: px(height - 2), 'text-anchor': 'end', 'font-size': 11, 'font-style': 'italic' },
      undefined,
      'step →',
    ),
  );
  axis.push(
    el(
      'text',
      { class: 'gg-axis-label', x: px(plot.x + plot.w - 6), y: px(plot.y + 14), 'text-anchor': 'end', 'font-size': 11, 'font-style': 'italic' },
      undefined,
      'loss (log scale)',
    ),
  );
  kids.push(el('g', { class: 'gg-axes', 'aria-hidden': 'true' }, axis));

  // Variants first, so the main run stays on top.
  for (const r of [...runs.slice(1), runs[0]]) {
    const series: Vec2[] = [];
    for (let k = 0; r.path && k < r.path.length; k++) if (Number.isFinite(r.path.loss[k])) series.push([X(r.path.step[k]), Y(r.path.loss[k])]);
    const all = decimate(series);
    const pts = minPixels > 0 ? drawnIndices(all, minPixels).map((k) => all[k]) : all;
    kids.push(
      el('polyline', {
        class: r.cls,
        'data-name': r.name,
        'data-points': r.path?.length ?? 0,
        fill: 'none',
        'stroke-width': r.cls === 'gg-chart-line' ? 2 : 1.5,
        points: pointsAttr(pts),
      }),
    );
  }
  const cx = px(X(current));
  kids.push(
    el('line', {
      class: 'gg-chart-cursor',
      'data-testid': 'gg-chart-cursor',
      'data-step': current,
      x1: cx,
      x2: cx,
      y1: px(plot.y),
      y2: px(plot.y + plot.h),
      'stroke-width': 1.5,
    }),
  );

  const main = runs[0].path;
  const first = main && main.length > 0 ? lossAt(main, 0) : undefined;
  const last = main && main.length > 0 ? lossAt(main, main.length - 1) : undefined;
  const tree = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      class: 'gg-chart',
      'data-testid': 'gg-loss-chart',
      'data-decades': y1 - y0,
      'aria-label': `Loss against step on a log scale: from ${formatNumber(first)} at step 0 to ${formatNumber(last)} at step ${maxStep}`,
    },
    kids,
  );
  return { tree, stepX: (s) => px(X(s)), cursorY: [px(plot.y), px(plot.y + plot.h)] };
}
