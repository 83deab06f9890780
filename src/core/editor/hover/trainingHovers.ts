/**
 * Hovers on the training settings — `batch`, `optimizer`, `loss`, `preprocess` — each saying what
 * the setting changes in the geometry, with this spec's numbers.
 */
import { isAdaptive, OPTIMIZER_KINDS, optimizerDescriptor, signature } from '../../optimizers/registry';
import { PREPROCESS_LIST } from '../../registry/preprocessings';
import type { Optimizer } from '../../spec/types';
import { inputStats } from '../../engine/preprocess';
import { fixed, num, percent } from '../text/format';
import { escapeMarkdown } from '../text/markdown';
import { conditionAfter } from './conditioning';
import { type HoverContext, noNumbersLine, paragraphs, quoted } from './context';
import { scienceFooter } from '../text/scienceLinks';
import { boundSections, stepSizeBoundLines } from './learningRateHover';
import { runSentence } from './modelHover';
import { entryAt } from '../../analysis/runPath';

/** Hover for `batch`. */
export function batchMarkdown(ctx: HoverContext): string {
  const spec = ctx.spec;
  // In a network the output neuron's inputs are the hidden outputs h: its weights' steps follow h, not x.
  const head = spec?.network
    ? "**Batch size** B: each step uses the mean gradient of B samples, taken in order and wrapping around. For the output neuron f = w·h + b that is (1/B) Σ δₚ hₚ: with B = 1 the step of w lies on the line through one sample's hidden outputs h (inside the cone the h span); a sum over a batch can have mixed signs, but only when the δₚ in it have mixed signs."
    : '**Batch size** B: each step uses the mean gradient (1/B) Σ δₚ xₚ of B samples, taken in order and wrapping around. With B = 1 every step lies on the line through one sample x (inside the allowed cone); a sum over a batch can have mixed signs, but only when the δₚ in it have mixed signs.';
  const analysis = ctx.analysis;
  if (!spec || !analysis) return paragraphs(quoted(ctx, 'batch'), head, noNumbersLine(ctx), scienceFooter('batches', 'fullBatch'));
  const B = spec.batch === 'all' ? spec.samples : spec.batch;
  const lines = [
    `Here B = ${B} of P = ${spec.samples} samples: ${Math.ceil(spec.samples / B)} step${Math.ceil(spec.samples / B) === 1 ? '' : 's'} per pass over the data${spec.shuffle ? ', reshuffled every epoch' : ''}.`,
  ];
  const first = entryAt(analysis.run.path, 0);
  if (first?.deltas && first.deltas.length > 0) {
    const pos = first.deltas.filter((d) => d > 0).length;
    const neg = first.deltas.filter((d) => d < 0).length;
    lines.push(
      `First batch: ${neg} negative and ${pos} positive δₚ; its update is ${first.signCoherent === null ? 'empty' : first.signCoherent ? 'sign-coherent (all weights move together)' : 'of mixed signs'}.`,
    );
  }
  lines.push(
    `Over the run: sign-coherent gradients (the batches' mean gradients) ${percent(analysis.run.gradientSignCoherentFraction)}, sign-coherent updates (the steps applied) ${percent(analysis.run.signCoherentFraction)}.`,
  );
  if (B < spec.samples && !isAdaptive(spec.optimizer)) {
    lines.push(
      'The step-size bounds (see `lr`) are full-batch statements: a batch sees its own curvature H_B, which can exceed H, so a mini-batch run can blow up below them.',
    );
  }
  return paragraphs(quoted(ctx, 'batch'), head, lines.join('  \n'), runSentence(analysis), scienceFooter('batches', 'fullBatch', 'measures'));
}

/** The optimizer's own paragraph (its module's teaching text). */
function optimizerRule(opt: Optimizer): string {
  return optimizerDescriptor(opt).hover(opt);
}

/** Hover for `optimizer`. */
export function optimizerMarkdown(ctx: HoverContext): string {
  if (!ctx.spec || !ctx.analysis)
    return paragraphs(
      quoted(ctx, 'optimizer'),
      `Optimizers: ${OPTIMIZER_KINDS.map((k) => `\`${signature(k)}\``).join(', ')}.`,
      noNumbersLine(ctx),
      scienceFooter('stepSizeBounds', 'fullBatch'),
    );
  const analysis = ctx.analysis;
  const bounds = stepSizeBoundLines(analysis, ctx.spec).join('  \n');
  const variants = analysis.variants.filter((v) => v.name.startsWith('optimizer'));
  const cmp = variants.map(
    (v) =>
      `${escapeMarkdown(v.name)}: zig-zag ${v.run.zigzagRatio === null ? '–' : fixed(v.run.zigzagRatio) + '×'}${v.run.converged && v.run.convergedAt !== null ? `, converges at step ${v.run.convergedAt}` : v.run.diverged ? `, diverges at step ${v.run.divergedAt ?? v.run.stepsRun}` : ', not converged'}`,
  );
  return paragraphs(
    quoted(ctx, 'optimizer'),
    optimizerRule(ctx.spec.optimizer),
    bounds,
    runSentence(analysis),
    cmp.length > 0 ? `Compared: ${cmp.join('; ')}.` : '',
    scienceFooter(...boundSections(analysis)),
  );
}

/** Hover for `loss`. */
export function lossMarkdown(ctx: HoverContext): string {
  const squared =
    '**Squared loss** L = (1/|B|) Σ ½ (f(xₚ) − yₚ)², so δₚ = f(xₚ) − yₚ and the Hessian H = E[x̃ x̃ᵀ] is constant: the loss surface is an exact quadratic bowl.';
  const logistic =
    '**Logistic loss** (mean binary cross-entropy, f is the logit): δₚ = σ(f(xₚ)) − yₚ; the Hessian E[σ′(f) x̃ x̃ᵀ] changes along the path (shown at the start).';
  const spec = ctx.spec;
  const analysis = ctx.analysis;
  if (!spec || !analysis) return paragraphs(quoted(ctx, 'loss'), squared, logistic, noNumbersLine(ctx), scienceFooter('conventions'));
  const start = entryAt(analysis.run.path, 0)?.loss;
  const numbers = [
    start !== undefined ? `loss at the start ${start === null ? 'not finite (the start or the inputs are too large)' : num(start, 4)}` : '',
    analysis.run.finalLoss !== null ? `after ${analysis.run.stepsRun} steps ${num(analysis.run.finalLoss, 4)}` : '',
    analysis.optimum ? `at the optimum ${num(analysis.optimum.loss, 4)}` : '',
  ].filter((s) => s.length > 0);
  return paragraphs(quoted(ctx, 'loss'), spec.loss === 'squared' ? squared : logistic, `Full-data loss: ${numbers.join(', ')}.`, scienceFooter('conventions'));
}

/** Hover for `preprocess`. */
export function preprocessMarkdown(ctx: HoverContext): string {
  const head =
    "**Preprocessing** with the data set's own statistics (labels unchanged; batch norm uses each batch's, layer norm each sample's). Centring is necessary, not sufficient: zero-mean but correlated inputs stay ill-conditioned; standardising and whitening go further. Centred inputs have both signs, so the sign constraint of all-positive inputs disappears too.";
  const spec = ctx.spec;
  const analysis = ctx.analysis;
  if (!spec || !analysis) return paragraphs(quoted(ctx, 'preprocess'), head, noNumbersLine(ctx), scienceFooter('fixes', 'conditioning'));
  const ds = ctx.dataset();
  const lines: string[] = [];
  const raw = ds && spec.loss === 'squared' ? inputStats(ds.raw, ds.P, ds.n) : undefined;
  for (const { kind: k, hover } of PREPROCESS_LIST) {
    const current = k === spec.preprocess;
    const kappa = current ? analysis.hessian.conditionNumber : raw ? conditionAfter(k, raw, spec.biasTrained) : undefined;
    if (kappa === undefined && !current) continue;
    const kText = kappa === null || kappa === undefined ? '∞ (singular)' : fixed(kappa);
    // Batch norm's κ is the full-data objective's; the run's steps each see their own batch.
    const which = k === 'batchnorm' ? 'κ of the full-data objective (full-data statistics)' : 'κ';
    lines.push(`${current ? '**' : ''}${k}${current ? '** (this spec)' : ''}: ${hover} — ${which} = ${kText}`);
  }
  const note = analysis.normalization ? analysis.normalization.note : '';
  return paragraphs(
    quoted(ctx, 'preprocess'),
    head,
    lines.join('  \n'),
    note,
    runSentence(analysis),
    scienceFooter('fixes', 'conditioning', 'whichKappa', ...(analysis.normalization ? (['normalization'] as const) : [])),
  );
}
