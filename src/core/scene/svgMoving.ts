/**
 * The moving parts of the weight-plane picture, which change at every step of the animation: the
 * allowed-direction double cone at the current point (drawn under the path), and over it the
 * per-sample steps, the batch step, the straight way to the optimum, the update taken and the
 * current point. The panel redraws only these two small groups per frame.
 */
import { formatNumber } from './geometry';
import type { PlaneFrame } from './planeFrame';
import { arrowGroup, el, pathData, px, type SvgNode } from './svgNodes';
import type { Scene, Vec2 } from './types';

/** The cone group (data-layer="under"), empty when there is no cone. */
export function coneLayer(scene: Scene, f: PlaneFrame): SvgNode {
  const kids: SvgNode[] = [];
  const c = scene.cone;
  if (c) {
    const { plot, P } = f;
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
    // Above the bottom strip, where the κ label is.
    const ly = Math.min(Math.max(anchor[1], plot.y + 14), plot.y + plot.h - 34);
    const label = el('text', { class: 'gg-cone-label', x: px(lx), y: px(ly), 'font-size': 12 }, undefined, c.label);
    kids.push(
      el('g', { class: `gg-cone gg-cone-${c.kind}`, 'data-testid': 'gg-cone', 'data-kind': c.kind, 'data-opening': formatNumber(c.openingDegrees, 4), 'data-optimum-inside': String(c.optimumInside) }, [
        el('g', { 'clip-path': f.clip }, g),
        label,
      ]),
    );
  }
  return el('g', { 'data-layer': 'under' }, kids);
}

/** The arrows and the current point (data-layer="over"). */
export function movingLayer(scene: Scene, f: PlaneFrame): SvgNode {
  const { P } = f;
  const kids: SvgNode[] = [];

  // Per-sample steps, chained tip to tail, coloured by the sign of δₚ; then their sum.
  if (scene.perSample.length > 0 || scene.batchStep) {
    const g: SvgNode[] = scene.perSample.map((s) =>
      arrowGroup(P(s.from), P(s.to), s.delta > 0 ? 'gg-sample-neg' : 'gg-sample-pos', { 'data-sample': s.sample, 'data-delta': formatNumber(s.delta, 4), 'data-dx': formatNumber(s.to[0] - s.from[0], 4), 'data-dy': formatNumber(s.to[1] - s.from[1], 4) }, 1.25, 6),
    );
    if (scene.batchStep) {
      const b = scene.batchStep;
      const tip = P(b.to);
      g.push(arrowGroup(P(b.from), tip, 'gg-batch', { 'data-testid': 'gg-batch-step', 'data-dx': formatNumber(b.to[0] - b.from[0], 4), 'data-dy': formatNumber(b.to[1] - b.from[1], 4) }, 2.5, 10, '7 3'));
      const label = `−η·g${scene.perSampleScale === 1 ? '' : ` ×${formatNumber(scene.perSampleScale)}`}`;
      const right = tip[0] < f.plot.x + f.plot.w - 70;
      g.push(el('text', { class: 'gg-batch-label', x: px(tip[0] + (right ? 8 : -8)), y: px(tip[1] - 6), 'text-anchor': right ? 'start' : 'end', 'font-size': 11 }, undefined, label));
    }
    const scaleNote = scene.perSampleScale === 1 ? '' : ` (drawn ×${formatNumber(scene.perSampleScale)})`;
    kids.push(el('g', { class: 'gg-samples', 'data-testid': 'gg-samples', 'data-count': scene.perSample.length, 'data-scale': formatNumber(scene.perSampleScale, 4), 'clip-path': f.clip }, [el('title', {}, undefined, `Per-sample steps −η δₚxₚ/|B| summing to the batch step −η g${scaleNote}`), ...g]));
  }

  if (scene.toOptimum) {
    kids.push(arrowGroup(P(scene.toOptimum.from), P(scene.toOptimum.to), 'gg-to-optimum', { 'data-testid': 'gg-to-optimum', 'clip-path': f.clip }, 1.5, 10, '4 4'));
  }
  if (scene.update) {
    const a = P(scene.update.from);
    let b = P(scene.update.to);
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const minLen = 22;
    // A tiny step still shows its direction: it is drawn at least minLen px long.
    const stretched = len > 0 && len < minLen;
    if (stretched) b = [a[0] + ((b[0] - a[0]) / len) * minLen, a[1] + ((b[1] - a[1]) / len) * minLen];
    const dx = scene.update.to[0] - scene.update.from[0];
    const dy = scene.update.to[1] - scene.update.from[1];
    kids.push(arrowGroup(a, b, 'gg-update', { 'data-testid': 'gg-update', 'data-dx': formatNumber(dx, 4), 'data-dy': formatNumber(dy, 4), 'data-stretched': String(stretched), 'clip-path': f.clip }, 2.5, 9));
  }
  if (scene.path.length > 0) {
    const here: Vec2 = P(scene.path[scene.current]);
    kids.push(el('circle', { class: 'gg-current', 'data-testid': 'gg-current', 'data-step': scene.current, cx: px(here[0]), cy: px(here[1]), r: 4, 'stroke-width': 1.5 }));
  }
  return el('g', { 'data-layer': 'over' }, kids);
}
