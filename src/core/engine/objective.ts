/**
 * The loss of one neuron f = w·x + b over the data set, its gradient and Hessian.
 *
 * Parameters θ ∈ R^q are the trained ones: θ = w (q = n) or θ = (w, b) (q = n + 1), with the
 * augmented input x̃ = [x, 1]; an untrained bias stays at its value b₀. So fₚ = θ·x̃ₚ (+ b₀).
 *
 * Squared:  L = (1/|B|) Σ ½ (fₚ − yₚ)²,              δₚ = ∂L/∂fₚ = fₚ − yₚ
 *   Over all P samples with y'ₚ = yₚ − b₀ (b₀ = 0 when trained) it is a quadratic form:
 *   L(θ) = ½ θᵀHθ − cᵀθ + k,  H = (1/P) Σ x̃x̃ᵀ,  c = (1/P) Σ y'ₚ x̃ₚ,  k = (1/P) Σ ½ y'ₚ²,
 *   ∇L = Hθ − c: O(q²) per evaluation whatever P.
 * Logistic: L = (1/|B|) Σ softplus(fₚ) − yₚ fₚ (binary cross-entropy with f as the logit),
 *   δₚ = σ(fₚ) − yₚ,  ∇²L = (1/P) Σ σ'(fₚ) x̃ₚx̃ₚᵀ, σ' = σ(1 − σ).
 * Per-sample gradient (either loss): ∇θ Lₚ = δₚ x̃ₚ (chain rule, docs/science.md).
 */
import type { Loss } from '../spec/types';
import { sigmoid, softplus } from './activations';
import type { Dataset } from './dataset';
import { dotAt } from './linalg';
import { gram } from './preprocess';
import { buildShiftObjective, shiftOutput } from './shiftObjective';

/** Loss, gradients and curvature of one spec's data set. */
export interface Objective {
  readonly loss: Loss;
  readonly n: number;
  readonly P: number;
  /** Number of trained parameters q. */
  readonly q: number;
  readonly biasTrained: boolean;
  /** Model f = w·(x + s) + b with a trained shift s (shiftObjective.ts): θ = (w, [b], s), not quadratic. */
  readonly shift: boolean;
  /** Bias when not trained (b₀), else 0. */
  readonly fixedBias: number;
  readonly data: Dataset;
  /** Full-data mean loss L(θ). */
  lossAt(theta: ArrayLike<number>): number;
  /** Full-data mean loss and gradient (written to `grad`, length q) in one pass. */
  lossAndGradient(theta: ArrayLike<number>, grad: Float64Array): number;
  /**
   * Mean gradient over the samples batch[0 … count−1], written to `grad`; when `deltas` is given,
   * δₚ of each sample in batch order is written to it.
   */
  batchGradient(theta: ArrayLike<number>, batch: ArrayLike<number>, count: number, grad: Float64Array, deltas?: Float64Array): void;
  /** Hessian ∇²L(θ) (q × q, row-major). */
  hessianAt(theta: ArrayLike<number>): Float64Array;
  /**
   * The same objective whose loss keeps its digits near θ* (squared loss only; absent otherwise):
   * see `anchoredQuadratic`. Gradients, Hessian and everything else are unchanged.
   */
  anchoredAt?(thetaStar: ArrayLike<number>): Objective;
  /**
   * Present (true) when each batch is normalised with its own statistics (`preprocess = batchnorm`,
   * batchNormObjective.ts): `batchGradient` then differs from the full-data objective the rest
   * describes, except on a full batch.
   */
  readonly batchNormalized?: boolean;
  /** The inputs the batch batch[0 … count−1] trains on (count × n, batch order); absent when they are the data set's rows. */
  batchInputs?(batch: ArrayLike<number>, count: number): Float64Array;
}

/** fₚ = w·xₚ + b for θ = (w, b) or (w) with the fixed bias. */
function output(o: Objective, theta: ArrayLike<number>, p: number): number {
  const { n, data } = o;
  if (o.shift) return shiftOutput(theta, data, p, o.biasTrained, o.fixedBias);
  const row = p * n;
  let f = o.biasTrained ? theta[n] : o.fixedBias;
  for (let i = 0; i < n; i++) f += theta[i] * data.x[row + i];
  return f;
}

/** δₚ = ∂Lₚ/∂fₚ at θ for one sample. */
export function sampleDelta(o: Objective, theta: ArrayLike<number>, p: number): number {
  const f = output(o, theta, p);
  return o.loss === 'squared' ? f - o.data.y[p] : sigmoid(f) - o.data.y[p];
}

/** Per-sample gradient ∇θ Lₚ = δₚ · x̃ₚ (length q), with δₚ; with a shift, δₚ·(xₚ + s, [1], w). */
export function perSampleGradient(o: Objective, theta: ArrayLike<number>, p: number): { delta: number; gradient: number[] } {
  const delta = sampleDelta(o, theta, p);
  const gradient: number[] = [];
  const so = o.biasTrained ? o.n + 1 : o.n;
  for (let i = 0; i < o.n; i++) gradient.push(delta * (o.data.x[p * o.n + i] + (o.shift ? theta[so + i] : 0)));
  if (o.biasTrained) gradient.push(delta);
  if (o.shift) for (let i = 0; i < o.n; i++) gradient.push(delta * theta[i]);
  return { delta, gradient };
}

/** Below this share of its terms' size the quadratic form's value has lost its digits (more than 4 of 16). */
const CANCELLATION = 1e-4;

/** The squared loss expanded around a point θ*, for values near it. */
interface Anchor {
  loss(theta: ArrayLike<number>): number;
}

/**
 * The squared loss as an exact Taylor expansion around θ* (exact: the loss is quadratic):
 *
 *   L(θ) = L(θ*) + g*ᵀe + ½ eᵀHe,  e = θ − θ*,
 *
 * with L(θ*) = (1/P) Σ ½ r*ₚ² and g* = (1/P) Σ r*ₚ x̃ₚ summed directly from the residuals
 * r*ₚ = θ*·x̃ₚ − y'ₚ. Every term is small near θ*, so nothing cancels and the loss stays right to
 * a few ulp of the residuals (the form ½θᵀHθ − cᵀθ + k has an absolute error of ~1e-16 and reads
 * 0 or noise below that). O(q²) per evaluation, like the form it replaces.
 */
function anchoredQuadratic(data: Dataset, h: Float64Array, q: number, biasTrained: boolean, b0: number, thetaStar: ArrayLike<number>): Anchor {
  const { n, P, x, y } = data;
  const star = Float64Array.from(thetaStar);
  const gStar = new Float64Array(q);
  let lStar = 0;
  for (let p = 0; p < P; p++) {
    const row = p * n;
    let r = (biasTrained ? star[n] : b0) - y[p];
    for (let i = 0; i < n; i++) r += star[i] * x[row + i];
    lStar += 0.5 * r * r;
    for (let i = 0; i < n; i++) gStar[i] += r * x[row + i];
    if (biasTrained) gStar[n] += r;
  }
  lStar /= P;
  for (let i = 0; i < q; i++) gStar[i] /= P;
  const e = new Float64Array(q);
  return {
    loss(theta) {
      for (let i = 0; i < q; i++) e[i] = theta[i] - star[i];
      let lin = 0;
      let qf = 0;
      for (let i = 0; i < q; i++) {
        lin += gStar[i] * e[i];
        qf += e[i] * dotAt(h, i * q, e, 0, q);
      }
      return Math.max(0, lStar + lin + 0.5 * qf);
    },
  };
}

/** The fields and the batch gradient every linear model f = w·x + b shares, whatever its loss. */
type LinearBase = Omit<Objective, 'lossAt' | 'lossAndGradient' | 'hessianAt' | 'anchoredAt'>;

/**
 * Mean gradient of f = θ·x̃ (+ b₀) over the samples batch[0 … count−1] (sampleDelta written out:
 * the same operations in the same order), with δₚ into `deltas` when given. This loop runs for
 * every sample of every mini-batch step (11,259 steps × 16,735 samples for one accepted spec).
 *
 * A module-level function of its arguments, not a closure over the objective: V8 compiles a
 * closure's code against its context while only one closure of it exists (n, q and the loss
 * become constants) and generically once a second objective has been built, which made the same
 * spec twice as slow in the analysis worker, after other specs, as in a fresh process. Here every
 * objective runs the same code, in a fresh process and after a thousand other specs alike.
 */
export function linearBatchGradient(
  x: Float64Array,
  y: Float64Array,
  n: number,
  biasTrained: boolean,
  b0: number,
  squared: boolean,
  theta: ArrayLike<number>,
  batch: ArrayLike<number>,
  count: number,
  grad: Float64Array,
  deltas: Float64Array | undefined,
): void {
  const q = biasTrained ? n + 1 : n;
  grad.fill(0);
  const bias = biasTrained ? theta[n] : b0;
  if (n === 2) {
    // The lessons' plane (n = 2) unrolled: the same sums in the same order as the loops below.
    const t0 = theta[0];
    const t1 = theta[1];
    let g0 = 0;
    let g1 = 0;
    let gb = 0;
    for (let k = 0; k < count; k++) {
      const p = batch[k];
      const row = 2 * p;
      const x0 = x[row];
      const x1 = x[row + 1];
      let f = bias;
      f += t0 * x0;
      f += t1 * x1;
      const d = squared ? f - y[p] : sigmoid(f) - y[p];
      if (deltas !== undefined) deltas[k] = d;
      g0 += d * x0;
      g1 += d * x1;
      gb += d;
    }
    grad[0] = g0;
    grad[1] = g1;
    if (biasTrained) grad[2] = gb;
  } else {
    for (let k = 0; k < count; k++) {
      const p = batch[k];
      const row = p * n;
      let f = bias;
      for (let i = 0; i < n; i++) f += theta[i] * x[row + i];
      const d = squared ? f - y[p] : sigmoid(f) - y[p];
      if (deltas !== undefined) deltas[k] = d;
      for (let i = 0; i < n; i++) grad[i] += d * x[row + i];
      if (biasTrained) grad[n] += d;
    }
  }
  for (let i = 0; i < q; i++) grad[i] /= count;
}

function linearBase(data: Dataset, loss: Loss, biasTrained: boolean, b0: number): LinearBase {
  const { n, P } = data;
  const q = biasTrained ? n + 1 : n;
  const squared = loss === 'squared';
  return {
    loss,
    n,
    P,
    q,
    biasTrained,
    shift: false,
    fixedBias: b0,
    data,
    batchGradient(theta: ArrayLike<number>, batch: ArrayLike<number>, count: number, grad: Float64Array, deltas?: Float64Array): void {
      linearBatchGradient(data.x, data.y, n, biasTrained, b0, squared, theta, batch, count, grad, deltas);
    },
  };
}

/**
 * The squared loss as a quadratic form L = ½θᵀHθ − cᵀθ + k with H = E[x̃x̃ᵀ], c = E[(y − b₀)x̃] and
 * k = E[½(y − b₀)²]: O(q²) a value and gradient, whatever P.
 */
function squaredObjective(base: LinearBase): Objective {
  const { data, n, P, q, biasTrained, fixedBias: b0 } = base;
  // Moments of the quadratic form.
  const h = gram(data.x, P, n, biasTrained);
  const c = new Float64Array(q);
  let k = 0;
  for (let p = 0; p < P; p++) {
    const yp = data.y[p] - b0;
    for (let i = 0; i < n; i++) c[i] += yp * data.x[p * n + i];
    if (biasTrained) c[n] += yp;
    k += 0.5 * yp * yp;
  }
  for (let i = 0; i < q; i++) c[i] /= P;
  k /= P;
  const make = (anchor: Anchor | null): Objective => {
    // L = ½θᵀ(Hθ) − cᵀθ + k, clamped at 0 (it is a mean of squares; rounding can dip below).
    // Its terms are O(1) while L → 0 near θ*: once they cancel to below CANCELLATION of their
    // size, the anchored form takes over (same value in exact arithmetic, digits kept).
    const quad = (theta: ArrayLike<number>, grad: Float64Array | null): number => {
      let lin = 0;
      let qf = 0;
      for (let i = 0; i < q; i++) {
        const s = dotAt(h, i * q, theta, 0, q);
        qf += theta[i] * s;
        lin += c[i] * theta[i];
        if (grad) grad[i] = s - c[i];
      }
      const value = 0.5 * qf - lin + k;
      if (anchor && !(value > CANCELLATION * (Math.abs(0.5 * qf) + Math.abs(lin) + k))) return anchor.loss(theta);
      return Math.max(0, value);
    };
    return {
      ...base,
      lossAt: (theta) => quad(theta, null),
      lossAndGradient: (theta, grad) => quad(theta, grad),
      hessianAt: () => Float64Array.from(h),
      anchoredAt: (thetaStar) => make(anchoredQuadratic(data, h, q, biasTrained, b0, thetaStar)),
    };
  };
  return make(null);
}

/** fₚ = θ·x̃ₚ (+ b₀) of sample p. Module-level, like the kernels below (see linearBatchGradient). */
function linearOutput(x: Float64Array, n: number, biasTrained: boolean, b0: number, theta: ArrayLike<number>, p: number): number {
  const row = p * n;
  let f = biasTrained ? theta[n] : b0;
  for (let i = 0; i < n; i++) f += theta[i] * x[row + i];
  return f;
}

/** The mean logistic loss (1/P) Σ softplus(fₚ) − yₚ fₚ over all P samples. */
export function logisticLoss(x: Float64Array, y: Float64Array, n: number, P: number, biasTrained: boolean, b0: number, theta: ArrayLike<number>): number {
  let s = 0;
  for (let p = 0; p < P; p++) {
    const f = linearOutput(x, n, biasTrained, b0, theta, p);
    s += softplus(f) - y[p] * f;
  }
  return s / P;
}

/** The mean logistic loss and its gradient (into `grad`) in one pass over the P samples. */
export function logisticLossAndGradient(
  x: Float64Array,
  y: Float64Array,
  n: number,
  P: number,
  biasTrained: boolean,
  b0: number,
  theta: ArrayLike<number>,
  grad: Float64Array,
): number {
  const q = biasTrained ? n + 1 : n;
  grad.fill(0);
  let s = 0;
  for (let p = 0; p < P; p++) {
    const f = linearOutput(x, n, biasTrained, b0, theta, p);
    const yp = y[p];
    // softplus(f) and σ(f) share e = e^{−|f|} (the same value each computes on its own).
    const e = Math.exp(-Math.abs(f));
    s += Math.max(f, 0) + Math.log1p(e) - yp * f;
    const d = (f >= 0 ? 1 / (1 + e) : e / (1 + e)) - yp;
    const row = p * n;
    for (let i = 0; i < n; i++) grad[i] += d * x[row + i];
    if (biasTrained) grad[n] += d;
  }
  for (let i = 0; i < q; i++) grad[i] /= P;
  return s / P;
}

/** The logistic loss, sample by sample: O(P·n) a value and gradient; Hessian E[σ′(f) x̃x̃ᵀ]. */
function logisticObjective(base: LinearBase): Objective {
  const { data, n, P, biasTrained, fixedBias: b0 } = base;
  const { x, y } = data;
  return {
    ...base,
    lossAt: (theta) => logisticLoss(x, y, n, P, biasTrained, b0, theta),
    lossAndGradient: (theta, grad) => logisticLossAndGradient(x, y, n, P, biasTrained, b0, theta, grad),
    hessianAt(theta) {
      const w = new Float64Array(P);
      for (let p = 0; p < P; p++) {
        const s = sigmoid(linearOutput(x, n, biasTrained, b0, theta, p));
        w[p] = s * (1 - s);
      }
      return gram(data.x, P, n, biasTrained, w);
    },
  };
}

/**
 * Build the objective of a data set. `fixedBias` is used only when the bias is not trained;
 * `shift` selects the model f = w·(x + s) + b (shiftObjective.ts).
 */
export function buildObjective(data: Dataset, loss: Loss, biasTrained: boolean, fixedBias: number, shift = false): Objective {
  if (shift) return buildShiftObjective(data, loss, biasTrained, fixedBias);
  const base = linearBase(data, loss, biasTrained, biasTrained ? 0 : fixedBias);
  return loss === 'squared' ? squaredObjective(base) : logisticObjective(base);
}
