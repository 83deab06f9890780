/**
 * CodeLens text above the model line: a command to open the panel and a one-line summary of the
 * run, e.g. "κ = 7.0 · converges at step 143 · zig-zag 3.2×".
 */
import type { Analysis } from '../analysis/types';
import type { SourceRange } from '../diagnostics';
import type { ParseResult } from '../spec/types';
import { fixed, num } from './text/format';

/** Title of the lens that opens the panel. */
export const SHOW_PANEL_TITLE = 'Show Gradient Geometry';

/** κ with one decimal (κ = 7.0), or three significant digits when large; ∞ when singular. */
export function kappaText(kappa: number | null): string {
  if (kappa === null) return 'κ = ∞ (singular)';
  return `κ = ${kappa < 1000 ? fixed(kappa) : num(kappa)}`;
}

/** The one-line summary of an analysis. */
export function codeLensSummary(analysis: Analysis): string {
  const run = analysis.run;
  const parts = [kappaText(analysis.hessian.conditionNumber)];
  if (run.diverged) parts.push(`diverges at step ${run.divergedAt ?? run.stepsRun}`);
  else if (run.converged && run.convergedAt !== null) parts.push(`converges at step ${run.convergedAt}`);
  else parts.push(`not converged in ${run.stepsRun} steps`);
  if (run.zigzagRatio !== null) parts.push(`zig-zag ${fixed(run.zigzagRatio)}×`);
  return parts.join(' · ');
}

/** Summary for the lens while the text has errors. */
export function codeLensErrorSummary(parsed: ParseResult): string {
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error').length;
  return `${errors} problem${errors === 1 ? '' : 's'} to fix before the numbers update`;
}

/** Where the lenses go: the model statement, else the first statement, else the start. */
export function codeLensRange(parsed: ParseResult): SourceRange {
  const model = parsed.ranges.model?.statement;
  if (model) return model;
  let first: SourceRange | undefined;
  for (const r of Object.values(parsed.ranges)) {
    if (r && (!first || r.statement.start < first.start)) first = r.statement;
  }
  return first ?? { start: 0, end: 0 };
}
