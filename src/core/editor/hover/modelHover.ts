/**
 * The hover on the model line `f = w·x + b`: the chain rule (docs/science.md, "One neuron and the
 * chain rule") with the live numbers of sample 1 at the starting weights, the sign rule ("The sign
 * constraint"), a picture of the allowed cone, and links to those sections.
 *
 *   f(x) = w·x + b,   δ = ∂L/∂f = f(x) − y (squared, with the ½) or σ(f(x)) − y (logistic)
 *   ∂L/∂wᵢ = δ·xᵢ,    ∂L/∂b = δ
 */
import type { Analysis, Vec2 } from '../../analysis/types';
import type { Spec } from '../../spec/types';
import { svgDataUri } from '../text/base64';
import { fixed, num, percent, sub, vec } from '../text/format';
import { escapeMarkdown, image } from '../text/markdown';
import { type ScienceSection, scienceFooter } from '../text/scienceLinks';
import { coneSvg } from './coneSvg';
import { type HoverContext, noNumbersLine, paragraphs } from './context';

/** Components shown one by one in the chain-rule table; the rest are summarised. */
const MAX_ROWS = 6;

/** Sample 1's numbers at the start: inputs as trained, label, output, δ. */
export interface SampleNumbers {
  readonly x: number[];
  readonly y: number;
  readonly f: number;
  readonly delta: number;
}

/** δ and friends for sample `p` at the starting weights (after preprocessing, as the run trains). */
export function sampleNumbers(ctx: HoverContext, p = 0): SampleNumbers | undefined {
  const spec = ctx.spec;
  const ds = ctx.dataset();
  if (!spec || !ds || p >= ds.P) return undefined;
  // With a trained shift the input the weights see is x + s (the sign rule applies to it).
  const x = Array.from(ds.x.subarray(p * ds.n, (p + 1) * ds.n), (v, i) => v + (spec.shift ? spec.s[i] : 0));
  const y = ds.y[p];
  let f = spec.hasBias ? spec.b : 0;
  for (let i = 0; i < x.length; i++) f += spec.w[i] * x[i];
  const delta = spec.loss === 'logistic' ? 1 / (1 + Math.exp(-f)) - y : f - y;
  return { x, y, f, delta };
}

/** How the signs of the inputs the weights see (after preprocessing, plus a trained shift) fall over the whole data set. */
export interface InputSigns {
  /**
   * positive / nonNegative / negative / nonPositive: every component of every sample;
   * perSample: each sample's components share one sign, but samples differ;
   * mixed: at least one sample has components of both signs.
   */
  readonly kind: 'positive' | 'nonNegative' | 'negative' | 'nonPositive' | 'perSample' | 'mixed';
  readonly samples: number;
  /** Samples whose components take both signs (strictly positive and strictly negative ones). */
  readonly mixedSamples: number;
}

/** The sign pattern of the whole data set the run trains on; undefined without a spec. */
export function inputSigns(ctx: HoverContext): InputSigns | undefined {
  const spec = ctx.spec;
  const ds = ctx.dataset();
  if (!spec || !ds || ds.P === 0) return undefined;
  let allPos = true;
  let allNonNeg = true;
  let allNeg = true;
  let allNonPos = true;
  let mixedSamples = 0;
  for (let p = 0; p < ds.P; p++) {
    let pos = false;
    let neg = false;
    for (let i = 0; i < ds.n; i++) {
      const v = ds.x[p * ds.n + i] + (spec.shift ? (spec.s[i] ?? 0) : 0);
      if (v > 0) pos = true;
      else if (v < 0) neg = true;
      if (!(v > 0)) allPos = false;
      if (!(v < 0)) allNeg = false;
      if (v < 0) allNonNeg = false;
      if (v > 0) allNonPos = false;
    }
    if (pos && neg) mixedSamples++;
  }
  const kind = allPos ? 'positive' : allNeg ? 'negative' : allNonNeg ? 'nonNegative' : allNonPos ? 'nonPositive' : mixedSamples === 0 ? 'perSample' : 'mixed';
  return { kind, samples: ds.P, mixedSamples };
}

/**
 * The sign rule (docs/science.md, "The sign constraint") for the whole data set (not sample 1 alone): whether every
 * per-sample step δₚ·xₚ moves all weights together. `s` (sample 1) only supplies an example δ.
 */
function signRule(signs: InputSigns, s: SampleNumbers | undefined, cause: string): string {
  const every = signs.samples === 1 ? 'the one sample' : `all ${signs.samples} samples`;
  // Sample 1 as the worked example: its δ decides which way its own step moves the weights.
  const example = (flip: boolean): string => {
    if (!s || s.delta === 0) return '';
    const raises = s.delta < 0 !== flip;
    return ` Sample 1 here: δ = ${num(s.delta)} (${s.delta > 0 ? 'positive' : 'negative'}), so its step ${raises ? 'raises' : 'lowers'} all weights together.`;
  };
  switch (signs.kind) {
    case 'positive':
      return `**Sign rule.** Every component of x is positive in ${every}, so every ∂L/∂wᵢ = δ·xᵢ has the sign of that sample's δ: each per-sample step −η·δ·x raises all weights at once or lowers them all. In the picture a per-sample step points north-east or south-west, never north-west or south-east.${example(false)}`;
    case 'nonNegative':
      return `**Sign rule.** Every component of x is ≥ 0 in ${every}, so every non-zero ∂L/∂wᵢ = δ·xᵢ has the sign of that sample's δ: each per-sample step moves the weights it moves all together.`;
    case 'negative':
      return `**Sign rule.** Every component of x is negative in ${every}, so every ∂L/∂wᵢ = δ·xᵢ has the sign opposite to that sample's δ: each per-sample step still moves all weights in one direction together (north-east or south-west in the picture).${example(true)}`;
    case 'nonPositive':
      return `**Sign rule.** Every component of x is ≤ 0 in ${every}, so every non-zero ∂L/∂wᵢ = δ·xᵢ has the sign opposite to that sample's δ: each per-sample step moves the weights it moves all together.`;
    case 'perSample':
      return `**Sign rule.** Each sample's components share one sign (some samples all positive, some all negative), so each per-sample step δ·x still moves all weights together: the sign constraint holds sample by sample.`;
    case 'mixed':
      return `**Sign rule.** The inputs have mixed signs: ${signs.mixedSamples} of ${signs.samples} samples have components of both signs, so their gradients δ·x have mixed signs. No sign constraint: per-sample steps may point in any direction, and whatever zig-zag the run shows comes from ${cause}, not from the sign constraint.`;
  }
}

function chainRule(spec: Spec, s: SampleNumbers): string {
  // A negative subtrahend in parentheses: 0.505 − (−0.06), not 0.505 − −0.06.
  const y = s.y < 0 && num(s.y) !== '0' ? `(${num(s.y)})` : num(s.y);
  const lossLine =
    spec.loss === 'logistic'
      ? `δ = ∂L/∂f = σ(f(x)) − y = σ(${num(s.f)}) − ${y} = ${num(s.delta)}`
      : `δ = ∂L/∂f = f(x) − y = ${num(s.f)} − ${y} = ${num(s.delta)}`;
  const rows: string[] = [];
  const n = s.x.length;
  const shown = Math.min(n, MAX_ROWS);
  const xi = (i: number): string => (spec.shift ? `(x${sub(i + 1)} + s${sub(i + 1)})` : `x${sub(i + 1)}`);
  for (let i = 0; i < shown; i++) {
    rows.push(`∂L/∂w${sub(i + 1)} = δ·${xi(i)} = ${num(s.delta)} × ${num(s.x[i])} = ${num(s.delta * s.x[i])}`);
  }
  if (n > shown) rows.push(`… and ${n - shown} more components, each δ·${spec.shift ? '(xᵢ + sᵢ)' : 'xᵢ'}`);
  if (spec.biasTrained) rows.push(`∂L/∂b = δ = ${num(s.delta)}`);
  if (spec.shift) {
    for (let i = 0; i < shown; i++) rows.push(`∂L/∂s${sub(i + 1)} = δ·w${sub(i + 1)} = ${num(s.delta)} × ${num(spec.w[i])} = ${num(s.delta * spec.w[i])}`);
  }
  const input = spec.shift ? '(x + s)' : 'x';
  const bias = spec.hasBias ? ` + b = ${vec(spec.w)}·${input} + ${num(spec.b)}` : ` = ${vec(spec.w)}·${input}`;
  const head = spec.shift
    ? `**Chain rule, sample 1 at the start** (x + s = ${vec(s.x)}, y = ${num(s.y)}). δ = ∂L/∂f is one number per sample, so the weight gradient δ·(x + s) is a multiple of the shifted input, and the shift's gradient δ·w a multiple of w:`
    : `**Chain rule, sample 1 at the start** (x = ${vec(s.x)}, y = ${num(s.y)}). δ = ∂L/∂f is one number per sample, so the whole weight gradient δ·x is a multiple of x:`;
  return paragraphs(head, [`f(x) = w·${input}${bias} = ${num(s.f)}`, lossLine, ...rows].join('  \n'));
}

function toOptimum(spec: Spec, analysis: Analysis): Vec2 | null {
  const opt = analysis.optimum;
  if (!opt) return null;
  const [i, j] = analysis.cone.axes;
  return [(opt.w[i] ?? 0) - (spec.w[i] ?? 0), (opt.w[j] ?? 0) - (spec.w[j] ?? 0)];
}

/** What makes a path wander when the sign rule does not: batch noise (batches smaller than the data) and the conditioning. */
function wanderCause(spec: Spec | undefined): string {
  if (!spec || spec.batch === 'all' || spec.batch >= spec.samples) return 'the conditioning';
  return spec.batch === 1 ? 'the noise of single-sample steps and the conditioning' : 'the noise of mini-batch steps and the conditioning';
}

/** A path longer than this many times the straight distance visibly wanders. */
const WANDERS = 1.2;

/** One line on the cone: its opening, whether the way to the optimum lies inside, and the run's zig-zag ratio. */
export function coneSentence(analysis: Analysis, spec?: Spec): string {
  const cone = analysis.cone;
  const [i, j] = cone.axes;
  const plane = `(w${sub(i + 1)}, w${sub(j + 1)})`;
  let shape: string;
  switch (cone.kind) {
    case 'sector':
      shape = `the double cone ±cone{x₁ … x_P}, ${fixed(cone.openingDegrees)}° wide in the plane ${plane}`;
      break;
    case 'line':
      shape = `a single line in the plane ${plane} (all samples point the same way)`;
      break;
    case 'plane':
      shape = `every direction in the plane ${plane}: the samples surround the origin, no sign constraint`;
      break;
    default:
      shape = `nothing in the plane ${plane}: every sample projects to 0`;
  }
  const ratio = analysis.run.zigzagRatio;
  // The run's own zig-zag ratio, so the sentence never contradicts the numbers below it.
  const measured = ratio === null ? '' : ` (this run: ${fixed(ratio)}× the straight distance)`;
  let inside = '';
  if (cone.optimumInside === true) {
    inside =
      ratio !== null && ratio >= WANDERS
        ? ` The straight way to the optimum lies **inside** it: steps can head there directly, so the sign constraint forces no zig-zag; the path still wanders${measured}, from ${wanderCause(spec)}.`
        : ` The straight way to the optimum lies **inside** it: steps can head there directly, so the sign constraint forces no zig-zag${measured}.`;
  } else if (cone.optimumInside === false) {
    inside = ` The straight way to the optimum lies **outside** it: no single step can head there, so the path must alternate between the cone's sides${measured}.`;
  }
  return `**Allowed step directions:** ${shape}.${inside}`;
}

/** One line on the run: zig-zag ratio, sign-coherent share, convergence. */
export function runSentence(analysis: Analysis): string {
  const run = analysis.run;
  const parts: string[] = [];
  if (run.zigzagRatio !== null) parts.push(`path length ÷ straight distance ${fixed(run.zigzagRatio)}×`);
  parts.push(`sign-coherent updates ${percent(run.signCoherentFraction)}`);
  if (run.diverged) parts.push(`diverges at step ${run.divergedAt ?? run.stepsRun}`);
  else if (run.converged && run.convergedAt !== null) parts.push(`converges at step ${run.convergedAt}`);
  else parts.push(`not converged after ${run.stepsRun} steps`);
  return `**This run:** ${parts.join(' · ')}.`;
}

/** The model explanation (without range): used on the model line and on annotated expressions elsewhere. */
export function modelMarkdown(ctx: HoverContext): string {
  const spec = ctx.spec;
  if (!spec || !ctx.analysis) {
    return paragraphs(
      "**Neuron** f = w·x + b. With δ = ∂L/∂f (one number per sample) the chain rule gives ∂L/∂wᵢ = δ·xᵢ and ∂L/∂b = δ, so a sample's whole weight gradient δ·x is a multiple of its input.",
      noNumbersLine(ctx),
      scienceFooter('chainRule', 'signConstraint'),
    );
  }
  const analysis = ctx.analysis;
  const s = sampleNumbers(ctx);
  const signs = inputSigns(ctx);
  const model = `f = w·${spec.shift ? '(x + s)' : 'x'}${spec.hasBias ? ' + b' : ''}`;
  const head = `**Neuron** ${model}: n = ${spec.w.length} input${spec.w.length === 1 ? '' : 's'}, P = ${spec.samples} sample${spec.samples === 1 ? '' : 's'}, ${spec.loss} loss, bias ${spec.biasTrained ? 'trained' : spec.hasBias ? 'fixed' : 'absent'}.`;
  const picture =
    analysis.cone.kind === 'none'
      ? ''
      : image(
          'allowed cone of per-sample steps (green) and the straight way to the optimum (arrow: green inside the cone, orange outside)',
          svgDataUri(coneSvg({ cone: analysis.cone, toOptimum: toOptimum(spec, analysis) })),
        );
  // The picture right after the numbers: hovers scroll, and it is the one thing to see.
  return paragraphs(
    head,
    s && chainRule(spec, s),
    picture,
    signs && signRule(signs, s, wanderCause(spec)),
    coneSentence(analysis, spec),
    runSentence(analysis),
    escapeMarkdown(analysis.sentence),
    scienceFooter(...modelSections(analysis)),
  );
}

/** The sections the model hover links to: the chain rule, the sign rule, its counterpoint when it applies, the run's measures. */
function modelSections(analysis: Analysis): ScienceSection[] {
  return ['chainRule', 'signConstraint', ...(analysis.cone.optimumInside === true ? ['noZigzag' as const] : []), 'measures'];
}
