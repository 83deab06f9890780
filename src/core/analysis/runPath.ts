/**
 * A run's path as typed columns: entry k (k = 0 … length−1) holds θₖ, the full-data loss L(θₖ),
 * the batch gradient g used for the step from θₖ, the applied update θₖ₊₁ − θₖ, its sign
 * coherence and angle to θ* − θₖ, and (when recorded) the batch's indices and δₚ. The engine
 * writes these columns once; the panel receives them as they are (structured clone copies a typed
 * array in one block), and the scene reads them without building an object per step.
 * `pointAt` gives one entry as a plain `PathPoint` for code that wants a step; `pathPoints` gives
 * all of them where JSON is the output (the CLI, exports).
 *
 * θ = (w₁ … wₙ, [b], [s₁ … sₙ]): the weights first, then the bias when it is trained, then the
 * shift of f = w·(x + s) + b when the model has one. A null of `PathPoint` is NaN in a Float64
 * column (loss, angle) or a cleared flag (update, sign coherence, samples).
 *
 * Pure TypeScript: no vscode, no DOM, no Node.
 */
import type { PathPoint } from './types';

/** Entry k has an update (every entry but the last of a run). */
export const HAS_UPDATE = 1;
/** The update's non-zero weight components share one sign (sign coherence true). */
export const COHERENT = 2;
/** The update moved a weight and its components do not share one sign (sign coherence false). */
export const INCOHERENT = 4;
/** Entry k recorded its batch and δₚ (at sampleStart[k] … sampleStart[k+1]−1). */
export const HAS_SAMPLES = 8;
const ALL_FLAGS = HAS_UPDATE | COHERENT | INCOHERENT | HAS_SAMPLES;

/** A run's recorded entries, column by column (see the module's comment). */
export interface RunPath {
  /** Number of entries. */
  readonly length: number;
  /** Weights n and parameters q (q = n, n + 1 with a trained bias, + n with a shift). */
  readonly n: number;
  readonly q: number;
  /** θ[n] is the bias; otherwise every entry's bias is `fixedBias`. */
  readonly biasTrained: boolean;
  readonly fixedBias: number;
  /** θ ends with the shift s (its last n components). */
  readonly shift: boolean;
  /** Step number of each entry (entries may be every k-th step). */
  readonly step: Int32Array;
  /** θₖ, entry after entry (length × q). */
  readonly theta: Float64Array;
  /** L(θₖ); NaN only on entry 0 of a start whose loss is not finite. */
  readonly loss: Float64Array;
  /** Batch gradient over θ used for the step from θₖ (length × q). */
  readonly gradient: Float64Array;
  /** θₖ₊₁ − θₖ as applied (length × q; zeros where the entry has no update). */
  readonly update: Float64Array;
  /** Per entry: HAS_UPDATE | COHERENT | INCOHERENT | HAS_SAMPLES. */
  readonly flags: Uint8Array;
  /** Angle (degrees) between the update and θ* − θₖ in weight space; NaN when null. */
  readonly angle: Float64Array;
  /** Entry k's batch and δₚ are batch/deltas[sampleStart[k] … sampleStart[k+1]−1] (length + 1). */
  readonly sampleStart: Int32Array;
  readonly batch: Int32Array;
  readonly deltas: Float64Array;
}

/** Weight i of entry k. */
export const weightAt = (p: RunPath, k: number, i: number): number => p.theta[k * p.q + i];

/** θ of entry k (a view into the column, length q). */
export const thetaAt = (p: RunPath, k: number): Float64Array => p.theta.subarray(k * p.q, (k + 1) * p.q);

/** The weights w of entry k as a plain array. */
export const weightsAt = (p: RunPath, k: number): number[] => Array.from(p.theta.subarray(k * p.q, k * p.q + p.n));

/** The shift s of entry k (model f = w·(x + s) + b), or undefined without one. */
export const shiftAt = (p: RunPath, k: number): number[] | undefined =>
  p.shift ? Array.from(p.theta.subarray((k + 1) * p.q - p.n, (k + 1) * p.q)) : undefined;

/** The bias of entry k. */
export const biasAt = (p: RunPath, k: number): number => (p.biasTrained ? p.theta[k * p.q + p.n] : p.fixedBias);

/** L(θₖ), or null when it is not finite. */
export const lossAt = (p: RunPath, k: number): number | null => (Number.isNaN(p.loss[k]) ? null : p.loss[k]);

/** Whether entry k has an update (not the last entry of a run). */
export const hasUpdate = (p: RunPath, k: number): boolean => (p.flags[k] & HAS_UPDATE) !== 0;

/** Sign coherence of entry k's update: null when it has none or it moved no weight. */
export function coherentAt(p: RunPath, k: number): boolean | null {
  const f = p.flags[k];
  return f & COHERENT ? true : f & INCOHERENT ? false : null;
}

/** Whether any entry recorded its batch's samples (what `Analysis.sampleInputs` is drawn with). */
export const recordsSamples = (p: RunPath): boolean => p.flags.some((f) => (f & HAS_SAMPLES) !== 0);

/** Number of samples entry k recorded, or −1 when it recorded none. */
export const sampleCount = (p: RunPath, k: number): number => (p.flags[k] & HAS_SAMPLES ? p.sampleStart[k + 1] - p.sampleStart[k] : -1);

/** A row of a length × q column as a plain array (from `from`, `len` components). */
function row(col: Float64Array | Int32Array, from: number, len: number): number[] {
  // Pushed, not `new Array(len)` then filled: that array is holey, and JSON.stringify takes its slow
  // path for holey arrays (~1.4× the time for the path's 300,000 numbers of the headline case).
  const out: number[] = [];
  for (let i = 0; i < len; i++) out.push(col[from + i]);
  return out;
}

/** The gradient of entry k as a plain array over θ. */
export const gradientAt = (p: RunPath, k: number): number[] => row(p.gradient, k * p.q, p.q);

/** The update of entry k as a plain array over θ, or null on the last entry. */
export const updateAt = (p: RunPath, k: number): number[] | null => (hasUpdate(p, k) ? row(p.update, k * p.q, p.q) : null);

/** Entry k as a plain object, keys in the order of the analysis JSON (docs/analysis-json.md). */
export function pointAt(p: RunPath, k: number): PathPoint {
  const { q, n } = p;
  const at = k * q;
  const angle = p.angle[k];
  const samples = (p.flags[k] & HAS_SAMPLES) !== 0;
  const s0 = p.sampleStart[k];
  const count = p.sampleStart[k + 1] - s0;
  return {
    step: p.step[k],
    w: row(p.theta, at, n),
    b: biasAt(p, k),
    ...(p.shift ? { s: row(p.theta, at + q - n, n) } : {}),
    loss: lossAt(p, k),
    gradient: row(p.gradient, at, q),
    ...(samples ? { batch: row(p.batch, s0, count), deltas: row(p.deltas, s0, count) } : {}),
    update: updateAt(p, k),
    signCoherent: coherentAt(p, k),
    angleToOptimum: Number.isNaN(angle) ? null : angle,
  };
}

/** Entry k as a plain object, or undefined when k is not an entry's index. */
export const entryAt = (p: RunPath | undefined, k: number): PathPoint | undefined =>
  p && Number.isInteger(k) && k >= 0 && k < p.length ? pointAt(p, k) : undefined;

/** Every entry as a plain object (for JSON output). */
export function pathPoints(p: RunPath): PathPoint[] {
  const out: PathPoint[] = []; // packed, for JSON.stringify's fast path (see `row`)
  for (let k = 0; k < p.length; k++) out.push(pointAt(p, k));
  return out;
}

/**
 * The columns of plain entries (the inverse of `pathPoints`; test fixtures and hand-made runs).
 * θ's layout comes from the first entry: q = its gradient's length, a shift when it has `s`, and
 * a trained bias when q leaves room for one (else every entry's b is the first's).
 */
export function runPathOf(points: readonly PathPoint[]): RunPath {
  const first = points[0];
  const n = first?.w.length ?? 0;
  const shift = first?.s !== undefined;
  const q = first?.gradient.length ?? n;
  const biasTrained = q - n - (shift ? n : 0) === 1;
  const L = points.length;
  const sampleStart = new Int32Array(L + 1);
  points.forEach((p, k) => (sampleStart[k + 1] = sampleStart[k] + (p.batch && p.deltas ? p.deltas.length : 0)));
  const path = {
    length: L,
    n,
    q,
    biasTrained,
    fixedBias: biasTrained ? 0 : (first?.b ?? 0),
    shift,
    step: new Int32Array(L),
    theta: new Float64Array(L * q),
    loss: new Float64Array(L),
    gradient: new Float64Array(L * q),
    update: new Float64Array(L * q),
    flags: new Uint8Array(L),
    angle: new Float64Array(L),
    sampleStart,
    batch: new Int32Array(sampleStart[L]),
    deltas: new Float64Array(sampleStart[L]),
  };
  points.forEach((p, k) => {
    path.step[k] = p.step;
    path.theta.set([...p.w, ...(biasTrained ? [p.b] : []), ...(p.s ?? [])].slice(0, q), k * q);
    path.loss[k] = p.loss ?? NaN;
    path.gradient.set(p.gradient.slice(0, q), k * q);
    if (p.update) path.update.set(p.update.slice(0, q), k * q);
    path.angle[k] = p.angleToOptimum ?? NaN;
    path.flags[k] = (p.update ? HAS_UPDATE : 0) | (p.signCoherent === true ? COHERENT : p.signCoherent === false ? INCOHERENT : 0);
    if (p.batch && p.deltas) {
      path.flags[k] |= HAS_SAMPLES;
      path.batch.set(p.batch, sampleStart[k]);
      path.deltas.set(p.deltas, sampleStart[k]);
    }
  });
  return path;
}

function finiteColumn(v: Float64Array, from = 0, to = v.length): boolean {
  for (let i = from; i < to; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

const finiteOrNaN = (v: number): boolean => Number.isFinite(v) || Number.isNaN(v);

/**
 * Whether `value` is a well-formed RunPath (the webview's check of a message it did not make):
 * typed columns of matching lengths, finite θ and gradients, finite updates where an entry has
 * one, losses and angles finite or NaN, non-decreasing sample offsets that end at the batch and
 * δ columns' length, batch indices in 0 … samples−1 and finite δₚ.
 */
export function isRunPath(value: unknown, samples: number): value is RunPath {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  const { length, n, q } = p;
  if (![length, n, q].every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0) || (q as number) < (n as number)) return false;
  if (typeof p.biasTrained !== 'boolean' || typeof p.shift !== 'boolean' || typeof p.fixedBias !== 'number' || !Number.isFinite(p.fixedBias)) return false;
  const L = length as number;
  const Q = q as number;
  const sized = (c: unknown, ctor: Float64ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor, len: number): boolean =>
    c instanceof ctor && c.length === len;
  if (!sized(p.step, Int32Array, L) || !sized(p.theta, Float64Array, L * Q) || !sized(p.loss, Float64Array, L) || !sized(p.gradient, Float64Array, L * Q))
    return false;
  if (!sized(p.update, Float64Array, L * Q) || !sized(p.flags, Uint8Array, L) || !sized(p.angle, Float64Array, L) || !sized(p.sampleStart, Int32Array, L + 1))
    return false;
  if (!(p.batch instanceof Int32Array) || !(p.deltas instanceof Float64Array) || p.batch.length !== p.deltas.length) return false;
  const r = value as RunPath;
  if (!finiteColumn(r.theta) || !finiteColumn(r.gradient)) return false;
  if (r.sampleStart[0] !== 0 || r.sampleStart[L] !== r.batch.length) return false;
  for (let k = 0; k < L; k++) {
    const f = r.flags[k];
    if ((f & ~ALL_FLAGS) !== 0 || (f & COHERENT && f & INCOHERENT) || r.sampleStart[k + 1] < r.sampleStart[k]) return false;
    if (!(f & HAS_SAMPLES) && r.sampleStart[k + 1] !== r.sampleStart[k]) return false;
    if (f & HAS_UPDATE && !finiteColumn(r.update, k * Q, (k + 1) * Q)) return false;
    if (!finiteOrNaN(r.loss[k]) || !finiteOrNaN(r.angle[k])) return false;
  }
  for (let i = 0; i < r.batch.length; i++) if (!(r.batch[i] >= 0 && r.batch[i] < samples)) return false;
  return finiteColumn(r.deltas);
}
