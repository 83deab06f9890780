/**
 * Generic value syntax, shared by every statement except the model:
 *
 *   value   := entry (',' entry)*          — lists: `view = w1, w2`, `compare = a, b`
 *   entry   := term ('+' term)*            — combined changes: `center + momentum(0.9)`
 *   term    := primary+                    — phrases: `batch all`, `0 fixed`
 *   primary := number | '-' number | word | word '(' primary, … ')' | '[' primary, … ']'
 *
 * Statements then check the shape they need (one number, one vector …). Recursive descent over a
 * token slice, O(tokens); nesting is capped so deep `[[[[…` cannot overflow the stack.
 */
import type { SourceRange } from '../diagnostics';
import { CODES } from './codes';
import { underflows } from './lexer';
import { TK, type Tokens } from './tokens';
import type { Problems } from './problems';
import { excerpt } from './suggest';
import { LIMITS } from './types';

export type Primary =
  | { readonly kind: 'number'; readonly value: number; readonly range: SourceRange }
  | { readonly kind: 'word'; readonly name: string; readonly range: SourceRange }
  | { readonly kind: 'vector'; readonly items: readonly Primary[]; readonly range: SourceRange }
  /**
   * A vector of plain numbers, one token from the lexer (the common case, and the bulk of big
   * files): views into the lexer's one Float64Array of values and one Int32Array of element
   * offsets, element k spanning [offsets[2k], offsets[2k + 1]) (elementRanges.ts); no object per element.
   */
  | { readonly kind: 'numbers'; readonly values: Float64Array; readonly offsets: Int32Array; readonly range: SourceRange }
  | { readonly kind: 'call'; readonly name: string; readonly nameRange: SourceRange; readonly args: readonly Primary[]; readonly range: SourceRange }
  /** A string literal "…" (a data file's name); `value` without the quotes. */
  | { readonly kind: 'string'; readonly value: string; readonly range: SourceRange }
  /** A named argument inside a call, `columns = [0, 1]`. */
  | { readonly kind: 'named'; readonly name: string; readonly nameRange: SourceRange; readonly value: Primary; readonly range: SourceRange }
  /** Something already reported; consumers stay silent about it. */
  | { readonly kind: 'error'; readonly range: SourceRange };

export type Term = readonly Primary[];

export interface Entry {
  readonly terms: readonly Term[];
  readonly range: SourceRange;
  /** Token index range [from, to) of the entry (for normalised names). */
  readonly from: number;
  readonly to: number;
}

/** Brackets deeper than this are reported (GG109) instead of recursed into. */
export const MAX_NESTING = 16;

/** Parses tokens [from, to) as a value. Never throws; reports syntax problems. */
export function parseValue(tokens: Tokens, from: number, to: number, problems: Problems): Entry[] {
  return new ValueParser(tokens, to, problems).entries(from);
}

class ValueParser {
  private pos = 0;
  private depth = 0;
  /** One unclosed-bracket report per statement: the innermost one. */
  private unclosedReported = false;
  private readonly kinds: Uint8Array;

  constructor(
    private readonly tokens: Tokens,
    private readonly end: number,
    private readonly problems: Problems,
  ) {
    this.kinds = tokens.kind;
  }

  private kind(i: number): number {
    return i < this.end ? this.kinds[i] : 0;
  }

  entries(from: number): Entry[] {
    const { tokens, problems } = this;
    this.pos = from;
    const out: Entry[] = [];
    for (;;) {
      const entryFrom = this.pos;
      const terms: Term[] = [];
      let term: Primary[] = [];
      while (this.pos < this.end) {
        const k = this.kinds[this.pos];
        if (k === TK.Comma) break;
        // '+' separates terms, except a unary plus opening a term: `lr = +0.1`.
        if (k === TK.Plus && !(term.length === 0 && this.kind(this.pos + 1) === TK.Number)) {
          const plus = tokens.range(this.pos);
          if (term.length === 0) problems.error(CODES.expectedValue, plus, "Expected a value before '+'.");
          else terms.push(term);
          term = [];
          this.pos++;
          if (this.pos >= this.end || this.kinds[this.pos] === TK.Comma) problems.error(CODES.expectedValue, plus, "Expected a value after '+'.");
          continue;
        }
        if (startsPrimary(k)) term.push(this.primary());
        else {
          problems.error(
            CODES.unexpectedToken,
            tokens.range(this.pos),
            `Unexpected '${tokens.text(this.pos)}': expected a value, ',' or the end of the statement.`,
          );
          this.pos++;
        }
      }
      if (term.length > 0) terms.push(term);
      if (terms.length > 0) out.push({ terms, range: { start: tokens.start[entryFrom], end: tokens.end[this.pos - 1] }, from: entryFrom, to: this.pos });
      if (this.kind(this.pos) === TK.Comma) {
        const comma = tokens.range(this.pos);
        if (this.pos === entryFrom) problems.error(CODES.expectedValue, comma, "Expected a value before ','.");
        this.pos++;
        if (this.pos >= this.end) problems.error(CODES.expectedValue, comma, "Expected a value after ','.");
        continue;
      }
      return out;
    }
  }

  private primary(): Primary {
    const { tokens } = this;
    const i = this.pos;
    const k = this.kinds[i];
    if (k === TK.Number) {
      this.pos++;
      return this.number(tokens.value[i], tokens.range(i));
    }
    if (k === TK.Minus || k === TK.Plus) {
      this.pos++;
      if (this.kind(i + 1) !== TK.Number) {
        this.problems.error(CODES.expectedNumber, tokens.range(i), `Expected a number after '${tokens.text(i)}'.`);
        return { kind: 'error', range: tokens.range(i) };
      }
      this.pos++;
      const v = tokens.value[i + 1];
      return this.number(k === TK.Minus ? -v : v, { start: tokens.start[i], end: tokens.end[i + 1] });
    }
    if (k === TK.String) {
      this.pos++;
      return { kind: 'string', value: tokens.source.slice(tokens.start[i] + 1, tokens.end[i] - 1), range: tokens.range(i) };
    }
    if (k === TK.Ident) {
      this.pos++;
      if (this.kind(this.pos) === TK.LParen) {
        const list = this.list(TK.RParen);
        if (list === undefined) return { kind: 'error', range: tokens.range(i) };
        return { kind: 'call', name: tokens.text(i), nameRange: tokens.range(i), args: list.items, range: { start: tokens.start[i], end: list.end } };
      }
      return { kind: 'word', name: tokens.text(i), range: tokens.range(i) };
    }
    if (k === TK.Numbers) {
      this.pos++;
      return { kind: 'numbers', values: tokens.listValues(i), offsets: tokens.listOffsets(i), range: { start: tokens.start[i], end: tokens.end[i] } };
    }
    // '[' (startsPrimary admits nothing else)
    const list = this.list(TK.RBracket);
    if (list === undefined) return { kind: 'error', range: tokens.range(i) };
    return { kind: 'vector', items: list.items, range: { start: tokens.start[i], end: list.end } };
  }

  private number(value: number, r: SourceRange): Primary {
    const literal = excerpt(this.tokens.source.slice(r.start, r.end));
    if (!Number.isFinite(value) || Math.abs(value) > LIMITS.maxMagnitude) {
      this.problems.error(
        CODES.nonFinite,
        r,
        `Expected a number of magnitude at most ${LIMITS.maxMagnitude.toExponential()} (larger ones overflow the loss), found '${literal}'.`,
      );
      return { kind: 'error', range: r };
    }
    if (value === 0 && underflows(literal)) {
      this.problems.error(CODES.nonFinite, r, `Expected a number double precision can hold; '${literal}' is too small and would read as 0.`);
      return { kind: 'error', range: r };
    }
    return { kind: 'number', value, range: r };
  }

  /** Parses `open item, item, … close` with pos on the opener. */
  private list(close: number): { items: Primary[]; end: number } | undefined {
    const { tokens, problems } = this;
    const open = this.pos;
    const closeText = close === TK.RParen ? ')' : ']';
    this.pos++;
    if (this.depth >= MAX_NESTING) {
      problems.error(CODES.tooDeep, tokens.range(open), `Brackets are nested more than ${MAX_NESTING} deep; expected at most a matrix like [[1, 2], [3, 4]].`);
      this.pos = this.end;
      // The outer brackets are unclosed only because we skipped their ends: stay silent about them.
      this.unclosedReported = true;
      return undefined;
    }
    this.depth++;
    const items: Primary[] = [];
    try {
      for (;;) {
        if (this.pos >= this.end) return this.unclosed(open, closeText, items);
        let k = this.kinds[this.pos];
        if (k === close) {
          this.pos++;
          return { items, end: tokens.end[this.pos - 1] };
        }
        if (items.length > 0) {
          if (k !== TK.Comma) {
            problems.error(CODES.expectedCloser, tokens.range(this.pos), `Expected ',' or '${closeText}' after the element, found '${tokens.text(this.pos)}'.`);
            return this.skipToCloser(open, closeText, items);
          }
          this.pos++;
          if (this.pos >= this.end) return this.unclosed(open, closeText, items);
          k = this.kinds[this.pos];
          if (k === close) {
            // A trailing comma is harmless (multi-line matrices often end with one).
            this.pos++;
            return { items, end: tokens.end[this.pos - 1] };
          }
        }
        if (!startsPrimary(k)) {
          problems.error(CODES.expectedNumber, tokens.range(this.pos), `Expected a number or '${closeText}', found '${tokens.text(this.pos)}'.`);
          return this.skipToCloser(open, closeText, items);
        }
        if (close === TK.RParen && k === TK.Ident && this.kind(this.pos + 1) === TK.Equals && startsPrimary(this.kind(this.pos + 2))) {
          // A named argument of a call: `csv("data.csv", columns = [0, 1])`.
          const at = this.pos;
          this.pos += 2;
          const value = this.primary();
          items.push({ kind: 'named', name: tokens.text(at), nameRange: tokens.range(at), value, range: { start: tokens.start[at], end: value.range.end } });
          continue;
        }
        items.push(this.primary());
      }
    } finally {
      this.depth--;
    }
  }

  private unclosed(open: number, closeText: string, items: Primary[]): { items: Primary[]; end: number } {
    if (!this.unclosedReported) {
      this.unclosedReported = true;
      this.problems.error(
        CODES.unclosedBracket,
        this.tokens.range(open),
        `Unclosed '${this.tokens.text(open)}': expected '${closeText}' before the end of the statement.`,
      );
    }
    return { items, end: this.tokens.end[this.end - 1] };
  }

  /** Error recovery inside a list: skip to this list's closing bracket (or the statement end). */
  private skipToCloser(open: number, closeText: string, items: Primary[]): { items: Primary[]; end: number } {
    let depth = 0;
    while (this.pos < this.end) {
      const k = this.kinds[this.pos];
      if (k === TK.LBracket || k === TK.LParen) depth++;
      else if (k === TK.RBracket || k === TK.RParen) {
        if (depth === 0) {
          this.pos++;
          return { items, end: this.tokens.end[this.pos - 1] };
        }
        depth--;
      }
      this.pos++;
    }
    return this.unclosed(open, closeText, items);
  }
}

function startsPrimary(k: number): boolean {
  return k === TK.Number || k === TK.Numbers || k === TK.Ident || k === TK.LBracket || k === TK.Minus || k === TK.Plus || k === TK.String;
}
