/**
 * The CLI's short human-readable report of an analysis. Step-size bounds are printed as what they
 * are, full-batch statements of the run's optimizer (learningRate.max with its formula; plain
 * gradient descent's 2/λmax beside it; "no fixed bound" for adaptive optimizers), and the run is
 * judged by what it did (run.diverged), so "stable" never stands beside a blow-up unexplained.
 */
import type { Analysis, LearningRateInfo, RunResult } from '../core/analysis/types';
import { NETWORK_NO_BOUND } from '../core/network/analysis';
import { networkLines } from './networkReport';

/** Fixed-width number for reports: 4 significant digits, "—" for null. */
export function num(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value !== 0 && (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3)) return value.toExponential(digits - 1);
  return String(Number(value.toPrecision(digits)));
}

/** A vector for the report: its first few entries, then how many more. */
function list(values: readonly number[], shown = 8): string {
  const head = values.slice(0, shown).map((v) => num(v));
  return `[${head.join(', ')}${values.length > shown ? `, … (${values.length - shown} more)` : ''}]`;
}

function runLine(run: RunResult): string {
  const outcome = run.diverged
    ? `diverged at step ${run.divergedAt ?? run.stepsRun}${run.divergence ? `: ${oneLine(run.divergence.message)}` : ''}`
    : run.converged
      ? `converged at step ${run.convergedAt}`
      : `not converged after ${run.stepsRun} steps`;
  return `${outcome}; zig-zag ratio ${num(run.zigzagRatio)}; sign-coherent gradients ${num(run.gradientSignCoherentFraction * 100, 3)} %; sign-coherent updates ${num(run.signCoherentFraction * 100, 3)} %; reversals ${list(run.reversals)}; final loss ${num(run.finalLoss)}`;
}

/** A message on one line (reports are line-oriented). */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * The optimizer's own full-batch bound with its formula and verdict, or why there is none. An
 * adaptive optimizer (Adam, RMSProp, AdaGrad) has max = null and stable = null.
 */
export function boundText(lr: LearningRateInfo, run: RunResult): string {
  if (lr.max === null) {
    // A network trained end to end has no bound either, for another reason than adaptivity.
    const adaptive = lr.stable === null && lr.maxReason !== NETWORK_NO_BOUND;
    const reason = lr.maxReason ? `: ${oneLine(lr.maxReason)}` : '';
    return adaptive ? `no fixed bound (adaptive)${reason}` : lr.stable === null ? `no fixed bound${reason}` : `no full-batch bound${reason}`;
  }
  const verdict =
    lr.stable === null
      ? ''
      : lr.stable
        ? run.diverged
          ? '; η inside it, yet this run diverged (see run)'
          : '; stable on the full batch'
        : '; UNSTABLE on the full batch';
  return `full-batch bound η < ${lr.maxFormula ?? 'max'} = ${num(lr.max)}${verdict}`;
}

export function formatReport(file: string, a: Analysis): string {
  const lr = a.learningRate;
  const gd = lr.max !== null && lr.max === lr.gradientDescentMax ? '' : `; gradient descent 2/λmax = ${num(lr.gradientDescentMax)}`;
  const lines = [
    `${file}: n = ${a.dimension}, ${a.samples} samples, ${a.loss} loss${a.biasTrained ? ', bias trained' : ''}`,
    ...networkLines(a),
    `${a.network ? 'hidden outputs at step 0' : 'inputs'}: ${a.inputs.allPositive ? 'all positive' : a.inputs.allNonNegative ? 'all non-negative' : 'mixed signs'}; mean ${list(a.inputs.mean)}`,
    `Hessian${a.network ? ' of the output weights at step 0:' : ''} eigenvalues ${list(a.hessian.eigenvalues)}; condition number κ = ${num(a.hessian.conditionNumber)}`,
    `learning rate η = ${num(lr.value)}; ${boundText(lr, a.run)}${gd}`,
    `  gradient descent's optimal steps: 2/(λmin+λmax) = ${num(lr.optimal)} (Goh); 1/λmax = ${num(lr.lecunOptimal)} (LeCun)`,
    `  (${lr.convention})`,
    `optimum: ${a.optimum ? `w = ${list(a.optimum.w)}${a.biasTrained ? `, b = ${num(a.optimum.b)}` : ''}${a.optimum.s ? `, s = [${a.optimum.s.map((v) => num(v)).join(', ')}]` : ''}, loss ${num(a.optimum.loss)}` : 'none'}`,
    `allowed cone (w${a.cone.axes[0] + 1}, w${a.cone.axes[1] + 1}): ${a.cone.kind}, opening ${num(a.cone.openingDegrees, 3)}°${a.cone.optimumInside === null ? '' : `; optimum ${a.cone.optimumInside ? 'inside' : 'outside'} the cone`}`,
    `run: ${runLine(a.run)}`,
    a.sentence,
  ];
  for (const v of a.variants) lines.push(`variant ${v.name}: κ = ${num(v.hessian.conditionNumber)}; ${boundText(v.learningRate, v.run)}; ${runLine(v.run)}`);
  return lines.join('\n');
}
