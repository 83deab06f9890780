/**
 * The analysis of a spec: data set → objective → Hessian at θ₀ → optimum θ* → step-size bounds →
 * the run → cone, loss grid and sentence; then the same for every `compare` variant.
 */
import { BatchSchedule } from '../engine/batches';
import { buildDataset } from '../engine/dataset';
import { runDescent } from '../engine/descentPath';
import { withBatchNorm } from '../engine/batchNormObjective';
import { buildObjective, type Objective } from '../engine/objective';
import { batchSize, createStepper } from '../engine/optimizers';
import { inputStats } from '../engine/preprocess';
import type { Spec } from '../spec/types';
import { allowedCone } from './allowedCone';
import { explainDivergence } from './divergence';
import { analyseHessian } from './hessian';
import { boundsAround, DEFAULT_RESOLUTION, lossGrid } from './lossGrid';
import { BATCHNORM_CONVENTION, normalizationInfo, normalizationSentence, seenInputs } from './normalization';
import { findOptimum } from './optimum';
import { shiftAt, thetaAt, weightAt } from './runPath';
import { shiftOptimum } from './shiftOptimum';
import { describeRun } from './sentence';
import { learningRateInfo } from './stability';
import type { Analysis, RunResult, Vec2 } from './types';
import { applyVariant } from './variants';
import { analyseNetworkSpec } from '../network/analysis';

/** At most this many rows of `Analysis.sampleInputs` … */
export const SAMPLE_INPUT_ROWS = 2048;
/** … and at most this many numbers in all (large n keeps fewer rows). */
export const SAMPLE_INPUT_VALUES = 65_536;

/** The first rows of the P × n inputs x (row-major), capped as `Analysis.sampleInputs` says. */
export function sampleInputRows(x: Float64Array, P: number, n: number): number[][] {
  const k = Math.min(P, SAMPLE_INPUT_ROWS, Math.floor(SAMPLE_INPUT_VALUES / Math.max(1, n)));
  const rows: number[][] = [];
  for (let p = 0; p < k; p++) rows.push(Array.from(x.subarray(p * n, p * n + n)));
  return rows;
}

/** Options of `analyzeSpec`. All optional. */
export interface AnalyzeOptions {
  /** Record a path entry's `batch` and `deltas` only when the batch has at most this many samples (64). */
  readonly recordCap?: number;
  /** Keep every k-th path entry plus the last (1 = all); summaries always use every step. */
  readonly pathEvery?: number;
  /** Relative convergence tolerance on ‖θ − θ*‖ / ‖θ₀ − θ*‖ (1e-3). */
  readonly tolerance?: number;
  /** Loss grid points per axis (48). */
  readonly gridResolution?: number;
  /** Analyse the `compare` variants too (true). */
  readonly variants?: boolean;
}

/** θ₀ = (w, b) when the bias is trained, else w; followed by the shift s with the model w·(x + s). */
export function initialTheta(spec: Spec): Float64Array {
  const theta = spec.biasTrained ? [...spec.w, spec.b] : [...spec.w];
  if (spec.shift) theta.push(...spec.s);
  return Float64Array.from(theta);
}

/**
 * θ of an analysis' optimum in the objective's layout: (w, [b], [s]). `held` for loss grids; the
 * shift, when the model has one, is the optimum's (zeros if it has none).
 */
export function optimumTheta(spec: Spec, optimum: { readonly w: readonly number[]; readonly b: number; readonly s?: readonly number[] }): number[] {
  const theta = spec.biasTrained ? [...optimum.w, optimum.b] : [...optimum.w];
  if (spec.shift) theta.push(...(optimum.s ?? spec.w.map(() => 0)));
  return theta;
}

/** Data set and objective of a spec (for callers that need gradients or grids on demand). */
export function buildProblem(spec: Spec): Objective {
  const obj = buildObjective(buildDataset(spec), spec.loss, spec.biasTrained, spec.b, spec.shift);
  // Batch norm: each step normalises its own batch; the rest is the full-data-statistics objective.
  return spec.preprocess === 'batchnorm' ? withBatchNorm(obj) : obj;
}

/**
 * What depends only on the data set and the loss (not on the optimizer, η, batches or steps):
 * built once per spec and shared by the `compare` variants that keep inputs, preprocessing and
 * loss, so the moments, the Hessian's eigen-decomposition and the optimum are computed once.
 */
interface Problem {
  readonly spec: Spec;
  readonly obj: Objective;
  readonly theta0: Float64Array;
  readonly hessian: ReturnType<typeof analyseHessian>;
  readonly opt: ReturnType<typeof findOptimum>;
}

function buildShared(spec: Spec): Problem {
  const built = buildProblem(spec);
  const theta0 = initialTheta(spec);
  const hessian = analyseHessian(built, theta0);
  // With a shift the minimisers form a set; θ* is chosen per run (shiftOptimum.ts).
  const opt = built.shift ? shiftOptimum(built, theta0) : findOptimum(built, theta0, hessian.eig);
  // The squared loss keeps its digits near the optimum when expanded around it.
  const obj = opt.theta && built.anchoredAt ? built.anchoredAt(opt.theta) : built;
  return { spec, obj, theta0, hessian, opt };
}

/** A built problem `spec` can reuse: same inputs (the same object), preprocessing, loss and start. */
function reusable(p: Problem, spec: Spec): boolean {
  const s = p.spec;
  return (
    s.inputs === spec.inputs &&
    s.labels === spec.labels &&
    s.w === spec.w &&
    s.preprocess === spec.preprocess &&
    s.loss === spec.loss &&
    s.b === spec.b &&
    s.biasTrained === spec.biasTrained &&
    s.samples === spec.samples &&
    s.seed === spec.seed &&
    s.shift === spec.shift &&
    s.s === spec.s
  );
}

/** Analyse one spec without its variants. */
function analyseOne(spec: Spec, name: string, options: AnalyzeOptions, problem: Problem = buildShared(spec)): Analysis {
  const { obj, theta0 } = problem;
  let opt = problem.opt;
  const { n, P } = obj;
  const { info: hessian, eig, matrix } = problem.hessian;
  const normalization = normalizationInfo(spec);
  const rate = learningRateInfo(eig, spec.optimizer, spec.lr, spec.loss, obj.shift);
  const learningRate = obj.batchNormalized ? { ...rate, convention: `${BATCHNORM_CONVENTION} ${rate.convention}` } : rate;
  const B = batchSize(spec.batch, P);
  const schedule = (): BatchSchedule => new BatchSchedule(P, B, spec.shuffle, spec.seed);
  // A batch-norm mini-batch trains on its own normalised rows, not on `sampleInputs`: its δₚ are
  // not recorded, so no view draws δₚ·xₚ with inputs the step never saw.
  const recordCap = obj.batchNormalized && B < P ? 0 : options.recordCap;
  const descend = (optimum: Float64Array | null, pathEvery = options.pathEvery): RunResult => {
    const result = runDescent(obj, createStepper(spec.optimizer, spec.lr, obj.q), schedule(), theta0, optimum, {
      steps: spec.steps,
      recordCap,
      pathEvery,
      tolerance: options.tolerance,
      unstable: learningRate.unstableDirections,
    });
    if (!result.diverged) return result;
    return { ...result, divergence: explainDivergence(result, { obj, schedule: schedule(), optimizer: spec.optimizer, learningRate }) };
  };
  let run = descend(opt.theta);
  if (obj.shift && opt.theta && !run.diverged) {
    // Measure convergence to the minimiser this run approaches: the point of the optimal set
    // nearest to its end (the same deterministic path, run again with that θ*).
    opt = shiftOptimum(obj, Array.from(thetaAt(run.path, run.path.length - 1)));
    run = descend(opt.theta);
  }
  const [i, j] = spec.view;
  const toOptimum: Vec2 | null = opt.theta ? [opt.theta[i] - theta0[i], i === j ? 0 : opt.theta[j] - theta0[j]] : null;
  // The cone of the directions the steps can take: with batch norm, of the rows the batches see.
  const seen = obj.batchNormalized && B < P && !obj.shift ? seenInputs(obj, schedule(), spec.steps) : null;
  const cone = seen
    ? allowedCone(seen.x, seen.rows, n, spec.view, toOptimum)
    : allowedCone(obj.shift ? shiftedInputs(obj.data.x, P, n, spec.s) : obj.data.x, P, n, spec.view, toOptimum);

  // Grid bounds: start, optimum and the path points not far beyond them (a diverging path
  // would otherwise stretch the picture to 1e8).
  const start: [number, number] = [theta0[i], theta0[j]];
  const pts: [number, number][] = [start];
  if (opt.theta) pts.push([opt.theta[i], opt.theta[j]]);
  const reach = 5 * Math.max(toOptimum ? Math.hypot(toOptimum[0], toOptimum[1]) : 0, 1e-9) + (toOptimum ? 0 : 1);
  for (let k = 0; k < run.path.length; k++) {
    const u = weightAt(run.path, k, i);
    const v = weightAt(run.path, k, j);
    if (Math.hypot(u - start[0], v - start[1]) <= reach) pts.push([u, v]);
  }
  const held = opt.theta ?? theta0;
  const res = options.gridResolution ?? DEFAULT_RESOLUTION;
  const contours = lossGrid(obj, { axes: spec.view, held, heldAt: opt.theta ? 'optimum' : 'start', bounds: boundsAround(pts), nx: res, ny: res });

  // For the squared loss E[xxᵀ] is the Hessian's top-left n × n block.
  let moment: Float64Array | undefined;
  if (spec.loss === 'squared' && !obj.shift) {
    const q = obj.q;
    moment = new Float64Array(n * n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) moment[r * n + c] = matrix[r * q + c];
  }
  const inputs = inputStats(obj.data.x, P, n, moment);
  const described = describeRun({
    inputs,
    cone,
    run,
    learningRate,
    optimizer: spec.optimizer,
    toOptimum,
    noOptimumReason: opt.reason,
    steps: spec.steps,
    batch: B,
    samples: P,
    hessian,
  });
  const shifted = obj.shift ? `${described} ${shiftSentence(obj.data.x, P, n, spec.view, shiftAt(run.path, run.path.length - 1) ?? spec.s)}` : described;
  const sentence = normalizationSentence(spec, shifted, run, B, P, n);
  return {
    name,
    dimension: n,
    samples: P,
    loss: spec.loss,
    biasTrained: spec.biasTrained,
    ...(obj.shift ? { shift: true } : {}),
    ...(normalization ? { normalization } : {}),
    inputs,
    hessian,
    learningRate,
    optimum: opt.optimum,
    run,
    cone,
    contours,
    sentence,
    variants: [],
    sampleInputs: sampleInputRows(obj.data.x, P, n),
  };
}

/**
 * Analyse a resolved spec and, unless `options.variants === false`, each of its `compare`
 * variants (named as written; the main analysis is named "main"). Pure and deterministic.
 */
export function analyzeSpec(spec: Spec, options: AnalyzeOptions = {}): Analysis {
  if (spec.network) return analyseNetworkSpec(spec, options);
  const problems = [buildShared(spec)];
  const main = analyseOne(spec, 'main', options, problems[0]);
  if (options.variants === false || spec.compare.length === 0) return main;
  const variants = spec.compare.map((v) => {
    const vs = applyVariant(spec, v);
    let problem = problems.find((p) => reusable(p, vs));
    if (!problem) problems.push((problem = buildShared(vs)));
    return analyseOne(vs, v.name, options, problem);
  });
  return { ...main, variants };
}

/** x + s for every sample (P × n, row-major). */
export function shiftedInputs(x: Float64Array, P: number, n: number, s: readonly number[]): Float64Array {
  const out = new Float64Array(P * n);
  for (let p = 0; p < P; p++) for (let i = 0; i < n; i++) out[p * n + i] = x[p * n + i] + s[i];
  return out;
}

/**
 * The shift model's extra sentence: the per-sample weight steps are along x + s, so the cone the
 * sign rule gives moves as s is learned. Counts the samples whose x + s (on the viewed axes) has
 * components of both signs at the end of the run.
 */
export function shiftSentence(x: Float64Array, P: number, n: number, view: readonly [number, number], s: readonly number[]): string {
  const [i, j] = view;
  let mixed = 0;
  for (let p = 0; p < P; p++) {
    const a = x[p * n + i] + s[i];
    const b = x[p * n + j] + s[j];
    if (a * b < 0) mixed++;
  }
  const sText = s.map((v) => String(Number(v.toPrecision(3)))).join(', ');
  return `The shift is trained too, so each per-sample weight step is along x + s rather than x: at the end s = [${sText}], and x + s has mixed signs in ${mixed} of ${P} samples on the viewed axes.`;
}
