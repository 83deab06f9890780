/**
 * The hover on `lr`: η against the run's optimizer's own stability bound and the optimal steps
 * (docs/science.md, step-size bounds).
 *
 *   gradient descent on a quadratic with Hessian H converges iff 0 < η < 2/λmax;
 *   heavy-ball momentum iff 0 < ηλ < 2 + 2β; Nesterov (Sutskever form) iff 0 < ηλ < (2 + 2β)/(1 + 2β);
 *   Adam, RMSProp and AdaGrad rescale each coordinate: no fixed bound on η applies;
 *   Goh's optimal step η* = 2/(λmin + λmax) shrinks the error by (κ − 1)/(κ + 1) per step;
 *   LeCun's "optimal" 1/λmax is the other meaning of the word, so each label names its source.
 * Every bound is a FULL-BATCH statement (mini-batches see their own curvature H_B, which can exceed
 * H): the hover quotes `learningRate.max` and its formula as the analysis states them, and says what
 * the run did (run.diverged) from the run's own facts, never "stable" beside a blow-up.
 * The bounds assume the ½ in the squared loss; without it every bound halves.
 */
import { optimizerName } from '../../analysis/stability';
import { defaultOptimizer, isAdaptive, OPTIMIZER_LIST, stabilityBound } from '../../optimizers/registry';
import type { Analysis, RunResult } from '../../analysis/types';
import type { Optimizer, Spec } from '../../spec/types';
import { fixed, num } from '../text/format';
import { escapeMarkdown } from '../text/markdown';
import { type ScienceSection, scienceFooter } from '../text/scienceLinks';
import { extremes, type HoverContext, noNumbersLine, paragraphs, quoted } from './context';

/** Adaptive optimizers rescale each coordinate: no fixed step-size bound applies to them (each module says whether it is). */
export { isAdaptive };

/** "heavy-ball momentum: ηλ < 2 + 2β; Nesterov momentum: ηλ < (2 + 2β)/(1 + 2β)": every registered bound beside plain gradient descent's. */
function otherBounds(): string {
  return OPTIMIZER_LIST.filter((d) => d.kind !== 'sgd' && !d.adaptive)
    .map((d) => `${d.title}: ${stabilityBound(defaultOptimizer(d.kind))?.condition ?? ''}`)
    .join('; ');
}

/** "diverged at step N: <message>" from the run's own facts; empty when the run did not diverge. */
export function divergedText(run: RunResult): string {
  if (!run.diverged) return '';
  const at = `diverged at step ${run.divergedAt ?? run.stepsRun}`;
  return run.divergence ? `${at}: ${sentence(escapeMarkdown(run.divergence.message))}` : `${at}.`;
}

/** What the run did, in a few words, from its facts. */
function outcome(run: RunResult): string {
  if (run.diverged) return `this run ${divergedText(run)}`;
  if (run.converged && run.convergedAt !== null) return `this run converges at step ${run.convergedAt}.`;
  return `this run has not converged after ${run.stepsRun} steps.`;
}

const capitalise = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/** A message ending with a full stop (messages are quoted before further sentences). */
function sentence(text: string): string {
  const t = text.trimEnd();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** The science notes' sections behind the step-size lines (the bounds, full batch against mini-batches, a blow-up). */
export function boundSections(analysis: Analysis): ScienceSection[] {
  const sections: ScienceSection[] = ['stepSizeBounds', 'fullBatch'];
  if (analysis.run.diverged) sections.push('diverged');
  return sections;
}

/** True when the steps use fewer samples than the data set. */
function miniBatch(spec: Spec): boolean {
  return spec.batch !== 'all' && spec.batch < spec.samples;
}

/**
 * When η is inside the full-batch bound but a mini-batch run diverged: the batches' own curvature.
 * Every bound here is c/λmax with c fixed by the optimizer, so a batch whose H_B has top eigenvalue
 * λ_B has the bound c/λ_B = max·λmax/λ_B.
 */
function batchCurvatureText(analysis: Analysis, lmax: number): string {
  const d = analysis.run.divergence;
  const lr = analysis.learningRate;
  if (!d || d.batchCurvature === null || !(d.batchCurvature > 0)) return '';
  const reached = `a batch's own Hessian H_B reached λmax = ${num(d.batchCurvature)}, against ${num(lmax)} for the full data`;
  const batchMax = lr.max !== null && lmax > 0 ? (lr.max * lmax) / d.batchCurvature : null;
  if (batchMax !== null && batchMax <= lr.value) {
    return `The batches' own curvature exceeded the bound: ${reached}, so for that batch the same formula gives ${num(batchMax)}, at or below η = ${num(lr.value, 4)}.`;
  }
  return `${capitalise(reached)}${batchMax !== null ? ` (for that batch alone the same formula gives ${num(batchMax)}, above η)` : ''}.`;
}

/**
 * The optimizer's own full-batch bound with its verdict, plain gradient descent's 2/λmax when the
 * optimizer is another one, and what the run did. Shared by the `lr` and `optimizer` hovers so
 * both quote the same numbers.
 */
export function stepSizeBoundLines(analysis: Analysis, spec: Spec): string[] {
  const lr = analysis.learningRate;
  const opt = spec.optimizer;
  const ext = extremes(analysis);
  const run = analysis.run;
  const lines: string[] = [];
  const eta = num(lr.value, 4);
  if (isAdaptive(opt) || (lr.max === null && lr.stable === null)) {
    lines.push(
      `**No fixed step-size bound:** ${capitalise(optimizerName(opt))} divides each coordinate by a running size of its own gradients, so its effective step changes during the run and no single number bounds η; each coordinate moves by about η per step whatever the curvature. The run is judged by what it did: ${outcome(run)}`,
    );
    return lines;
  }
  if (lr.max === null) {
    const reason = lr.maxReason ? escapeMarkdown(lr.maxReason) : 'the Hessian has no positive curvature';
    lines.push(`**No step-size bound** here: ${reason}. ${outcome(run).replace(/^t/, 'T')}`);
    return lines;
  }
  // The formula is the engine's own text ("(2 + 2β)/λmax"), not the document's: shown as written.
  const formula = lr.maxFormula ?? 'the bound';
  const lam = ext ? ` with λmax = ${num(ext.max)}` : '';
  let verdict: string;
  if (lr.stable === false) {
    const k = lr.unstableDirections.length;
    const growing =
      k > 0
        ? `: on the full batch ${k} eigen-direction${k === 1 ? '' : 's'} grow${k === 1 ? 's' : ''} (factor ${lr.unstableDirections.map((d) => num(d.factor)).join(', ')})`
        : '';
    const did = run.diverged
      ? ` And ${outcome(run)}`
      : ` This run did not blow up within its ${run.stepsRun} steps: the bound is about the quadratic model at the start, and growth along a direction that starts small can take many steps.`;
    verdict = `η = ${eta} is **at or above** it, outside the full-batch stability region${growing}.${did}`;
  } else if (lr.stable === true && run.diverged) {
    const batches = miniBatch(spec) && ext ? batchCurvatureText(analysis, ext.max) : '';
    const message = run.divergence ? `: ${sentence(escapeMarkdown(run.divergence.message))}` : '.';
    verdict = `η = ${eta} is below this full-batch bound, **yet this run diverged at step ${run.divergedAt ?? run.stepsRun}**${message}${batches ? ` ${batches}` : ''}`;
  } else if (lr.stable === true) {
    verdict = `η = ${eta} is below it: on the full batch every eigen-direction shrinks.`;
  } else {
    verdict = `Here η = ${eta}${run.diverged ? `, and ${outcome(run)}` : '.'}`;
  }
  lines.push(`**Full-batch stability bound for ${optimizerName(opt)}:** η < ${formula} = ${num(lr.max)}${lam}. ${verdict}`);
  if (opt.kind !== 'sgd' && lr.gradientDescentMax !== null) {
    lines.push(`Plain gradient descent's full-batch bound, for comparison: η < 2/λmax = ${num(lr.gradientDescentMax)}.`);
  }
  return lines;
}

/** Goh's and LeCun's optimal steps, both for plain gradient descent, each naming its source. */
function optimalStepLines(analysis: Analysis, optimizer: Optimizer): string[] {
  const lr = analysis.learningRate;
  const ext = extremes(analysis);
  const lines: string[] = [];
  const forGd = optimizer.kind === 'sgd' ? '' : ' for plain gradient descent';
  if (lr.optimal !== null && ext) {
    const kappa = analysis.hessian.conditionNumber;
    const rate = kappa !== null ? ` It shrinks the error by (κ − 1)/(κ + 1) = ${num((kappa - 1) / (kappa + 1))} per step (κ = ${fixed(kappa)}).` : '';
    lines.push(
      `**Optimal step${forGd} (Goh, "Why Momentum Really Works")** 2/(λmin + λmax) = 2/(${num(ext.min)} + ${num(ext.max)}) = ${num(lr.optimal)}.${rate}`,
    );
  }
  if (lr.lecunOptimal !== null) {
    lines.push(`LeCun's "optimal" step${forGd} (Efficient BackProp) is 1/λmax = ${num(lr.lecunOptimal)}: the other meaning of the word.`);
  }
  return lines;
}

/** The convention line: the ½ of the squared loss, the local Hessian of the logistic loss or a shift, and the full batch. */
function conventionLine(analysis: Analysis, spec: Spec): string {
  const parts: string[] = [];
  const adaptive = isAdaptive(spec.optimizer);
  if (analysis.loss === 'squared') parts.push(`L = (1/|B|) Σ ½ (f − y)², so H = E[x̃ x̃ᵀ]${adaptive ? '.' : '; without the ½ every bound halves.'}`);
  else
    parts.push(
      `logistic loss (mean cross-entropy, f the logit); H is the Hessian at the start, which changes along the path${adaptive ? '.' : ', so the bounds are local.'}`,
    );
  if (spec.shift)
    parts.push('With a trained shift the loss is not quadratic in (w, s): H is taken at the start, where it describes the curvature only locally.');
  if (!adaptive)
    parts.push(
      miniBatch(spec)
        ? `Every bound is a full-batch statement: batches of ${spec.batch} see their own curvature H_B, which can exceed H.`
        : 'Every bound is a full-batch statement.',
    );
  return `_Convention: ${parts.join(' ')}_`;
}

/** Hover for `lr`. */
export function learningRateMarkdown(ctx: HoverContext): string {
  const head = "**Learning rate** η: each step moves −η times the batch's mean gradient.";
  if (!ctx.spec || !ctx.analysis)
    return paragraphs(
      quoted(ctx, 'lr'),
      head,
      `Full-batch gradient descent on a quadratic converges iff 0 < η < 2/λmax (${otherBounds()}; adaptive optimizers have no fixed bound); Goh's optimal step is 2/(λmin + λmax).`,
      noNumbersLine(ctx),
      scienceFooter('stepSizeBounds', 'fullBatch', 'optimalSteps'),
    );
  const analysis = ctx.analysis;
  const spec = ctx.spec;
  const optimal = isAdaptive(spec.optimizer) ? [] : optimalStepLines(analysis, spec.optimizer);
  return paragraphs(
    quoted(ctx, 'lr'),
    `${head} Here η = ${num(analysis.learningRate.value, 4)}.`,
    stepSizeBoundLines(analysis, spec).join('  \n'),
    optimal.join('  \n'),
    conventionLine(analysis, spec),
    scienceFooter(...boundSections(analysis), ...(optimal.length > 0 ? ['optimalSteps' as const] : []), 'conventions'),
  );
}
