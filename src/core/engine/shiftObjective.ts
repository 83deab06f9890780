/**
 * The loss of a neuron with a trained per-input shift (docs/science.md):
 *
 *   f = Σᵢ wᵢ (xᵢ + sᵢ) + b  =  w·(x + s) + b,     θ = (w₁ … wₙ, [b], s₁ … sₙ)   (q = 2n [+ 1])
 *
 * The bias keeps its place at index n (as in every other model), the shift follows it. With
 * δ = ∂L/∂f (fₚ − yₚ for the squared loss, σ(fₚ) − yₚ for the logistic loss) the chain rule gives
 *
 *   ∂L/∂wᵢ = δ (xᵢ + sᵢ)        ∂L/∂b = δ        ∂L/∂sᵢ = δ wᵢ
 *
 * so a per-sample step in the weights is along x + s: the shift moves the inputs the sign rule
 * applies to. The loss is not quadratic in θ (f has the product wᵢsᵢ): its Hessian is
 *
 *   ∇²L = (1/P) Σₚ [ ℓ''(fₚ) uₚuₚᵀ + δₚ ∇²fₚ ],   uₚ = ∂fₚ/∂θ = (xₚ + s, [1], w),
 *   ∇²f has 1 at (wᵢ, sᵢ) and (sᵢ, wᵢ), 0 elsewhere;   ℓ'' = 1 (squared), σ'(fₚ) (logistic)
 *
 * and it changes along the path; it can have negative eigenvalues (a saddle) away from the optimum.
 * Every evaluation is a pass over the data: O(P·n) for the loss and gradient, O(P·q²) for ∇²L.
 */
import type { Loss } from '../spec/types';
import { sigmoid } from './activations';
import type { Dataset } from './dataset';
import type { Objective } from './objective';
import { gram } from './preprocess';

/** fₚ = w·(xₚ + s) + b for θ = (w, [b], s); `b0` is the bias when it is not trained. */
export function shiftOutput(theta: ArrayLike<number>, data: Dataset, p: number, biasTrained: boolean, b0: number): number {
  const n = data.n;
  const so = biasTrained ? n + 1 : n;
  let f = biasTrained ? theta[n] : b0;
  const row = p * n;
  for (let i = 0; i < n; i++) f += theta[i] * (data.x[row + i] + theta[so + i]);
  return f;
}

/** ℓ(f, y) and δ = ∂ℓ/∂f for one sample. */
function sampleLossDelta(loss: Loss, f: number, y: number): [number, number] {
  if (loss === 'squared') return [0.5 * (f - y) * (f - y), f - y];
  const e = Math.exp(-Math.abs(f));
  return [Math.max(f, 0) + Math.log1p(e) - y * f, (f >= 0 ? 1 / (1 + e) : e / (1 + e)) - y];
}

/**
 * The passes over the data, as module-level functions of their arguments (not closures over the
 * objective: see objective.ts, linearBatchGradient), each sample's loss and δ written out as
 * `sampleLossDelta` computes them (no pair allocated per sample). `batch` null: all P samples in
 * order; otherwise batch[0 … count−1]. Returns the mean loss over them; with `grad`, writes the
 * mean gradient too.
 */
function shiftPass(
  x: Float64Array,
  y: Float64Array,
  n: number,
  biasTrained: boolean,
  b0: number,
  squared: boolean,
  theta: ArrayLike<number>,
  batch: ArrayLike<number> | null,
  count: number,
  grad: Float64Array | null,
  deltas: Float64Array | undefined,
): number {
  const so = biasTrained ? n + 1 : n;
  const q = so + n;
  if (grad) grad.fill(0);
  let s = 0;
  for (let k = 0; k < count; k++) {
    const p = batch === null ? k : batch[k];
    const row = p * n;
    let f = biasTrained ? theta[n] : b0;
    for (let i = 0; i < n; i++) f += theta[i] * (x[row + i] + theta[so + i]);
    const yp = y[p];
    let d: number;
    if (squared) {
      s += 0.5 * (f - yp) * (f - yp);
      d = f - yp;
    } else {
      const e = Math.exp(-Math.abs(f));
      s += Math.max(f, 0) + Math.log1p(e) - yp * f;
      d = (f >= 0 ? 1 / (1 + e) : e / (1 + e)) - yp;
    }
    if (deltas !== undefined) deltas[k] = d;
    if (grad) {
      for (let i = 0; i < n; i++) {
        grad[i] += d * (x[row + i] + theta[so + i]);
        grad[so + i] += d * theta[i];
      }
      if (biasTrained) grad[n] += d;
    }
  }
  if (grad) for (let i = 0; i < q; i++) grad[i] /= count;
  return s / count;
}

/** The objective of the shifted model on a data set. */
export function buildShiftObjective(data: Dataset, loss: Loss, biasTrained: boolean, fixedBias: number): Objective {
  const { n, P } = data;
  const so = biasTrained ? n + 1 : n;
  const q = so + n;
  const b0 = biasTrained ? 0 : fixedBias;
  const squared = loss === 'squared';
  const obj: Objective = {
    loss,
    n,
    P,
    q,
    biasTrained,
    shift: true,
    fixedBias: b0,
    data,
    lossAt: (theta) => shiftPass(data.x, data.y, n, biasTrained, b0, squared, theta, null, P, null, undefined),
    lossAndGradient: (theta, grad) => shiftPass(data.x, data.y, n, biasTrained, b0, squared, theta, null, P, grad, undefined),
    batchGradient(theta, batch, count, grad, deltas) {
      shiftPass(data.x, data.y, n, biasTrained, b0, squared, theta, batch, count, grad, deltas);
    },
    hessianAt(theta) {
      // Gauss–Newton part (1/P) Σ ℓ''ₚ uₚuₚᵀ as a weighted Gram of the rows uₚ, then the δ term.
      const u = new Float64Array(P * q);
      const weights = new Float64Array(P);
      let meanDelta = 0;
      for (let p = 0; p < P; p++) {
        const f = shiftOutput(theta, data, p, biasTrained, b0);
        const d = sampleLossDelta(loss, f, data.y[p])[1];
        meanDelta += d;
        if (loss === 'squared') weights[p] = 1;
        else {
          const sg = sigmoid(f);
          weights[p] = sg * (1 - sg);
        }
        const row = p * q;
        for (let i = 0; i < n; i++) {
          u[row + i] = data.x[p * n + i] + theta[so + i];
          u[row + so + i] = theta[i];
        }
        if (biasTrained) u[row + n] = 1;
      }
      meanDelta /= P;
      const h = gram(u, P, q, false, weights);
      for (let i = 0; i < n; i++) {
        h[i * q + so + i] += meanDelta;
        h[(so + i) * q + i] += meanDelta;
      }
      return h;
    },
  };
  return obj;
}
