/**
 * Writes a run's entries into the typed columns of a RunPath (analysis/runPath.ts) as the run goes.
 * Each step writes its entry into the next free row; `commit` keeps it. A row not committed (a step
 * between two kept ones, with pathEvery > 1) is overwritten by the next step, unless the run stops
 * first: then `commitPending` keeps it, as the last entry, without its update.
 * Columns grow by doubling and are trimmed to their length at the end, so a run that stops early
 * costs what it recorded, and nothing is allocated per step.
 */
import { COHERENT, HAS_SAMPLES, HAS_UPDATE, INCOHERENT, type RunPath } from '../analysis/runPath';

/** The shape of θ behind the columns (see RunPath). */
export interface PathShape {
  readonly n: number;
  readonly q: number;
  readonly biasTrained: boolean;
  readonly fixedBias: number;
  readonly shift: boolean;
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const out = new (a.constructor as new (n: number) => T)(Math.max(need, 2 * a.length));
  out.set(a);
  return out;
}

export class PathRecorder {
  private rows = 0;
  private capacity: number;
  private step: Int32Array;
  private theta: Float64Array;
  private loss: Float64Array;
  private gradient: Float64Array;
  private update: Float64Array;
  private flags: Uint8Array;
  private angle: Float64Array;
  private sampleStart: Int32Array;
  private batch: Int32Array;
  private deltas: Float64Array;

  /** `entries`: how many entries the run keeps at most (a first capacity, not a limit). */
  constructor(
    private readonly shape: PathShape,
    entries: number,
    samplesPerEntry: number,
  ) {
    const rows = Math.max(2, Math.min(entries, 4096));
    const { q } = shape;
    this.capacity = rows;
    this.step = new Int32Array(rows);
    this.theta = new Float64Array(rows * q);
    this.loss = new Float64Array(rows);
    this.gradient = new Float64Array(rows * q);
    this.update = new Float64Array(rows * q);
    this.flags = new Uint8Array(rows);
    this.angle = new Float64Array(rows);
    this.sampleStart = new Int32Array(rows + 1);
    const values = Math.max(16, Math.min(rows * samplesPerEntry, 1 << 20));
    this.batch = new Int32Array(values);
    this.deltas = new Float64Array(values);
  }

  /** Number of kept entries. */
  get length(): number {
    return this.rows;
  }

  private ensureRow(): void {
    if (this.rows < this.capacity) return;
    const rows = 2 * this.capacity;
    const { q } = this.shape;
    this.capacity = rows;
    this.step = grown(this.step, rows);
    this.theta = grown(this.theta, rows * q);
    this.loss = grown(this.loss, rows);
    this.gradient = grown(this.gradient, rows * q);
    this.update = grown(this.update, rows * q);
    this.flags = grown(this.flags, rows);
    this.angle = grown(this.angle, rows);
    this.sampleStart = grown(this.sampleStart, rows + 1);
  }

  /**
   * Writes the next row's θₖ, L(θₖ) (NaN when not finite), the batch gradient and, when `count`
   * ≥ 0, the batch's indices and δₚ; the row has no update until `setUpdate`.
   */
  write(step: number, theta: ArrayLike<number>, loss: number, gradient: ArrayLike<number>, batch: Int32Array, deltas: Float64Array, count: number): void {
    this.ensureRow();
    const { q } = this.shape;
    const k = this.rows;
    const at = k * q;
    this.step[k] = step;
    for (let i = 0; i < q; i++) this.theta[at + i] = theta[i];
    this.loss[k] = loss;
    for (let i = 0; i < q; i++) this.gradient[at + i] = gradient[i];
    this.update.fill(0, at, at + q);
    this.angle[k] = NaN;
    const s0 = this.sampleStart[k];
    if (count >= 0) {
      this.batch = grown(this.batch, s0 + count);
      this.deltas = grown(this.deltas, s0 + count);
      // Element by element: a subarray view per step would be garbage on every step.
      for (let i = 0; i < count; i++) {
        this.batch[s0 + i] = batch[i];
        this.deltas[s0 + i] = deltas[i];
      }
      this.flags[k] = HAS_SAMPLES;
      this.sampleStart[k + 1] = s0 + count;
    } else {
      this.flags[k] = 0;
      this.sampleStart[k + 1] = s0;
    }
  }

  /** The written row's applied update, its sign coherence and its angle to the optimum (null: NaN). */
  setUpdate(update: ArrayLike<number>, coherent: boolean | null, angle: number | null): void {
    const { q } = this.shape;
    const k = this.rows;
    const at = k * q;
    for (let i = 0; i < q; i++) this.update[at + i] = update[i];
    this.flags[k] |= HAS_UPDATE | (coherent === true ? COHERENT : coherent === false ? INCOHERENT : 0);
    this.angle[k] = angle ?? NaN;
  }

  /** Keeps the written row. */
  commit(): void {
    this.rows++;
  }

  /** Drops the update of the last kept row (`kept`) or keeps the pending row without its update. */
  endWithoutUpdate(kept: boolean): void {
    if (!kept) this.rows++;
    const k = this.rows - 1;
    if (k < 0) return;
    const { q } = this.shape;
    this.update.fill(0, k * q, (k + 1) * q);
    this.flags[k] &= HAS_SAMPLES;
    this.angle[k] = NaN;
  }

  /** The kept rows as a RunPath, each column trimmed to its length. */
  done(): RunPath {
    const L = this.rows;
    const { q } = this.shape;
    // A column with little room left is viewed, not copied (the copy of a 2,000-step run's batches
    // and δₚ cost as much as recording them); one with much room left is copied to its length.
    const trim = <T extends Float64Array | Int32Array | Uint8Array>(a: T, len: number): T =>
      a.length === len ? a : len >= a.length - (a.length >> 3) ? (a.subarray(0, len) as T) : (a.slice(0, len) as T);
    const values = this.sampleStart[L];
    const { n, biasTrained, fixedBias, shift } = this.shape;
    return {
      length: L,
      n,
      q,
      biasTrained,
      fixedBias,
      shift,
      step: trim(this.step, L),
      theta: trim(this.theta, L * q),
      loss: trim(this.loss, L),
      gradient: trim(this.gradient, L * q),
      update: trim(this.update, L * q),
      flags: trim(this.flags, L),
      angle: trim(this.angle, L),
      sampleStart: trim(this.sampleStart, L + 1),
      batch: trim(this.batch, values),
      deltas: trim(this.deltas, values),
    };
  }
}
