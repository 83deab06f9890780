/**
 * The full data's hidden outputs h(θ) (P × H) that a run's full-data passes computed, kept with
 * their θ so that the per-step analysis (stepAnalysis.ts) reads hₖ instead of computing it again:
 * the run evaluates L(θₖ) over every sample at every step, through the same forward pass
 * (forward.ts, `hiddenOutputs` with rows = null), so an entry whose θ has the same bits as a path
 * entry's holds exactly the hₖ the analysis would compute.
 *
 * Entries are found by θ's bits (a hash of them, then a comparison with Object.is: −0 is not 0),
 * whatever the order of the passes (the start's runaway floor at θ = 0, Nesterov's look-ahead
 * points, steps the path does not keep). The log keeps at most `budget` numbers of h; past it
 * passes are not kept and the analysis computes those steps' h itself.
 */

/** Numbers of h a log keeps at most (8 MB). */
export const HIDDEN_LOG_BUDGET = 1 << 20;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** A 32-bit hash of the bits of θ. */
function hashOf(theta: ArrayLike<number>, q: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < q; i++) {
    bits[0] = theta[i];
    hash = Math.imul(hash ^ words[0], 0x01000193);
    hash = Math.imul(hash ^ words[1], 0x01000193);
  }
  return hash;
}

export class HiddenOutputLog {
  private thetas: Float64Array;
  private hs: Float64Array;
  private count = 0;
  /** Hash of θ → the first entry with it, and the next entry of the same hash (−1: none). */
  private readonly first = new Map<number, number>();
  private next: Int32Array;
  private full = false;

  /**
   * @param q  the length of θ
   * @param size  the numbers of one h (P·H)
   * @param expected  how many passes to make room for at first (the run's steps)
   */
  constructor(
    private readonly q: number,
    private readonly size: number,
    expected: number,
    private readonly budget = HIDDEN_LOG_BUDGET,
  ) {
    // Nothing when one h is over the budget (a large data set: every step computes its own).
    const room = Math.max(0, Math.min(expected, Math.floor(budget / Math.max(1, size))));
    this.thetas = new Float64Array(room * q);
    this.hs = new Float64Array(room * size);
    this.next = new Int32Array(room);
  }

  /** Keeps h (its first P·H numbers) computed at θ, unless the budget is spent. */
  add(theta: ArrayLike<number>, h: Float64Array): void {
    const { q, size } = this;
    if (this.full) return;
    if ((this.count + 1) * size > this.budget) {
      this.full = true;
      return;
    }
    if (this.count === this.next.length) this.grow();
    const e = this.count++;
    for (let i = 0; i < q; i++) this.thetas[e * q + i] = theta[i];
    this.hs.set(h.subarray(0, size), e * size);
    const hash = hashOf(theta, q);
    this.next[e] = this.first.get(hash) ?? -1;
    this.first.set(hash, e);
  }

  /** h at θ (a view), or null when no kept pass had θ's bits. */
  find(theta: ArrayLike<number>): Float64Array | null {
    const { q, size } = this;
    for (let e = this.first.get(hashOf(theta, q)) ?? -1; e >= 0; e = this.next[e]) {
      let same = true;
      for (let i = 0; i < q && same; i++) same = Object.is(this.thetas[e * q + i], theta[i]);
      if (same) return this.hs.subarray(e * size, (e + 1) * size);
    }
    return null;
  }

  private grow(): void {
    const room = Math.min(Math.max(1, 2 * this.next.length), Math.floor(this.budget / Math.max(1, this.size)));
    const thetas = new Float64Array(room * this.q);
    thetas.set(this.thetas);
    const hs = new Float64Array(room * this.size);
    hs.set(this.hs);
    const next = new Int32Array(room);
    next.set(this.next);
    this.thetas = thetas;
    this.hs = hs;
    this.next = next;
  }
}
