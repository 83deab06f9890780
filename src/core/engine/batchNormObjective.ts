/**
 * The objective of a run with `preprocess = batchnorm` (training-mode batch normalisation of the
 * inputs, normalize.ts). Each step normalises ITS OWN batch B with B's statistics:
 *
 *   x̂ₚ(B) = (xₚ − μ_B) / √(σ²_B + ε)   (per feature, raw inputs xₚ, ε = 1e-5)
 *   L_B(θ) = (1/|B|) Σ_{p∈B} ℓ(w·x̂ₚ(B) + b, yₚ),   ∇θ L_B = (1/|B|) Σ δₚ x̃ₚ(B),  x̃ = [x̂, 1]
 *
 * The statistics depend on the batch, not on θ (the inputs are normalised, not the neuron's
 * output), so x̂ₚ(B) is a constant of the step and its gradient has the usual form δₚ x̃ₚ. The same
 * sample has different inputs in different batches: the objective changes from batch to batch
 * and no single Hessian governs the run. What stays fixed is the full-data objective, the one
 * with the full-data statistics (the data set's x, preprocess.ts): its loss is the path's loss,
 * and its Hessian, κ, bounds and optimum are what the analysis reports, labelled as such. A full
 * batch's statistics are the full-data ones, so a `batch = all` run is exactly that objective's.
 *
 * Only `batchGradient` changes (O(|B|·n) extra per step for the statistics); `batchInputs` gives
 * a batch's normalised rows to whoever needs them (a batch's own curvature H_B, the cone of the
 * directions the steps can take).
 */
import { sigmoid } from './activations';
import type { Objective } from './objective';
import { batchNormalizeRows } from './normalize';

/**
 * The mean gradient over a batch whose normalised rows are rows[0 … count−1] (row k belongs to
 * sample batch[k], whose label it takes), δₚ into `deltas` when given; `shift` adds the trained
 * shift's part (θ = (w, [b], s)). Module-level, not a closure over the objective (objective.ts,
 * linearBatchGradient, says why).
 */
function normalisedBatchGradient(
  x: Float64Array,
  y: Float64Array,
  n: number,
  biasTrained: boolean,
  b0: number,
  squared: boolean,
  shift: boolean,
  theta: ArrayLike<number>,
  batch: ArrayLike<number>,
  count: number,
  grad: Float64Array,
  deltas: Float64Array | undefined,
): void {
  const so = biasTrained ? n + 1 : n; // where a trained shift starts in θ
  const q = shift ? so + n : so;
  grad.fill(0);
  for (let k = 0; k < count; k++) {
    const row = k * n;
    let f = biasTrained ? theta[n] : b0;
    if (shift) for (let i = 0; i < n; i++) f += theta[i] * (x[row + i] + theta[so + i]);
    else for (let i = 0; i < n; i++) f += theta[i] * x[row + i];
    const p = batch[k];
    const d = squared ? f - y[p] : sigmoid(f) - y[p];
    if (deltas !== undefined) deltas[k] = d;
    if (shift) {
      for (let i = 0; i < n; i++) grad[i] += d * (x[row + i] + theta[so + i]);
      for (let i = 0; i < n; i++) grad[so + i] += d * theta[i];
    } else for (let i = 0; i < n; i++) grad[i] += d * x[row + i];
    if (biasTrained) grad[n] += d;
  }
  for (let i = 0; i < q; i++) grad[i] /= count;
}

/** `obj` (built on the full-data batch-normalised inputs) whose batch gradients use each batch's own statistics. */
export function withBatchNorm(obj: Objective): Objective {
  const { n, biasTrained, loss, data } = obj;
  const raw = data.raw;
  const b0 = obj.fixedBias;
  const mean = new Float64Array(n);
  const inv = new Float64Array(n);
  let rows = new Float64Array(0);
  const normalised = (batch: ArrayLike<number>, count: number): Float64Array => {
    if (rows.length < count * n) rows = new Float64Array(count * n);
    batchNormalizeRows(raw, n, batch, count, rows, mean, inv);
    return rows;
  };
  const squared = loss === 'squared';
  return {
    ...obj,
    batchNormalized: true,
    batchInputs: (batch, count) => normalised(batch, count).slice(0, count * n),
    batchGradient(theta, batch, count, grad, deltas) {
      normalisedBatchGradient(normalised(batch, count), data.y, n, biasTrained, b0, squared, obj.shift, theta, batch, count, grad, deltas);
    },
    ...(obj.anchoredAt ? { anchoredAt: (thetaStar: ArrayLike<number>) => withBatchNorm(obj.anchoredAt!(thetaStar)) } : {}),
  };
}
