/**
 * Quick fixes as pure edits: apply a "did you mean" suggestion, pad or trim a vector to the
 * dimension n, set `lr` to Goh's optimal step 2/(λmin + λmax) (docs/science.md, "Optimal step sizes"). Each returns the
 * edits only; the provider turns them into a WorkspaceEdit.
 */
import type { Analysis } from '../analysis/types';
import type { Diagnostic, SourceRange } from '../diagnostics';
import { CODES } from '../spec/codes';
import type { ParseResult, StatementKey, StatementRange } from '../spec/types';
import { HINT_CODES } from './hints';
import { num, stepText } from './text/format';
import type { QuickFix, TextEdit } from './types';

/** "Change to 'momentum'" for a diagnostic that carries a suggestion. */
export function suggestionFix(diagnostic: Diagnostic): QuickFix | undefined {
  if (diagnostic.suggestion === undefined || diagnostic.range.end <= diagnostic.range.start) return undefined;
  return {
    title: `Change to '${diagnostic.suggestion}'`,
    edits: [{ range: diagnostic.range, newText: diagnostic.suggestion }],
    diagnosticCode: diagnostic.code,
    preferred: true,
  };
}

function contains(outer: SourceRange, inner: SourceRange): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** `[a, b]` resized to `n` entries: kept entries as written, then zeros. */
function resizedList(text: string, elements: readonly SourceRange[], n: number): string {
  const kept = elements.slice(0, n).map((e) => text.slice(e.start, e.end));
  while (kept.length < n) kept.push('0');
  return `[${kept.join(', ')}]`;
}

/** Edits that make every row (or the single vector) of a statement have `n` entries. */
export function resizeEdits(text: string, range: StatementRange, n: number): TextEdit[] {
  const elements = range.elements ?? [];
  if (range.rows && range.rows.length > 0) {
    return range.rows
      .map((row) => ({ row, els: elements.filter((e) => contains(row, e)) }))
      .filter(({ els }) => els.length !== n)
      .map(({ row, els }) => ({ range: row, newText: resizedList(text, els, n) }));
  }
  if (elements.length === n) return [];
  return [{ range: range.value, newText: resizedList(text, elements, n) }];
}

function keyOfRange(parsed: ParseResult, r: SourceRange): StatementKey | undefined {
  for (const key of Object.keys(parsed.ranges) as StatementKey[]) {
    const sr = parsed.ranges[key];
    if (sr && contains(sr.statement, r)) return key;
  }
  return undefined;
}

/** Length of one row of a statement's value (its first row for matrices). */
function rowLength(range: StatementRange): number | undefined {
  const elements = range.elements;
  if (!elements) return undefined;
  const row = range.rows?.[0];
  return row ? elements.filter((e) => contains(row, e)).length : elements.length;
}

/** Fixes for a dimension mismatch (GG203): resize the offending vector to n, or w to its length. */
export function dimensionFixes(text: string, parsed: ParseResult, diagnostic: Diagnostic): QuickFix[] {
  if (diagnostic.code !== CODES.dimensionMismatch) return [];
  const key = keyOfRange(parsed, diagnostic.range);
  if (!key || key === 'w') return [];
  const target = parsed.ranges[key];
  if (!target) return [];
  const w = parsed.ranges.w;
  const n = w?.elements?.length ?? Number(/expected (\d+)/.exec(diagnostic.message)?.[1] ?? NaN);
  const fixes: QuickFix[] = [];
  const name = text.slice(target.name.start, target.name.end);
  if (Number.isInteger(n) && n > 0) {
    const have = rowLength(target);
    const edits = resizeEdits(text, target, n);
    if (edits.length > 0) {
      const verb = have !== undefined && have > n ? `Trim ${name} to` : `Pad ${name} with zeros to`;
      fixes.push({ title: `${verb} n = ${n}`, edits, diagnosticCode: diagnostic.code, preferred: true });
    }
  }
  const m = rowLength(target);
  if (w && m !== undefined && m > 0 && m !== n) {
    const edits = resizeEdits(text, w, m);
    if (edits.length > 0) fixes.push({ title: `Resize w to n = ${m} (the length of ${name})`, edits, diagnosticCode: diagnostic.code });
  }
  return fixes;
}

/**
 * "Set lr to Goh's optimal step": replaces the lr value, or adds an `lr = …` line when absent.
 * Goh's 2/(λmin + λmax) is gradient descent's; when it is not inside the run's optimizer's own
 * full-batch bound (Nesterov's is smaller), the fix offers half that bound instead. None for
 * adaptive optimizers, which have no bound to fall back inside.
 */
export function optimalLearningRateFix(text: string, parsed: ParseResult, analysis: Analysis | undefined, code?: string): QuickFix | undefined {
  const lr = analysis?.learningRate;
  if (!lr || lr.optimal === null || !(lr.optimal > 0) || lr.max === null) return undefined;
  const goh = lr.optimal < lr.max;
  const value = goh ? stepText(lr.optimal, lr.max) : stepText(lr.max / 2, lr.max);
  const title = goh
    ? `Set lr to the optimal step 2/(λmin + λmax) = ${num(Number(value), 4)} (Goh)`
    : `Set lr to half the full-batch bound ${lr.maxFormula ?? ''} = ${num(Number(value), 4)}`;
  const r = parsed.ranges.lr;
  if (r) {
    if (text.slice(r.value.start, r.value.end) === value) return undefined;
    return { title, edits: [{ range: r.value, newText: value }], diagnosticCode: code, preferred: true };
  }
  const end = text.length;
  const sep = end === 0 || text.endsWith('\n') ? '' : '\n';
  return { title, edits: [{ range: { start: end, end }, newText: `${sep}lr = ${value}\n` }], diagnosticCode: code, preferred: true };
}

/**
 * Every quick fix for the diagnostics touching `range` (parser diagnostics and hints alike).
 * `diagnostics` are the ones the editor reports for the range.
 */
export function quickFixes(text: string, parsed: ParseResult, analysis: Analysis | undefined, diagnostics: readonly Diagnostic[]): QuickFix[] {
  const out: QuickFix[] = [];
  for (const d of diagnostics) {
    const s = suggestionFix(d);
    if (s) out.push(s);
    out.push(...dimensionFixes(text, parsed, d));
    if (d.code === HINT_CODES.learningRateUnstable || d.code === HINT_CODES.learningRateAboveGradientDescentBound) {
      const f = optimalLearningRateFix(text, parsed, analysis, d.code);
      if (f) out.push(f);
    }
  }
  return out;
}
