/**
 * Seeded pseudo-random numbers, identical on every machine.
 *
 * Generator: xoshiro128** (Blackman & Vigna) on four 32-bit words, using only 32-bit integer
 * operations (`Math.imul`, shifts, xor), so the stream does not depend on the platform.
 * Seeding: the spec's seed (split into two 32-bit words), a stream id and a sub-stream id
 * (the epoch, for shuffling) are hashed with the murmur3 finaliser, then expanded by a
 * splitmix-style counter into the four state words.
 *
 * Uniform doubles use 53 random bits: u = (a·2²⁶ + b) / 2⁵³ ∈ [0, 1).
 * Normal draws use the Marsaglia polar method (only sqrt and log):
 *   draw u, v ~ U(−1, 1) until 0 < s = u² + v² < 1, then u·√(−2 ln s / s) and v·√(−2 ln s / s)
 *   are two independent N(0, 1) values (the second is kept for the next call).
 */

/** Streams of one seed: the data set, the per-epoch shuffles and a network's initial W never share numbers. */
export const STREAM_DATA = 0;
export const STREAM_SHUFFLE = 1;
export const STREAM_NETWORK = 2;

/** murmur3's 32-bit finaliser: a bijective mix of one word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A seeded xoshiro128** generator. Never global: create one per stream and pass it in.
 * The four state words are kept as signed 32-bit integers (`| 0`): the same bits as unsigned
 * words, but small integers for the JIT, so drawing allocates nothing.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Whether `spareValue` holds the second value of the last polar pair. */
  private hasSpare = false;
  private spareValue = 0;

  /**
   * @param seed   any finite number; its integer part modulo 2⁶⁴ selects the sequence
   * @param stream which stream of that seed (STREAM_DATA, STREAM_SHUFFLE)
   * @param sub    sub-stream (the epoch for shuffles)
   */
  constructor(seed: number, stream = STREAM_DATA, sub = 0) {
    const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
    const lo = s >>> 0;
    const hi = Math.floor(s / 4294967296) >>> 0;
    let h = fmix32(lo ^ 0x243f6a88);
    h = fmix32(h ^ hi ^ 0x85a308d3);
    h = fmix32(h ^ (stream >>> 0) ^ 0x13198a2e);
    h = fmix32(h ^ (sub >>> 0) ^ 0x03707344);
    // Expand with a Weyl counter (golden-ratio increment) through the finaliser.
    let c = h;
    const next = (): number => {
      c = (c + 0x9e3779b9) >>> 0;
      return fmix32(c) | 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** The four state words (signed 32-bit), for loops that draw with the state in locals (epochPermutation). */
  state(): [number, number, number, number] {
    return [this.s0, this.s1, this.s2, this.s3];
  }

  /** Next 32-bit unsigned integer: rotl(s1·5, 7)·9, then the xoshiro state transition. */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    let s2 = this.s2 ^ s0;
    let s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    this.s2 = s2;
    this.s3 = s3;
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Uniform integer in [0, k) for k ≥ 1 (floor of a 53-bit uniform; bias below 2⁻³⁵ for k ≤ 10⁵). */
  below(k: number): number {
    return Math.floor(this.uniform() * k);
  }

  /** Standard normal draw (Marsaglia polar method, pairs cached). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareValue;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareValue = v * f;
    this.hasSpare = true;
    return u * f;
  }
}

/**
 * Fisher–Yates permutation of 0 … P−1 for one epoch, from its own generator seeded by
 * (seed, STREAM_SHUFFLE, epoch): for i = P−1 down to 1, swap π[i] with π[j], j ~ U{0 … i}.
 *
 * A shuffled run draws one j per sample it uses (an epoch every P samples), so this loop is as hot
 * as the batch gradient: j is `rng.below(i + 1)` written out on the generator's state in locals
 * (the same xoshiro128** words, uniform and floor, bit for bit), about half the cost of the calls.
 */
export function epochPermutation(seed: number, epoch: number, P: number): Int32Array {
  const rng = new Rng(seed, STREAM_SHUFFLE, epoch);
  const perm = new Int32Array(P);
  for (let i = 0; i < P; i++) perm[i] = i;
  let [s0, s1, s2, s3] = rng.state();
  for (let i = P - 1; i > 0; i--) {
    // Two nextUint32() draws (see Rng.nextUint32), then uniform() and below(i + 1).
    let m = Math.imul(s1, 5);
    const a = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) >>> 5;
    let t = s1 << 9;
    let u2 = s2 ^ s0;
    let u3 = s3 ^ s1;
    s1 ^= u2;
    s0 ^= u3;
    s2 = u2 ^ t;
    s3 = (u3 << 11) | (u3 >>> 21);
    m = Math.imul(s1, 5);
    const b = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) >>> 6;
    t = s1 << 9;
    u2 = s2 ^ s0;
    u3 = s3 ^ s1;
    s1 ^= u2;
    s0 ^= u3;
    s2 = u2 ^ t;
    s3 = (u3 << 11) | (u3 >>> 21);
    const j = Math.floor(((a * 67108864 + b) / 9007199254740992) * (i + 1));
    const tmp = perm[i];
    perm[i] = perm[j];
    perm[j] = tmp;
  }
  return perm;
}
