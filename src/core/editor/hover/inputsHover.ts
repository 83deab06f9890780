/**
 * The hover on `x`: where the inputs come from, their values (or distribution), the mean, and
 * whether they are all positive — the condition of the sign constraint (docs/science.md, "The sign
 * constraint") — plus what a non-zero mean does to the Hessian ("Conditioning": E[x xᵀ] gains m mᵀ,
 * a large eigenvalue along m).
 */
import { activationDescriptor } from '../../registry/activations';
import type { Activation, Distribution, InputSource } from '../../spec/types';
import { inputStats } from '../../engine/preprocess';
import { fixed, num, sub, vec } from '../text/format';
import { scienceFooter } from '../text/scienceLinks';
import { type HoverContext, noNumbersLine, paragraphs, quoted } from './context';

const MAX_ROWS = 5;

function distributionText(d: Distribution): string {
  return d.kind === 'normal' ? `normal(${num(d.mean)}, ${num(d.std)})` : `uniform(${num(d.lo)}, ${num(d.hi)})`;
}

/** What an activation does to the sign of the inputs. */
export function activationNote(activation: Activation): string {
  return activationDescriptor(activation).note;
}

function sourceText(src: InputSource, samples: number, seed: number): string {
  if (src.kind === 'generated') {
    const inner = distributionText(src.distribution);
    const dist = src.activation === 'identity' ? inner : `${src.activation}(${inner})`;
    return paragraphs(
      `**Inputs** drawn as x ~ ${dist}: ${samples} samples, each component independent, seed ${seed} (the same spec always gives the same numbers).`,
      activationNote(src.activation),
    );
  }
  const rows = src.rows.slice(0, MAX_ROWS).map((r, p) => `x${sub(p + 1)} = ${vec(Array.from(r))}`);
  if (src.rows.length > MAX_ROWS) rows.push(`… ${src.rows.length - MAX_ROWS} more`);
  return paragraphs(`**Inputs** written out: ${src.rows.length} sample${src.rows.length === 1 ? '' : 's'}.`, rows.join('  \n'));
}

/** Hover for `x` (and `samples`, which shares its meaning). */
export function inputsMarkdown(ctx: HoverContext): string {
  const spec = ctx.spec;
  const analysis = ctx.analysis;
  if (!spec || !analysis) {
    return paragraphs(
      '**Inputs** x: one row per sample, written out (`x = [[…], …]`) or drawn (`x ~ sigmoid(normal(0, 1))`). Whether they are all positive decides whether per-sample steps are sign-constrained.',
      noNumbersLine(ctx),
      scienceFooter('signConstraint', 'conditioning'),
    );
  }
  const ds = ctx.dataset();
  const raw = ds ? inputStats(ds.raw, ds.P, ds.n) : undefined;
  const trained = analysis.inputs;
  const pre = spec.preprocess !== 'none';
  const lines: string[] = [];
  if (raw) {
    lines.push(`Mean m = ${vec(raw.mean)}${pre ? ' (as drawn or written)' : ''}.`);
    lines.push(
      raw.allPositive
        ? 'All inputs are **positive**: the sign constraint applies — every per-sample gradient δ·x has all components of one sign.'
        : raw.allNonNegative
          ? 'All inputs are **≥ 0**: the sign constraint applies to the components that are not 0.'
          : 'The inputs have **mixed signs**: no sign constraint; any zig-zag comes from conditioning.',
    );
  }
  if (pre) {
    lines.push(
      `After \`preprocess = ${spec.preprocess}\`: mean ${vec(trained.mean)}, ${trained.allPositive ? 'still all positive' : trained.allNonNegative ? 'all ≥ 0' : 'mixed signs (the sign constraint is gone)'}.`,
    );
  }
  const m = trained.mean;
  const mm = m.reduce((s, v) => s + v * v, 0);
  const kappa = analysis.hessian.conditionNumber;
  const trace = trained.secondMoment.reduce((s, row, i) => s + (row[i] ?? 0), 0);
  if (mm > 1e-12 * trace) {
    lines.push(
      `A non-zero mean adds m mᵀ (here |m|² = ${num(mm)}) to E[x xᵀ]: a large eigenvalue along m, so the valley is long and thin${kappa !== null ? ` (κ of all trained parameters = ${fixed(kappa)})` : ''}.`,
    );
  } else if (kappa !== null) {
    lines.push(`Zero mean: no m mᵀ term in E[x xᵀ]; κ of all trained parameters = ${fixed(kappa)}.`);
  }
  return paragraphs(
    quoted(ctx, 'x'),
    sourceText(spec.inputs, spec.samples, spec.seed),
    lines.join('  \n'),
    scienceFooter('signConstraint', 'conditioning', 'whichKappa'),
  );
}
