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
 *   run      steps × (q² + B·q + STEP_COST) for the squared loss (the full-data loss is a
 *            quadratic form; a full batch, B = P, is one too: steps × (2q² + STEP_COST)), steps × ((P + B)·(q + LOGISTIC_SAMPLE_COST) + STEP_COST) for the
 *            logistic loss (every step evaluates the full-data loss, one exp and one log per
 *            sample); STEP_COST is the bookkeeping of a recorded path entry.
 *
 * Measured on the project's 2-core machines (node 20): about 0.5 ns per moment unit, 5 ns per
 * eigen unit and 1 ns per run unit, so each limit alone stays below about 0.7 s and the three
 * together near 2 s.
 */
import type { Loss, Preprocess } from './types';

/** Newton iterations of the logistic optimum (analysis/optimum.ts, newtonOptimum's maxIter). */
export const NEWTON_ITERATIONS = 100;
/** A logistic-loss sample costs about this many multiply-adds on top of its q (exp, log1p). */
export const LOGISTIC_SAMPLE_COST = 24;

/** Bookkeeping of one step (its path entry, statistics and checks), in multiply-adds: about 3 µs. */
export const STEP_COST = 3000;

/** What the estimate needs of one problem. */
export interface ProblemSize {
  readonly n: number;
  readonly q: number;
  readonly P: number;
  readonly loss: Loss;
  readonly preprocess: Preprocess;
}

/** What the estimate needs of one run. */
export interface RunSize {
  readonly q: number;
  readonly P: number;
  readonly batch: number;
  readonly steps: number;
  readonly loss: Loss;
}

/** Moment work of one problem (multiply-adds of the Gram matrices). */
export function momentWork(p: ProblemSize): number {
  const grams = p.loss === 'logistic' ? NEWTON_ITERATIONS + 1 : 1;
  return grams * p.P * p.q * p.q + (p.preprocess === 'whiten' ? 2 * p.P * p.n * p.n : 0);
}

/** Eigen work of one problem (q³ units). */
export function eigenWork(p: ProblemSize): number {
  const cholesky = p.loss === 'logistic' ? (NEWTON_ITERATIONS * p.q ** 3) / 6 : 0;
  return p.q ** 3 + cholesky + (p.preprocess === 'whiten' ? p.n ** 3 : 0);
}

/** Work of one run (multiply-adds of its steps). */
export function runWork(r: RunSize): number {
  // A full batch of the squared loss is a quadratic form too (precomputed moments): O(q²), whatever P.
  const squaredStep = r.batch >= r.P ? 2 * r.q * r.q : r.q * r.q + r.batch * r.q;
  const perStep = (r.loss === 'squared' ? squaredStep : (r.P + r.batch) * (r.q + LOGISTIC_SAMPLE_COST)) + STEP_COST;
  return r.steps * perStep;
}

/** Work as message text: "987654", "12.3 million", "1,500 million" (3 significant digits, at least whole millions). */
export function formatWork(v: number): string {
  if (v < 1e6) return String(Math.round(v));
  const m = v / 1e6;
  if (m < 100) return `${m.toPrecision(3)} million`;
  return `${String(Math.round(m)).replace(/\B(?=(\d{3})+$)/g, ',')} million`;
}
