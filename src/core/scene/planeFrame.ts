/**
 * The mapping between plane coordinates (x east, y north) and the pixels of a drawing: the plot
 * rectangle inside the padding, equal units on both axes, y flipped. Shared by every layer of the
 * picture and by the panel's pointer handling (zoom, drag, hover), so they agree to the pixel.
 */
import type { Bounds, Vec2 } from './types';

/** Space around the plot for tick labels and axis names, in pixels. */
export const PLOT_PADDING = { left: 52, right: 16, top: 16, bottom: 40 } as const;

export interface SvgLayout {
  /** Pixel size of the drawing (default 640 × 640). */
  readonly width?: number;
  readonly height?: number;
  /** Prefix for element ids (clip path), so several drawings can share a document. */
  readonly idPrefix?: string;
}

export interface PlaneFrame {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  /** Pixels per plane unit. */
  readonly scale: number;
  /** `url(#…)` of the plot's clip path. */
  readonly clip: string;
  readonly clipId: string;
  X(x: number): number;
  Y(y: number): number;
  /** Plane → pixels. */
  P(p: Vec2): Vec2;
  /** Pixels → plane. */
  inverse(q: Vec2): Vec2;
}

/** Width ÷ height of the plot area of a drawing of this size: pass it as `SceneOptions.aspect`. */
export function plotAspect(width: number, height: number): number {
  const w = width - PLOT_PADDING.left - PLOT_PADDING.right;
  const h = height - PLOT_PADDING.top - PLOT_PADDING.bottom;
  return w > 0 && h > 0 ? w / h : 1;
}

export function planeFrame(v: Bounds, layout: SvgLayout = {}): PlaneFrame {
  const W = layout.width ?? 640;
  const H = layout.height ?? 640;
  const clipId = `${layout.idPrefix ?? 'gg'}-clip`;
  const plot = { x: PLOT_PADDING.left, y: PLOT_PADDING.top, w: W - PLOT_PADDING.left - PLOT_PADDING.right, h: H - PLOT_PADDING.top - PLOT_PADDING.bottom };
  const s = Math.min(plot.w / (v.xMax - v.xMin), plot.h / (v.yMax - v.yMin));
  const ox = plot.x + (plot.w - (v.xMax - v.xMin) * s) / 2;
  const oy = plot.y + (plot.h - (v.yMax - v.yMin) * s) / 2;
  const X = (x: number): number => ox + (x - v.xMin) * s;
  const Y = (y: number): number => oy + (v.yMax - y) * s;
  return {
    width: W,
    height: H,
    plot,
    scale: s,
    clip: `url(#${clipId})`,
    clipId,
    X,
    Y,
    P: (p) => [X(p[0]), Y(p[1])],
    inverse: (q) => [v.xMin + (q[0] - ox) / s, v.yMax - (q[1] - oy) / s],
  };
}
