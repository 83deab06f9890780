/**
 * Semantic hints: diagnostics that teach, computed from a valid spec and its analysis. Their codes
 * (GG4xx) are separate from the parser's GG1xx–GG3xx and, once published, keep their meaning.
 *
 *   GG401 (info)     the inputs have mixed signs: no sign constraint, so no zig-zag from it
 *                    (docs/science.md, "The sign constraint");
 *   GG402 (info)     the way to the optimum lies inside the allowed cone: no zig-zag expected;
 *   GG403 (warning)  η at or above the optimizer's own full-batch stability bound (2/λmax for
 *                    gradient descent, (2 + 2β)/λmax for heavy ball, (2 + 2β)/((1 + 2β)λmax)
 *                    for Nesterov; none for Adam and RMSProp), with what this run did;
 *   GG404 (info)     η above 2/λmax but inside momentum's larger stability region.
 *
 * Diagnostics are plain text (no links), so they name the section of docs/science.md in words.
 */
import { optimizerName } from '../analysis/stability';
import type { Analysis } from '../analysis/types';
import type { Diagnostic, SourceRange } from '../diagnostics';
import type { ParseResult, Spec, StatementKey } from '../spec/types';
import { datasetOf } from './datasetCache';
import { fixed, num } from './text/format';
import { scienceReference } from './text/scienceLinks';

/** Stable codes of the hints. */
export const HINT_CODES = {
  mixedSignInputs: 'GG401',
  optimumInsideCone: 'GG402',
  learningRateUnstable: 'GG403',
  learningRateAboveGradientDescentBound: 'GG404',
} as const;

/** One line per hint code, for docs. */
export const HINT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  GG401: 'Info: the inputs have mixed signs, so per-sample steps are not sign-constrained (no zig-zag from the sign constraint).',
  GG402: 'Info: the straight way to the optimum lies inside the allowed cone, so no zig-zag is expected.',
  GG403: 'Warning: the learning rate is at or above the full-batch stability bound of the optimizer (gradient descent, heavy ball or Nesterov).',
  GG404: "Info: the learning rate is above 2/λmax but inside heavy-ball momentum's larger full-batch stability region ηλ < 2 + 2β.",
};

/** Where a hint about `keys` goes: the first present statement's value, else the model line, else the start. */
function anchor(parsed: ParseResult, keys: readonly StatementKey[]): SourceRange {
  for (const k of [...keys, 'model' as const]) {
    const r = parsed.ranges[k];
    if (r) return k === 'model' ? r.statement : r.value;
  }
  return { start: 0, end: 0 };
}

/** Whether some sample has components of both strict signs (so its δ·x is not one-signed). */
function someSampleMixed(x: Float64Array, P: number, n: number): boolean {
  for (let p = 0; p < P; p++) {
    let pos = false;
    let neg = false;
    for (let i = 0; i < n; i++) {
      const v = x[p * n + i];
      if (v > 0) pos = true;
      else if (v < 0) neg = true;
    }
    if (pos && neg) return true;
  }
  return false;
}

function signHints(parsed: ParseResult, spec: Spec, analysis: Analysis): Diagnostic[] {
  if (spec.w.length < 2) return []; // one weight: no direction to zig-zag across
  const out: Diagnostic[] = [];
  let mixed = false;
  let rawMixed = false;
  if (!analysis.inputs.allNonNegative) {
    const ds = datasetOf(spec);
    mixed = someSampleMixed(ds.x, ds.P, ds.n);
    rawMixed = spec.preprocess === 'none' ? mixed : someSampleMixed(ds.raw, ds.P, ds.n);
  }
  if (mixed) {
    const kappa = analysis.hessian.conditionNumber;
    const cond = kappa === null ? '' : ` (κ of all trained parameters = ${fixed(kappa)})`;
    const where = !rawMixed ? `After preprocess = ${spec.preprocess} the inputs` : 'The inputs';
    out.push({
      code: HINT_CODES.mixedSignInputs,
      severity: 'info',
      message: `${where} have mixed signs — no sign constraint here: expect no zig-zag from the sign constraint. Any zig-zag left comes from conditioning${cond}. See ${scienceReference('signConstraint')}.`,
      range: anchor(parsed, rawMixed ? ['x'] : ['preprocess', 'x']),
    });
  } else if (analysis.cone.optimumInside === true && (analysis.cone.kind === 'sector' || analysis.cone.kind === 'line')) {
    out.push({
      code: HINT_CODES.optimumInsideCone,
      severity: 'info',
      message: `The straight way from the start to the optimum lies inside the allowed cone ±cone{x₁ … x_P}: steps can head there directly, so no zig-zag is expected from the sign constraint. Put the target to the north-west of the start to see it. See ${scienceReference('noZigzag')}.`,
      range: anchor(parsed, ['teacherW', 'y', 'w']),
    });
  }
  return out;
}

function learningRateHints(parsed: ParseResult, spec: Spec, analysis: Analysis): Diagnostic[] {
  const lr = analysis.learningRate;
  const ev = analysis.hessian.eigenvalues;
  // Adaptive optimizers have no linear bound (max null): nothing to compare η with.
  if (lr.max === null || lr.maxFormula === null || lr.stable === null || ev.length === 0) return [];
  const lmax = ev[0];
  const o = spec.optimizer;
  const name = optimizerName(o);
  const opt = lr.optimal !== null ? ` Goh's optimal step for gradient descent 2/(λmin + λmax) is ${num(lr.optimal)}.` : '';
  const local = analysis.loss === 'logistic' || spec.shift ? ' (Hessian at the start)' : '';
  const bound = `${lr.maxFormula} = ${num(lr.max)}${local}`;
  const range = anchor(parsed, ['lr']);
  const see = ` See ${scienceReference('stepSizeBounds')}.`;
  if (!lr.stable || lr.value >= lr.max) {
    const factor = lr.unstableDirections[0]?.factor;
    const detail =
      o.kind === 'sgd'
        ? `gradient descent does not converge (|1 − ηλmax| = ${num(Math.abs(1 - lr.value * lmax))} ≥ 1)`
        : factor !== undefined
          ? `the fastest eigen-direction grows by ${num(factor)} per step`
          : 'the run does not converge';
    const run = analysis.run;
    const fact = run.diverged
      ? ` This run diverged at step ${run.divergedAt ?? run.stepsRun}.`
      : ` This run did not blow up within its ${run.stepsRun} steps: the unstable direction can start very small.`;
    return [
      {
        code: HINT_CODES.learningRateUnstable,
        severity: 'warning',
        message: `lr = ${num(lr.value, 4)} is at or above the full-batch stability bound of ${name}, η < ${bound}: on the full batch ${detail}.${fact}${opt}${see}`,
        range,
      },
    ];
  }
  if (o.kind !== 'sgd' && lr.gradientDescentMax !== null && lr.value >= lr.gradientDescentMax) {
    return [
      {
        code: HINT_CODES.learningRateAboveGradientDescentBound,
        severity: 'info',
        message: `lr = ${num(lr.value, 4)} is above plain gradient descent's bound 2/λmax = ${num(lr.gradientDescentMax)}, but inside the full-batch stability region of ${name}, η < ${bound}.${see}`,
        range,
      },
    ];
  }
  return [];
}

/** The hints for a parse result and its analysis; none while the text has errors. */
export function semanticHints(parsed: ParseResult, analysis: Analysis | undefined): Diagnostic[] {
  const spec = parsed.spec;
  if (!spec || !analysis) return [];
  return [...signHints(parsed, spec, analysis), ...learningRateHints(parsed, spec, analysis)];
}

/** Parser diagnostics and hints together, as the editor shows them. */
export function editorDiagnostics(parsed: ParseResult, analysis: Analysis | undefined): Diagnostic[] {
  return [...parsed.diagnostics, ...semanticHints(parsed, analysis)];
}
