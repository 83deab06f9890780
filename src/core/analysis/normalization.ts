/**
 * What batch and layer normalisation change in an analysis (docs/science.md, "Batch and layer
 * normalisation"): the label that says what the Hessian, κ, bounds and optimum are computed from,
 * the inputs the steps actually see (for the cone), and the sentence that says why.
 *
 *   batchnorm  each step normalises its own batch: x̂ₚ(B) = (xₚ − μ_B)/√(σ²_B + ε). The objective
 *              changes from batch to batch; the analysis reports the full-data objective (full-data
 *              statistics), exact for batch = all. With batch 1, x̂ = 0: w cannot learn.
 *   layernorm  a fixed per-sample transform; every x̂ₚ sums to 0 over its features, so the weights'
 *              Hessian is singular along (1, …, 1) (with n = 2 it has rank one).
 */
import type { BatchSchedule } from '../engine/batches';
import { NORM_EPSILON } from '../engine/normalize';
import type { Objective } from '../engine/objective';
import type { Spec } from '../spec/types';
import { fmt } from './sentence';
import type { Normalization, RunResult } from './types';
import { entryAt } from './runPath';

/** At most this many batch-normalised input values are gathered for the cone. */
export const SEEN_INPUT_VALUES = 65_536;

/** The label of a spec's normalisation, or null when it has none. */
export function normalizationInfo(spec: Spec): Normalization | null {
  if (spec.preprocess === 'batchnorm') {
    return {
      kind: 'batchnorm',
      epsilon: NORM_EPSILON,
      statistics: 'full-data',
      note: "Batch norm: each step normalises its batch with the batch's own mean and variance, so the objective changes from batch to batch and no single Hessian governs the run. The Hessian, κ, the step-size bounds, the optimum and the loss on the path are those of the full-data objective, with the full-data statistics (exact for batch = all).",
    };
  }
  if (spec.preprocess === 'layernorm') {
    return {
      kind: 'layernorm',
      epsilon: NORM_EPSILON,
      statistics: 'per-sample',
      note: "Layer norm: each sample is normalised across its own features, a fixed transform, so the Hessian, κ, bounds and optimum are those of the normalised inputs. Every normalised sample sums to 0, so no gradient moves w along (1, …, 1): the weights' Hessian is singular in that direction.",
    };
  }
  return null;
}

/** Prefix of LearningRateInfo.convention with batch norm. */
export const BATCHNORM_CONVENTION =
  "Batch norm: every bound here is for the full-data objective with the full-data statistics (what a full-batch step sees); a mini-batch step normalises with its own batch's statistics, so its objective is another one.";

/**
 * The batch-normalised rows the run's steps train on, batch after batch (R × n), for the cone of
 * the directions the steps can take. Without shuffling the batches repeat after P/gcd(P, B) steps;
 * at most SEEN_INPUT_VALUES values are gathered.
 */
export function seenInputs(obj: Objective, schedule: BatchSchedule, steps: number): { x: Float64Array; rows: number } {
  const { n } = obj;
  const B = schedule.size;
  const maxRows = Math.max(B, Math.floor(SEEN_INPUT_VALUES / Math.max(1, n)));
  const period = schedule.P / gcd(schedule.P, B);
  const batchCount = Math.max(1, Math.min(steps + 1, period, Math.floor(maxRows / B)));
  const x = new Float64Array(batchCount * B * n);
  const batch = new Int32Array(B);
  for (let k = 0; k < batchCount; k++) {
    const count = schedule.batchOf(k, batch);
    x.set(obj.batchInputs!(batch, count), k * B * n);
  }
  return { x, rows: batchCount * B };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * The sentence of a normalised run: `described` (sentence.ts) plus what the normalisation did and
 * what the numbers are computed from; for batch norm with batch 1 (every input normalised to 0) a
 * sentence of its own, since "the inputs are all zero" needs its reason.
 */
export function normalizationSentence(spec: Spec, described: string, run: RunResult, batch: number, samples: number, n: number): string {
  if (spec.preprocess === 'batchnorm') {
    if (batch === 1 && !run.diverged) {
      const bias = spec.biasTrained
        ? ` Only the bias learns (its gradient δ does not involve x̂): b goes from ${fmt(entryAt(run.path, 0)?.b ?? spec.b)} to ${fmt(entryAt(run.path, run.path.length - 1)?.b ?? spec.b)}.`
        : ' The bias is not trained either, so nothing is learned at all.';
      return `Batch norm with batch 1 normalises each sample with its own mean and a variance of 0: every normalised input is (x − x)/√(0 + ε) = 0, so every weight gradient δ·x̂ is 0, the cone of allowed directions is empty and w never moves.${bias} The κ, bounds and optimum shown are those of the full-data objective (full-data statistics), which these steps never see.`;
    }
    const how =
      batch >= samples
        ? "Batch norm on the full batch uses the full-data statistics: it is standardisation with the population variance plus ε = 1e-5, and the numbers shown are this run's own."
        : `Batch norm centres every batch of ${batch} on its own mean, so the inputs the steps see take both signs; the Hessian, κ, bounds, optimum and the loss on the path are those of the full-data objective (full-data statistics), not of any one step's batch.`;
    return `${described} ${how}`;
  }
  if (spec.preprocess === 'layernorm') {
    const line =
      n === 1
        ? 'Layer norm with one input maps every sample to 0, so the weight gets no gradient.'
        : n === 2
          ? "Layer norm with two inputs maps every sample onto the line through (1, −1), x̂ = ±(1, −1)/√(1 + ε/d²) with d = (x₁ − x₂)/2: the weights' Hessian has rank one (κ = ∞), and only w₁ − w₂ is learned; w₁ + w₂ keeps its starting value."
          : `Layer norm centres each sample across its ${n} features, so every sample has components of both signs; since each normalised sample sums to 0, w never moves along (1, …, 1) and the weights' Hessian is singular there (κ = ∞).`;
    return `${described} ${line}`;
  }
  return described;
}
