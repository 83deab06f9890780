/**
 * A network spec as an `Objective` the engine's runs, optimizers and statistics use unchanged:
 * θ = (w, [b], [W, [c]]) (forward.ts), n = H (the neuron on top sees H inputs, the hidden outputs).
 *
 * Data: raw inputs x (P × d; `x ~ normal(0, 1)` gives zero-centred ones) and labels. Teacher labels
 * come from a teacher network that shares the START's hidden layer: yₚ = w*·h₀(xₚ) + b* (σ of it
 * for the logistic loss), h₀ = act(W₀xₚ + c₀) (batch-normalised with the full data's statistics
 * when the spec says so). So θ* = (w*, b*, W₀, c₀) reaches zero loss: with `train = output` it is
 * THE minimiser of a convex problem (the single-neuron lesson, on the inputs h); with
 * `train = all` it is one minimiser among many (a run may find another).
 *
 * Batch norm between the layers follows the single neuron's convention: a step normalises h with
 * its own batch's statistics (and backpropagates through them); the full-data objective (every
 * entry's loss) uses the full data's.
 *
 * `data.x` holds the hidden outputs at θ₀ (P × H): what the neuron on top sees at the start.
 */
import { rawInputs, type Dataset } from '../engine/dataset';
import { sigmoid } from '../engine/activations';
import type { Objective } from '../engine/objective';
import type { NetworkSpec, Spec } from '../spec/types';
import { hiddenOutputs, NetworkScratch, networkLayout, networkPass, type NetworkLayout } from './forward';

/** A built network problem. */
export interface NetworkProblem {
  readonly layout: NetworkLayout;
  /** Raw inputs (P × d). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly objective: Objective;
  /** θ₀ = (w, [b], [W, [c]]). */
  readonly theta0: Float64Array;
  /** θ of the teacher network (w*, b*, W₀, c₀) when the labels come from it; else null. */
  readonly teacher: Float64Array | null;
}

/** The layout of a spec's network (its hidden activation may be a variant's). */
export function layoutOf(spec: Spec, net: NetworkSpec): NetworkLayout {
  return networkLayout({
    H: net.hidden,
    d: net.inputDimension,
    activation: net.activation,
    loss: spec.loss,
    batchNorm: spec.preprocess === 'batchnorm',
    biasTrained: spec.biasTrained,
    fixedBias: spec.biasTrained ? 0 : spec.b,
    trainHidden: net.train === 'all',
    hiddenBias: net.hiddenBias,
    W0: Float64Array.from(net.W.flat()),
    c0: Float64Array.from(net.c),
  });
}

/** θ = (w, [b], [W, [c]]) from the neuron's w, b and the hidden layer's W, c. */
export function networkTheta(L: NetworkLayout, w: readonly number[], b: number, W: ArrayLike<number>, c: ArrayLike<number>): Float64Array {
  const theta = new Float64Array(L.q);
  theta.set(w, 0);
  if (L.biasTrained) theta[L.H] = b;
  if (L.wAt >= 0) theta.set(W, L.wAt);
  if (L.cAt >= 0) theta.set(c, L.cAt);
  return theta;
}

/** The current W (H·d, row-major) and c (H) of θ, frozen ones included. */
export function hiddenParameters(L: NetworkLayout, theta: ArrayLike<number>): { W: Float64Array; c: Float64Array } {
  const W = L.wAt >= 0 ? Float64Array.from(Array.prototype.slice.call(theta, L.wAt, L.wAt + L.H * L.d) as number[]) : L.W0.slice();
  const c = !L.hiddenBias
    ? new Float64Array(L.H)
    : L.cAt >= 0
      ? Float64Array.from(Array.prototype.slice.call(theta, L.cAt, L.cAt + L.H) as number[])
      : L.c0.slice();
  return { W, c };
}

/** Builds the network problem of a spec with a hidden layer. Deterministic. */
export function buildNetworkProblem(spec: Spec): NetworkProblem {
  const net = spec.network!;
  const L = layoutOf(spec, net);
  const P = spec.samples;
  const x = rawInputs(spec);
  const scratch = new NetworkScratch();
  const theta0 = networkTheta(L, spec.w, spec.b, L.W0, L.c0);
  // The start's hidden outputs (full-data statistics): the neuron's inputs at step 0.
  hiddenOutputs(L, theta0, x, null, P, scratch);
  const h0 = scratch.h.slice(0, P * L.H);
  const y = new Float64Array(P);
  let teacher: Float64Array | null = null;
  if (spec.labels.kind === 'explicit') y.set(spec.labels.values);
  else {
    const { w, b } = spec.labels;
    for (let p = 0; p < P; p++) {
      let f = b;
      for (let j = 0; j < L.H; j++) f += w[j] * h0[p * L.H + j];
      y[p] = spec.loss === 'logistic' ? sigmoid(f) : f;
    }
    const t = networkTheta(L, w, b, L.W0, L.c0);
    // Without a trained output bias the teacher's b* must equal the fixed bias to be a minimiser.
    teacher = L.biasTrained || b === L.fixedBias ? t : null;
  }
  const data: Dataset = { P, n: L.H, raw: h0, x: h0, y };
  const objective = networkObjective(L, x, y, data);
  return { layout: L, x, y, objective, theta0, teacher };
}

/** The Objective of a network (see the module's comment). */
export function networkObjective(L: NetworkLayout, x: Float64Array, y: Float64Array, data: Dataset): Objective {
  const scratch = new NetworkScratch();
  const P = data.P;
  const obj: Objective = {
    loss: L.loss,
    n: L.H,
    P,
    q: L.q,
    biasTrained: L.biasTrained,
    shift: false,
    fixedBias: L.fixedBias,
    data,
    lossAt: (theta) => networkPass(L, theta, x, y, null, P, scratch),
    lossAndGradient: (theta, grad) => networkPass(L, theta, x, y, null, P, scratch, grad),
    batchGradient(theta, batch, count, grad, deltas) {
      networkPass(L, theta, x, y, batch, count, scratch, grad, deltas);
    },
    hessianAt: (theta) => finiteDifferenceHessian(obj, theta),
  };
  return obj;
}

/**
 * ∇²L by centred differences of the gradient (step 1e-5·(1 + |θᵢ|)), symmetrised: the network's
 * loss is not quadratic and no closed form is kept. O(q) gradient passes.
 */
export function finiteDifferenceHessian(obj: Objective, theta: ArrayLike<number>): Float64Array {
  const q = obj.q;
  const hess = new Float64Array(q * q);
  const t = Float64Array.from(theta);
  const gp = new Float64Array(q);
  const gm = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    const h = 1e-5 * (1 + Math.abs(t[i]));
    const keep = t[i];
    t[i] = keep + h;
    obj.lossAndGradient(t, gp);
    t[i] = keep - h;
    obj.lossAndGradient(t, gm);
    t[i] = keep;
    for (let r = 0; r < q; r++) hess[r * q + i] = (gp[r] - gm[r]) / (2 * h);
  }
  for (let r = 0; r < q; r++) for (let c = r + 1; c < q; c++) hess[r * q + c] = hess[c * q + r] = 0.5 * (hess[r * q + c] + hess[c * q + r]);
  return hess;
}
