/**
 * The moving parts of the weight-plane picture, which change at every step of the animation: the
 * allowed-direction double cone at the current point (drawn under the path), and over it the
 * per-sample steps, the batch step, the straight way to the optimum, the update taken and the
 * current point. The panel redraws only these two small groups per frame.
 */
import { formatNumber } from './geometry';
import { LabelPlacer, textSize, type Box, type Placed } from './labelPlacement';
import type { PlaneFrame } from './planeFrame';
import { addCone, FONT, staticLabels } from './planeLabels';
import { arrowGroup, el, pathData, px, type SvgNode } from './svgNodes';
import type { Scene, Vec2 } from './types';

/** A placer for this frame's moving labels: clear of the static labels, the path and the cone at the current point. */
function framePlacer(scene: Scene, f: PlaneFrame, fs: number, extra: readonly Box[] = []): LabelPlacer {
  const labels = staticLabels(scene, f, fs);
  const o = labels.occupancy.clone();
  addCone(o, scene, f);
  const { plot } = f;
  return new LabelPlacer({ x: plot.x + 2, y: plot.y + 2, w: plot.w - 4, h: plot.h - 4 }, o, [...labels.boxes, ...extra]);
}

/** The cone label's place this frame: beside the + nappe's bisector, outside the cone. */
function coneLabel(scene: Scene, f: PlaneFrame, fs: number): Placed | null {
  const c = scene.cone;
  if (!c) return null;
  const bis =
    c.edges.length >= 2 ? [c.edges[0][0] + c.edges[1][0], c.edges[0][1] + c.edges[1][1]] : c.edges.length === 1 ? [c.edges[0][0], c.edges[0][1]] : [0, 1];
  const bn = Math.hypot(bis[0], bis[1]) || 1;
  const anchor = f.P([c.at[0] + (bis[0] / bn) * c.radius, c.at[1] + (bis[1] / bn) * c.radius]);
  return framePlacer(scene, f, fs).place(coneText(scene, f, fs), FONT.cone * fs, anchor, { prefer: [[bis[0] / bn, -bis[1] / bn]], gap: 4 });
}

/** Shorter cone labels for a small plane (a side-by-side multiple), where the long one does not fit. */
const SHORT_CONE_LABELS: Readonly<Record<string, string>> = {
  'allowed directions ±cone{x}': '±cone{x}',
  'allowed directions ±cone{h}': '±cone{h}',
  'no constraint: every direction allowed': 'any direction',
  'allowed directions: one line': 'one line',
  'no update possible in this plane': 'no update',
};

function coneText(scene: Scene, f: PlaneFrame, fs: number): string {
  const label = scene.cone?.label ?? '';
  return textSize(label, FONT.cone * fs).w > f.plot.w * 0.6 ? (SHORT_CONE_LABELS[label] ?? label) : label;
}

/** The cone group (data-layer="under"), empty when there is no cone. */
export function coneLayer(scene: Scene, f: PlaneFrame, fs = 1): SvgNode {
  const kids: SvgNode[] = [];
  const c = scene.cone;
  if (c) {
    const { P } = f;
    const at = P(c.at);
    const g: SvgNode[] = [];
    c.nappes.forEach((poly, k) =>
      g.push(el('path', { class: 'gg-cone-fill', 'data-nappe': k === 0 ? 1 : -1, 'fill-opacity': 0.22, d: pathData(poly.map(P), true) })),
    );
    for (const r of c.rays) {
      const end = P([c.at[0] + r.direction[0] * c.radius, c.at[1] + r.direction[1] * c.radius]);
      g.push(
        el('line', {
          class: 'gg-cone-ray',
          'data-nappe': r.nappe,
          'data-dx': r.direction[0].toFixed(4),
          'data-dy': r.direction[1].toFixed(4),
          x1: px(at[0]),
          y1: px(at[1]),
          x2: px(end[0]),
          y2: px(end[1]),
          'stroke-width': 2.5,
        }),
      );
    }
    const placed = coneLabel(scene, f, fs);
    const label = placed
      ? [
          el(
            'text',
            {
              class: 'gg-cone-label gg-plane-label',
              x: px(placed.x),
              y: px(placed.y),
              'font-size': FONT.cone * fs,
              'paint-order': 'stroke',
              'stroke-width': 3,
              'stroke-linejoin': 'round',
            },
            undefined,
            coneText(scene, f, fs),
          ),
        ]
      : [];
    kids.push(
      el(
        'g',
        {
          class: `gg-cone gg-cone-${c.kind}`,
          'data-testid': 'gg-cone',
          'data-kind': c.kind,
          'data-opening': formatNumber(c.openingDegrees, 4),
          'data-optimum-inside': String(c.optimumInside),
        },
        [el('g', { 'clip-path': f.clip }, g), ...label],
      ),
    );
  }
  return el('g', { 'data-layer': 'under' }, kids);
}

/** The arrows and the current point (data-layer="over"). */
export function movingLayer(scene: Scene, f: PlaneFrame, fs = 1): SvgNode {
  const { P } = f;
  const kids: SvgNode[] = [];

  // The fan: every per-sample step of the batch from the current point (each in the cone), and their mean, the batch step.
  const fan = scene.fan ?? [];
  if (fan.length > 0) {
    const g: SvgNode[] = fan.map((s) =>
      arrowGroup(
        P(s.from),
        P(s.to),
        s.delta > 0 ? 'gg-sample-neg' : 'gg-sample-pos',
        {
          'data-sample': s.sample,
          'data-delta': formatNumber(s.delta, 4),
          'data-dx': formatNumber(s.to[0] - s.from[0], 4),
          'data-dy': formatNumber(s.to[1] - s.from[1], 4),
        },
        1.5,
        7,
      ),
    );
    const m = scene.fanMean;
    const fanScale = scene.fanScale ?? 1;
    if (m)
      g.push(
        arrowGroup(
          P(m.from),
          P(m.to),
          'gg-batch',
          { 'data-testid': 'gg-fan-mean', 'data-dx': formatNumber(m.to[0] - m.from[0], 4), 'data-dy': formatNumber(m.to[1] - m.from[1], 4) },
          3.5,
          12,
        ),
      );
    const note = `Per-sample steps −η δₚxₚ (each inside the cone) and their mean, the batch step${fanScale === 1 ? '' : ` (drawn ×${formatNumber(fanScale)})`}`;
    kids.push(
      el('g', { class: 'gg-fan', 'data-testid': 'gg-fan', 'data-count': fan.length, 'data-scale': formatNumber(fanScale, 4), 'clip-path': f.clip }, [
        el('title', {}, undefined, note),
        ...g,
      ]),
    );
    if (m) {
      const placed = framePlacer(scene, f, fs, coneLabelBox(scene, f, fs)).place(
        `batch mean${fanScale === 1 ? '' : ` ×${formatNumber(fanScale)}`}`,
        FONT.batch * fs,
        P(m.to),
        { gap: 6 },
      );
      // A crowded small plane with no free place for it: the arrow's title names it instead.
      if (placed.clear !== false)
        kids.push(
          el(
            'text',
            {
              class: 'gg-batch-label gg-plane-label',
              x: px(placed.x),
              y: px(placed.y),
              'font-size': FONT.batch * fs,
              'paint-order': 'stroke',
              'stroke-width': 3,
              'stroke-linejoin': 'round',
            },
            undefined,
            `batch mean${fanScale === 1 ? '' : ` ×${formatNumber(fanScale)}`}`,
          ),
        );
    }
  }

  // Per-sample steps, chained tip to tail, coloured by the sign of δₚ; then their sum.
  if (scene.perSample.length > 0 || scene.batchStep) {
    const g: SvgNode[] = scene.perSample.map((s) =>
      arrowGroup(
        P(s.from),
        P(s.to),
        s.delta > 0 ? 'gg-sample-neg' : 'gg-sample-pos',
        {
          'data-sample': s.sample,
          'data-delta': formatNumber(s.delta, 4),
          'data-dx': formatNumber(s.to[0] - s.from[0], 4),
          'data-dy': formatNumber(s.to[1] - s.from[1], 4),
        },
        1.25,
        6,
      ),
    );
    if (scene.batchStep) {
      const b = scene.batchStep;
      const tip = P(b.to);
      g.push(
        arrowGroup(
          P(b.from),
          tip,
          'gg-batch',
          { 'data-testid': 'gg-batch-step', 'data-dx': formatNumber(b.to[0] - b.from[0], 4), 'data-dy': formatNumber(b.to[1] - b.from[1], 4) },
          2.5,
          10,
          '7 3',
        ),
      );
      if (fan.length === 0) {
        const label = `−η·g${scene.perSampleScale === 1 ? '' : ` ×${formatNumber(scene.perSampleScale)}`}`;
        const placed = framePlacer(scene, f, fs, coneLabelBox(scene, f, fs)).place(label, FONT.batch * fs, tip, { gap: 6 });
        if (placed.clear !== false)
          g.push(
            el(
              'text',
              {
                class: 'gg-batch-label gg-plane-label',
                x: px(placed.x),
                y: px(placed.y),
                'font-size': FONT.batch * fs,
                'paint-order': 'stroke',
                'stroke-width': 3,
                'stroke-linejoin': 'round',
              },
              undefined,
              label,
            ),
          );
      }
    }
    const scaleNote = scene.perSampleScale === 1 ? '' : ` (drawn ×${formatNumber(scene.perSampleScale)})`;
    kids.push(
      el(
        'g',
        {
          class: 'gg-samples',
          'data-testid': 'gg-samples',
          'data-count': scene.perSample.length,
          'data-scale': formatNumber(scene.perSampleScale, 4),
          'clip-path': f.clip,
        },
        [el('title', {}, undefined, `Per-sample steps −η δₚxₚ/|B| summing to the batch step −η g${scaleNote}`), ...g],
      ),
    );
  }

  if (scene.toOptimum) {
    kids.push(
      arrowGroup(P(scene.toOptimum.from), P(scene.toOptimum.to), 'gg-to-optimum', { 'data-testid': 'gg-to-optimum', 'clip-path': f.clip }, 1.5, 10, '4 4'),
    );
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
    kids.push(
      arrowGroup(
        a,
        b,
        'gg-update',
        {
          'data-testid': 'gg-update',
          'data-dx': formatNumber(dx, 4),
          'data-dy': formatNumber(dy, 4),
          'data-stretched': String(stretched),
          'clip-path': f.clip,
        },
        2.5,
        9,
      ),
    );
  }
  // The race: each overlaid variant's current point, at the same step as the main path's.
  if (scene.variants.length > 0) {
    const marks = scene.variants.map((v) => {
      const k = Math.max(0, Math.min(scene.current, v.points.length - 1));
      const p = v.points[k];
      if (!p) return null;
      const q = P(p);
      return el('circle', {
        class: `gg-variant-current gg-legend-${v.colorIndex % 6}`,
        'data-name': v.name,
        'data-step': k,
        cx: px(q[0]),
        cy: px(q[1]),
        r: 4.5,
        'stroke-width': 2.5,
      });
    });
    kids.push(
      el(
        'g',
        { class: 'gg-variant-currents', 'data-testid': 'gg-variant-currents', 'clip-path': f.clip },
        marks.filter((m): m is SvgNode => m !== null),
      ),
    );
  }
  if (scene.path.length > 0) {
    const here: Vec2 = P(scene.path[scene.current]);
    kids.push(
      el('circle', { class: 'gg-current', 'data-testid': 'gg-current', 'data-step': scene.current, cx: px(here[0]), cy: px(here[1]), r: 5, 'stroke-width': 2 }),
    );
  }
  return el('g', { 'data-layer': 'over' }, kids);
}

/** The cone label's box this frame (the moving labels after it avoid it). */
function coneLabelBox(scene: Scene, f: PlaneFrame, fs: number): Box[] {
  const p = coneLabel(scene, f, fs);
  return p ? [p.box] : [];
}
