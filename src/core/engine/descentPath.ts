/**
 * One optimisation run: θ₀ → θ₁ → … → θ_K with the spec's optimizer, batches and learning rate.
 *
 * Path entry k holds θₖ, the full-data loss L(θₖ), the batch gradient g used for the step from θₖ
 * (at the look-ahead point for Nesterov), the batch and its δₚ (only when |B| ≤ recordCap), the
 * applied update θₖ₊₁ − θₖ (computed from the two θ, so a proposed step that rounding swallows
 * is 0), its sign coherence (null when it moved no weight) and its angle to θ* − θₖ (weight
 * space). The summaries (pathStats.ts) use the same applied updates. The last entry has
 * the gradient of the batch that would come next and update null.
 *
 * Full-batch steps use `lossAndGradient` (a quadratic form for the squared loss, O(q²)); mini-batch
 * steps cost O(|B|·n) plus the full-data loss of the entry.
 *
 * Convergence: dₖ = ‖θₖ − θ*‖ ≤ tol · d₀ (tol relative, default 1e-3; an absolute floor of
 * 1e-12·(1 + ‖θ*‖) handles d₀ = 0); convergedAt is the first k from which this holds through the
 * last entry.
 * Divergence: the run stops at the first θₖ that is non-finite or has a non-finite loss (that θₖ
 * is not recorded; divergedAt = k) or that runs away (θₖ is recorded as the last entry;
 * divergedAt = k): ‖θₖ‖ > 1e8·(1 + ‖θ₀‖ + ‖θ*‖), or L(θₖ) > 1e12·max(L(θ₀), 1), or the loss has
 * grown past 10⁴× its start, L(θₖ) > 10⁴·max(L(θ₀), 10⁻⁸·L(0)) (what a student calls "it blew
 * up", whatever the optimizer or batch; the floor 10⁻⁸·L(0), the loss of predicting 0, keeps
 * rounding noise around an optimum the run starts at from counting).
 * A finite start whose loss is not finite (weights or inputs too large for double precision) is
 * still recorded as entry 0 with loss null (and finalLoss null); the run diverges at step 0 with a
 * message that names the start, not the learning rate, and no eigen-directions.
 */
import type { Divergence, PathPoint, RunResult, RunSamples, UnstableDirection } from '../analysis/types';
import type { BatchSchedule } from './batches';
import { dot, distance, norm } from './linalg';
import type { Objective } from './objective';
import type { Stepper } from './optimizers';
import { PathStats } from './pathStats';

/** Settings of one run. */
export interface RunSettings {
  readonly steps: number;
  /** Record `batch` and `deltas` only for batches of at most this many samples (default 64). */
  readonly recordCap?: number;
  /** Record batches and δₚ in RunResult.samples, not in the entries (default false). */
  readonly sampleColumns?: boolean;
  /** Record every k-th entry (plus the last); the summaries still use every step (default 1). */
  readonly pathEvery?: number;
  /** Relative convergence tolerance (default 1e-3). */
  readonly tolerance?: number;
  /** Eigen-directions the stability analysis found unstable, quoted when the run diverges. */
  readonly unstable?: readonly UnstableDirection[];
}

export const DEFAULT_TOLERANCE = 1e-3;
export const DEFAULT_RECORD_CAP = 64;
export const RUNAWAY_PARAMETER_FACTOR = 1e8;
export const RUNAWAY_LOSS_FACTOR = 1e12;
/** A loss above this multiple of its start (or of the floor below) has blown up. */
export const RUNAWAY_GROWTH = 1e4;
/** The growth test's floor on the starting loss, as a fraction of L(θ = 0). */
const GROWTH_FLOOR = 1e-8;

/** A loss for a message: three significant digits, or "∞" / "?" . */
const short = (v: number | null): string => (v === null ? '?' : Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '∞');

/** Plain-array copy of v[0 … len−1] (faster than Array.from on typed arrays). */
function toArray(v: ArrayLike<number>, len = v.length): number[] {
  const out = new Array<number>(len);
  for (let i = 0; i < len; i++) out[i] = v[i];
  return out;
}

/**
 * The kept entries' batches and δₚ in growing typed columns (RunResult.samples): an entry's batch
 * is stored only when it differs from the previous recorded entry's.
 */
class SampleColumns {
  private readonly counts: number[] = [];
  private readonly repeats: number[] = [];
  private batch: Int32Array;
  private deltas: Float64Array;
  private nb = 0;
  private nd = 0;
  private lastStart = -1;
  private lastCount = -1;

  constructor(estimate: number) {
    const size = Math.max(16, Math.min(estimate, 1 << 20));
    this.batch = new Int32Array(size);
    this.deltas = new Float64Array(size);
  }

  /** Records an entry: its batch[0 … count−1] and deltas, or nothing (count −1) when `recorded` is false. */
  push(recorded: boolean, batch: Int32Array, deltas: Float64Array, count: number): void {
    if (!recorded) {
      this.counts.push(-1);
      this.repeats.push(0);
      return;
    }
    let repeat = this.lastCount === count;
    for (let i = 0; repeat && i < count; i++) if (this.batch[this.lastStart + i] !== batch[i]) repeat = false;
    this.counts.push(count);
    this.repeats.push(repeat ? 1 : 0);
    if (!repeat) {
      if (this.nb + count > this.batch.length) this.batch = grow(this.batch, this.nb + count) as Int32Array;
      this.lastStart = this.nb;
      this.lastCount = count;
      for (let i = 0; i < count; i++) this.batch[this.nb++] = batch[i];
    }
    if (this.nd + count > this.deltas.length) this.deltas = grow(this.deltas, this.nd + count) as Float64Array;
    for (let i = 0; i < count; i++) this.deltas[this.nd++] = deltas[i];
  }

  done(): RunSamples {
    return { counts: Int32Array.from(this.counts), repeats: Uint8Array.from(this.repeats), batch: this.batch.slice(0, this.nb), deltas: this.deltas.slice(0, this.nd) };
  }
}

/** A copy of `a` with room for at least `need` elements. */
function grow(a: Int32Array | Float64Array, need: number): Int32Array | Float64Array {
  const out = new (a.constructor as Int32ArrayConstructor | Float64ArrayConstructor)(Math.max(need, 2 * a.length));
  out.set(a);
  return out;
}

/** Whether the plain array `a` holds exactly v[0 … len−1]. */
function sameValues(a: readonly number[], v: ArrayLike<number>, len: number): boolean {
  if (a.length !== len) return false;
  for (let i = 0; i < len; i++) if (a[i] !== v[i]) return false;
  return true;
}

const finiteAll = (v: ArrayLike<number>, len = v.length): boolean => {
  for (let i = 0; i < len; i++) if (!Number.isFinite(v[i])) return false;
  return true;
};

/** Angle in degrees between the weight parts (first n entries) of u and v, or null if either is 0. */
function angleDegrees(u: ArrayLike<number>, v: ArrayLike<number>, n: number): number | null {
  const nu = norm(u, n);
  const nv = norm(v, n);
  if (!(nu > 0) || !(nv > 0)) return null;
  const c = Math.max(-1, Math.min(1, dot(u, v, n) / (nu * nv)));
  const a = (Math.acos(c) * 180) / Math.PI;
  return Number.isFinite(a) ? a : null;
}

/**
 * Run gradient descent from θ₀. `optimum` (θ*, length q) enables the convergence test and the
 * angles; without it they are null/false.
 */
export function runDescent(
  obj: Objective,
  stepper: Stepper,
  schedule: BatchSchedule,
  theta0: ArrayLike<number>,
  optimum: ArrayLike<number> | null,
  settings: RunSettings,
): RunResult {
  const { q, n } = obj;
  const cap = settings.recordCap ?? DEFAULT_RECORD_CAP;
  const every = Math.max(1, Math.floor(settings.pathEvery ?? 1));
  const tol = settings.tolerance ?? DEFAULT_TOLERANCE;
  const B = schedule.size;
  const record = B <= cap;

  const theta = Float64Array.from(theta0);
  const look = new Float64Array(q);
  const grad = new Float64Array(q);
  const update = new Float64Array(q);
  const toOpt = new Float64Array(q);
  const batch = new Int32Array(B);
  const deltas = new Float64Array(B);
  const stats = new PathStats(n);
  let gradientSteps = 0;
  let gradientCoherent = 0;
  let growthThreshold = Infinity;
  let startLoss: number | null = null;
  const columns = settings.sampleColumns ? new SampleColumns(record ? (Math.floor(settings.steps / every) + 2) * B : 0) : null;

  const optNorm = optimum ? norm(optimum) : 0;
  const d0 = optimum ? distance(theta0, optimum) : 0;
  const within = optimum ? Math.max(tol * d0, 1e-12 * (1 + optNorm)) : 0;
  const maxNorm = RUNAWAY_PARAMETER_FACTOR * (1 + norm(theta0) + optNorm);
  let maxLoss = Infinity;
  let lastOutside = -1;
  let reversalsOnTheWay: number[] = new Array<number>(n).fill(0);

  const path: PathPoint[] = [];
  // Consecutive entries with the same batch (every full batch without shuffling) share one array.
  let lastBatch: number[] | null = null;
  let prevPoint: PathPoint | null = null;
  let prevPushed = false;
  let prevRecorded = false;
  let prevCount = 0;
  let divergence: Divergence | null = null;
  let divergedAt: number | null = null;
  let stepsRun = 0;
  let finalLoss: number | null = null;
  // A finite start whose loss is not finite (huge weights or inputs): entry 0 is still recorded
  // (loss null) and the run stops there; the learning rate has nothing to do with it.
  let startNotFinite = false;

  for (let k = 0; ; k++) {
    let loss: number;
    const thetaFinite = finiteAll(theta);
    if (schedule.fullBatch && thetaFinite) loss = obj.lossAndGradient(theta, grad);
    else loss = thetaFinite ? obj.lossAt(theta) : NaN;
    if (k === 0 && thetaFinite && !Number.isFinite(loss)) {
      startNotFinite = true;
      divergedAt = 0;
      divergence = {
        reason: 'non-finite',
        cause: 'start',
        message: 'the loss at the start is not finite: the starting parameters or the inputs are too large for double precision, so no step was taken',
        directions: [],
        batchCurvature: null,
        startLoss: null,
        endLoss: null,
      };
    } else if (!thetaFinite || !Number.isFinite(loss)) {
      divergedAt = k;
      divergence = { reason: 'non-finite', cause: 'nonlinear', message: `parameters or loss became non-finite after ${k} steps`, directions: [], batchCurvature: null, startLoss, endLoss: finalLoss };
      break;
    }
    if (k === 0) {
      maxLoss = RUNAWAY_LOSS_FACTOR * Math.max(loss, 1);
      startLoss = Number.isFinite(loss) ? loss : null;
      const floor = GROWTH_FLOOR * obj.lossAt(new Float64Array(q));
      growthThreshold = RUNAWAY_GROWTH * Math.max(loss, Number.isFinite(floor) ? floor : 0);
    }
    if (k > 0) {
      stats.add(update); // the update that led here is now known to be finite
      // Updates 0 … lastOutside lead from a point outside the tolerance: the way in.
      if (lastOutside === k - 1) reversalsOnTheWay = [...stats.reversals];
    }
    const growing = loss > growthThreshold;
    const runaway = norm(theta) > maxNorm || loss > maxLoss || growing;

    // Gradient of this step's batch, at θ or at the optimizer's look-ahead point.
    const at = stepper.lookAhead(theta, look) ? look : theta;
    // The full batch's indices are only listed when recorded (listing them costs O(P) per step).
    const count = schedule.fullBatch && !record ? B : schedule.batchOf(k, batch);
    if (schedule.fullBatch && !record) {
      // Full gradient by the fast path; at θ it was computed together with the loss above.
      if (at !== theta) obj.lossAndGradient(at, grad);
    } else {
      obj.batchGradient(at, batch, count, grad, record ? deltas : undefined);
    }
    if (!finiteAll(grad)) grad.fill(0); // only possible right at a blow-up; keeps JSON finite

    if (optimum) {
      const d = distance(theta, optimum);
      if (d > within) lastOutside = k;
      for (let i = 0; i < q; i++) toOpt[i] = optimum[i] - theta[i];
    }
    const last = k >= settings.steps || runaway || startNotFinite;
    const keep = k % every === 0 || last;
    // The entry's plain arrays (JSON-ready) are copied once from the preallocated typed arrays
    // the step works on; nothing else is allocated per step.
    const b = obj.biasTrained ? theta[n] : obj.fixedBias;
    const w = toArray(theta, n);
    const shifted = obj.shift ? { s: toArray(theta.subarray(q - n), n) } : {};
    const gradient = toArray(grad);
    // δₚ of a start whose loss overflows may be ±∞ or NaN: such a batch is not recorded.
    const recordBatch = record && finiteAll(deltas, count);
    const entryLoss = Number.isFinite(loss) ? loss : null;
    if (!last) {
      const g = PathStats.coherent(grad, n);
      if (g !== null) {
        gradientSteps++;
        if (g) gradientCoherent++;
      }
      stepper.step(grad, update);
      // Keep the APPLIED update θₖ₊₁ − θₖ, not the proposal: a proposed component below the
      // rounding of θᵢ leaves θᵢ unchanged and is 0 here (θ itself is the same either way).
      for (let i = 0; i < q; i++) {
        const next = theta[i] + update[i];
        update[i] = next - theta[i];
        theta[i] = next;
      }
    }
    const point: PathPoint =
      recordBatch && !columns
      ? {
          step: k,
          w,
          b,
          ...shifted,
          loss: entryLoss,
          gradient,
          batch: lastBatch !== null && sameValues(lastBatch, batch, count) ? lastBatch : (lastBatch = toArray(batch, count)),
          deltas: toArray(deltas, count),
          update: last ? null : toArray(update),
          signCoherent: last ? null : PathStats.coherent(update, n),
          angleToOptimum: last || !optimum ? null : angleDegrees(update, toOpt, n),
        }
      : {
          step: k,
          w,
          b,
          ...shifted,
          loss: entryLoss,
          gradient,
          update: last ? null : toArray(update),
          signCoherent: last ? null : PathStats.coherent(update, n),
          angleToOptimum: last || !optimum ? null : angleDegrees(update, toOpt, n),
        };
    if (keep) {
      path.push(point);
      columns?.push(recordBatch, batch, deltas, count);
    }
    prevPoint = point;
    prevRecorded = recordBatch;
    prevCount = count;
    prevPushed = keep;
    stepsRun = k;
    finalLoss = entryLoss;
    if (runaway) {
      divergedAt = k;
      const what = growing && !(norm(theta) > maxNorm) ? `the loss grew from ${short(startLoss)} to ${short(loss)} (more than ${RUNAWAY_GROWTH}×) in ${k} steps` : `parameters or loss ran away after ${k} steps`;
      divergence = { reason: 'runaway', cause: 'nonlinear', message: what, directions: [], batchCurvature: null, startLoss, endLoss: entryLoss };
    }
    if (last) break;
  }
  if (divergence && divergence.reason === 'non-finite' && !startNotFinite && prevPoint) {
    // The step out of the last finite entry was not taken after all.
    const p = { ...prevPoint, update: null, signCoherent: null, angleToOptimum: null };
    if (prevPushed) path[path.length - 1] = p;
    else {
      path.push(p);
      // The scratch batch and δₚ still hold that step's: this step stopped before its gradient.
      columns?.push(prevRecorded, batch, deltas, prevCount);
    }
  }
  if (divergence && !startNotFinite) {
    const directions = settings.unstable ? [...settings.unstable] : [];
    const worst = directions.reduce<UnstableDirection | null>((a, d) => (a === null || d.factor > a.factor ? d : a), null);
    const why = worst
      ? `; the eigen-direction with λ = ${worst.eigenvalue.toPrecision(3)} of the full-data Hessian is amplified ${worst.factor.toPrecision(3)}× per step (> 1)`
      : '; no eigen-direction of the full-data Hessian is unstable for this optimizer and η';
    divergence = { ...divergence, cause: worst ? 'step-size' : 'nonlinear', message: divergence.message + why, directions };
  }

  const end = path[path.length - 1];
  const endW = end ? end.w : toArray(theta0, n);
  const convergedAt = optimum && !divergence && lastOutside < stepsRun ? lastOutside + 1 : null;
  return {
    path,
    ...(columns ? { samples: columns.done() } : {}),
    stepsRun,
    converged: convergedAt !== null,
    convergedAt,
    tolerance: tol,
    diverged: divergence !== null,
    divergedAt,
    divergence,
    zigzagRatio: stats.zigzagRatio(theta0, endW),
    signCoherentFraction: stats.signCoherentFraction,
    gradientSignCoherentFraction: gradientSteps === 0 ? 0 : gradientCoherent / gradientSteps,
    reversals: stats.reversals,
    reversalsBeforeConvergence: convergedAt === null ? [...stats.reversals] : reversalsOnTheWay,
    finalLoss,
  };
}
