/**
 * Where the plane's labels go (labelPlacement.ts does the placing): the fixed ones first (the y
 * axis name top left, the κ strip bottom left, the off-view notes), then the legend in the corner
 * that covers least of the cone and the paths, then the valley axes' λ labels, the optimum, the
 * start and the teacher handle, each clear of every label before it and of as much of the path and
 * the cone (at the drawn step) as it can be. The moving labels (the cone's, the batch step's) are
 * placed per frame against these boxes (svgMoving.ts). Memoised per scene and drawing size, so an
 * animation frame reuses the layout.
 */
import type { PlaneFrame } from './planeFrame';
import { intersects, LabelPlacer, LINE_HEIGHT, Occupancy, textSize, type Box, type Placed } from './labelPlacement';
import { formatNumber } from './geometry';
import type { Scene, Vec2 } from './types';

/** Font sizes of the plane's labels at font scale 1, px of the drawing. */
export const FONT = { tick: 11, axis: 13, label: 12, eigen: 12, kappa: 13, legend: 11, offView: 12, cone: 12, batch: 11, note: 12 } as const;

export interface StaticLabels {
  readonly fontScale: number;
  readonly occupancy: Occupancy;
  /** Every box placed or reserved, for the moving labels to avoid. */
  readonly boxes: readonly Box[];
  readonly eigen: readonly ((Placed & { readonly text: string }) | null)[];
  readonly start: Placed | null;
  readonly optimum: Placed | null;
  readonly teacher: Placed | null;
  /** The legend's box (its rows inside), or null without variants. */
  readonly legend: Box | null;
  readonly legendRows: number;
  /** κ strip's baseline (of its last line). */
  readonly kappaAt: Vec2;
  /** The κ strip is two lines (the plane's κ above, all parameters' below): one does not fit. */
  readonly kappaSplit: boolean;
  /** The κ strip's lines, in the longest form that fits the plot (empty without κ). */
  readonly kappaLines: readonly string[];
  /** Scene.contourNote in a corner of the plot, wrapped to its width (null without a note). */
  readonly contourNote: { readonly box: Box; readonly lines: readonly string[] } | null;
}

/** Bold text is this much wider than textSize's estimate. */
const BOLD = 1.12;

const cache = new WeakMap<object, Map<string, StaticLabels>>();

/** The κ label's text, one line (see svgTree.ts kappaLabel). */
export function kappaLine(scene: Scene): string | null {
  const k = scene.kappa;
  if (!k) return null;
  const t = (v: number | null): string => (v === null ? '∞ (a flat direction)' : formatNumber(v));
  const all = k.allName ?? 'all trained parameters';
  return k.same
    ? `κ = λmax/λmin = ${t(k.plane)}${k.allName ? ` (${k.allName.replace(/ =$/, '')})` : ''}`
    : `κ of the plane ${t(k.plane)} · κ of ${all} ${t(k.all)}`;
}

/**
 * The κ strip's lines in the longest form whose widest line fits `width` px at `size`: one line,
 * two lines (the plane's κ, then all parameters'), or the short forms of a small plane.
 */
export function kappaLines(scene: Scene, size: number, width: number): string[] {
  const k = scene.kappa;
  if (!k) return [];
  const t = (v: number | null): string => (v === null ? '∞ (a flat direction)' : formatNumber(v));
  const u = (v: number | null): string => (v === null ? '∞' : formatNumber(v));
  // A network's κ is the output weights' at one step (allName says which), never "all parameters".
  const all = k.allName ?? 'all trained parameters';
  const short = k.allName ? 'w, b' : 'all';
  const forms = k.same
    ? [[`κ = λmax/λmin = ${t(k.plane)}${k.allName ? ` (${k.allName.replace(/ =$/, '')})` : ''}`], [`κ = ${u(k.plane)}`]]
    : [
        [`κ of the plane ${t(k.plane)} · κ of ${all} ${t(k.all)}`],
        [`κ of the plane ${t(k.plane)} ·`, `κ of ${all} ${t(k.all)}`],
        [`κ plane ${u(k.plane)} ·`, `κ ${short} ${u(k.all)}`],
      ];
  return forms.find((f) => f.every((l) => textSize(l, size).w * BOLD <= width)) ?? forms[forms.length - 1];
}

/** The legend's rows: the main run first, then each variant. */
export function legendRows(scene: Scene): { cls: string; name: string }[] {
  if (scene.variants.length === 0) return [];
  return [
    { cls: 'gg-legend-main', name: scene.title || 'main' },
    ...scene.variants.map((vp) => ({ cls: `gg-legend-${vp.colorIndex % 6}`, name: vp.name })),
  ].map((r) => ({ ...r, name: r.name.length > 24 ? `${r.name.slice(0, 23)}…` : r.name }));
}

export function eigenText(scene: Scene, k: number): string {
  const e = scene.eigen[k];
  const v = formatNumber(e.eigenvalue);
  return `${scene.planeIsWhole ? '' : 'plane '}λ${k === 0 ? 'max' : 'min'} = ${v}`;
}

/** The layout of the fixed and static labels of `scene` drawn in frame `f` at `fontScale`. */
export function staticLabels(scene: Scene, f: PlaneFrame, fontScale = 1): StaticLabels {
  const key = `${f.width}x${f.height}@${fontScale}`;
  let byKey = cache.get(scene.eigen);
  const hit = byKey?.get(key);
  if (hit) return hit;
  const made = layout(scene, f, fontScale);
  if (!byKey) cache.set(scene.eigen, (byKey = new Map()));
  byKey.set(key, made);
  return made;
}

function layout(scene: Scene, f: PlaneFrame, s: number): StaticLabels {
  const { plot, P } = f;
  const occupancy = new Occupancy(f.width, f.height);
  const area: Box = { x: plot.x + 2, y: plot.y + 2, w: plot.w - 4, h: plot.h - 4 };
  const clip = (q: Vec2): Vec2 => [Math.min(Math.max(q[0], -1e5), 1e5), Math.min(Math.max(q[1], -1e5), 1e5)];
  occupancy.addPolyline(
    scene.path.map((p) => clip(P(p))),
    3,
  );
  for (const v of scene.variants)
    occupancy.addPolyline(
      v.points.map((p) => clip(P(p))),
      2,
    );
  for (const e of scene.eigen) {
    const a = P([e.center[0] - e.direction[0] * e.halfLength, e.center[1] - e.direction[1] * e.halfLength]);
    const b = P([e.center[0] + e.direction[0] * e.halfLength, e.center[1] + e.direction[1] * e.halfLength]);
    occupancy.addPolyline([a, b], 1);
  }
  // The cone as drawn at the scene's step (the opening picture), and the arrows from there.
  const withCone = occupancy.clone();
  addCone(withCone, scene, f);
  const placer = new LabelPlacer(area, withCone);

  // Fixed: the y axis name, the κ strip, the off-view notes.
  const axisSize = textSize(`${scene.y.name} ↑`, FONT.axis * s);
  placer.reserve({ x: plot.x + 4, y: plot.y + 2, w: axisSize.w + 4, h: axisSize.h + 2 });
  const kappaAt: Vec2 = [plot.x + 8, plot.y + plot.h - 10];
  const kappaForm = kappaLines(scene, FONT.kappa * s, plot.w - 16);
  const kappaSplit = kappaForm.length > 1;
  if (kappaForm.length > 0) {
    // Bold (media/panel.css): an eighth wider than the estimate. Two lines when one does not fit.
    const lines = kappaForm;
    const size = FONT.kappa * s;
    const w = Math.max(...lines.map((l) => textSize(l, size).w)) * BOLD;
    const h = size * LINE_HEIGHT * lines.length;
    placer.reserve({ x: kappaAt[0] - 2, y: kappaAt[1] + size * 0.3 - h, w: w + 4, h: h + 2 });
  }
  for (const b of offViewBoxes(scene, f, s)) placer.reserve(b);

  // The legend: the corner that covers least of the cone and the paths.
  const rows = legendRows(scene);
  let legend: Box | null = null;
  if (rows.length > 0) {
    const w = Math.max(...rows.map((r) => textSize(r.name, FONT.legend * s).w)) + 36;
    const h = rows.length * FONT.legend * s * 1.45 + 8;
    const bottom = kappaForm.length > 0 ? plot.y + plot.h - (kappaSplit ? 48 : 30) * s - h : plot.y + plot.h - 6 - h;
    const corners: Box[] = [
      { x: plot.x + plot.w - w - 6, y: plot.y + 6, w, h },
      { x: plot.x + plot.w - w - 6, y: bottom, w, h },
      { x: plot.x + 6, y: plot.y + 8 + axisSize.h, w, h },
      { x: plot.x + 6, y: bottom, w, h },
    ];
    let best = corners[0];
    let cost = Infinity;
    for (const c of corners) {
      if (!placer.free(c)) continue;
      const v = placer.cover(c);
      if (v < cost) [best, cost] = [c, v];
    }
    legend = best;
    placer.reserve(legend);
  }

  const contourNote = scene.contourNote ? placeNote(scene.contourNote, FONT.note * s, plot, axisSize.h, placer) : null;

  const eigen = scene.eigen.map((e, k) => {
    const a = P([e.center[0] - e.direction[0] * e.halfLength, e.center[1] - e.direction[1] * e.halfLength]);
    const b = P([e.center[0] + e.direction[0] * e.halfLength, e.center[1] + e.direction[1] * e.halfLength]);
    const inPlot = (q: Vec2): boolean => q[0] >= plot.x && q[0] <= plot.x + plot.w && q[1] >= plot.y && q[1] <= plot.y + plot.h;
    const end = inPlot(b) || !inPlot(a) ? b : a;
    const out: Vec2 = [end[0] - (end === b ? a[0] : b[0]), end[1] - (end === b ? a[1] : b[1])];
    const full = eigenText(scene, k);
    const text = textSize(full, FONT.eigen * s).w > area.w * 0.6 ? full.replace(/^plane /, '') : full;
    return { ...placer.place(text, FONT.eigen * s, clampTo(end, area), { prefer: [out] }), text };
  });
  const optimum = scene.optimum ? placer.place('optimum', FONT.label * s, P(scene.optimum), { gap: 10 * Math.max(1, s * 0.8) }) : null;
  const start = scene.start ? placer.place('start', FONT.label * s, P(scene.start), { gap: 9 * Math.max(1, s * 0.8) }) : null;
  const teacher = scene.teacher ? placer.place('w*', FONT.label * s, P(scene.teacher), { gap: 13 }) : null;
  return {
    kappaLines: kappaForm,
    fontScale: s,
    occupancy,
    boxes: placer.placed,
    eigen,
    start,
    optimum,
    teacher,
    legend,
    legendRows: rows.length,
    kappaAt,
    kappaSplit,
    contourNote,
  };
}

/** `text` wrapped at spaces into lines of at most `width` px (a word longer than that keeps its own line). */
export function wrapText(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && textSize(`${lines[last]} ${word}`, size).w <= width) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The contours' note in the free corner of the plot that covers least of the drawing (bottom
 * right first), on one line or, when no corner has room for that, wrapped to half the plot's
 * width; reserved so that later labels avoid it.
 */
function placeNote(text: string, size: number, plot: Box, axisHeight: number, placer: LabelPlacer): { box: Box; lines: string[] } {
  let fallback: { box: Box; lines: string[] } | null = null;
  for (const width of [plot.w - 16, plot.w / 2]) {
    const lines = wrapText(text, size, width);
    const w = Math.max(...lines.map((l) => textSize(l, size).w));
    const h = lines.length * size * LINE_HEIGHT;
    const right = plot.x + plot.w - w - 6;
    const bottomRight: Box = { x: right, y: plot.y + plot.h - h - 6, w, h };
    const topRight: Box = { x: right, y: plot.y + 6, w, h };
    // A corner taken by a label (κ, the legend): just above (below) the labels in the way.
    const inWay = (b: Box): Box[] => placer.placed.filter((p) => intersects(p, b, 1));
    const raised = (b: Box): Box => ({ ...b, y: Math.min(b.y, ...inWay(b).map((p) => p.y - h - 4)) });
    const lowered = (b: Box): Box => ({ ...b, y: Math.max(b.y, ...inWay(b).map((p) => p.y + p.h + 4)) });
    const corners: Box[] = [bottomRight, topRight, raised(bottomRight), lowered(topRight), { x: plot.x + 6, y: plot.y + 8 + axisHeight, w, h }];
    let best: Box | null = null;
    let cost = Infinity;
    for (const c of corners) {
      if (!placer.free(c)) continue;
      const v = placer.cover(c);
      if (v < cost) [best, cost] = [c, v];
    }
    if (best) {
      placer.reserve(best);
      return { box: best, lines };
    }
    // No corner is free (a crowded small plane): above the lowest label on the right.
    const below = Math.min(...placer.placed.filter((b) => b.x + b.w > right).map((b) => b.y), plot.y + plot.h - 6);
    fallback ??= { box: { x: right, y: Math.max(plot.y + 6, below - h - 4), w, h }, lines };
  }
  placer.reserve(fallback!.box);
  return fallback!;
}

function clampTo(q: Vec2, a: Box): Vec2 {
  return [Math.min(Math.max(q[0], a.x), a.x + a.w), Math.min(Math.max(q[1], a.y), a.y + a.h)];
}

/** Marks the cone's wedges (at the scene's current point) and the update arrow. */
export function addCone(o: Occupancy, scene: Scene, f: PlaneFrame): void {
  const c = scene.cone;
  if (c)
    for (const poly of c.nappes)
      o.addPolygon(
        poly.map((p) => f.P(p)),
        3,
      );
  if (c) for (const r of c.rays) o.addPolyline([f.P(c.at), f.P([c.at[0] + r.direction[0] * c.radius, c.at[1] + r.direction[1] * c.radius])], 4);
  if (scene.update) o.addPolyline([f.P(scene.update.from), f.P(scene.update.to)], 4);
  if (scene.toOptimum) o.addPolyline([f.P(scene.toOptimum.from), f.P(scene.toOptimum.to)], 2);
}

/** The off-view notes' boxes, as offViewLayer draws them (text-anchor resolved). */
export function offViewBoxes(scene: Scene, f: PlaneFrame, s: number): Box[] {
  return offViewLabels(scene, f, s).map((l) => l.box);
}

export interface OffViewLabel {
  readonly text: string;
  readonly box: Box;
  readonly x: number;
  readonly y: number;
  readonly tail: Vec2;
  readonly tip: Vec2;
}

const ARROWS = ['→', '↗', '↑', '↖', '←', '↙', '↓', '↘'];

/** Off-view marks: the arrow to the edge where a path leaves the view, and its note, stacked so no two overlap. */
export function offViewLabels(scene: Scene, f: PlaneFrame, s: number): OffViewLabel[] {
  const { plot, P } = f;
  const out: OffViewLabel[] = [];
  const size = FONT.offView * s;
  scene.offView.forEach((m) => {
    const d: Vec2 = [m.direction[0], -m.direction[1]];
    const edge = P(m.edge);
    const tip: Vec2 = [Math.min(Math.max(edge[0], plot.x + 3), plot.x + plot.w - 3), Math.min(Math.max(edge[1], plot.y + 3), plot.y + plot.h - 3)];
    const tail: Vec2 = [tip[0] - d[0] * 34, tip[1] - d[1] * 34];
    const glyph = ARROWS[(Math.round(Math.atan2(m.direction[1], m.direction[0]) / (Math.PI / 4)) + 8) % 8];
    const steps = `${m.step} step${m.step === 1 ? '' : 's'} ${glyph}`;
    // Shorter forms when the full note is wider than the plot (large type, a small plane).
    const forms = [
      `${m.name ? `${m.name}: ` : ''}path leaves the view after ${steps}`,
      `${m.name ? `${m.name}: ` : ''}off view after ${steps}`,
      `off view after ${steps}`,
      `off view ${glyph} (${m.step})`,
      `off view ${glyph}`,
    ];
    const text = forms.find((t) => textSize(t, size).w * BOLD <= plot.w - 12) ?? forms[forms.length - 1];
    const measured = textSize(text, size);
    const [w, h] = [measured.w * BOLD, measured.h];
    let x = tail[0] - d[0] * 6 - (d[0] > 0.3 ? w : d[0] < -0.3 ? 0 : w / 2);
    x = Math.max(Math.min(x, plot.x + plot.w - 4 - w), plot.x + 4);
    let y = Math.min(Math.max(tail[1] - d[1] * 12 - h / 2, plot.y + 28 * s), plot.y + plot.h - 40 * s - h);
    // Below the previous notes that it would overlap.
    for (const o of out) if (x < o.box.x + o.box.w && o.box.x < x + w && y < o.box.y + o.box.h && o.box.y < y + h) y = o.box.y + o.box.h + 2;
    const box = { x, y, w, h };
    out.push({ text, box, x: x + 1, y: y + size * 0.95, tail, tip });
  });
  return out;
}
