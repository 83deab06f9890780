import { LineIndex } from '../../core/diagnostics';
import { analyzeSpec } from '../../core/analysis/analyze';
import { parseSpec } from '../../core/spec/parse';
import type { Analysis } from '../../core/analysis/types';
import type { Spec } from '../../core/spec/types';
import type { PanelError } from '../../shared/protocol';
import { statementLines } from '../../shared/specEdits';
import type { StatementKey } from '../../core/spec/types';

/** The outcome of analysing one text: a picture, or the errors that prevent one. */
export type TextAnalysis =
  | {
      readonly kind: 'analysis';
      readonly analysis: Analysis;
      /** The spec analysed (the panel re-runs the core on it when a control changes) and its statements' lines. */
      readonly spec: Spec;
      readonly statementLines: Partial<Record<StatementKey, number>>;
    }
  | { readonly kind: 'errors'; readonly errors: readonly PanelError[] };

/** How many errors the panel receives (it shows the first; the rest are in the editor). */
const MAX_PANEL_ERRORS = 5;

export interface AnalyzeOptions {
  /** Steps for a spec without a `steps` statement (the gradientGeometry.defaultSteps setting). */
  readonly defaultSteps?: number;
  /** Batches and δₚ in the runs' columns (RunResult.samples), for packAnalysisMessage: the panel. */
  readonly sampleColumns?: boolean;
}

/** Whether the text parses into a valid spec (no error diagnostics). An empty text is valid: the default lesson. */
export function isValidSpec(text: string): boolean {
  return parseSpec(text).spec !== undefined;
}

/**
 * Whether a selection holds a spec worth showing: at least one statement (comments and blank
 * lines alone are no spec, though they parse as the default lesson) and no errors.
 */
export function isSpecSelection(text: string): boolean {
  const parsed = parseSpec(text);
  return parsed.spec !== undefined && Object.keys(parsed.ranges).length > 0;
}

/** Parses and analyses a spec; never throws (an engine failure becomes a located error at 1:1). */
export function analyzeText(text: string, options: AnalyzeOptions = {}): TextAnalysis {
  const parsed = parseSpec(text, { defaultSteps: options.defaultSteps });
  if (parsed.spec === undefined) {
    const index = new LineIndex(text);
    const errors = parsed.diagnostics
      .filter((d) => d.severity === 'error')
      .slice(0, MAX_PANEL_ERRORS)
      .map((d): PanelError => {
        const p = index.positionAt(d.range.start);
        return { code: d.code, message: d.message, line: p.line + 1, column: p.column + 1 };
      });
    return { kind: 'errors', errors: errors.length > 0 ? errors : [{ code: 'GG000', message: 'The spec is not valid.', line: 1, column: 1 }] };
  }
  const spec: Spec = parsed.spec;
  try {
    return { kind: 'analysis', analysis: analyzeSpec(spec, { sampleColumns: options.sampleColumns }), spec, statementLines: statementLines(text, spec) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { kind: 'errors', errors: [{ code: 'GG900', message: `The analysis failed: ${message}`, line: 1, column: 1 }] };
  }
}
