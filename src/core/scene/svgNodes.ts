/**
 * Building blocks of the SVG trees: the node type, element constructor, pixel rounding, point
 * lists, path data and arrow heads. Pure (no DOM): the panel turns nodes into elements, the
 * standalone renderer serialises them.
 */
import type { Vec2 } from './types';

export interface SvgNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string | number>>;
  readonly children?: readonly SvgNode[];
  /** Text content (escaped by whoever serialises it). */
  readonly text?: string;
}

/** Pixel coordinates are rounded to 0.01 px and kept finite and bounded. */
export function px(v: number): number {
  if (!Number.isFinite(v)) return 0;
  return Math.round(Math.max(-1e6, Math.min(1e6, v)) * 100) / 100;
}

export function pointsAttr(points: readonly Vec2[]): string {
  return points.map((p) => `${px(p[0])},${px(p[1])}`).join(' ');
}

export function pathData(points: readonly Vec2[], closed: boolean): string {
  if (points.length === 0) return '';
  return points.map((p, k) => `${k === 0 ? 'M' : 'L'}${px(p[0])},${px(p[1])}`).join('') + (closed ? 'Z' : '');
}

export function el(tag: string, attrs: Record<string, string | number>, children?: SvgNode[], text?: string): SvgNode {
  return { tag, attrs, ...(children ? { children } : {}), ...(text !== undefined ? { text } : {}) };
}

/** A filled triangle at `tip` pointing along (tip − tail), `size` px long. */
export function arrowHead(tail: Vec2, tip: Vec2, size: number, cls: string): SvgNode | null {
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

/** A line from a to b (pixels) with a head at b, in a group of class `cls` (line `cls-line`, head `cls-head`). */
export function arrowGroup(a: Vec2, b: Vec2, cls: string, attrs: Record<string, string | number>, width: number, head: number, dash?: string): SvgNode {
  const h = arrowHead(a, b, head, `${cls}-head`);
  const line = el('line', {
    class: `${cls}-line`,
    x1: px(a[0]),
    y1: px(a[1]),
    x2: px(b[0]),
    y2: px(b[1]),
    'stroke-width': width,
    ...(dash ? { 'stroke-dasharray': dash } : {}),
  });
  return el('g', { class: cls, ...attrs }, [line, ...(h ? [h] : [])]);
}
