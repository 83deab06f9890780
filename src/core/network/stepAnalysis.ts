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
 * It runs for up to NETWORK_ANALYSED_STEPS entries of every run: hₖ goes into one scratch, and is
 * computed once when W and c are frozen (train = output: hₖ = h₀ at every step, the full data's
 * statistics with batch norm).
 */
import { allowedCone } from '../analysis/allowedCone';
import { conditionNumber } from '../analysis/hessian';
import type { Vec2 } from '../analysis/types';
import { symmetricEigen } from '../engine/linalg';
import { buildObjective } from '../engine/objective';
import { gram } from '../engine/preprocess';
import type { Spec } from '../spec/types';
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

/** The analysis of a run's steps: the step of path entry θ (length q) numbered `step`, with the run's batch gradient at it (`gradients` from `at` on: its W rows give the row signs). */
export type StepAnalyser = (step: number, theta: Float64Array, gradients: Float64Array, at: number) => NetworkStep;

/** The analyses of the steps of one run, in the path's order. */
export function stepAnalyser(spec: Spec, net: NetworkProblem): StepAnalyser {
  const L = net.layout;
  const { H, d, wAt } = L;
  const P = spec.samples;
  const out = L.biasTrained ? H + 1 : H;
  const [vi, vj] = spec.view;
  const scratch = new NetworkScratch();
  /** hₖ (P × H) at θ, the full data's statistics with batch norm: a view of the scratch. */
  const hiddenAt = (theta: Float64Array): Float64Array => {
    hiddenOutputs(L, theta, net.x, null, P, scratch);
    return scratch.h.subarray(0, P * H);
  };
  /** The Hessian of the neuron on top over (w, [b]) at the inputs h and θ's output weights. */
  const curvature = (h: Float64Array, theta: Float64Array): StepCurvature => {
    const m =
      spec.loss === 'squared'
        ? gram(h, P, H, L.biasTrained)
        : buildObjective({ P, n: H, raw: h, x: h, y: net.y }, spec.loss, spec.biasTrained, L.fixedBias).hessianAt(theta.subarray(0, out));
    const values = symmetricEigen(m, out).values;
    // Hidden outputs that overflow a product (a run blowing up) have no curvature to report.
    if (!values.every(Number.isFinite) || !m.every(Number.isFinite)) return { eigenvalues: [], conditionNumber: null, plane: null };
    return {
      eigenvalues: Array.from(values),
      conditionNumber: conditionNumber(values),
      plane: [
        [m[vi * out + vi], m[vi * out + vj]],
        [m[vj * out + vi], m[vj * out + vj]],
      ],
    };
  };
  // W and c frozen: h depends on nothing θ holds (θ₀ stands for every θₖ).
  const fixedH = L.trainHidden ? null : hiddenAt(net.theta0).slice();
  return (step, theta, gradients, at) => {
    const h = fixedH ?? hiddenAt(theta);
    const toOptimum: Vec2 | null = net.teacher ? [net.teacher[vi] - theta[vi], vi === vj ? 0 : net.teacher[vj] - theta[vj]] : null;
    const signs = signsOf(h, P * H);
    const rows: RowSigns[] = [];
    if (wAt >= 0) for (let j = 0; j < H; j++) rows.push(rowSigns(gradients, at + wAt + j * d, d));
    return {
      step,
      cone: allowedCone(h, P, H, spec.view, toOptimum),
      allPositive: signs.allPositive,
      allNonNegative: signs.allNonNegative,
      rowSigns: rows,
      curvature: curvature(h, theta),
    };
  };
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
