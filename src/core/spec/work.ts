/**
 * The work an analysis of a spec will take, estimated from its sizes before anything heavy runs,
 * so that no accepted spec can freeze the editor (limits LIMITS.maxMomentWork, maxEigenWork,
 * maxRunWork; diagnostics GG307, GG308, GG309).
 *
 * A "problem" is a data set with its loss: the main spec, plus each compare variant that changes
 * the inputs (activation), the preprocessing or the loss (the others share the main problem's
 * moments, eigen-decomposition and optimum). With q = n + 1 trained parameters (n without a
 * trained bias) and P samples, per problem:
 *
 *   moments  P·q² for the Gram matrix E[x̃x̃ᵀ] (+ 2·P·n² to whiten: covariance and transform);
 *            the logistic loss builds one weighted Gram per Newton iteration, at most
 *            NEWTON_ITERATIONS + 1 of them (separable data uses them all)
 *   eigen    q³ for the Hessian's eigen-decomposition (+ n³ to whiten); the logistic loss adds
 *            NEWTON_ITERATIONS Cholesky factorisations of q³/6 each
 *
 * and per run (the main one and every variant's), with batch B:
 *
 *   run      steps × (2q² + B·(2q + BATCH_SAMPLE_COST) + STEP_COST) for the squared loss (a
 *            mini-batch sample is two passes over its q: its output, then its gradient; the
 *            full-data loss is a quadratic form, taken again in its anchored form near the
 *            optimum; a full batch, B = P, is one too: steps × (3q² + STEP_COST)),
 *            steps × ((P + B)·(q + LOGISTIC_SAMPLE_COST) + B·q + STEP_COST) for the logistic loss
 *            (every step evaluates the full-data loss, one exp and one log per sample; a full batch
 *            takes loss and gradient in one pass, within that price); STEP_COST is the bookkeeping
 *            of a recorded path entry.
 *
 * A network spec (spec/network.ts: H hidden units on d inputs) has no quadratic form: every step
 * runs the network forward over the batch and back (B·H·(3d + NETWORK_UNIT_COST)), takes the
 * full-data loss of its entry (P·H·(d + NETWORK_UNIT_COST)), and the analysis of the step (the
 * current hidden outputs, their cone and the output layer's curvature at that step) costs another
 * P·(H·(d + NETWORK_UNIT_COST) + (H + 1)² + 8): `networkWork`, with each of the d input
 * multiply-adds counted NETWORK_INPUT_COST times. Batch norm on mini-batches (its
 * own statistics every step, and the rows the batches see for the cone) adds
 * steps × BATCHNORM_PASSES × B × n: `batchNormWork`. Each network analysis (the main one and
 * every variant's) also draws its P × d inputs and takes their statistics, E[xxᵀ] included: a
 * stats-only problem of q = d in the plan (moments P·d² and data, no eigen-decomposition).
 *
 * A shuffled run (`shuffle = true`, or a `shuffle` variant) draws one random index per sample it
 * uses (a Fisher–Yates permutation of all P samples every epoch: (steps + 1)·B + P draws, each
 * SHUFFLE_INDEX_COST), and once the data outgrow the cache (P·(n + 1) > CACHE_VALUES doubles) every
 * sample's row is a cache miss: SHUFFLE_ROW_COST × (n + SHUFFLE_ROW_LINE), n the row's values (d
 * for a network): `shuffleWork`, its own part.
 *
 * Measured on the project's 2-core machines (node 20): about 0.5 ns per moment unit, 5 ns per
 * eigen unit and 1 ns per run unit, so each limit alone stays below about 0.7 s and the three
 * together near 2 s.
 */
import { DEFAULT_RESOLUTION, GRID_EVALUATIONS } from '../analysis/lossGrid';
import type { Loss, Preprocess, Spec, Variant } from './types';

/** Most Newton iterations (Hessians) of the logistic optimum (analysis/optimum.ts, newtonOptimum). */
export const NEWTON_ITERATIONS = 30;
/** Most passes over the data for its losses and gradients, line searches included. */
export const NEWTON_PASSES = 60;
/** Most halvings of one line search. */
export const LINE_SEARCH = 30;
/** A logistic-loss sample costs about this many multiply-adds on top of its q (exp, log1p). */
export const LOGISTIC_SAMPLE_COST = 24;

/** Bookkeeping of one step (its path entry, statistics and checks), in multiply-adds: about 3 µs. */
export const STEP_COST = 3000;
/**
 * Each sample of a mini-batch costs its 2q multiply-adds (output, then gradient) and about this
 * many more (its index, its label, the loop). The search found n = 2, P = 100,000, batch 16,735,
 * 11,259 steps at 1.2–1.3 s (after engine/objective.ts's kernels stopped being closures; 2.1–5.0 s
 * before) against an estimate of 1.7 s that priced a sample at q alone, and n = 6–30 with batches
 * of 4,558–38,526 at 1.27–1.28× their estimates (2.2–2.6 s): all are refused now.
 */
export const BATCH_SAMPLE_COST = 2;
/** A shuffled sample's index (its share of the epoch's Fisher–Yates draws and of the batch's listing). */
export const SHUFFLE_INDEX_COST = 6;
/**
 * Each value of a shuffled sample's row once the data outgrow the cache, plus SHUFFLE_ROW_LINE
 * more for the row's and the label's cache lines: measured 8–13 ns a value for n = 14–50 and
 * 110–150 ns a sample for n = 4–5 (P = 100,000, load 5–15).
 */
export const SHUFFLE_ROW_COST = 6;
export const SHUFFLE_ROW_LINE = 8;
/** Doubles that stay in a core's cache (1 MB of L2): beyond, rows read in shuffled order miss. */
export const CACHE_VALUES = 131_072;

/** What the estimate needs of one problem. */
export interface ProblemSize {
  readonly n: number;
  readonly q: number;
  readonly P: number;
  readonly loss: Loss;
  readonly preprocess: Preprocess;
  /**
   * Only statistics of these inputs are taken (their moments E[xxᵀ] and the draws: a network's
   * d inputs, for each of its analyses), no eigen-decomposition, optimum or grid.
   */
  readonly statsOnly?: boolean;
}

/** What the estimate needs of one run. */
export interface RunSize {
  readonly q: number;
  readonly P: number;
  readonly batch: number;
  readonly steps: number;
  readonly loss: Loss;
  /** Batch norm with each batch's own statistics: the inputs' (or with a network, h's) dimension; absent otherwise. */
  readonly batchNorm?: number;
  /** A network run: its hidden units and input dimension. */
  readonly network?: { readonly H: number; readonly d: number };
  /** Batches drawn from a per-epoch shuffle (engine/batches.ts). */
  readonly shuffle?: boolean;
  /** Values in one sample's input row (n, or d for a network): what a shuffled read brings in. */
  readonly row?: number;
}

/** A hidden unit's activation and its derivative cost about this many multiply-adds (one exp). */
export const NETWORK_UNIT_COST = 24;
/** Passes over a batch that batch norm adds per step (mean, variance, normalise; again for the cone's rows). */
export const BATCHNORM_PASSES = 6;

/**
 * Fixed costs of a network step besides its passes (a 64-sample network on the project's
 * machines: 3,000 steps take about 0.08 s of CPU warm and 0.85 s in a fresh process, mostly
 * compilation and garbage collection; the prices sit between the two): the step itself, and each
 * analysed step's cone, Hessian and statistics.
 */
export const NETWORK_STEP_COST = 10_000;
export const NETWORK_ANALYSIS_COST = 30_000;
/**
 * Each of a network's input multiply-adds (the loops over x's d components, forward and back) is
 * priced as this many: in the worst-spec search (a long-lived process that has analysed other specs
 * first, as the analysis server does) hidden = 5 on d = 500 inputs took 4.6 s of CPU against an
 * estimate of 2.0 s (1.3–1.5 s in a fresh process). The likely cause, found since for the engine's
 * per-sample loops: code V8 compiled against the first objective's closure turned generic after a
 * second one (engine/objective.ts, linearBatchGradient; network layouts now have one shape). Not re-measured, so the
 * price stays.
 */
export const NETWORK_INPUT_COST = 3;
/** Most path entries a network analysis looks at (network/analysis.ts, NETWORK_ANALYSED_STEPS). */
export const NETWORK_ANALYSED_STEPS = 1000;

/** Work of a network run's steps and their per-step analysis (see the header). */
export function networkWork(r: RunSize): number {
  if (!r.network) return 0;
  const { H } = r.network;
  const d = NETWORK_INPUT_COST * r.network.d;
  const forward = H * (d + NETWORK_UNIT_COST);
  const logistic = r.loss === 'logistic' ? LOGISTIC_SAMPLE_COST : 0;
  const run = r.batch * H * (3 * d + NETWORK_UNIT_COST) + r.P * (forward + logistic) + STEP_COST + NETWORK_STEP_COST;
  const analysed = r.P * (forward + (H + 1) ** 2 + 8 + logistic) + NETWORK_ANALYSIS_COST;
  return (r.steps + 1) * run + Math.min(r.steps + 1, NETWORK_ANALYSED_STEPS + 1) * analysed;
}

/** Batch norm's own work per run: each mini-batch's statistics, every step (none for a full batch). */
export function batchNormWork(r: RunSize): number {
  return r.batchNorm !== undefined && r.batch < r.P ? (r.steps + 1) * BATCHNORM_PASSES * r.batch * r.batchNorm : 0;
}

/** Moment work of one problem (multiply-adds of the Gram matrices). */
export function momentWork(p: ProblemSize): number {
  const grams = p.loss === 'logistic' ? NEWTON_ITERATIONS + 1 : 1;
  return grams * p.P * p.q * p.q + (p.preprocess === 'whiten' ? 2 * p.P * p.n * p.n : 0);
}

/** Eigen work of one problem (q³ units). */
export function eigenWork(p: ProblemSize): number {
  if (p.statsOnly) return 0;
  const cholesky = p.loss === 'logistic' ? (NEWTON_ITERATIONS * p.q ** 3) / 6 : 0;
  return p.q ** 3 + cholesky + (p.preprocess === 'whiten' ? p.n ** 3 : 0);
}

/** Work of one run (multiply-adds of its steps). */
export function runWork(r: RunSize): number {
  if (r.network) return networkWork(r) + batchNormWork(r);
  // A full batch of the squared loss is a quadratic form too (precomputed moments): O(q²), whatever P.
  // Near the optimum every entry's loss is also taken in the anchored form (one more q²).
  const squaredStep = r.batch >= r.P ? 3 * r.q * r.q : 2 * r.q * r.q + r.batch * (2 * r.q + BATCH_SAMPLE_COST);
  const logisticStep = (r.P + r.batch) * (r.q + LOGISTIC_SAMPLE_COST) + (r.batch >= r.P ? 0 : r.batch * r.q);
  const perStep = (r.loss === 'squared' ? squaredStep : logisticStep) + STEP_COST;
  return r.steps * perStep + batchNormWork(r);
}

/**
 * Indices a shuffled run draws: one per sample of each of its steps + 1 batches and a permutation
 * of all P at the first epoch (none for a full batch, which never shuffles: engine/batches.ts).
 */
export function shuffleWork(r: RunSize): number {
  if (!r.shuffle || r.batch >= r.P) return 0;
  const row = r.row ?? r.q;
  const miss = r.P * (row + 1) > CACHE_VALUES ? SHUFFLE_ROW_COST * (row + SHUFFLE_ROW_LINE) : 0;
  return (r.steps + 1) * r.batch * (SHUFFLE_INDEX_COST + miss) + r.P * SHUFFLE_INDEX_COST;
}

/** Work as message text: "987654", "12.3 million", "1,500 million" (3 significant digits, at least whole millions). */
export function formatWork(v: number): string {
  if (v < 1e6) return String(Math.round(v));
  const m = v / 1e6;
  if (m < 100) return `${m.toPrecision(3)} million`;
  return `${String(Math.round(m)).replace(/\B(?=(\d{3})+$)/g, ',')} million`;
}

/** What the work estimate needs of a resolved spec. */
export interface WorkInput {
  readonly n: number;
  readonly P: number;
  readonly biasTrained: boolean;
  /** A trained shift adds n parameters and makes every step cost a pass over the data. */
  readonly shift: boolean;
  readonly loss: Loss;
  readonly batch: number | 'all';
  /** Per-epoch shuffles (absent: false). */
  readonly shuffle?: boolean;
  readonly steps: number;
  readonly preprocess: Preprocess;
  readonly compare: readonly Variant[];
  /** A hidden layer (d inputs; W and c trained or frozen); n is then its number of units H. */
  readonly network?: { readonly d: number; readonly trainAll: boolean; readonly hiddenBias: boolean };
}

/** The data sets and runs an analysis will build: the main ones and every compare variant's. */
export interface WorkPlan {
  readonly q: number;
  readonly problems: readonly ProblemSize[];
  readonly runs: readonly RunSize[];
}

export function planWork(w: WorkInput): WorkPlan {
  const net = w.network;
  const hiddenParameters = net && net.trainAll ? w.n * net.d + (net.hiddenBias ? w.n : 0) : 0;
  const q = (w.biasTrained ? w.n + 1 : w.n) + (w.shift ? w.n : 0) + hiddenParameters;
  const network = net ? { H: w.n, d: net.d } : undefined;
  const batchNorm = (pre: Preprocess): number | undefined => (pre === 'batchnorm' ? w.n : undefined);
  // Not a quadratic form with a shift: a step costs a pass over the data, as for the logistic loss.
  const runLoss = (loss: Loss): Loss => (w.shift ? 'logistic' : loss);
  const batchOf = (b: number | 'all'): number => (b === 'all' ? w.P : Math.max(1, Math.min(w.P, b)));
  // A network's problem is its output layer's (the curvature and grid over w, b at given hidden outputs).
  const main: ProblemSize = { n: w.n, q: net ? (w.biasTrained ? w.n + 1 : w.n) : q, P: w.P, loss: w.loss, preprocess: w.preprocess };
  const problems = [main];
  const runs: RunSize[] = [];
  // With a shift each run is run twice (the second time to measure convergence to the minimiser
  // it approached: analysis/analyze.ts), and each θ* solves the plain linear model (q = n + 1) again.
  const addRun = (r: RunSize, loss: Loss): void => {
    runs.push(r);
    // Each network analysis (the main one and every variant's) draws its d inputs and takes their
    // statistics, E[xxᵀ] included (network/analysis.ts: P·d² multiply-adds, as a Gram).
    if (net) problems.push({ n: net.d, q: net.d, P: w.P, loss: 'squared', preprocess: 'none', statsOnly: true });
    if (!w.shift) return;
    runs.push(r);
    const linear: ProblemSize = { n: w.n, q: w.n + 1, P: w.P, loss, preprocess: 'none' };
    problems.push(linear, linear);
  };
  const shuffle = w.shuffle ?? false;
  const row = net ? net.d : w.n;
  addRun({ q, P: w.P, batch: batchOf(w.batch), steps: w.steps, loss: runLoss(w.loss), batchNorm: batchNorm(w.preprocess), network, shuffle, row }, w.loss);
  for (const v of w.compare) {
    const c = v.changes;
    const loss = c.loss ?? w.loss;
    // Variants that keep the inputs, preprocessing and loss share the main problem (analysis/analyze.ts).
    if (c.activation !== undefined || c.hiddenActivation !== undefined || (c.preprocess !== undefined && c.preprocess !== w.preprocess) || loss !== w.loss) {
      problems.push({ ...main, loss, preprocess: c.preprocess ?? w.preprocess });
    }
    addRun(
      {
        q,
        P: w.P,
        batch: batchOf(c.batch ?? w.batch),
        steps: c.steps ?? w.steps,
        loss: runLoss(loss),
        batchNorm: batchNorm(c.preprocess ?? w.preprocess),
        network,
        shuffle: c.shuffle ?? shuffle,
        row,
      },
      loss,
    );
  }
  return { q, problems, runs };
}

/**
 * Every cost of an analysis beyond the three limited above, so that their sum is the whole:
 *   data     per problem: drawing, activating, preprocessing and summarising the P × n inputs,
 *            the cone (a sort of P angles) and the sample rows kept for the view: P·n
 *   grid     per problem: the loss grid, 48² points, each a pass over the (sampled) logistic data
 *   entries  per run: recording each path entry (θ, gradient, update, a batch of ≤ 64 δₚ), and
 *            the run's own view of the data (every variant's, even one that shares its problem):
 *            the inputs' statistics, the cone's sort of the P samples and the rows kept, P·(n + 8)
 */
export function dataWork(p: ProblemSize): number {
  return p.P * (p.n + 8);
}

/** The logistic optimum's passes over the data (losses and gradients; its Hessians are moments). */
export function newtonWork(p: ProblemSize): number {
  return p.loss === 'logistic' ? NEWTON_PASSES * p.P * (p.q + LOGISTIC_SAMPLE_COST) : 0;
}

export function gridWork(p: ProblemSize): number {
  if (p.statsOnly) return 0;
  const points = DEFAULT_RESOLUTION * DEFAULT_RESOLUTION;
  return p.loss === 'logistic' ? points * Math.min(p.P, Math.floor(GRID_EVALUATIONS / points)) : points;
}

/**
 * Per step, the O(q) work besides the gradient (the optimizer's update, the path entry's copies,
 * the statistics), and once per run its view of the P samples (inputStats, allowedCone,
 * sampleInputRows in analysis/analyze.ts: seed 3 found n = 29, P = 100,000 with four variants
 * sharing one problem at 1.7 s in the search's process and 2.0 s fresh against 2.0 s estimated,
 * a quarter of it in those per-run passes). A network run's view is of its H hidden outputs.
 */
export function entryWork(r: RunSize): number {
  const row = r.network ? r.network.H : (r.row ?? r.q);
  return r.steps * (r.q + Math.min(r.batch, 64)) + r.P * (row + 8);
}

/** Whitening's own work: the covariance and the transform (2·P·n²) and its eigen-decomposition (n³). */
export function whitenWork(p: ProblemSize): number {
  return p.preprocess === 'whiten' ? 2 * p.P * p.n * p.n + p.n ** 3 : 0;
}

/** The work of a plan, part by part (units as in each function above). */
export interface WorkParts {
  readonly moments: number;
  readonly eigen: number;
  /** Runs of the squared loss (a quadratic form per step) … */
  readonly run: number;
  /** … and of the logistic loss or a trained shift (a pass over the data per step), with the logistic optimum's passes … */
  readonly runLogistic: number;
  /** … and of a network (forward and backward passes, and each step's hidden-output analysis). */
  readonly network: number;
  readonly data: number;
  readonly grid: number;
  readonly entries: number;
  readonly whiten: number;
  /** Indices drawn by shuffled runs (shuffleWork). */
  readonly shuffle: number;
}

export function workParts(plan: WorkPlan): WorkParts {
  const sum = <T>(xs: readonly T[], f: (x: T) => number): number => xs.reduce((a, x) => a + f(x), 0);
  return {
    moments: sum(plan.problems, momentWork),
    eigen: sum(plan.problems, eigenWork),
    run: sum(plan.runs, (r) => (r.loss === 'squared' && !r.network ? runWork(r) : 0)),
    runLogistic: sum(plan.runs, (r) => (r.loss === 'squared' || r.network ? 0 : runWork(r))) + sum(plan.problems, newtonWork),
    network: sum(plan.runs, (r) => (r.network ? runWork(r) : 0)),
    data: sum(plan.problems, dataWork),
    grid: sum(plan.problems, gridWork),
    entries: sum(plan.runs, entryWork),
    whiten: sum(plan.problems, whitenWork),
    shuffle: sum(plan.runs, shuffleWork),
  };
}

/**
 * Prices in nanoseconds of CPU time per unit of each part, fitted to the CPU time of about 190
 * specs found by the worst-spec search (bench/worstSpec.ts; `node dist/bench.js --fit` prints the
 * rows) on the project's 2-core machines, under load, then raised by two thirds so that the
 * estimate is an upper one for nine specs in ten, on a machine with another CPU-bound job beside
 * the analysis (the worst measured was 2.5× its estimate, a small spec far from the limit).
 */
export const PRICES_NS: Readonly<Record<keyof WorkParts, number>> = {
  // The Gram kernel measured 0.8 ns a unit at load 2 and about 1 ns at load 8: a quarter on top.
  moments: 1.25,
  // Householder + QL with vectors measured 3.7–4.1 ns a q³ unit at load 2 (q = 419–491, 2026-12-06),
  // raised a quarter like the moments: at 2.5, n = 245 with a shift (1.8–2.1 s) and n = 418
  // whitened (1.5–2.3 s) were accepted at 2.0 s, and at 4, n = 245 on 2,314 samples took 1.9 s in
  // the search's process and 2.5 s fresh at load 8 (estimated 2.0 s).
  eigen: 5,
  run: 2.5,
  runLogistic: 6.5,
  network: 6.5,
  data: 140,
  grid: 120,
  entries: 32,
  // Mostly its n³ eigen-decomposition, priced as the other ones.
  whiten: 5,
  // Units of the run's (SHUFFLE_INDEX_COST: a drawn index measured 9–11 ns under load).
  shuffle: 2.5,
};

/** Fixed cost of any analysis (ms): the start, the sentence, the small arrays. */
export const BASE_MS = 50;

/** The estimated CPU time of an analysis in milliseconds (LIMITS.maxAnalysisMs bounds it). */
export function estimatedMs(parts: WorkParts): number {
  let ns = 0;
  for (const k of Object.keys(PRICES_NS) as (keyof WorkParts)[]) ns += PRICES_NS[k] * parts[k];
  return BASE_MS + ns / 1e6;
}

/** The work estimate's parts for a resolved spec, every variant included. */
export function specWorkParts(spec: Spec): WorkParts {
  const net = spec.network;
  const network = net ? { d: net.inputDimension, trainAll: net.train === 'all', hiddenBias: net.hiddenBias } : undefined;
  return workParts(
    planWork({
      n: spec.w.length,
      P: spec.samples,
      biasTrained: spec.biasTrained,
      shift: spec.shift,
      loss: spec.loss,
      batch: spec.batch,
      shuffle: spec.shuffle,
      steps: spec.steps,
      preprocess: spec.preprocess,
      compare: spec.compare,
      network,
    }),
  );
}

/** The estimated CPU time (ms) of analysing a resolved spec, every variant included. */
export function estimatedSpecMs(spec: Spec): number {
  return estimatedMs(specWorkParts(spec));
}

/**
 * What a document may spend on analysing its embedded specs (annotations, fences), in document
 * order: a spec is analysed only while the running total of estimates stays within the budget
 * (LIMITS.maxAnalysisMs for the whole document, like one spec), so that 2,000 annotations, or a
 * preview with many fences, cost what one spec may.
 */
export class AnalysisBudget {
  private spent = 0;
  constructor(readonly limitMs: number) {}

  /** Charges a spec's estimate; false (and nothing charged) when it does not fit. */
  charge(ms: number): boolean {
    if (this.spent + ms > this.limitMs) return false;
    this.spent += ms;
    return true;
  }

  get spentMs(): number {
    return this.spent;
  }
}
