/**
 * The work limits' diagnostics (GG307–GG310): the estimate of spec/work.ts checked against
 * LIMITS before anything runs, each error on the statement that drives the cost.
 */
import type { SourceRange } from '../diagnostics';
import { CODES } from './codes';
import type { State } from './statement';
import { plural } from './suggest';
import { LIMITS, type StatementKey } from './types';
import {
  eigenWork,
  estimatedMs,
  formatWork,
  BATCH_SAMPLE_COST,
  LOGISTIC_SAMPLE_COST,
  momentWork,
  NETWORK_ANALYSED_STEPS,
  NETWORK_STEP_COST,
  NETWORK_UNIT_COST,
  NEWTON_ITERATIONS,
  planWork,
  STEP_COST,
  runWork,
  workParts,
  type WorkInput,
} from './work';

/** What `checkWork` needs of the resolved settings. */
export interface CheckedWork extends WorkInput {
  /** The statement that set the dimension (w, w* or x), if any. */
  readonly dimensionKey: StatementKey | undefined;
  readonly explicit: boolean;
}

/**
 * The work limits (GG307–GG309, spec/work.ts): estimated from the sizes before anything runs.
 * Each error names the total, the limit, and sits on the statement that drives it (or on
 * `compare` when the main spec alone is within the limit).
 */
export function checkWork(state: State, w: CheckedWork): void {
  const { ranges, problems } = state;
  const plan = planWork(w);
  const { q } = plan;
  const [mainProblem] = plan.problems;
  const [mainRun] = plan.runs;
  const problemsToAnalyse = plan.problems;
  const runs = plan.runs;
  const at = (...keys: (StatementKey | undefined)[]): SourceRange => {
    for (const k of keys) {
      const r = k ? ranges[k] : undefined;
      if (r) return r.value;
    }
    return { start: 0, end: 0 };
  };
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const variantsText = (count: number): string =>
    count > 1
      ? ` summed over ${count} data sets (the main spec's${w.compare.length > 0 ? ', the compare variants with their own data' : ''}${w.shift ? ', the linear model the shift solves for its optimum' : ''})`
      : '';
  const outputQ = w.biasTrained ? w.n + 1 : w.n;
  // A network's q counts its hidden layer too when W trains: name both parts (n is then H).
  const qText = w.network
    ? `q = ${q} trained parameters (w${w.biasTrained ? ', b' : ''}: ${outputQ}${w.network.trainAll ? `; W${w.network.hiddenBias ? ', c' : ''}: ${q - outputQ}` : ''})`
    : `q = ${q} (n = ${w.n}${w.biasTrained ? ' plus the bias' : ''}${w.shift ? ' plus the shift' : ''})`;

  const moments = sum(problemsToAnalyse.map(momentWork));
  if (moments > LIMITS.maxMomentWork) {
    const alone = momentWork(mainProblem) > LIMITS.maxMomentWork;
    const logistic = w.loss === 'logistic' ? ` (the logistic loss builds them for up to ${NEWTON_ITERATIONS + 1} Newton steps)` : '';
    problems.error(
      CODES.momentWorkLimit,
      alone ? at(w.explicit ? 'x' : 'samples', w.dimensionKey, 'x') : at('compare'),
      `The moments need about ${formatWork(moments)} multiply-adds: samples × q² with ${w.P} samples and ${qText}${logistic}${variantsText(problemsToAnalyse.length)}; this exceeds the work limit of ${formatWork(LIMITS.maxMomentWork)}: expected fewer samples or a smaller dimension.`,
    );
  }
  const eigen = sum(problemsToAnalyse.map(eigenWork));
  if (eigen > LIMITS.maxEigenWork) {
    const alone = eigenWork(mainProblem) > LIMITS.maxEigenWork;
    problems.error(
      CODES.eigenWorkLimit,
      alone ? at(w.dimensionKey, 'x') : at('compare'),
      `The eigen-decompositions need about ${formatWork(eigen)} operations: q³ with ${qText}${variantsText(problemsToAnalyse.length)}; this exceeds the work limit of ${formatWork(LIMITS.maxEigenWork)}: expected a smaller dimension (q ≤ ${Math.floor(Math.cbrt(LIMITS.maxEigenWork))} for one squared-loss data set).`,
    );
  }
  const run = sum(runs.map(runWork));
  if (run > LIMITS.maxRunWork) {
    const alone = runWork(mainRun) > LIMITS.maxRunWork;
    const perStep = w.network
      ? `batch × H × (3d + ${NETWORK_UNIT_COST}) + samples × H × (d + ${NETWORK_UNIT_COST}) + ${STEP_COST + NETWORK_STEP_COST}, plus the analysis of up to ${NETWORK_ANALYSED_STEPS} steps, H = ${w.n} hidden units, d = ${w.network.d} inputs`
      : `${w.loss === 'squared' && !w.shift ? `2q² + batch × (2q + ${BATCH_SAMPLE_COST})` : `(samples + batch) × (q + ${LOGISTIC_SAMPLE_COST}) + batch × q`} + ${STEP_COST}`;
    problems.error(
      CODES.runWorkLimit,
      alone ? at('steps', 'batch', w.dimensionKey, 'x') : at('compare'),
      `The runs need about ${formatWork(run)} operations: steps × (${perStep}) with ${w.steps} steps and ${qText}${runs.length > 1 ? `, summed over ${runs.length} runs (the main run${w.compare.length > 0 ? ` and ${plural(w.compare.length, 'compare variant')}` : ''}${w.shift ? ', each run twice with a shift' : ''})` : ''}; this exceeds the work limit of ${formatWork(LIMITS.maxRunWork)}: expected fewer steps, a smaller dimension or fewer samples.`,
    );
  }
  if (problems.hasErrors) return;
  // Every part together (data, grids, whitening, path entries, the shift's extra solves), priced in CPU time.
  const total = estimatedMs(workParts(plan));
  if (total > LIMITS.maxAnalysisMs) {
    const alone = estimatedMs(workParts(planWork({ ...w, compare: [] }))) > LIMITS.maxAnalysisMs;
    const seconds = (total / 1000).toFixed(total < 10_000 ? 1 : 0);
    problems.error(
      CODES.analysisWorkLimit,
      alone ? at('steps', 'samples', w.dimensionKey, 'x') : at('compare'),
      `The whole analysis would take about ${seconds} s of computation (${w.P} samples, ${qText}, ${plural(w.steps, 'step')}${w.compare.length > 0 ? `, ${plural(w.compare.length, 'compare variant')}` : ''}${w.shift ? ', the shift run twice' : ''}); the limit is ${LIMITS.maxAnalysisMs / 1000} s so that the editor never freezes: expected fewer steps, fewer samples, a smaller dimension or fewer variants.`,
    );
  }
}
