/**
 * Shape checks on parsed values: "exactly one number", "a vector of numbers", "one of these
 * words". Each reports what was expected and returns undefined on failure, so statement
 * handlers stay one line per rule.
 */
import type { SourceRange } from '../diagnostics';
import { CODES, type DiagnosticCode } from './codes';
import { rangesOf } from './elementRanges';
import { lookup } from './names';
import type { Problems } from './problems';
import { didYouMean, didYouMeanText, excerpt } from './suggest';
import type { Entry, Primary } from './values';

/** What shape checks need: the text (for quoting) and where to report. */
export interface Ctx {
  readonly source: string;
  readonly problems: Problems;
}

/** A vector of numbers with each element's range. */
export interface NumberVector {
  readonly values: number[];
  readonly elements: SourceRange[];
}

/** How a value reads in "found …" messages. */
export function describe(ctx: Ctx, p: Primary): string {
  switch (p.kind) {
    case 'number':
      return `the number ${ctx.source.slice(p.range.start, p.range.end)}`;
    case 'word':
      return `'${excerpt(p.name)}'`;
    case 'vector':
    case 'numbers':
      return 'a vector';
    case 'call':
      return `'${excerpt(p.name)}(…)'`;
    case 'string':
      return `the string "${excerpt(p.value)}"`;
    case 'named':
      return `the named argument '${excerpt(p.name)} = …'`;
    case 'error':
      return 'an invalid value';
  }
}

/**
 * The one primary of a single-valued statement, or undefined after reporting extra parts.
 * `allowTail` admits trailing words (e.g. `fixed`) that the caller checks itself.
 */
export function single(ctx: Ctx, entries: readonly Entry[], what: string, allowTail = false): Primary | undefined {
  if (entries.length === 0) return undefined;
  if (entries.length > 1) {
    ctx.problems.error(CODES.unexpectedToken, entries[1].range, `Expected one value for ${what}, found a list: remove ', …'.`);
    return undefined;
  }
  const terms = entries[0].terms;
  if (terms.length > 1) {
    ctx.problems.error(CODES.unexpectedToken, terms[1][0].range, `Expected one value for ${what}; '+' combines changes only in compare.`);
    return undefined;
  }
  const term = terms[0];
  if (term.length > 1 && !allowTail) {
    const extra = term[1].range;
    ctx.problems.error(
      CODES.unexpectedToken,
      { start: extra.start, end: term[term.length - 1].range.end },
      `Unexpected ${describe(ctx, term[1])} after the value of ${what}: expected the end of the statement.`,
    );
    return undefined;
  }
  return term[0];
}

/** A finite number, or undefined after GG214. */
export function numberOf(ctx: Ctx, p: Primary, what: string): number | undefined {
  if (p.kind === 'number') return p.value;
  if (p.kind !== 'error') ctx.problems.error(CODES.wrongKind, p.range, `Expected a number for ${what}, found ${describe(ctx, p)}.`);
  return undefined;
}

/** A whole number in [min, max]; max is a LIMITS entry reported with its own code. */
export function integerOf(ctx: Ctx, p: Primary, what: string, min: number, limit?: { max: number; code: DiagnosticCode }): number | undefined {
  const v = numberOf(ctx, p, what);
  if (v === undefined) return undefined;
  if (!Number.isInteger(v)) {
    ctx.problems.error(CODES.notInteger, p.range, `Expected a whole number for ${what}, found ${v}.`);
    return undefined;
  }
  if (v < min) {
    ctx.problems.error(CODES.outOfRange, p.range, `Expected ${what} ≥ ${min}, found ${v}.`);
    return undefined;
  }
  if (limit !== undefined && v > limit.max) {
    ctx.problems.error(limit.code, p.range, `${what} = ${v} exceeds the limit of ${limit.max}.`);
    return undefined;
  }
  if (!Number.isSafeInteger(v)) {
    ctx.problems.error(CODES.outOfRange, p.range, `Expected ${what} ≤ ${Number.MAX_SAFE_INTEGER}, found ${v}.`);
    return undefined;
  }
  return v;
}

/** A non-empty vector of numbers. */
export function vectorOf(ctx: Ctx, p: Primary, what: string): NumberVector | undefined {
  if (p.kind === 'error') return undefined;
  if (p.kind === 'numbers') return nonEmpty(ctx, p, what);
  if (p.kind !== 'vector') {
    ctx.problems.error(CODES.wrongKind, p.range, `Expected a vector like [1.5, -0.5] for ${what}, found ${describe(ctx, p)}.`);
    return undefined;
  }
  return numbersIn(ctx, p.items, p.range, what);
}

/** A compact number vector as a `NumberVector`, reported (GG221) when empty. */
export function nonEmpty(ctx: Ctx, p: Extract<Primary, { kind: 'numbers' }>, what: string): NumberVector | undefined {
  if (p.values.length > 0) return { values: Array.from(p.values), elements: rangesOf(p.offsets) };
  ctx.problems.error(CODES.empty, p.range, `Expected at least one number in ${what}.`);
  return undefined;
}

/** The items of a vector as numbers; reports every non-number (all are checked, for complete feedback). */
export function numbersIn(ctx: Ctx, items: readonly Primary[], whole: SourceRange, what: string): NumberVector | undefined {
  if (items.length === 0) {
    ctx.problems.error(CODES.empty, whole, `Expected at least one number in ${what}.`);
    return undefined;
  }
  const values: number[] = new Array<number>(items.length);
  const elements: SourceRange[] = new Array<SourceRange>(items.length);
  let ok = true;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    elements[i] = it.range;
    if (it.kind === 'number') values[i] = it.value;
    else {
      ok = false;
      values[i] = NaN;
      if (it.kind !== 'error') ctx.problems.error(CODES.expectedNumber, it.range, `Expected a number in ${what}, found ${describe(ctx, it)}.`);
    }
  }
  return ok ? { values, elements } : undefined;
}

/** A word from `table`; unknown words get `code` and a "did you mean". */
export function keywordOf<T>(ctx: Ctx, p: Primary, table: Readonly<Record<string, T>>, code: DiagnosticCode, what: string): T | undefined {
  if (p.kind === 'error') return undefined;
  const names = Object.keys(table);
  const list = names.map((n) => `'${n}'`).join(', ');
  if (p.kind !== 'word') {
    ctx.problems.error(p.kind === 'call' ? code : CODES.wrongKind, p.range, `Expected ${what}: one of ${list}; found ${describe(ctx, p)}.`);
    return undefined;
  }
  const v = lookup(table, p.name);
  if (v !== undefined) return v;
  const s = didYouMean(p.name, names);
  ctx.problems.error(code, p.range, `Unknown ${what} '${excerpt(p.name)}': expected one of ${list}.${didYouMeanText(s)}`, s);
  return undefined;
}

/** The range from the first to the last primary of a term. */
export function termRange(term: readonly Primary[]): SourceRange {
  return { start: term[0].range.start, end: term[term.length - 1].range.end };
}
