/**
 * Streaming summaries of a descent path over the weights w (the first n of the q parameters),
 * updated once per step in O(n) so no per-step history is needed. Δwₖ is the APPLIED update
 * wₖ₊₁ − wₖ (descentPath.ts), not the optimizer's proposal: a proposed step below the rounding of
 * w changes nothing, and its component is exactly 0 here.
 *
 *   path length      ℓ = Σₖ ‖Δwₖ‖
 *   zig-zag ratio    ℓ / ‖w_end − w_start‖  (1 = straight line; null if the run did not move)
 *   sign coherence   Δwₖ is coherent when it moved some weight and all its non-zero components
 *                    share one sign; an update that moved no weight (Δwₖ = 0) is neither
 *                    coherent nor counted: fraction = coherent / updates that moved the weights,
 *                    0 when no update moved them
 *   reversals        per coordinate i, the number of sign flips between successive non-zero Δwₖᵢ
 *                    (a zero component is skipped)
 */
import { distance } from './linalg';

export class PathStats {
  private length = 0;
  private updates = 0;
  private coherent = 0;
  private readonly lastSign: Int8Array;
  readonly reversals: number[];

  constructor(private readonly n: number) {
    this.lastSign = new Int8Array(n);
    this.reversals = new Array<number>(n).fill(0);
  }

  /**
   * Whether the weight part of an update is sign-coherent; null when it moved no weight (every
   * weight component 0), which is neither coherent nor mixed.
   */
  static coherent(update: ArrayLike<number>, n: number): boolean | null {
    let pos = false;
    let neg = false;
    for (let i = 0; i < n; i++) {
      if (update[i] > 0) pos = true;
      else if (update[i] < 0) neg = true;
    }
    return pos || neg ? !(pos && neg) : null;
  }

  /** Account for one applied update Δθ = θₖ₊₁ − θₖ (only its weight components are used). */
  add(update: ArrayLike<number>): void {
    const n = this.n;
    let sq = 0;
    let pos = false;
    let neg = false;
    for (let i = 0; i < n; i++) {
      const u = update[i];
      sq += u * u;
      const s = u > 0 ? 1 : u < 0 ? -1 : 0;
      if (s !== 0) {
        if (s > 0) pos = true;
        else neg = true;
        if (this.lastSign[i] !== 0 && this.lastSign[i] !== s) this.reversals[i]++;
        this.lastSign[i] = s;
      }
    }
    this.length += Math.sqrt(sq);
    if (!pos && !neg) return; // moved no weight: neither coherent nor counted
    this.updates++;
    if (!(pos && neg)) this.coherent++;
  }

  /** Share of coherent updates among those that moved the weights (0 when none did). */
  get signCoherentFraction(): number {
    return this.updates === 0 ? 0 : this.coherent / this.updates;
  }

  /** Path length ÷ straight distance between the start and end weights; null if undefined. */
  zigzagRatio(start: ArrayLike<number>, end: ArrayLike<number>): number | null {
    const straight = distance(start, end, this.n);
    if (!(straight > 0) || !(this.length > 0)) return null;
    const r = this.length / straight;
    return Number.isFinite(r) ? Math.max(1, r) : null;
  }
}
