/**
 * The analysis of a network spec (objective.ts): the run trains (w, b) and, with train = all,
 * (W, c) by backpropagation with the spec's optimizer and batches (the engine's runDescent, the
 * neuron on top first in θ, so the path, its zig-zag ratio and sign coherence are the neuron's).
 *
 * The neuron on top is a single neuron whose inputs are the CURRENT hidden outputs hₖ = act(Wₖx + cₖ):
 * at every analysed step k (stepAnalysis.ts) the analysis reports
 *   - the cone of hₖ (the directions its per-sample steps δₚhₚ can take),
 *   - the Hessian of the loss over (w, [b]) at hₖ and θₖ, labelled "at step k" (the curvature
 *     at that step, not a bound that holds along the run),
 *   - per hidden unit j the signs of the row ∂L/∂Wⱼ of the step's batch gradient (one sign per
 *     row for one positive sample: ∂L/∂Wⱼ = δⱼx).
 * With train = output (and no batch norm over mini-batches) hₖ = h₀ for every k: the neuron on top
 * is exactly the single-neuron lesson on the inputs h, and its full-batch bounds hold as for one
 * neuron. With train = all no constant Hessian governs the run: no bound is reported
 * (max and stable null, with the reason).
 */
import { allowedCone } from '../analysis/allowedCone';
import { analyseHessian } from '../analysis/hessian';
import { boundsAround, DEFAULT_RESOLUTION, lossGrid } from '../analysis/lossGrid';
import { BATCHNORM_CONVENTION } from '../analysis/normalization';
import { describeRun } from '../analysis/sentence';
import { learningRateInfo } from '../analysis/stability';
import { applyVariant } from '../analysis/variants';
import type { Analysis, LearningRateInfo, Optimum, RunResult, Vec2 } from '../analysis/types';
import { BatchSchedule } from '../engine/batches';
import type { Dataset } from '../engine/dataset';
import { runDescent } from '../engine/descentPath';
import { NORM_EPSILON } from '../engine/normalize';
import { buildObjective, type Objective } from '../engine/objective';
import { batchSize, createStepper } from '../engine/optimizers';
import { inputStats } from '../engine/preprocess';
import type { Spec } from '../spec/types';
import { NETWORK_ANALYSED_STEPS as NETWORK_ANALYSED_STEPS_LIMIT } from '../spec/work';
import { buildNetworkProblem, hiddenParameters, type NetworkProblem } from './objective';
import { networkSentence } from './sentence';
import { rowSigns, stepAnalyser } from './stepAnalysis';
import type { NetworkInfo, NetworkStep } from './types';
import { NETWORK_NO_BOUND } from './wording';

/** Options the network analysis honours (a subset of AnalyzeOptions). */
export interface NetworkAnalyzeOptions {
  readonly recordCap?: number;
  readonly pathEvery?: number;
  readonly tolerance?: number;
  readonly gridResolution?: number;
}

export { NETWORK_NO_BOUND } from './wording';
export { rowSigns } from './stepAnalysis';

/** What the curvature at a step is. */
export const CURVATURE_NOTE =
  "It is the Hessian of the loss over the output weights (w, b) at that step's hidden outputs: the valley the neuron on top sees then, not a bound that holds along the run.";

/**
 * At most this many path entries are analysed (cone, curvature, rows): evenly spaced, the first
 * and the last always; the panel shows the latest analysed step at or before the current one,
 * labelled with its own step number.
 */
export { NETWORK_ANALYSED_STEPS } from '../spec/work';

/** The path entries to analyse: all, or every ⌈length/limit⌉-th plus the last. */
export function analysedEntries(length: number, limit = NETWORK_ANALYSED_STEPS_LIMIT): number[] {
  const stride = Math.max(1, Math.ceil(length / limit));
  const out: number[] = [];
  for (let k = 0; k < length; k += stride) out.push(k);
  if (length > 0 && out[out.length - 1] !== length - 1) out.push(length - 1);
  return out;
}

/** The first `rows` hidden outputs (P × H) as plain rows, for the panel's per-sample arrows. */
function rows(h: Float64Array, P: number, H: number, cap = 2048): number[][] {
  const out: number[][] = [];
  for (let p = 0; p < Math.min(P, cap); p++) out.push(Array.from(h.subarray(p * H, p * H + H)));
  return out;
}

/** The neuron on top as a single-neuron objective on given hidden outputs h (P × H). */
function outputObjective(spec: Spec, net: NetworkProblem, h: Float64Array): Objective {
  const data: Dataset = { P: spec.samples, n: net.layout.H, raw: h, x: h, y: net.y };
  return buildObjective(data, spec.loss, spec.biasTrained, net.layout.fixedBias);
}

/** The neuron's parameters (w, [b]) of θ. */
const outputPart = (net: NetworkProblem, theta: ArrayLike<number>): Float64Array =>
  Float64Array.from(Array.prototype.slice.call(theta, 0, net.layout.biasTrained ? net.layout.H + 1 : net.layout.H) as number[]);

/** Analyse a network spec (no variants: analysis/analyze.ts runs those). Pure and deterministic. */
export function analyseNetwork(spec: Spec, name: string, options: NetworkAnalyzeOptions = {}): Analysis {
  const net = buildNetworkProblem(spec);
  const L = net.layout;
  const { H, d } = L;
  const P = spec.samples;
  const obj = net.objective;
  const B = batchSize(spec.batch, P);
  const view = spec.view;
  const outputOnly = !L.trainHidden;
  // With train = all the hidden outputs change at every step, and a batch-norm mini-batch trains on
  // its own statistics: the neuron's δₚ are then not recorded, so no view draws δₚ·hₚ with the
  // start's h (Analysis.sampleInputs) for a step that saw other inputs.
  const fixedInputs = outputOnly && !(L.batchNorm && B < P);
  const start = outputObjective(spec, net, obj.data.x);
  const start0 = outputPart(net, net.theta0);
  const hessian0 = analyseHessian(start, start0);
  const rate = learningRateInfo(hessian0.eig, spec.optimizer, spec.lr, spec.loss);
  const learningRate: LearningRateInfo = outputOnly
    ? L.batchNorm
      ? { ...rate, convention: `${BATCHNORM_CONVENTION} ${rate.convention}` }
      : rate
    : {
        ...rate,
        max: null,
        maxFormula: null,
        maxReason: rate.stable === null && rate.maxReason ? `${rate.maxReason}; besides, ${NETWORK_NO_BOUND}` : NETWORK_NO_BOUND,
        gradientDescentMax: null,
        optimal: null,
        lecunOptimal: null,
        stable: null,
        unstableDirections: [],
        convention: `Network trained end to end: ${NETWORK_NO_BOUND}. ${rate.convention}`,
      };

  const schedule = new BatchSchedule(P, B, spec.shuffle, spec.seed);
  const stepper = createStepper(spec.optimizer, spec.lr, L.q);
  const raw = runDescent(obj, stepper, schedule, net.theta0, net.teacher, {
    steps: spec.steps,
    recordCap: fixedInputs ? options.recordCap : 0,
    pathEvery: options.pathEvery,
    tolerance: options.tolerance,
    unstable: outputOnly ? learningRate.unstableDirections : undefined,
  });
  const run: RunResult =
    raw.divergence && !outputOnly
      ? {
          ...raw,
          divergence: {
            ...raw.divergence,
            cause: 'nonlinear',
            message: `${raw.divergence.message.split('; ')[0]}; a network trained end to end has no fixed step-size bound to blame: its curvature changed along the run`,
          },
        }
      : raw;

  // Every analysed step: the current hidden outputs, their cone, the rows' signs, the curvature.
  const path = run.path;
  const analyse = stepAnalyser(spec, net);
  const steps: NetworkStep[] = [];
  let rowsCounted = 0;
  let rowsCoherent = 0;
  let positiveSteps = 0;
  for (const k of analysedEntries(path.length)) {
    const step = analyse(path.step[k], path.theta.subarray(k * L.q, (k + 1) * L.q), path.gradient, k * L.q);
    if (step.allPositive) positiveSteps++;
    steps.push(step);
  }

  // The rows' sign share over every step taken (the last entry's gradient is the next batch's, never applied).
  if (L.wAt >= 0) {
    for (let k = 0; k < path.length - 1; k++) {
      for (let j = 0; j < H; j++) {
        const s = rowSigns(path.gradient, k * L.q + L.wAt + j * d, d);
        if (s === 'zero') continue;
        rowsCounted++;
        if (s !== 'mixed') rowsCoherent++;
      }
    }
  }
  const optimum: Optimum | null = net.teacher
    ? {
        w: Array.from(net.teacher.subarray(0, H)),
        b: L.biasTrained ? net.teacher[H] : L.fixedBias,
        loss: obj.lossAt(net.teacher),
        method: 'teacher',
        note: outputOnly
          ? "The teacher network shares the start's hidden layer (W, c frozen): its output weights (w*, b*) are the minimiser of the neuron on top."
          : "The teacher network (w*, b*) on the start's hidden layer reaches zero loss: one minimiser among many, since W and c train too (the run may reach another).",
      }
    : null;
  const [i, j] = view;
  const toOptimum0: Vec2 | null = optimum ? [optimum.w[i] - spec.w[i], i === j ? 0 : optimum.w[j] - spec.w[j]] : null;
  const cone0 = steps[0]?.cone ?? allowedCone(obj.data.x, P, H, view, toOptimum0);
  // The loss over the neuron's plane with the hidden layer at the start (exact for train = output).
  const pts: [number, number][] = [[spec.w[i], spec.w[j]]];
  if (optimum) pts.push([optimum.w[i], optimum.w[j]]);
  for (let k = 0; k < path.length; k++) pts.push([path.theta[k * L.q + i], path.theta[k * L.q + j]]);
  const held = optimum ? Float64Array.from([...optimum.w, ...(L.biasTrained ? [optimum.b] : [])]) : start0;
  const res = options.gridResolution ?? DEFAULT_RESOLUTION;
  const contours = lossGrid(start, { axes: view, held, heldAt: optimum ? 'optimum' : 'start', bounds: boundsAround(pts), nx: res, ny: res });

  const inputs = inputStats(obj.data.x, P, H);
  const tol = run.tolerance;
  let lossConvergedAt: number | null = null;
  const L0 = path.length > 0 ? path.loss[0] : NaN;
  for (let k = path.length - 1; k >= 0; k--) {
    if (path.loss[k] <= tol * tol * L0) lossConvergedAt = path.step[k];
    else break;
  }
  const finalTheta = path.length > 0 ? path.theta.subarray((path.length - 1) * L.q, path.length * L.q) : net.theta0;
  const final = hiddenParameters(L, finalTheta);
  const xStats = inputStats(net.x, P, d);
  const network: NetworkInfo = {
    hidden: H,
    inputDimension: d,
    activation: L.activation,
    train: outputOnly ? 'output' : 'all',
    hiddenBias: L.hiddenBias,
    batchNorm: L.batchNorm,
    initialiser: spec.network!.drawnW ? 'LeCun normal: Wⱼₖ ~ N(0, 1/d), seeded' : 'written',
    inputMean: xStats.mean,
    inputsAllPositive: xStats.allPositive,
    finalW: Array.from({ length: H }, (_, r) => Array.from(final.W.subarray(r * d, r * d + d))),
    finalC: Array.from(final.c),
    steps,
    rowSignCoherentShare: outputOnly ? null : rowsCounted === 0 ? 0 : rowsCoherent / rowsCounted,
    // Over the analysed steps (every step up to NETWORK_ANALYSED_STEPS entries).
    allPositiveShare: steps.length === 0 ? 0 : positiveSteps / steps.length,
    lossConvergedAt,
    curvatureNote: CURVATURE_NOTE,
  };
  const described = describeRun({
    inputs,
    cone: cone0,
    run,
    learningRate,
    optimizer: spec.optimizer,
    toOptimum: toOptimum0,
    noOptimumReason: optimum ? null : 'explicit labels: no known minimiser',
    steps: spec.steps,
    batch: B,
    samples: P,
    hessian: hessian0.info,
  });
  return {
    name,
    dimension: H,
    samples: P,
    loss: spec.loss,
    biasTrained: spec.biasTrained,
    ...(L.batchNorm
      ? {
          normalization: {
            kind: 'batchnorm' as const,
            epsilon: NORM_EPSILON,
            statistics: 'full-data' as const,
            note: "Batch norm between the layers: each step normalises the hidden outputs h with its batch's own mean and variance (and backpropagates through them); the loss on the path, the curvature and the cone use the full data's statistics (exact for batch = all).",
          },
        }
      : {}),
    inputs,
    hessian: hessian0.info,
    learningRate,
    optimum,
    run,
    cone: cone0,
    contours,
    sentence: `${networkSentence(network, run)} ${described}`,
    variants: [],
    ...(fixedInputs ? { sampleInputs: rows(obj.data.x, P, H, Math.min(2048, Math.floor(65_536 / Math.max(1, H)))) } : {}),
    network,
  };
}

/** A network spec and its `compare` variants (each a network too: `hidden tanh` swaps the hidden activation). */
export function analyseNetworkSpec(spec: Spec, options: NetworkAnalyzeOptions & { readonly variants?: boolean } = {}): Analysis {
  const main = analyseNetwork(spec, 'main', options);
  if (options.variants === false || spec.compare.length === 0) return main;
  return { ...main, variants: spec.compare.map((v) => analyseNetwork(applyVariant(spec, v), v.name, options)) };
}
