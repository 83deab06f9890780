/**
 * The hover on the model line `f = w·x + b`: the chain rule of GEOMETRY.md §1 with the live numbers
 * of sample 1 at the starting weights, the sign rule of §2, and a picture of the allowed cone.
 *
 *   f(x) = w·x + b,   δ = ∂L/∂f = f(x) − y (squared, with the ½) or σ(f(x)) − y (logistic)
 *   ∂L/∂wᵢ = δ·xᵢ,    ∂L/∂b = δ
 */
import type { Analysis, Vec2 } from '../../analysis/types';
import type { Spec } from '../../spec/types';
import { svgDataUri } from '../text/base64';
import { fixed, num, percent, sub, vec } from '../text/format';
import { escapeMarkdown, image } from '../text/markdown';
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

function signRule(s: SampleNumbers): string {
  const { x, delta } = s;
  if (delta === 0) return 'δ = 0: this sample is fitted exactly at the start, so its gradient is zero.';
  const sign = delta > 0 ? 'positive' : 'negative';
  const move = delta < 0 ? 'raises' : 'lowers';
  if (x.every((v) => v > 0)) {
    return `**Sign rule.** Every component of x is positive, so every ∂L/∂wᵢ = δ·xᵢ has the sign of δ (${sign}): the step −η·δ·x ${move} all weights at once. In the picture a per-sample step points north-east or south-west, never north-west or south-east.`;
  }
  if (x.every((v) => v >= 0)) {
    return `**Sign rule.** Every component of x is ≥ 0, so every non-zero ∂L/∂wᵢ = δ·xᵢ has the sign of δ (${sign}): the step −η·δ·x ${move} the weights it moves, all together.`;
  }
  if (x.every((v) => v < 0)) {
    return `**Sign rule.** Every component of x is negative, so every ∂L/∂wᵢ = δ·xᵢ has the sign opposite to δ: the step still moves all weights in one direction together.`;
  }
  return '**Sign rule.** This x has components of both signs, so ∂L/∂w = δ·x has mixed signs: no sign constraint for this sample (the zig-zag of GEOMETRY.md §2 needs inputs of one sign).';
}

function chainRule(spec: Spec, s: SampleNumbers): string {
  // A negative subtrahend in parentheses: 0.505 − (−0.06), not 0.505 − −0.06.
  const y = s.y < 0 && num(s.y) !== '0' ? `(${num(s.y)})` : num(s.y);
  const lossLine = spec.loss === 'logistic'
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

/** One line on the cone: its opening and whether the way to the optimum lies inside. */
export function coneSentence(analysis: Analysis): string {
  const cone = analysis.cone;
  const [i, j] = cone.axes;
  const plane = `(w${sub(i + 1)}, w${sub(j + 1)})`;
  let shape: string;
  switch (cone.kind) {
    case 'sector': shape = `the double cone ±cone{x₁ … x_P}, ${fixed(cone.openingDegrees)}° wide in the plane ${plane}`; break;
    case 'line': shape = `a single line in the plane ${plane} (all samples point the same way)`; break;
    case 'plane': shape = `every direction in the plane ${plane}: the samples surround the origin, no sign constraint`; break;
    default: shape = `nothing in the plane ${plane}: every sample projects to 0`;
  }
  const inside = cone.optimumInside === null
    ? ''
    : cone.optimumInside
      ? ' The straight way to the optimum lies **inside** it: steps can head there directly, no zig-zag expected from the sign constraint.'
      : ' The straight way to the optimum lies **outside** it: no single step can head there, so the path alternates and zig-zags.';
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
      '**Neuron** f = w·x + b. With δ = ∂L/∂f (one number per sample) the chain rule gives ∂L/∂wᵢ = δ·xᵢ and ∂L/∂b = δ, so a sample\'s whole weight gradient δ·x is a multiple of its input.',
      noNumbersLine(ctx),
    );
  }
  const analysis = ctx.analysis;
  const s = sampleNumbers(ctx);
  const model = `f = w·${spec.shift ? '(x + s)' : 'x'}${spec.hasBias ? ' + b' : ''}`;
  const head = `**Neuron** ${model}: n = ${spec.w.length} input${spec.w.length === 1 ? '' : 's'}, P = ${spec.samples} sample${spec.samples === 1 ? '' : 's'}, ${spec.loss} loss, bias ${spec.biasTrained ? 'trained' : spec.hasBias ? 'fixed' : 'absent'}.`;
  const picture = analysis.cone.kind === 'none'
    ? ''
    : image('allowed cone of per-sample steps (blue) and the way to the optimum (arrow)', svgDataUri(coneSvg({ cone: analysis.cone, toOptimum: toOptimum(spec, analysis) })));
  // The picture right after the numbers: hovers scroll, and it is the one thing to see.
  return paragraphs(
    head,
    s && chainRule(spec, s),
    picture,
    s && signRule(s),
    coneSentence(analysis),
    runSentence(analysis),
    escapeMarkdown(analysis.sentence),
  );
}
