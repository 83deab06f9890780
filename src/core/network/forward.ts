/**
 * A two-layer network's forward and backward pass over a set of samples S (|S| = m):
 *
 *   zₚⱼ = Σₖ Wⱼₖ xₚₖ + cⱼ,   aₚⱼ = act(zₚⱼ)                     hidden layer, j = 1 … H
 *   hₚⱼ = aₚⱼ, or with batch norm between the layers
 *   hₚⱼ = (aₚⱼ − μⱼ)/√(σ²ⱼ + ε)   (μ, σ² over S, ε = 1e-5)       the statistics of S
 *   fₚ = Σⱼ wⱼ hₚⱼ + b                                          the neuron on top
 *   L = (1/m) Σₚ ℓ(fₚ, yₚ),  ℓ = ½(f − y)² or softplus(f) − y·f,  δₚ = f − y or σ(f) − y
 *
 * Backpropagation (mean over S, the same conventions as the single neuron):
 *
 *   ∂L/∂wⱼ = (1/m) Σₚ δₚ hₚⱼ,   ∂L/∂b = (1/m) Σₚ δₚ
 *   Gₚⱼ = ∂L/∂hₚⱼ = δₚ wⱼ / m
 *   ∂L/∂aₚⱼ = Gₚⱼ, or through batch norm  invⱼ·(Gₚⱼ − mean_S Gⱼ − hₚⱼ·mean_S(Gⱼ hⱼ))
 *   ∂L/∂zₚⱼ = ∂L/∂aₚⱼ · act'(zₚⱼ)  (m times it is the hidden unit's δₚⱼ = δₚ wⱼ act'(zₚⱼ) without batch norm)
 *   ∂L/∂Wⱼₖ = Σₚ ∂L/∂zₚⱼ xₚₖ,   ∂L/∂cⱼ = Σₚ ∂L/∂zₚⱼ
 *
 * So row j of ∂L/∂W is Σₚ δₚⱼ xₚ / m: for one sample, δⱼ·x, a multiple of the input, one sign on
 * the whole row when x > 0 (docs/science.md, the fixes).
 *
 * θ = (w₁ … w_H, [b], [W row by row, [c]]): the neuron's parameters first, so everything that reads
 * "the first n entries are the weights" (the path, its statistics, the plane) sees the neuron on top.
 */
import { sigmoid, softplus } from '../engine/activations';
import { NORM_EPSILON } from '../engine/normalize';
import { activationDescriptor } from '../registry/activations';
import type { Activation, Loss } from '../spec/types';

/** The fixed shape of a network and where each parameter sits in θ. */
export interface NetworkLayout {
  readonly H: number;
  readonly d: number;
  readonly activation: Activation;
  readonly loss: Loss;
  /** Batch norm between the layers. */
  readonly batchNorm: boolean;
  readonly biasTrained: boolean;
  /** The output bias when it is not trained. */
  readonly fixedBias: number;
  /** W and c are in θ (train = all). */
  readonly trainHidden: boolean;
  readonly hiddenBias: boolean;
  /** W and c when they are not in θ (frozen), or their starting values. */
  readonly W0: Float64Array;
  readonly c0: Float64Array;
  /** Offsets in θ: W at wAt (H·d), c at cAt (H); −1 when absent. */
  readonly wAt: number;
  readonly cAt: number;
  /** Number of parameters in θ. */
  readonly q: number;
}

/** The layout of a network with H units on d inputs. */
export function networkLayout(o: Omit<NetworkLayout, 'wAt' | 'cAt' | 'q'>): NetworkLayout {
  const out = o.biasTrained ? o.H + 1 : o.H;
  const wAt = o.trainHidden ? out : -1;
  const cAt = o.trainHidden && o.hiddenBias ? out + o.H * o.d : -1;
  const q = out + (o.trainHidden ? o.H * o.d + (o.hiddenBias ? o.H : 0) : 0);
  return { ...o, wAt, cAt, q };
}

/** Scratch arrays of one pass, sized for m samples. */
export class NetworkScratch {
  z = new Float64Array(0);
  h = new Float64Array(0);
  mean = new Float64Array(0);
  inv = new Float64Array(0);
  g = new Float64Array(0);
  ensure(m: number, H: number): void {
    if (this.z.length < m * H) {
      this.z = new Float64Array(m * H);
      this.h = new Float64Array(m * H);
      this.g = new Float64Array(m * H);
    }
    if (this.mean.length < H) {
      this.mean = new Float64Array(H);
      this.inv = new Float64Array(H);
    }
  }
}

/**
 * hs[e] = act(zs[e]) for e < count. tanh and σ, the registry's own functions (the same objects),
 * get a loop each, where the engine can inline them: called through a variable that held σ in one run and
 * tanh in the next (a lesson and its variant), each call costs about twice the function.
 */
function activateAll(act: (z: number) => number, zs: Float64Array, hs: Float64Array, count: number): void {
  if (act === Math.tanh) for (let e = 0; e < count; e++) hs[e] = Math.tanh(zs[e]);
  else if (act === sigmoid) for (let e = 0; e < count; e++) hs[e] = sigmoid(zs[e]);
  else for (let e = 0; e < count; e++) hs[e] = act(zs[e]);
}

/**
 * The hidden outputs h of the samples rows[0 … m−1] (all samples 0 … m−1 when rows is null) into
 * s.h (m × H) with the pre-activations in s.z; with batch norm, normalised with the statistics
 * of these m samples (s.mean, s.inv hold μ and 1/√(σ² + ε)).
 *
 * W and c are read from θ (train = all) or from the frozen W₀, c₀ through one array and an offset
 * each, and zₚⱼ = cⱼ + Σᵢ Wⱼᵢ xₚᵢ is summed in the order i = 1 … d: this runs for every sample of
 * every step (the full data's loss, the batch's gradient, each analysed step's hidden outputs).
 */
export function hiddenOutputs(L: NetworkLayout, theta: ArrayLike<number>, x: Float64Array, rows: ArrayLike<number> | null, m: number, s: NetworkScratch): void {
  const { H, d } = L;
  s.ensure(m, H);
  const act = activationDescriptor(L.activation).apply;
  const W = L.wAt >= 0 ? theta : L.W0;
  const wAt = L.wAt >= 0 ? L.wAt : 0;
  const C = L.cAt >= 0 ? theta : L.c0;
  const cAt = L.cAt >= 0 ? L.cAt : 0;
  const withBias = L.hiddenBias;
  const zs = s.z;
  const hs = s.h;
  for (let k = 0; k < m; k++) {
    const xAt = (rows === null ? k : rows[k]) * d;
    const out = k * H;
    for (let j = 0; j < H; j++) {
      const row = wAt + j * d;
      let z = withBias ? C[cAt + j] : 0;
      for (let i = 0; i < d; i++) z += W[row + i] * x[xAt + i];
      zs[out + j] = z;
    }
  }
  activateAll(act, zs, hs, m * H);
  if (!L.batchNorm) return;
  for (let j = 0; j < H; j++) {
    let mu = 0;
    for (let k = 0; k < m; k++) mu += hs[k * H + j];
    mu /= m;
    let v = 0;
    for (let k = 0; k < m; k++) v += (hs[k * H + j] - mu) ** 2;
    const inv = 1 / Math.sqrt(v / m + NORM_EPSILON);
    s.mean[j] = mu;
    s.inv[j] = inv;
    for (let k = 0; k < m; k++) hs[k * H + j] = (hs[k * H + j] - mu) * inv;
  }
}

/**
 * Mean loss over the samples rows[0 … m−1] (all when rows is null) and, when `grad` is given, its
 * gradient over θ (length q); `deltas` receives δₚ of the neuron on top in sample order.
 */
export function networkPass(
  L: NetworkLayout,
  theta: ArrayLike<number>,
  x: Float64Array,
  y: Float64Array,
  rows: ArrayLike<number> | null,
  m: number,
  s: NetworkScratch,
  grad?: Float64Array,
  deltas?: Float64Array,
): number {
  const { H, d } = L;
  hiddenOutputs(L, theta, x, rows, m, s);
  const hs = s.h;
  const gs = s.g;
  const squared = L.loss === 'squared';
  const b = L.biasTrained ? theta[H] : L.fixedBias;
  if (grad) grad.fill(0);
  let loss = 0;
  for (let k = 0; k < m; k++) {
    const p = rows === null ? k : rows[k];
    const at = k * H;
    let f = b;
    for (let j = 0; j < H; j++) f += theta[j] * hs[at + j];
    const yp = y[p];
    const delta = squared ? f - yp : sigmoid(f) - yp;
    loss += squared ? 0.5 * (f - yp) ** 2 : softplus(f) - yp * f;
    if (deltas) deltas[k] = delta;
    if (!grad) continue;
    for (let j = 0; j < H; j++) {
      grad[j] += delta * hs[at + j];
      gs[at + j] = (delta * theta[j]) / m;
    }
    if (L.biasTrained) grad[H] += delta;
  }
  if (!grad) return loss / m;
  const out = L.biasTrained ? H + 1 : H;
  for (let i = 0; i < out; i++) grad[i] /= m;
  if (!L.trainHidden) return loss / m;
  if (L.batchNorm) {
    // Through the batch's statistics: ∂L/∂a = inv·(G − mean G − h·mean(G h)).
    for (let j = 0; j < H; j++) {
      let sg = 0;
      let sgh = 0;
      for (let k = 0; k < m; k++) {
        sg += gs[k * H + j];
        sgh += gs[k * H + j] * hs[k * H + j];
      }
      for (let k = 0; k < m; k++) gs[k * H + j] = s.inv[j] * (gs[k * H + j] - sg / m - (hs[k * H + j] * sgh) / m);
    }
  }
  const dact = activationDescriptor(L.activation).derivative;
  const zs = s.z;
  const { wAt, cAt } = L;
  for (let k = 0; k < m; k++) {
    const xAt = (rows === null ? k : rows[k]) * d;
    for (let j = 0; j < H; j++) {
      const dz = gs[k * H + j] * dact(zs[k * H + j]);
      const row = wAt + j * d;
      for (let i = 0; i < d; i++) grad[row + i] += dz * x[xAt + i];
      if (cAt >= 0) grad[cAt + j] += dz;
    }
  }
  return loss / m;
}
