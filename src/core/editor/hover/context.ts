/**
 * What every hover builder receives, and the small shared pieces: the document text, the parse
 * result, the analysis when the spec is valid, and a lazily built data set for per-sample numbers.
 */
import type { Analysis } from '../../analysis/types';
import type { SourceRange } from '../../diagnostics';
import type { Dataset } from '../../engine/dataset';
import { datasetOf } from '../datasetCache';
import type { ParseResult, Spec, StatementKey } from '../../spec/types';
import { codeSpan } from '../text/markdown';

/** Inputs of a hover builder. `spec` and `analysis` are undefined while the text has errors. */
export interface HoverContext {
  readonly text: string;
  readonly parsed: ParseResult;
  readonly spec: Spec | undefined;
  readonly analysis: Analysis | undefined;
  /** The data set the run trains on (built on first use; undefined without a spec). */
  dataset(): Dataset | undefined;
}

/** Builds a context; the data set is built on demand, once per spec. */
export function hoverContext(text: string, parsed: ParseResult, analysis: Analysis | undefined): HoverContext {
  const spec = parsed.spec;
  return {
    text,
    parsed,
    spec,
    analysis: spec ? analysis : undefined,
    dataset() {
      return spec ? datasetOf(spec) : undefined;
    },
  };
}

/** The statement's own text as an escaped code span, e.g. `lr = 0.1`. */
export function quoted(ctx: HoverContext, key: StatementKey): string {
  const r = ctx.parsed.ranges[key]?.statement;
  return r ? codeSpan(slice(ctx.text, r)) : '';
}

/** Text of a range, clamped to the document. */
export function slice(text: string, r: SourceRange): string {
  const s = Math.max(0, Math.min(r.start, text.length));
  const e = Math.max(s, Math.min(r.end, text.length));
  return text.slice(s, e);
}

/** The line shown when numbers are missing because the text has errors. */
export function noNumbersLine(ctx: HoverContext): string {
  const errors = ctx.parsed.diagnostics.filter((d) => d.severity === 'error').length;
  return errors > 0
    ? `_Live numbers appear once the spec is valid (${errors} problem${errors === 1 ? '' : 's'} to fix)._`
    : '_No analysis available for this spec._';
}

/** Eigenvalues λmax and λmin of the analysis' Hessian (descending list: first and last). */
export function extremes(analysis: Analysis): { max: number; min: number } | undefined {
  const ev = analysis.hessian.eigenvalues;
  if (ev.length === 0) return undefined;
  return { max: ev[0], min: ev[ev.length - 1] };
}

/** Join non-empty paragraphs with blank lines. */
export function paragraphs(...parts: (string | false | undefined | null)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}
