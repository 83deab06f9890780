/**
 * One plain-language sentence on what a run does and why, built from the analysis' facts:
 * the sign constraint (cone), where the optimum lies, the zig-zag ratio, convergence, and, for a
 * divergent run, the eigen-direction whose amplification factor exceeds 1.
 * Directions are compass names on the viewed plane (east = first axis, north = second axis).
 */
import type { Optimizer } from '../spec/types';
import { compass } from './allowedCone';
import type { AllowedCone, InputStats, LearningRateInfo, RunResult, UnstableDirection } from './types';

/** What the sentence is built from. */
export interface SentenceFacts {
  readonly inputs: InputStats;
  readonly cone: AllowedCone;
  readonly run: RunResult;
  readonly learningRate: LearningRateInfo;
  readonly optimizer: Optimizer;
  /** θ* − θ₀ on the viewed axes, or null without an optimum. */
  readonly toOptimum: readonly [number, number] | null;
  /** Why there is no optimum (when toOptimum is null). */
  readonly noOptimumReason: string | null;
  readonly steps: number;
}

/** Three significant digits, no exponent for ordinary sizes. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}

const opposite = (c: string): string =>
  ({ east: 'west', west: 'east', north: 'south', south: 'north', 'north-east': 'south-west', 'south-west': 'north-east', 'north-west': 'south-east', 'south-east': 'north-west' })[c] ?? c;

/** The sentence for a finite start whose loss is not finite: the start or the inputs, not η. */
function startNotFiniteSentence(f: SentenceFacts): string {
  const w = f.run.path[0]?.w ?? [];
  const wMax = w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const inputsOverflow = !f.inputs.secondMoment.every((row) => row.every((v) => Number.isFinite(v))) || !f.inputs.mean.every((v) => Number.isFinite(v));
  const culprit = inputsOverflow
    ? 'the inputs are too large for double precision (their squares overflow)'
    : `the starting weights (largest |wᵢ| = ${fmt(wMax)}) are too large for double precision with these inputs`;
  return `The loss at the start is not finite: ${culprit}, so no step was taken; scale down the start or the inputs (the learning rate is not the problem).`;
}

function divergenceSentence(f: SentenceFacts): string {
  const run = f.run;
  if (run.divergedAt === 0 && run.divergence?.reason === 'non-finite' && run.path.length > 0 && run.path[0].loss === null) return startNotFiniteSentence(f);
  const at = run.divergedAt ?? run.stepsRun;
  const dirs = run.divergence?.directions ?? [];
  if (dirs.length === 0) {
    const why = f.optimizer.kind === 'adam' || f.optimizer.kind === 'rmsprop' ? 'the adaptive steps overshoot (no linear step-size bound applies to this optimizer)' : 'the steps overshoot';
    return `The parameters run away at step ${at}: ${why}; try a smaller learning rate than η = ${fmt(f.learningRate.value)}.`;
  }
  const worst = dirs.reduce((a: UnstableDirection, b: UnstableDirection) => (b.factor > a.factor ? b : a));
  const [i, j] = f.cone.axes;
  const vx = worst.vector[i] ?? 0;
  const vy = i === j ? 0 : (worst.vector[j] ?? 0);
  const c = compass(vx, vy);
  const where = Math.hypot(vx, vy) > 0.1 ? ` (${c}–${opposite(c)} in the view)` : '';
  const lam = fmt(worst.eigenvalue);
  const eta = fmt(f.learningRate.value);
  let rule: string;
  switch (f.optimizer.kind) {
    case 'momentum':
      rule = `heavy-ball momentum needs ηλ < 2 + 2β, here ηλ = ${fmt(f.learningRate.value * worst.eigenvalue)}, so it grows by ${fmt(worst.factor)}× per step`;
      break;
    case 'nesterov':
      rule = `Nesterov momentum needs ηλ < (2 + 2β)/(1 + 2β), here ηλ = ${fmt(f.learningRate.value * worst.eigenvalue)}, so it grows by ${fmt(worst.factor)}× per step`;
      break;
    default:
      rule = `|1 − ηλ| = ${fmt(worst.factor)} > 1, so it grows every step`;
  }
  const max = f.learningRate.max !== null ? ` above 2/λmax = ${fmt(f.learningRate.max)}` : '';
  return `With η = ${eta}${max}, the eigen-direction with λ = ${lam}${where} is amplified: ${rule}, and the run diverges at step ${at}.`;
}

function pathClause(run: RunResult, inside: boolean | null): string {
  const r = run.zigzagRatio;
  if (r === null) return 'the path does not move';
  const ratio = `${r.toFixed(1)}× the straight distance`;
  if (inside === true) return r < 1.2 ? `there is no need to zig-zag: the path is nearly straight (${ratio})` : `the path still wanders (${ratio}), from noise rather than the sign constraint`;
  if (inside === false) return r >= 1.2 ? `the path zig-zags (${ratio})` : `yet the path stays nearly straight (${ratio})`;
  return r >= 1.2 ? `the path zig-zags (${ratio})` : `the path is nearly straight (${ratio})`;
}

function convergenceClause(f: SentenceFacts): string {
  if (f.run.converged && f.run.convergedAt !== null) return `converges at step ${f.run.convergedAt}`;
  return `has not converged after ${f.run.stepsRun} steps`;
}

/** The sentence for one analysed run. */
export function describeRun(f: SentenceFacts): string {
  if (f.run.diverged) return divergenceSentence(f);
  const cone = f.cone;
  const mid = cone.edges.length === 2 ? [cone.edges[0][0] + cone.edges[1][0], cone.edges[0][1] + cone.edges[1][1]] : [1, 0];
  const c1 = compass(mid[0], mid[1]);
  const c2 = opposite(c1);
  let constraint: string;
  if (cone.kind === 'sector' || cone.kind === 'line') {
    const lead = f.inputs.allPositive
      ? 'All inputs are positive'
      : f.inputs.allNonNegative
        ? 'All inputs are non-negative'
        : cone.kind === 'line'
          ? 'The viewed inputs all lie on one line'
          : `The viewed inputs span a ${Math.round(cone.openingDegrees)}° cone`;
    constraint = `${lead}, so every per-sample update points ${c1} or ${c2}`;
  } else if (cone.kind === 'plane') {
    constraint = 'The inputs take both signs, so per-sample updates can point in any direction';
  } else {
    constraint = 'The viewed inputs are all zero, so per-sample updates leave these weights alone';
  }
  if (!f.toOptimum) {
    const why = f.noOptimumReason ?? 'there is no finite optimum';
    return `${constraint}; ${why}, so the path has no point to converge to and ${pathClause(f.run, null)}.`;
  }
  const [dx, dy] = f.toOptimum;
  const here = !(Math.hypot(dx, dy) > 0);
  if (here) return `${constraint}; the start is already optimal in the viewed plane, and the run ${convergenceClause(f)}.`;
  const where = compass(dx, dy);
  if (cone.kind === 'sector' || cone.kind === 'line') {
    const inside = cone.optimumInside === true;
    const rel = inside ? 'inside that cone' : 'outside that cone';
    return `${constraint}; the optimum lies to the ${where}, ${rel}, so ${pathClause(f.run, inside)} and ${convergenceClause(f)}.`;
  }
  return `${constraint}; the optimum lies to the ${where}, ${pathClause(f.run, null)} and the run ${convergenceClause(f)}.`;
}
