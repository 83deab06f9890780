/**
 * Hovers on the parameters and the target: `w` (start), `w*`/`b*` (teacher), `b`, `y`. They place
 * the start and the optimum relative to the allowed cone, which decides whether the path must
 * zig-zag (docs/science.md, "The sign constraint") or can head straight there ("When there is no
 * zig-zag", the honest counterpoint).
 */
import { num, sub, vec } from '../text/format';
import { scienceFooter } from '../text/scienceLinks';
import { coneSentence } from './modelHover';
import { type HoverContext, noNumbersLine, paragraphs, quoted } from './context';
import { entryAt } from '../../analysis/runPath';

/** Hover for `w`. */
export function weightsMarkdown(ctx: HoverContext): string {
  const head = '**Starting weights** w: their length sets the dimension n.';
  const spec = ctx.spec;
  const analysis = ctx.analysis;
  if (!spec || !analysis) return paragraphs(quoted(ctx, 'w'), head, noNumbersLine(ctx), scienceFooter('signConstraint', 'noZigzag'));
  const opt = analysis.optimum;
  const lines = [`w = ${vec(spec.w)}, n = ${spec.w.length}.`];
  if (opt) {
    const d = opt.w.map((v, i) => v - spec.w[i]);
    const dist = Math.hypot(...d);
    lines.push(
      `Optimum w = ${vec(opt.w)} (${opt.method === 'least-squares' ? 'least squares' : 'Newton on the logistic loss'}); straight way there ${vec(d)}, length ${num(dist)}.`,
    );
    const [i, j] = analysis.cone.axes;
    if (spec.w.length >= 2) {
      const di = d[i] ?? 0,
        dj = d[j] ?? 0;
      const mixed = di * dj < 0;
      lines.push(
        `In the plane (w${sub(i + 1)}, w${sub(j + 1)}) that way ${mixed ? 'needs one weight up and the other down' : 'moves both weights the same way'}.`,
      );
    }
  }
  const first = entryAt(analysis.run.path, 0);
  if (first?.angleToOptimum !== null && first?.angleToOptimum !== undefined) {
    lines.push(`The first update points ${num(first.angleToOptimum)}° away from the straight way.`);
  }
  return paragraphs(quoted(ctx, 'w'), head, lines.join('  \n'), coneSentence(analysis, ctx.spec), scienceFooter('signConstraint', 'noZigzag'));
}

/** Hover for `w*` / `target` and `b*`. */
export function teacherMarkdown(ctx: HoverContext, key: 'teacherW' | 'teacherB'): string {
  const head =
    '**Teacher** w*, b*: labels come from a target neuron, y = w*·x + b* (squared loss) or σ(w*·x + b*) (logistic). Where w* lies relative to the start and the allowed cone decides whether the path must zig-zag.';
  const spec = ctx.spec;
  const analysis = ctx.analysis;
  if (!spec || !analysis) return paragraphs(quoted(ctx, key), head, noNumbersLine(ctx), scienceFooter('signConstraint', 'noZigzag'));
  const lines: string[] = [];
  if (spec.labels.kind === 'teacher') lines.push(`w* = ${vec(spec.labels.w)}, b* = ${num(spec.labels.b)}.`);
  if (analysis.optimum) lines.push(`The run's optimum: w = ${vec(analysis.optimum.w)}, b = ${num(analysis.optimum.b)}, loss ${num(analysis.optimum.loss, 4)}.`);
  if (spec.preprocess !== 'none')
    lines.push(
      `Labels come from the raw inputs; after \`preprocess = ${spec.preprocess}\` the optimum's weights and bias change to fit the transformed inputs.`,
    );
  return paragraphs(quoted(ctx, key), head, lines.join('  \n'), coneSentence(analysis, ctx.spec), scienceFooter('signConstraint', 'noZigzag'));
}

/** Hover for `b`. */
export function biasMarkdown(ctx: HoverContext): string {
  const head =
    '**Bias** b: ∂L/∂b = δ. A trained bias adds its own direction to the Hessian, over the augmented input [x, 1]; `b = 0 fixed` keeps it out of training.';
  const spec = ctx.spec;
  if (!spec || !ctx.analysis) return paragraphs(quoted(ctx, 'b'), head, noNumbersLine(ctx), scienceFooter('conditioning', 'whichKappa'));
  const state = spec.biasTrained ? 'trained' : spec.hasBias ? 'fixed (not trained)' : 'absent (the model has no bias)';
  return paragraphs(
    quoted(ctx, 'b'),
    head,
    `Here b starts at ${num(spec.b)} and is ${state}; the Hessian is over ${ctx.analysis.hessian.parameters.join(', ')}.`,
    scienceFooter('conditioning', 'whichKappa'),
  );
}

/** Hover for `y`. */
export function labelsMarkdown(ctx: HoverContext): string {
  const head = '**Labels** y, one per sample: δₚ = f(xₚ) − yₚ (squared) or σ(f(xₚ)) − yₚ (logistic).';
  const spec = ctx.spec;
  if (!spec || !ctx.analysis) return paragraphs(quoted(ctx, 'y'), head, noNumbersLine(ctx), scienceFooter('chainRule', 'conventions'));
  const ds = ctx.dataset();
  const ys = ds ? Array.from(ds.y.subarray(0, Math.min(ds.P, 8))) : [];
  return paragraphs(
    quoted(ctx, 'y'),
    head,
    ys.length > 0 ? `y = ${vec(ys, 3, 8)}${ds && ds.P > 8 ? ` (${ds.P} in all)` : ''}.` : '',
    scienceFooter('chainRule', 'conventions'),
  );
}
