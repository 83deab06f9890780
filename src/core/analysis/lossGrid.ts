/**
 * The full-data loss on a grid over the viewed plane (weight axes i, j), all other parameters
 * held at θ_h (the optimum, or the start when there is none).
 *
 * With θ = θ_h + Δ, Δ non-zero only on axes i and j:
 *   squared:  L(θ) = L(θ_h) + gᵢΔᵢ + gⱼΔⱼ + ½(HᵢᵢΔᵢ² + 2HᵢⱼΔᵢΔⱼ + HⱼⱼΔⱼ²)   exact, O(1) per point
 *   logistic: fₚ(θ) = fₚ(θ_h) + Δᵢxₚᵢ + Δⱼxₚⱼ                                 O(P) per point
 * The logistic grid costs nx·ny·P softplus evaluations (≈ 40 ns each): above GRID_EVALUATIONS it
 * uses m = ⌊GRID_EVALUATIONS/(nx·ny)⌋ samples spread evenly through the data set (p = ⌊k·P/m⌋), and
 * says so (LossGrid.sampled): the picture's contours, not a number any bound or run relies on.
 * Contour levels: LEVELS values min + (max − min)·0.8·2^{−(LEVELS−1−k)}, k = 0 … LEVELS−1: each
 * level doubles the excess loss above the minimum (nested ellipses √2 apart for a quadratic).
 */
import { softplus } from '../engine/activations';
import type { Objective } from '../engine/objective';
import type { LossGrid } from './types';

/** Number of suggested contour levels. */
export const LEVELS = 12;
/** Default grid resolution per axis. */
export const DEFAULT_RESOLUTION = 48;
/** At most this many per-sample loss evaluations for one logistic grid (≈ 40 ms). */
export const GRID_EVALUATIONS = 1_000_000;

/** Rectangle on the plane: first axis [u0, u1], second axis [v0, v1]. */
export interface GridBounds {
  readonly u0: number;
  readonly u1: number;
  readonly v0: number;
  readonly v1: number;
}

/** Options of `lossGrid`. */
export interface LossGridOptions {
  readonly axes: readonly [number, number];
  /** θ_h: parameters off the plane (and the reference point on it), length q. */
  readonly held: ArrayLike<number>;
  readonly heldAt: 'optimum' | 'start';
  readonly bounds: GridBounds;
  /** Points per axis (default 48; at least 2). */
  readonly nx?: number;
  readonly ny?: number;
}

const linspace = (a: number, b: number, m: number): number[] => Array.from({ length: m }, (_, k) => a + ((b - a) * k) / (m - 1));

/** Suggested contour levels, geometrically spaced above the minimum. */
export function contourLevels(min: number, max: number): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [];
  const out: number[] = [];
  for (let k = 0; k < LEVELS; k++) {
    const v = min + span * 0.8 * Math.pow(2, -(LEVELS - 1 - k));
    if (v > min && (out.length === 0 || v > out[out.length - 1])) out.push(v);
  }
  return out;
}

/**
 * Bounds covering the given points (pairs on the plane) with a margin: a square of side
 * (1 + 2·margin) × the larger extent, centred on the points' bounding box (equal scales keep
 * angles true on screen). A degenerate extent becomes 1e-3·(1 + |centre|) … so the grid is never empty.
 */
export function boundsAround(points: readonly (readonly [number, number])[], margin = 0.15): GridBounds {
  let u0 = Infinity;
  let u1 = -Infinity;
  let v0 = Infinity;
  let v1 = -Infinity;
  for (const [u, v] of points) {
    if (!Number.isFinite(u) || !Number.isFinite(v)) continue;
    u0 = Math.min(u0, u);
    u1 = Math.max(u1, u);
    v0 = Math.min(v0, v);
    v1 = Math.max(v1, v);
  }
  if (!(u1 >= u0)) return { u0: -1, u1: 1, v0: -1, v1: 1 };
  const cu = (u0 + u1) / 2;
  const cv = (v0 + v1) / 2;
  let side = Math.max(u1 - u0, v1 - v0);
  side = Math.max(side, 1e-3 * (1 + Math.abs(cu) + Math.abs(cv)));
  const half = (side * (1 + 2 * margin)) / 2;
  return { u0: cu - half, u1: cu + half, v0: cv - half, v1: cv + half };
}

/** Loss values on an nx × ny grid over `bounds`, with min, max and contour levels. */
export function lossGrid(obj: Objective, options: LossGridOptions): LossGrid {
  const { axes, held, bounds } = options;
  const nx = Math.max(2, Math.floor(options.nx ?? DEFAULT_RESOLUTION));
  const ny = Math.max(2, Math.floor(options.ny ?? DEFAULT_RESOLUTION));
  const [i, j] = axes;
  const xs = linspace(bounds.u0, bounds.u1, nx);
  const ys = linspace(bounds.v0, bounds.v1, ny);
  const values = new Array<number>(nx * ny);
  const { q, n, P } = obj;
  let sampled: LossGrid['sampled'];
  if (obj.loss === 'squared') {
    const g = new Float64Array(q);
    const l0 = obj.lossAndGradient(held, g);
    const h = obj.hessianAt(held);
    for (let r = 0; r < ny; r++) {
      for (let c = 0; c < nx; c++) {
        const di = xs[c] - held[i];
        const dj = i === j ? 0 : ys[r] - held[j]; // n = 1: the second axis is only for drawing
        const v = l0 + g[i] * di + g[j] * dj + 0.5 * (h[i * q + i] * di * di + 2 * h[i * q + j] * di * dj + h[j * q + j] * dj * dj);
        values[r * nx + c] = Math.max(0, v);
      }
    }
  } else {
    // With a trained shift the held shift moves the inputs: f = w·(x + s) + b (still linear in w).
    const x = obj.shift ? Float64Array.from(obj.data.x, (v, k) => v + held[q - n + (k % n)]) : obj.data.x;
    const y = obj.data.y;
    const m = Math.max(1, Math.min(P, Math.floor(GRID_EVALUATIONS / (nx * ny))));
    sampled = m < P ? { used: m, of: P } : undefined;
    // Per used sample: its off-plane output, its two plane inputs and its label.
    const base = new Float64Array(m);
    const xi = new Float64Array(m);
    const xj = new Float64Array(m);
    const ys_ = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const p = m === P ? k : Math.floor((k * P) / m);
      let f = obj.biasTrained ? held[n] : obj.fixedBias;
      for (let a = 0; a < n; a++) if (a !== i && a !== j) f += held[a] * x[p * n + a];
      base[k] = f;
      xi[k] = x[p * n + i];
      xj[k] = i === j ? 0 : x[p * n + j];
      ys_[k] = y[p];
    }
    for (let r = 0; r < ny; r++) {
      for (let c = 0; c < nx; c++) {
        const wi = xs[c];
        const wj = i === j ? 0 : ys[r];
        let s = 0;
        for (let k = 0; k < m; k++) {
          const f = base[k] + wi * xi[k] + wj * xj[k];
          s += softplus(f) - ys_[k] * f;
        }
        values[r * nx + c] = s / m;
      }
    }
  }
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) values[k] = Number.MAX_VALUE;
    min = Math.min(min, values[k]);
    max = Math.max(max, values[k]);
  }
  return { axes, xs, ys, values, min, max, levels: contourLevels(min, max), heldAt: options.heldAt, ...(sampled ? { sampled } : {}) };
}
