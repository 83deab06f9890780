/**
 * The hover on `lr`: η against the stability bound and the optimal step (GEOMETRY.md §3).
 *
 *   gradient descent on a quadratic with Hessian H converges iff 0 < η < 2/λmax;
 *   Goh's optimal step η* = 2/(λmin + λmax) shrinks the error by (κ − 1)/(κ + 1) per step;
 *   LeCun's "optimal" 1/λmax is the other meaning of the word, so each label names its source;
 *   heavy-ball momentum is stable for 0 < ηλ < 2 + 2β.
 * The bounds assume the ½ in the squared loss; without it every bound halves.
 */
import type { Analysis } from '../../analysis/types';
import type { Optimizer } from '../../spec/types';
import { fixed, num } from '../text/format';
import { escapeMarkdown } from '../text/markdown';
import { extremes, type HoverContext, noNumbersLine, paragraphs, quoted } from './context';

/** β of heavy-ball or Nesterov momentum, else undefined. */
export function momentumBeta(opt: Optimizer): number | undefined {
  return opt.kind === 'momentum' || opt.kind === 'nesterov' ? opt.beta : undefined;
}

function boundsLines(analysis: Analysis, optimizer: Optimizer): string[] {
  const lr = analysis.learningRate;
  const ext = extremes(analysis);
  const lines: string[] = [];
  if (lr.max !== null && ext) {
    const verdict = lr.value >= lr.max
      ? `η is **at or above** it: full-batch gradient descent does not converge (|1 − ηλmax| = ${num(Math.abs(1 - lr.value * ext.max))} ≥ 1).`
      : `η is below it (ηλmax = ${num(lr.value * ext.max)} < 2).`;
    lines.push(`**Stability bound** 2/λmax = 2/${num(ext.max)} = ${num(lr.max)}: ${verdict}`);
  }
  if (lr.optimal !== null && ext) {
    const kappa = analysis.hessian.conditionNumber;
    const rate = kappa !== null ? ` It shrinks the error by (κ − 1)/(κ + 1) = ${num((kappa - 1) / (kappa + 1))} per step (κ = ${fixed(kappa)}).` : '';
    lines.push(`**Optimal step (Goh, "Why Momentum Really Works")** 2/(λmin + λmax) = 2/(${num(ext.min)} + ${num(ext.max)}) = ${num(lr.optimal)}.${rate}`);
  }
  if (lr.lecunOptimal !== null) {
    lines.push(`LeCun's "optimal" step (Efficient BackProp) is 1/λmax = ${num(lr.lecunOptimal)}: the other meaning of the word.`);
  }
  const beta = momentumBeta(optimizer);
  if (beta !== undefined && ext && ext.max > 0) {
    lines.push(`With momentum β = ${num(beta)} the heavy-ball bound is ηλ < 2 + 2β, so η < (2 + 2β)/λmax = ${num((2 + 2 * beta) / ext.max)}.`);
  }
  if (optimizer.kind === 'adam' || optimizer.kind === 'rmsprop') {
    lines.push(`${optimizer.kind === 'adam' ? 'Adam' : 'RMSProp'} rescales each coordinate, so these bounds (for plain gradient descent) only orient: its step is about η per coordinate.`);
  }
  lines.push(lr.stable
    ? 'For this optimizer, η is inside the stability region on this quadratic.'
    : `For this optimizer, η is **outside** the stability region: ${lr.unstableDirections.length} eigen-direction${lr.unstableDirections.length === 1 ? '' : 's'} grow${lr.unstableDirections.length === 1 ? 's' : ''} (factor ${lr.unstableDirections.map((d) => num(d.factor)).join(', ')}).`);
  return lines;
}

/** Hover for `lr`. */
export function learningRateMarkdown(ctx: HoverContext): string {
  const head = '**Learning rate** η: each step moves −η times the batch\'s mean gradient.';
  if (!ctx.spec || !ctx.analysis) return paragraphs(quoted(ctx, 'lr'), head, 'Gradient descent on a quadratic converges iff 0 < η < 2/λmax; Goh\'s optimal step is 2/(λmin + λmax).', noNumbersLine(ctx));
  const analysis = ctx.analysis;
  const logistic = analysis.loss === 'logistic' ? ' For the logistic loss H is taken at the start, so the bounds are local.' : '';
  const batch = ctx.spec.batch !== 'all' && ctx.spec.batch < ctx.spec.samples ? ' The bounds are for full-batch steps; smaller batches add noise around them.' : '';
  return paragraphs(
    quoted(ctx, 'lr'),
    `${head} Here η = ${num(analysis.learningRate.value, 4)}.`,
    boundsLines(analysis, ctx.spec.optimizer).join('  \n'),
    `_Convention: ${analysis.loss === 'squared' ? 'L = (1/|B|) Σ ½ (f − y)², so H = E[x̃ x̃ᵀ]; without the ½ every bound halves.' : escapeMarkdown(analysis.learningRate.convention)}${logistic}${batch}_`,
  );
}
