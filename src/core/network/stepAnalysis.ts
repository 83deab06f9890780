/**
 * One analysed step of a network run (analysis.ts): at θₖ the hidden outputs hₖ (P × H), their
 * cone on the viewed plane, whether every hₖ is positive, the signs of each hidden unit's gradient
 * row, and the curvature of the neuron on top,
 *
 *   squared:  ∇²L(w, [b]) = (1/P) Σ h̃h̃ᵀ            (h̃ = [h, 1] with a trained b: θ-independent)
 *   logistic: ∇²L(w, [b]) = (1/P) Σ σ'(fₚ) h̃h̃ᵀ       (at θₖ's output weights),
 *
 * its eigenvalues and κ: the same numbers as building the single-neuron objective on hₖ and
 * analysing its Hessian (analysis/hessian.ts), without what the step does not report.
 *
 * It runs for up to NETWORK_ANALYSED_STEPS entries of every run, so it keeps its buffers and
 * computes what does not change only once: with W and c frozen (train = output) hₖ = h₀ at every
 * step (the full data's statistics with batch norm), so hₖ, its signs and, for the squared loss,
 * the curvature are those of the start.
 */
import { conditionNumber } from '../analysis/hessian';
import type { Vec2 } from '../analysis/types';
import type { Dataset } from '../engine/dataset';
import { symmetricEigen } from '../engine/linalg';
import { buildObjective } from '../engine/objective';
import { gram } from '../engine/preprocess';
import type { Spec } from '../spec/types';
import { hiddenCone } from './cone';
import { hiddenOutputs, NetworkScratch } from './forward';
import type { NetworkProblem } from './objective';
import type { NetworkStep, RowSigns, StepCurvature } from './types';

/** The signs of a row of numbers. */
export function rowSigns(g: ArrayLike<number>, from: number, len: number): RowSigns {
  let pos = false;
  let neg = false;
  for (let i = 0; i < len; i++) {
    const v = g[from + i];
    if (v > 0) pos = true;
    else if (v < 0) neg = true;
  }
  return pos && neg ? 'mixed' : pos ? 'positive' : neg ? 'negative' : 'zero';
}

/** A Hessian's eigenvalues and κ, and its 2 × 2 block on the viewed axes. */
interface Curvature {
  readonly matrix: Float64Array;
  readonly values: Float64Array;
  readonly conditionNumber: number | null;
}

/** The analyses of the steps of one run, in any order. */
export class StepAnalyser {
  private readonly scratch = new NetworkScratch();
  private readonly P: number;
  private readonly H: number;
  /** Parameters of the neuron on top: (w) or (w, b). */
  private readonly out: number;
  /** hₖ when it is the same at every step (train = output), else null. */
  private readonly fixedH: Float64Array | null;
  /** The signs of the fixed hₖ, and its squared-loss curvature. */
  private readonly fixedSigns: { allPositive: boolean; allNonNegative: boolean } | null;
  private readonly fixedCurvature: Curvature | null;

  constructor(
    private readonly spec: Spec,
    private readonly net: NetworkProblem,
  ) {
    const L = net.layout;
    this.P = spec.samples;
    this.H = L.H;
    this.out = L.biasTrained ? L.H + 1 : L.H;
    if (L.trainHidden) {
      this.fixedH = null;
      this.fixedSigns = null;
      this.fixedCurvature = null;
      return;
    }
    // W and c frozen: h depends on nothing θ holds (θ₀ stands for every θₖ).
    this.fixedH = this.hiddenAt(net.theta0).slice();
    this.fixedSigns = signsOf(this.fixedH, this.P * this.H);
    this.fixedCurvature = spec.loss === 'squared' ? this.curvature(this.fixedH, net.theta0) : null;
  }

  /** hₖ (P × H) at θ, the full data's statistics with batch norm: a view of the scratch. */
  private hiddenAt(theta: Float64Array): Float64Array {
    const { P, H } = this;
    hiddenOutputs(this.net.layout, theta, this.net.x, null, P, this.scratch);
    return this.scratch.h.subarray(0, P * H);
  }

  /** The Hessian of the neuron on top over (w, [b]) at the inputs h and θ's output weights. */
  private curvature(h: Float64Array, theta: Float64Array): Curvature {
    const { P, H, out, spec, net } = this;
    let matrix: Float64Array;
    // The same numbers either way; the direct sums are faster only for a few hidden units (measured: H = 2 at P = 64 …
    // 100,000, 0.8 against 1.5 µs at P = 64; H = 16 2–3× slower).
    if (spec.loss === 'squared') matrix = H <= 2 ? outputGram(h, P, H, net.layout.biasTrained) : gram(h, P, H, net.layout.biasTrained);
    else {
      const data: Dataset = { P, n: H, raw: h, x: h, y: net.y };
      matrix = buildObjective(data, spec.loss, spec.biasTrained, net.layout.fixedBias).hessianAt(theta.subarray(0, out));
    }
    const values = symmetricEigen(matrix, out).values;
    return { matrix, values, conditionNumber: conditionNumber(values) };
  }

  /**
   * The step of path entry θ (length q) numbered `step`, with the run's batch gradient at it:
   * `gradients` from `at` on (length q; its W rows give the row signs).
   */
  at(step: number, theta: Float64Array, gradients: Float64Array, at: number): NetworkStep {
    const { P, H, out, spec, net } = this;
    const L = net.layout;
    const view = spec.view;
    const h = this.fixedH ?? this.net.hiddenLog?.find(theta) ?? this.hiddenAt(theta);
    const toOptimum: Vec2 | null = net.teacher
      ? [net.teacher[view[0]] - theta[view[0]], view[0] === view[1] ? 0 : net.teacher[view[1]] - theta[view[1]]]
      : null;
    const signs = this.fixedSigns ?? signsOf(h, P * H);
    const rows: RowSigns[] = [];
    if (L.wAt >= 0) for (let j = 0; j < H; j++) rows.push(rowSigns(gradients, at + L.wAt + j * L.d, L.d));
    const c = this.fixedCurvature ?? this.curvature(h, theta);
    const m = c.matrix;
    // Hidden outputs that overflow a product (a run blowing up) have no curvature to report.
    const finite = allFinite(c.values) && allFinite(m);
    const curvature: StepCurvature = finite
      ? {
          eigenvalues: listOf(c.values),
          conditionNumber: c.conditionNumber,
          plane: [
            [m[view[0] * out + view[0]], m[view[0] * out + view[1]]],
            [m[view[1] * out + view[0]], m[view[1] * out + view[1]]],
          ],
        }
      : { eigenvalues: [], conditionNumber: null, plane: null };
    return {
      step,
      cone: hiddenCone(h, P, H, view, toOptimum),
      allPositive: signs.allPositive,
      allNonNegative: signs.allNonNegative,
      rowSigns: rows,
      curvature,
    };
  }
}

/** Whether every value is finite. */
function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/** The values as a plain array (Array.from's iteration, without the iterator). */
function listOf(a: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) out.push(a[i]);
  return out;
}

/** Whether every one of the first `count` values is > 0, and ≥ 0 (as inputStats judges them). */
function signsOf(h: Float64Array, count: number): { allPositive: boolean; allNonNegative: boolean } {
  let allPositive = true;
  let allNonNegative = true;
  for (let k = 0; k < count; k++) {
    if (!(h[k] > 0)) allPositive = false;
    if (!(h[k] >= 0)) allNonNegative = false;
  }
  return { allPositive, allNonNegative };
}

/**
 * (1/P) Σₚ uₚuₚᵀ over uₚ = [hₚ, 1] (augment) or hₚ, q × q: the operations engine/preprocess.ts's
 * `gram` documents as its own (each entry i ≤ j summed from 0 in sample order p = 0, 1, …, divided
 * by P, mirrored to (j, i)), without the transposed copy of h it makes for large inputs.
 */
export function outputGram(h: Float64Array, P: number, H: number, augment: boolean): Float64Array {
  const q = augment ? H + 1 : H;
  const g = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let j = i; j < q; j++) {
      let s = 0;
      for (let p = 0; p < P; p++) s += (i < H ? h[p * H + i] : 1) * (j < H ? h[p * H + j] : 1);
      g[i * q + j] = s / P;
      g[j * q + i] = s / P;
    }
  }
  return g;
}
