/**
 * Which samples each step uses.
 *
 * Think of an endless stream of sample indices: epoch e contributes π_e(0), …, π_e(P−1), where
 * π_e is the identity without shuffling and a Fisher–Yates permutation seeded by (seed, e) with
 * shuffling. Step k takes the B consecutive entries at positions kB … kB + B − 1. So batches run
 * in the samples' order and wrap around: when B does not divide P a batch may straddle the end of
 * one epoch and the start of the next (e.g. P = 5, B = 2: {0,1}, {2,3}, {4,0}, {1,2}, …), and every
 * sample is used equally often in the long run.
 */
import { epochPermutation } from './random';

/** Batch index generator of one run. */
export class BatchSchedule {
  private readonly perms = new Map<number, Int32Array>();

  constructor(
    readonly P: number,
    readonly size: number,
    private readonly shuffle: boolean,
    private readonly seed: number,
  ) {}

  /** True when every step uses the whole data set (the mean gradient is then the full gradient). */
  get fullBatch(): boolean {
    return this.size >= this.P;
  }

  /** π_e, the permutation of epoch e (shuffled runs only). */
  private permutation(epoch: number): Int32Array {
    let perm = this.perms.get(epoch);
    if (!perm) {
      // Only the current and the next epoch are ever needed: drop older ones.
      for (const e of this.perms.keys()) if (e < epoch) this.perms.delete(e);
      perm = epochPermutation(this.seed, epoch, this.P);
      this.perms.set(epoch, perm);
    }
    return perm;
  }

  /** Write the sample indices of step k into `out` (length ≥ size); returns the batch size. */
  batchOf(k: number, out: Int32Array): number {
    const B = this.size;
    const P = this.P;
    // Position kB of the stream, as (epoch, index within it); then run along, wrapping at P.
    const start = k * B;
    let epoch = Math.floor(start / P);
    let i = start - epoch * P;
    let j = 0;
    while (j < B) {
      const run = Math.min(B - j, P - i);
      if (this.shuffle) {
        const perm = this.permutation(epoch);
        for (let r = 0; r < run; r++) out[j + r] = perm[i + r];
      } else {
        for (let r = 0; r < run; r++) out[j + r] = i + r;
      }
      j += run;
      epoch++;
      i = 0;
    }
    return B;
  }
}
