/**
 * The plane's fixed layers, drawn by sceneToSvgTree (svgTree.ts): the axes and their names, the
 * valley axes with their λ labels and κ, the off-view notes, the start / optimum / teacher marks and
 * the legend. Labels sit where planeLabels.ts placed them; nothing here changes between animation
 * frames.
 */
import { formatNumber } from './geometry';
import type { PlaneFrame } from './planeFrame';
import { FONT, kappaLine, legendRows, offViewLabels, type StaticLabels } from './planeLabels';
import { intersects, LINE_HEIGHT, textSize, type Box, type Placed } from './labelPlacement';
import { arrowGroup, el, pointsAttr, px, type SvgNode } from './svgNodes';
import type { Scene } from './types';

export function axesLayer(scene: Scene, f: PlaneFrame, fs: number): SvgNode {
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
export function eigenLayer(scene: Scene, f: PlaneFrame, labelsAt: StaticLabels): { axes: SvgNode[]; labels: SvgNode[] } {
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
export function offViewLayer(scene: Scene, f: PlaneFrame, fs: number): SvgNode[] {
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

export function marksLayer(scene: Scene, f: PlaneFrame, labelsAt: StaticLabels): SvgNode[] {
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
export function legendLayer(scene: Scene, labelsAt: StaticLabels): SvgNode[] {
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

/** The contours' note (Scene.contourNote) where planeLabels.ts put it: text with a halo, one element per line. */
export function contourNoteLayer(labelsAt: StaticLabels): SvgNode[] {
  const note = labelsAt.contourNote;
  if (!note) return [];
  const size = FONT.note * labelsAt.fontScale;
  const lines = note.lines.map((line, k) =>
    el(
      'text',
      {
        class: 'gg-contour-note-text gg-plane-label',
        x: px(note.box.x + 1),
        y: px(note.box.y + size * (0.95 + k * LINE_HEIGHT)),
        'font-size': size,
        'paint-order': 'stroke',
        'stroke-width': 4,
        'stroke-linejoin': 'round',
      },
      undefined,
      line,
    ),
  );
  return [el('g', { class: 'gg-contour-note', 'data-testid': 'gg-contour-note' }, lines)];
}
