/**
 * Why a run blew up, judged from what it did and from the curvature its steps actually saw.
 *
 * Every step-size bound (stability.ts) is a full-batch statement about H = E[x̃x̃ᵀ]. A step on a
 * mini-batch B follows its own curvature H_B = (1/|B|) Σ_{p∈B} x̃ₚx̃ₚᵀ (squared loss), whose largest
 * eigenvalue can far exceed λmax(H) (for B = {p}: λ = ‖x̃ₚ‖²). So a run can diverge with η inside
 * the full-batch bound: either some batch's own ηλmax(H_B) is beyond the optimizer's limit, or
 * (inside it too) the batches' noise, carried from step to step by momentum, grows instead of
 * averaging out. This module names the cause that applies:
 *
 *   'step-size'   the full-data Hessian has a direction with amplification > 1 (descentPath.ts)
 *   'mini-batch'  full-batch stable, batches smaller than the data set: λmax(H_B) is reported
 *   'adaptive'    Adam / RMSProp: no linear bound to compare with
 *   'nonlinear'   anything else (e.g. the logistic loss or a trained shift, whose curvature moves)
 */
import type { BatchSchedule } from '../engine/batches';
import type { Objective } from '../engine/objective';
import type { Optimizer } from '../spec/types';
import { fmt } from './sentence';
import { amplification, optimizerName, stabilityBound } from './stability';
import type { Divergence, LearningRateInfo, RunResult } from './types';

/** Batches looked at before the blow-up. */
const RECENT_BATCHES = 20;
/** Power-iteration sweeps for λmax(H_B). */
const POWER_ITERATIONS = 60;
/** Work cap (multiply-adds) for the batch curvature, so explaining never costs more than a run. */
const CURVATURE_WORK = 2e7;

/**
 * λmax of H_B = (1/|B|) Σ x̃ₚx̃ₚᵀ for the samples batch[0 … count−1] (squared loss), by power
 * iteration from the all-ones vector; x̃ = [x, 1] when the bias is trained.
 */
export function batchCurvature(obj: Objective, batch: ArrayLike<number>, count: number): number {
  const { n, q } = obj;
  // With batch norm the batch trains on its own normalised rows (in batch order).
  const own = obj.batchInputs?.(batch, count);
  const x = own ?? obj.data.x;
  let v = new Float64Array(q).fill(1 / Math.sqrt(q));
  let next = new Float64Array(q);
  let lambda = 0;
  for (let it = 0; it < POWER_ITERATIONS; it++) {
    next.fill(0);
    for (let k = 0; k < count; k++) {
      const row = own ? k * n : batch[k] * n;
      let d = obj.biasTrained ? v[n] : 0;
      for (let i = 0; i < n; i++) d += x[row + i] * v[i];
      for (let i = 0; i < n; i++) next[i] += d * x[row + i];
      if (obj.biasTrained) next[n] += d;
    }
    let norm = 0;
    for (let i = 0; i < q; i++) norm += (next[i] /= count) * next[i];
    norm = Math.sqrt(norm);
    if (!(norm > 0)) return 0;
    lambda = norm; // ‖H_B v‖ with ‖v‖ = 1 converges to λmax from below
    for (let i = 0; i < q; i++) next[i] /= norm;
    [v, next] = [next, v];
  }
  return lambda;
}

/** What a diverged run's explanation needs besides the run. */
export interface DivergenceContext {
  readonly obj: Objective;
  readonly schedule: BatchSchedule;
  readonly optimizer: Optimizer;
  readonly learningRate: LearningRateInfo;
}

/** The run's divergence with its cause named (unchanged when the run did not diverge or the start is to blame). */
export function explainDivergence(run: RunResult, ctx: DivergenceContext): Divergence | null {
  const d = run.divergence;
  if (!d || d.cause === 'start' || d.cause === 'step-size') return d;
  const lr = ctx.learningRate;
  const name = optimizerName(ctx.optimizer);
  const bound = stabilityBound(ctx.optimizer);
  if (!bound) {
    return {
      ...d,
      cause: 'adaptive',
      message: `${d.message}; ${name} has no fixed step-size bound (it rescales each coordinate by its running gradient size), and with η = ${fmt(lr.value)} its steps overshoot`,
    };
  }
  const { schedule, obj } = ctx;
  if (schedule.fullBatch || obj.loss !== 'squared' || obj.shift) return d;
  // λmax(H_B) over the batches of the last steps before the blow-up, within the work cap.
  const at = run.divergedAt ?? run.stepsRun;
  const perBatch = POWER_ITERATIONS * schedule.size * obj.q;
  const count = Math.min(RECENT_BATCHES, at + 1, Math.floor(CURVATURE_WORK / perBatch));
  let top: number | null = null;
  if (count >= 1) {
    const batch = new Int32Array(schedule.size);
    for (let k = at; k > at - count; k--) {
      const size = schedule.batchOf(k, batch);
      const l = batchCurvature(obj, batch, size);
      if (top === null || l > top) top = l;
    }
  }
  const inside =
    lr.max !== null
      ? `η = ${fmt(lr.value)} is below the full-batch bound of ${name}, ${lr.maxFormula} = ${fmt(lr.max)}`
      : `η = ${fmt(lr.value)} is inside the full-batch stability region of ${name}`;
  let why: string;
  if (top === null) {
    why = `${inside}, but each step uses a batch of ${schedule.size} samples with its own curvature H_B, and their noise grew instead of averaging out`;
  } else {
    const factor = amplification(ctx.optimizer, lr.value, top);
    const over = factor !== null && factor > 1;
    why = over
      ? `${inside}, but each step uses a batch of ${schedule.size} samples with its own curvature: the largest λmax of H_B among the last ${count} batches is ${fmt(top)}, so ηλ = ${fmt(lr.value * top)} is beyond ${bound.condition.replace('ηλ < ', '')}`
      : `${inside}, and the last ${count} batches' own curvature is inside it too (largest λmax of H_B ${fmt(top)}, ηλ = ${fmt(lr.value * top)}), yet switching between batches of different curvature${ctx.optimizer.kind === 'sgd' ? '' : ', with momentum carrying each step into the next,'} made the errors grow`;
  }
  return { ...d, cause: 'mini-batch', batchCurvature: top, message: `${d.message}; ${why}` };
}
