/**
 * Label placement on the weight plane: every label is a box (pixels, top-left origin) chosen among
 * candidate positions around its anchor so that it never intersects a label placed before it,
 * stays inside the plot, and covers as little of the path and of the cone as it can. A label set
 * far from its anchor gets a leader line. Greedy, in the order the labels are asked for (the most
 * important first), and deterministic.
 *
 * Widths are estimates (no font metrics without a DOM): `TEXT_WIDTH` em per character, a little
 * wider than a sans-serif average, so a drawn label is never wider than its box.
 */
import type { Vec2 } from './types';

/** Average advance of one character, in em (DejaVu Sans and Segoe UI average ≈ 0.55). */
export const TEXT_WIDTH = 0.62;
/** Height of a text line, in em. */
export const LINE_HEIGHT = 1.2;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Placed {
  readonly box: Box;
  /** Baseline position of the text (text-anchor start). */
  readonly x: number;
  readonly y: number;
  /** A leader line from the anchor to the box (null when the label sits next to its anchor). */
  readonly leader: readonly [Vec2, Vec2] | null;
  /** Whether the box is clear of every label placed before it (false: the least overlapping place, none being free). */
  readonly clear?: boolean;
}

/** The estimated box of `text` at `fontSize` px. */
export function textSize(text: string, fontSize: number): { w: number; h: number } {
  return { w: [...text].length * fontSize * TEXT_WIDTH + 2, h: fontSize * LINE_HEIGHT };
}

export function intersects(a: Box, b: Box, pad = 0): boolean {
  return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
}

/** Cells of a coarse occupancy grid over the drawing (the path, the cone): cheap "how much does this box cover". */
export class Occupancy {
  private readonly cells: Uint8Array;
  private readonly cols: number;
  private readonly rows: number;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly cell = 6,
  ) {
    this.cols = Math.max(1, Math.ceil(width / cell));
    this.rows = Math.max(1, Math.ceil(height / cell));
    this.cells = new Uint8Array(this.cols * this.rows);
  }

  /** A copy, to add what changes per frame (the cone at the current point). */
  clone(): Occupancy {
    const o = new Occupancy(this.width, this.height, this.cell);
    o.cells.set(this.cells);
    return o;
  }

  private mark(x: number, y: number, weight: number): void {
    const c = Math.floor(x / this.cell);
    const r = Math.floor(y / this.cell);
    if (c < 0 || r < 0 || c >= this.cols || r >= this.rows) return;
    const k = r * this.cols + c;
    this.cells[k] = Math.max(this.cells[k], weight);
  }

  /** Marks the cells a polyline (pixels) passes through. */
  addPolyline(points: readonly Vec2[], weight = 2): void {
    for (let k = 0; k < points.length; k++) {
      const a = points[k];
      const b = points[k + 1] ?? a;
      if (!(Number.isFinite(a[0]) && Number.isFinite(a[1]) && Number.isFinite(b[0]) && Number.isFinite(b[1]))) continue;
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (len > 4 * (this.width + this.height)) continue;
      const n = Math.max(1, Math.ceil(len / (this.cell / 2)));
      for (let j = 0; j <= n; j++) this.mark(a[0] + ((b[0] - a[0]) * j) / n, a[1] + ((b[1] - a[1]) * j) / n, weight);
    }
  }

  /** Marks the cells whose centres lie inside a polygon (pixels). */
  addPolygon(poly: readonly Vec2[], weight = 1): void {
    if (poly.length < 3) return;
    let x0 = Infinity,
      x1 = -Infinity,
      y0 = Infinity,
      y1 = -Infinity;
    for (const p of poly) {
      x0 = Math.min(x0, p[0]);
      x1 = Math.max(x1, p[0]);
      y0 = Math.min(y0, p[1]);
      y1 = Math.max(y1, p[1]);
    }
    const c0 = Math.max(0, Math.floor(x0 / this.cell)),
      c1 = Math.min(this.cols - 1, Math.floor(x1 / this.cell));
    const r0 = Math.max(0, Math.floor(y0 / this.cell)),
      r1 = Math.min(this.rows - 1, Math.floor(y1 / this.cell));
    // One scanline per row of cell centres: a centre is inside when an odd number of the edges'
    // crossings with its row lie to its right (the even-odd rule, each crossing computed as a per-cell test would).
    const crossings: number[] = [];
    for (let r = r0; r <= r1; r++) {
      const y = (r + 0.5) * this.cell;
      crossings.length = 0;
      for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
        const [xi, yi] = poly[i];
        const [xj, yj] = poly[j];
        if (yi > y !== yj > y) {
          const at = ((xj - xi) * (y - yi)) / (yj - yi) + xi;
          if (!Number.isNaN(at)) crossings.push(at); // a NaN crossing lies on neither side
        }
      }
      if (crossings.length === 0) continue;
      crossings.sort((a, b) => a - b);
      // k: crossings ≤ x so far; the rest (length − k) lie to the right of the centre x.
      let k = 0;
      for (let c = c0; c <= c1; c++) {
        const x = (c + 0.5) * this.cell;
        while (k < crossings.length && !(x < crossings[k])) k++;
        if ((crossings.length - k) % 2 === 1) this.cells[r * this.cols + c] = Math.max(this.cells[r * this.cols + c], weight);
      }
    }
  }

  /** Sum of the weights of the cells a box covers. */
  cost(b: Box): number {
    const c0 = Math.max(0, Math.floor(b.x / this.cell)),
      c1 = Math.min(this.cols - 1, Math.floor((b.x + b.w) / this.cell));
    const r0 = Math.max(0, Math.floor(b.y / this.cell)),
      r1 = Math.min(this.rows - 1, Math.floor((b.y + b.h) / this.cell));
    let sum = 0;
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) sum += this.cells[r * this.cols + c];
    return sum;
  }
}

/** Eight compass directions, east first, then the diagonals above: label positions are tried in this order. */
const DIRECTIONS: readonly Vec2[] = [
  [1, -0.35],
  [1, 0.35],
  [0.7, -0.7],
  [-0.7, -0.7],
  [0.7, 0.7],
  [-0.7, 0.7],
  [0, -1],
  [0, 1],
  [-1, -0.35],
  [-1, 0.35],
];

export interface PlaceOptions {
  /** Distance from the anchor to the box at the first ring, px (default 6). */
  readonly gap?: number;
  /** Directions to try first (unit-ish vectors in pixels, y down). */
  readonly prefer?: readonly Vec2[];
  /** A fixed box (not moved; only recorded so later labels avoid it). */
  readonly fixed?: boolean;
}

/** Places labels one by one; see the file comment. */
export class LabelPlacer {
  readonly placed: Box[] = [];

  constructor(
    private readonly area: Box,
    private readonly occupancy: Occupancy | null,
    existing: readonly Box[] = [],
  ) {
    this.placed.push(...existing);
  }

  /** Records a box that other labels must avoid. */
  reserve(box: Box): void {
    this.placed.push(box);
  }

  /** Whether `box` is free: inside the area and clear of every label placed so far. */
  free(box: Box, pad = 1): boolean {
    const a = this.area;
    if (box.x < a.x || box.y < a.y || box.x + box.w > a.x + a.w || box.y + box.h > a.y + a.h) return false;
    return !this.placed.some((p) => intersects(p, box, pad));
  }

  cover(box: Box): number {
    return this.occupancy ? this.occupancy.cost(box) : 0;
  }

  /** Places `text` near `anchor` (pixels); returns the box and the text's baseline. */
  place(text: string, fontSize: number, anchor: Vec2, options: PlaceOptions = {}): Placed {
    const { w, h } = textSize(text, fontSize);
    const gap = options.gap ?? 6;
    const dirs = [...(options.prefer ?? []), ...DIRECTIONS];
    let best: { box: Box; score: number; ring: number } | null = null;
    // When no place is free (a crowded small plane): the one that overlaps the other labels least.
    let least: { box: Box; overlap: number; score: number; ring: number } | null = null;
    const rings = [gap, gap + 10, gap + 24, gap + 44, gap + 70, gap + 110, gap + 160];
    rings.forEach((r, ring) => {
      dirs.forEach((d, k) => {
        const n = Math.hypot(d[0], d[1]) || 1;
        const ux = d[0] / n,
          uy = d[1] / n;
        // The box's point nearest the anchor sits r px away along d.
        const cx = anchor[0] + ux * r + (ux >= 0.3 ? w / 2 : ux <= -0.3 ? -w / 2 : 0);
        const cy = anchor[1] + uy * r + (uy >= 0.3 ? h / 2 : uy <= -0.3 ? -h / 2 : 0);
        const box = clampBox({ x: cx - w / 2, y: cy - h / 2, w, h }, this.area);
        const score = this.cover(box) * 4 + ring * 6 + k * 0.5;
        if (!this.free(box)) {
          const overlap = this.placed.reduce((sum, p) => sum + overlapArea(p, box, 1), 0);
          if (!least || overlap < least.overlap || (overlap === least.overlap && score < least.score)) least = { box, overlap, score, ring };
          return;
        }
        if (!best || score < best.score) best = { box, score, ring };
      });
    });
    const chosen: { box: Box; ring: number } = best ?? least ?? { box: clampBox({ x: anchor[0] + gap, y: anchor[1] - h / 2, w, h }, this.area), ring: 0 };
    this.placed.push(chosen.box);
    const b = chosen.box;
    const near: Vec2 = [Math.min(Math.max(anchor[0], b.x), b.x + b.w), Math.min(Math.max(anchor[1], b.y), b.y + b.h)];
    const far = Math.hypot(near[0] - anchor[0], near[1] - anchor[1]) > gap + 16;
    return { box: b, x: b.x + 1, y: b.y + fontSize * 0.95, leader: far ? [anchor, near] : null, clear: best !== null };
  }
}

/** The area two boxes share, each grown by `pad`. */
function overlapArea(a: Box, b: Box, pad: number): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) + 2 * pad;
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) + 2 * pad;
  return w > 0 && h > 0 ? w * h : 0;
}

function clampBox(b: Box, area: Box): Box {
  return { x: Math.min(Math.max(b.x, area.x), area.x + area.w - b.w), y: Math.min(Math.max(b.y, area.y), area.y + area.h - b.h), w: b.w, h: b.h };
}
