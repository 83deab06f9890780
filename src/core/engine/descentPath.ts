/**
 * One optimisation run: θ₀ → θ₁ → … → θ_K with the spec's optimizer, batches and learning rate,
 * recorded in the typed columns of a RunPath (analysis/runPath.ts, written by pathRecorder.ts).
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
import type { Divergence, RunResult, UnstableDirection } from '../analysis/types';
import type { BatchSchedule } from './batches';
import { dot, distance, norm } from './linalg';
import type { Objective } from './objective';
import type { Stepper } from './optimizers';
import { PathRecorder } from './pathRecorder';
import { PathStats } from './pathStats';

/** Settings of one run. */
export interface RunSettings {
  readonly steps: number;
  /** Record `batch` and `deltas` only for batches of at most this many samples (default 64). */
  readonly recordCap?: number;
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

/** A run's facts so far: what the summaries and the divergence test need between steps. */
class Descent {
  readonly theta: Float64Array;
  readonly look: Float64Array;
  readonly grad: Float64Array;
  readonly update: Float64Array;
  readonly toOpt: Float64Array;
  readonly batch: Int32Array;
  readonly deltas: Float64Array;
  readonly stats: PathStats;
  readonly recorder: PathRecorder;
  /** Batches of at most the recording cap record their indices and δₚ. */
  readonly record: boolean;
  gradientSteps = 0;
  gradientCoherent = 0;
  startLoss: number | null = null;
  finalLoss: number | null = null;
  /** Runaway limits, set at step 0 (see the module's comment). */
  maxLoss = Infinity;
  growthThreshold = Infinity;
  readonly maxNorm: number;
  /** Distance to θ* within which the run counts as converged. */
  readonly within: number;
  lastOutside = -1;
  reversalsOnTheWay: number[];
  divergence: Divergence | null = null;
  divergedAt: number | null = null;
  stepsRun = 0;
  /** Whether the row of the last step was kept (false before any step). */
  lastKept = false;
  /** A finite start whose loss is not finite: entry 0 is recorded (loss null) and the run stops there. */
  startNotFinite = false;

  constructor(
    readonly obj: Objective,
    readonly stepper: Stepper,
    readonly schedule: BatchSchedule,
    theta0: ArrayLike<number>,
    readonly optimum: ArrayLike<number> | null,
    readonly settings: RunSettings,
    every: number,
  ) {
    const { q, n } = obj;
    const B = schedule.size;
    this.record = B <= (settings.recordCap ?? DEFAULT_RECORD_CAP);
    this.theta = Float64Array.from(theta0);
    this.look = new Float64Array(q);
    this.grad = new Float64Array(q);
    this.update = new Float64Array(q);
    this.toOpt = new Float64Array(q);
    this.batch = new Int32Array(B);
    this.deltas = new Float64Array(B);
    this.stats = new PathStats(n);
    this.reversalsOnTheWay = new Array<number>(n).fill(0);
    const shape = { n, q, biasTrained: obj.biasTrained, fixedBias: obj.biasTrained ? 0 : obj.fixedBias, shift: obj.shift };
    this.recorder = new PathRecorder(shape, Math.floor(settings.steps / every) + 2, this.record ? B : 0);
    const optNorm = optimum ? norm(optimum) : 0;
    const tol = settings.tolerance ?? DEFAULT_TOLERANCE;
    this.within = optimum ? Math.max(tol * distance(theta0, optimum), 1e-12 * (1 + optNorm)) : 0;
    this.maxNorm = RUNAWAY_PARAMETER_FACTOR * (1 + norm(theta0) + optNorm);
  }

  /**
   * L(θₖ) (with the full gradient into `grad` for a full batch), or null when the run stops here
   * because θₖ or its loss is not finite (a finite start with a non-finite loss goes on, flagged).
   */
  lossAt(k: number): number | null {
    const { obj, theta, grad } = this;
    const thetaFinite = finiteAll(theta);
    let loss: number;
    if (this.schedule.fullBatch && thetaFinite) loss = obj.lossAndGradient(theta, grad);
    else loss = thetaFinite ? obj.lossAt(theta) : NaN;
    if (k === 0 && thetaFinite && !Number.isFinite(loss)) {
      this.startNotFinite = true;
      this.divergedAt = 0;
      const message = 'the loss at the start is not finite: the starting parameters or the inputs are too large for double precision, so no step was taken';
      this.divergence = { reason: 'non-finite', cause: 'start', message, directions: [], batchCurvature: null, startLoss: null, endLoss: null };
    } else if (!thetaFinite || !Number.isFinite(loss)) {
      this.divergedAt = k;
      const message = `parameters or loss became non-finite after ${k} steps`;
      this.divergence = {
        reason: 'non-finite',
        cause: 'nonlinear',
        message,
        directions: [],
        batchCurvature: null,
        startLoss: this.startLoss,
        endLoss: this.finalLoss,
      };
      return null;
    }
    return loss;
  }

  /** Step 0 sets the runaway limits from L(θ₀); later steps add the update that led to θₖ to the summaries. */
  arrived(k: number, loss: number): void {
    if (k === 0) {
      this.maxLoss = RUNAWAY_LOSS_FACTOR * Math.max(loss, 1);
      this.startLoss = Number.isFinite(loss) ? loss : null;
      const floor = GROWTH_FLOOR * this.obj.lossAt(new Float64Array(this.obj.q));
      this.growthThreshold = RUNAWAY_GROWTH * Math.max(loss, Number.isFinite(floor) ? floor : 0);
      return;
    }
    this.stats.add(this.update); // the update that led here is now known to be finite
    // Updates 0 … lastOutside lead from a point outside the tolerance: the way in.
    if (this.lastOutside === k - 1) this.reversalsOnTheWay = [...this.stats.reversals];
  }

  /** The batch gradient of step k into `grad` (at θ or at the look-ahead point); the batch's size. */
  batchGradient(k: number): number {
    const { obj, schedule, theta, look, grad, batch, record } = this;
    const at = this.stepper.lookAhead(theta, look) ? look : theta;
    // The full batch's indices are only listed when recorded (listing them costs O(P) per step).
    const count = schedule.fullBatch && !record ? schedule.size : schedule.batchOf(k, batch);
    if (schedule.fullBatch && !record) {
      // Full gradient by the fast path; at θ it was computed together with the loss.
      if (at !== theta) obj.lossAndGradient(at, grad);
    } else {
      obj.batchGradient(at, batch, count, grad, record ? this.deltas : undefined);
    }
    if (!finiteAll(grad)) grad.fill(0); // only possible right at a blow-up; keeps the columns finite
    return count;
  }

  /** Notes whether θₖ is outside the convergence tolerance and the way θ* − θₖ. */
  towardOptimum(k: number): void {
    const { optimum, theta, toOpt } = this;
    if (!optimum) return;
    if (distance(theta, optimum) > this.within) this.lastOutside = k;
    for (let i = 0; i < this.obj.q; i++) toOpt[i] = optimum[i] - theta[i];
  }

  /**
   * The step θₖ → θₖ₊₁. Keeps the APPLIED update θₖ₊₁ − θₖ, not the proposal: a proposed component
   * below the rounding of θᵢ leaves θᵢ unchanged and is 0 here (θ itself is the same either way).
   */
  step(): void {
    const { grad, update, theta } = this;
    const { n, q } = this.obj;
    const g = PathStats.coherent(grad, n);
    if (g !== null) {
      this.gradientSteps++;
      if (g) this.gradientCoherent++;
    }
    this.stepper.step(grad, update);
    for (let i = 0; i < q; i++) {
      const next = theta[i] + update[i];
      update[i] = next - theta[i];
      theta[i] = next;
    }
  }

  /** The runaway message of step k (a loss that grew past RUNAWAY_GROWTH×, or parameters or loss past their limits). */
  runaway(k: number, loss: number, growing: boolean, tooFar: boolean): void {
    this.divergedAt = k;
    const what =
      growing && !tooFar
        ? `the loss grew from ${short(this.startLoss)} to ${short(loss)} (more than ${RUNAWAY_GROWTH}×) in ${k} steps`
        : `parameters or loss ran away after ${k} steps`;
    this.divergence = {
      reason: 'runaway',
      cause: 'nonlinear',
      message: what,
      directions: [],
      batchCurvature: null,
      startLoss: this.startLoss,
      endLoss: this.finalLoss,
    };
  }
}

/**
 * One step k of the run: record θₖ and its loss and gradient, take the step unless it is the
 * last, and keep the row every `every` steps. Returns false when the run stops.
 */
function stepOnce(d: Descent, k: number, every: number): boolean {
  const loss = d.lossAt(k);
  if (loss === null) return false;
  d.arrived(k, loss);
  const tooFar = norm(d.theta) > d.maxNorm;
  const growing = loss > d.growthThreshold;
  const runaway = tooFar || loss > d.maxLoss || growing;
  const count = d.batchGradient(k);
  d.towardOptimum(k);
  const last = k >= d.settings.steps || runaway || d.startNotFinite;
  // δₚ of a start whose loss overflows may be ±∞ or NaN: such a batch is not recorded.
  const recorded = d.record && finiteAll(d.deltas, count);
  d.recorder.write(k, d.theta, Number.isFinite(loss) ? loss : NaN, d.grad, d.batch, d.deltas, recorded ? count : -1);
  if (!last) {
    d.step();
    d.recorder.setUpdate(d.update, PathStats.coherent(d.update, d.obj.n), d.optimum ? angleDegrees(d.update, d.toOpt, d.obj.n) : null);
  }
  d.lastKept = k % every === 0 || last;
  if (d.lastKept) d.recorder.commit();
  d.stepsRun = k;
  d.finalLoss = Number.isFinite(loss) ? loss : null;
  if (runaway) d.runaway(k, loss, growing, tooFar);
  return !last;
}

/** A diverged run's message names the unstable eigen-directions of the full-data Hessian, if any. */
function withDirections(divergence: Divergence, unstable: readonly UnstableDirection[] | undefined): Divergence {
  const directions = unstable ? [...unstable] : [];
  const worst = directions.reduce<UnstableDirection | null>((a, d) => (a === null || d.factor > a.factor ? d : a), null);
  const why = worst
    ? `; the eigen-direction with λ = ${worst.eigenvalue.toPrecision(3)} of the full-data Hessian is amplified ${worst.factor.toPrecision(3)}× per step (> 1)`
    : '; no eigen-direction of the full-data Hessian is unstable for this optimizer and η';
  return { ...divergence, cause: worst ? 'step-size' : 'nonlinear', message: divergence.message + why, directions };
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
  const every = Math.max(1, Math.floor(settings.pathEvery ?? 1));
  const d = new Descent(obj, stepper, schedule, theta0, optimum, settings, every);
  for (let k = 0; stepOnce(d, k, every); k++);
  let divergence = d.divergence;
  // A step that made θ or its loss non-finite was not taken after all: the last finite entry
  // (kept or not) ends the path without an update.
  if (divergence && divergence.reason === 'non-finite' && !d.startNotFinite && d.divergedAt !== null && d.divergedAt > 0)
    d.recorder.endWithoutUpdate(d.lastKept);
  if (divergence && !d.startNotFinite) divergence = withDirections(divergence, settings.unstable);
  const path = d.recorder.done();
  const { n, q } = obj;
  const endW = path.length > 0 ? path.theta.subarray((path.length - 1) * q, (path.length - 1) * q + n) : Float64Array.from(theta0).subarray(0, n);
  const convergedAt = optimum && !divergence && d.lastOutside < d.stepsRun ? d.lastOutside + 1 : null;
  return {
    path,
    stepsRun: d.stepsRun,
    converged: convergedAt !== null,
    convergedAt,
    tolerance: settings.tolerance ?? DEFAULT_TOLERANCE,
    diverged: divergence !== null,
    divergedAt: d.divergedAt,
    divergence,
    zigzagRatio: d.stats.zigzagRatio(theta0, endW),
    signCoherentFraction: d.stats.signCoherentFraction,
    gradientSignCoherentFraction: d.gradientSteps === 0 ? 0 : d.gradientCoherent / d.gradientSteps,
    reversals: d.stats.reversals,
    reversalsBeforeConvergence: convergedAt === null ? [...d.stats.reversals] : d.reversalsOnTheWay,
    finalLoss: d.finalLoss,
  };
}
