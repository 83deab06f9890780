/**
 * Tokeniser for `.neuron` text. One pass, no regular expressions: O(length).
 * Comments (`#`, `//`) and whitespace vanish; line breaks survive only as the `lineStart` flag of
 * the next token, which is all the statement splitter needs. Unknown characters are reported
 * (GG101, one diagnostic per run) and skipped.
 *
 * A bracketed list of plain numbers, `[0.5, -1, 2e-3]` (signs, commas, line breaks and comments
 * between them, a trailing comma), becomes ONE token (TK.Numbers) whose values go straight into
 * one growing Float64Array and whose element ranges into one Int32Array: a 100,000 × 38 matrix is
 * 100,000 row tokens and 3.8 million doubles, not 7.8 million tokens. A list that is anything
 * else (a nested bracket, a word, a number out of range, an unknown character) is tokenised
 * as usual and the value parser reads or reports it. Each `[` scans forward at most to the next
 * `[` or non-list character, so the scans never overlap: still O(length).
 */
import type { SourceRange } from '../diagnostics';
import { CODES } from './codes';
import type { Problems } from './problems';
import { escapeControls } from './suggest';
import { LIMITS } from './types';

/** Token kinds. Unicode spellings map onto the ASCII ones (`·` → Dot, `−` → Minus). */
export const TK = {
  Ident: 1,
  Number: 2,
  LBracket: 3,
  RBracket: 4,
  LParen: 5,
  RParen: 6,
  Comma: 7,
  Equals: 8,
  Tilde: 9,
  Semicolon: 10,
  Plus: 11,
  Minus: 12,
  Star: 13,
  Dot: 14,
  At: 15,
  Caret: 16,
  Transpose: 17,
  String: 18,
  /** `[n, -n, …]`: a whole list of plain numbers (its `value` is the list's index, see `Tokens.listValues`). */
  Numbers: 19,
} as const;
export type TokenKind = (typeof TK)[keyof typeof TK];

/**
 * The tokens as parallel typed arrays (struct of arrays): a megabyte of numbers makes hundreds of
 * thousands of tokens, and one object per token would keep the garbage collector busy.
 */
export class Tokens {
  length = 0;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** 1 when the token is the first on its line (a line break or the text start precedes it). */
  lineStart: Uint8Array;
  /** Number tokens: the value (±Infinity for 1e999); Numbers tokens: the list's index L; NaN otherwise. */
  value: Float64Array;
  /** The elements of every Numbers list, in text order: element e has value `numbers[e]` … */
  numbers: Float64Array;
  /** … and spans [elementOffsets[2e], elementOffsets[2e + 1]) (its sign included). */
  elementOffsets: Int32Array;
  /** List L holds elements listStart[L] … listStart[L + 1] − 1. */
  listStart: Int32Array;
  /** Number of lists, and of their elements. */
  lists = 0;
  elements = 0;

  constructor(
    readonly source: string,
    capacity = 64,
  ) {
    this.kind = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.lineStart = new Uint8Array(capacity);
    this.value = new Float64Array(capacity);
    // Number-heavy text has about one element per 2–3 characters; the arrays double when full.
    const elements = Math.max(16, source.length >> 3);
    this.numbers = new Float64Array(elements);
    this.elementOffsets = new Int32Array(2 * elements);
    this.listStart = new Int32Array(Math.max(16, elements >> 4));
  }

  push(kind: TokenKind, start: number, end: number, lineStart: boolean, value: number): void {
    if (this.length === this.kind.length) this.grow();
    const i = this.length++;
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.lineStart[i] = lineStart ? 1 : 0;
    this.value[i] = value;
  }

  /**
   * The source text of token i, as written; a Numbers token reads as its opening '[' (what the
   * messages about an unexpected token quote, as before lists were one token: it can be megabytes).
   */
  text(i: number): string {
    return this.kind[i] === TK.Numbers ? '[' : this.source.slice(this.start[i], this.end[i]);
  }

  /** The kind of token i, or 0 past `to` (so lookahead needs no bounds checks). */
  kindAt(i: number, to: number): TokenKind | 0 {
    return i < to ? (this.kind[i] as TokenKind) : 0;
  }

  /** True when token i (< to) is the identifier `word`. */
  isWord(i: number, to: number, word: string): boolean {
    return i < to && this.kind[i] === TK.Ident && this.end[i] - this.start[i] === word.length && this.source.startsWith(word, this.start[i]);
  }

  /** Where token i is, for a message about it; a Numbers token as its opening '[' (see `text`). */
  range(i: number): SourceRange {
    return { start: this.start[i], end: this.kind[i] === TK.Numbers ? this.start[i] + 1 : this.end[i] };
  }

  /** The values of Numbers token i: a view into `numbers`, no copy. */
  listValues(i: number): Float64Array {
    const L = this.value[i];
    return this.numbers.subarray(this.listStart[L], this.listStart[L + 1]);
  }

  /** The element offsets of Numbers token i (element k: [2k], [2k + 1]): a view, no copy. */
  listOffsets(i: number): Int32Array {
    const L = this.value[i];
    return this.elementOffsets.subarray(2 * this.listStart[L], 2 * this.listStart[L + 1]);
  }

  /** Appends one list element (called while a list is being scanned). */
  pushElement(value: number, start: number, end: number): void {
    if (this.elements === this.numbers.length) {
      const v = new Float64Array(this.numbers.length * 2);
      v.set(this.numbers);
      this.numbers = v;
      const o = new Int32Array(this.elementOffsets.length * 2);
      o.set(this.elementOffsets);
      this.elementOffsets = o;
    }
    this.numbers[this.elements] = value;
    this.elementOffsets[2 * this.elements] = start;
    this.elementOffsets[2 * this.elements + 1] = end;
    this.elements++;
  }

  /** Closes the list whose elements start at `first`: returns its index L. */
  pushList(first: number): number {
    if (this.lists + 2 > this.listStart.length) {
      const l = new Int32Array(this.listStart.length * 2);
      l.set(this.listStart);
      this.listStart = l;
    }
    const L = this.lists++;
    this.listStart[L] = first;
    this.listStart[L + 1] = this.elements;
    return L;
  }

  /**
   * Trims the list store to what was used, before any view is taken: the views the parser hands
   * out (a matrix's rows in the spec) then keep exactly the numbers alive, not the slack.
   */
  finish(): void {
    if (this.elements < this.numbers.length) {
      this.numbers = this.numbers.slice(0, this.elements);
      this.elementOffsets = this.elementOffsets.slice(0, 2 * this.elements);
    }
  }

  private grow(): void {
    const n = this.kind.length * 2;
    const k = new Uint8Array(n);
    k.set(this.kind);
    this.kind = k;
    const s = new Int32Array(n);
    s.set(this.start);
    this.start = s;
    const e = new Int32Array(n);
    e.set(this.end);
    this.end = e;
    const l = new Uint8Array(n);
    l.set(this.lineStart);
    this.lineStart = l;
    const v = new Float64Array(n);
    v.set(this.value);
    this.value = v;
  }
}

/** Identifier characters: ASCII letters, `_`, and the Greek block (η, β, ρ …); digits after the first. */
function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 0x370 && c <= 0x3ff);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}
function isMinus(c: number): boolean {
  return c === 45 || c === 0x2212;
}

/** Punctuation kind of a character code, or undefined. A switch: no hash lookups in the hot loop. */
function punct(c: number): TokenKind | 0 {
  switch (c) {
    case 0x5b:
      return TK.LBracket;
    case 0x5d:
      return TK.RBracket;
    case 0x28:
      return TK.LParen;
    case 0x29:
      return TK.RParen;
    case 0x2c:
      return TK.Comma;
    case 0x3d:
      return TK.Equals;
    case 0x7e:
      return TK.Tilde;
    case 0x3b:
      return TK.Semicolon;
    case 0x2b:
      return TK.Plus;
    case 0x2d:
    case 0x2212:
      return TK.Minus;
    case 0x2a:
      return TK.Star;
    case 0x2e:
    case 0xb7:
    case 0x22c5:
    case 0x2219:
      return TK.Dot;
    case 0x40:
      return TK.At;
    case 0x5e:
      return TK.Caret;
    case 0x1d40:
      return TK.Transpose;
    default:
      return 0;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 0x2028 || c === 0x2029 || c === 0x3000;
}

/** Splits `text` into tokens, reporting unknown characters to `problems`. */
export function tokenize(text: string, problems: Problems): Tokens {
  // Lists of numbers are one token each, so even a number-heavy text has few tokens (a text of
  // statements about one per 4 characters); the arrays double when full.
  const tokens = new Tokens(text, Math.max(64, text.length >> 4));
  const n = text.length;
  let lineStart = true;
  let badStart = -1;
  const flushBad = (end: number): void => {
    if (badStart < 0) return;
    reportBad(text, { start: badStart, end }, problems);
    badStart = -1;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      flushBad(i);
      lineStart = true;
      i++;
      continue;
    }
    if (isSpace(c)) {
      flushBad(i);
      i++;
      continue;
    }
    if (c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(i + 1) === 47)) {
      flushBad(i);
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      flushBad(i);
      i = scanNumber(text, i);
      tokens.push(TK.Number, start, i, lineStart, numberValue(text, start, i));
      lineStart = false;
      continue;
    }
    if (isIdentStart(c)) {
      flushBad(i);
      i++;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      tokens.push(TK.Ident, start, i, lineStart, NaN);
      lineStart = false;
      continue;
    }
    if (c === 34 /* " */) {
      // A string (a data file's name): to the next '"' on the same line, no escapes.
      flushBad(i);
      i++;
      while (i < n && text.charCodeAt(i) !== 34 && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      if (text.charCodeAt(i) === 34) {
        i++;
        tokens.push(TK.String, start, i, lineStart, NaN);
        lineStart = false;
      } else {
        problems.error(
          CODES.unterminatedString,
          { start, end: i },
          `Unclosed string ${escapeControls(text.slice(start, Math.min(i, start + 24)))}…: expected a closing '"' on the same line.`,
        );
      }
      continue;
    }
    if (c === 0x5b /* [ */) {
      flushBad(i);
      const end = scanNumberList(text, i, tokens);
      if (end > 0) {
        tokens.push(TK.Numbers, start, end, lineStart, tokens.lists - 1);
        lineStart = false;
        i = end;
        continue;
      }
    }
    const kind = punct(c);
    if (kind !== 0) {
      flushBad(i);
      tokens.push(kind, start, i + 1, lineStart, NaN);
      lineStart = false;
      i++;
      continue;
    }
    // Unknown: extend the current bad run; keep surrogate pairs whole so ranges never split one.
    if (badStart < 0) badStart = i;
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
  }
  flushBad(n);
  tokens.finish();
  return tokens;
}

/** Skips spaces, line breaks and comments from i; returns the next other position. */
function skipTrivia(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || isSpace(c)) i++;
    else if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) {
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else break;
  }
  return i;
}

/**
 * With text[open] = '[': reads `[ (sign? number ,)* (sign? number)? ,? ]` into the list store and
 * returns the position after ']', or −1 (store unchanged) when the list is anything else. Numbers
 * out of range (|v| > LIMITS.maxMagnitude, or a non-zero literal that reads as 0) give up too,
 * so that the value parser reports them exactly as before.
 */
function scanNumberList(text: string, open: number, tokens: Tokens): number {
  const first = tokens.elements;
  let i = skipTrivia(text, open + 1);
  for (;;) {
    let c = text.charCodeAt(i);
    if (c === 0x5d /* ] */) break;
    const elementStart = i;
    let negative = false;
    if (c === 43 || isMinus(c)) {
      negative = !(c === 43);
      i = skipTrivia(text, i + 1);
      c = text.charCodeAt(i);
    }
    if (!(isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1))))) return giveUp(tokens, first);
    const numberStart = i;
    i = scanNumber(text, i);
    const v = numberValue(text, numberStart, i);
    if (!(Math.abs(v) <= LIMITS.maxMagnitude) || (v === 0 && underflows(text.slice(numberStart, i)))) return giveUp(tokens, first);
    tokens.pushElement(negative ? -v : v, elementStart, i);
    i = skipTrivia(text, i);
    c = text.charCodeAt(i);
    if (c === 0x2c /* , */) i = skipTrivia(text, i + 1);
    else if (c !== 0x5d) return giveUp(tokens, first);
  }
  tokens.pushList(first);
  return i + 1;
}

function giveUp(tokens: Tokens, first: number): -1 {
  tokens.elements = first;
  return -1;
}

/** A literal with a non-zero digit in its mantissa that still reads as 0 (e.g. 1e-400). */
export function underflows(literal: string): boolean {
  const e = literal.search(/[eE]/);
  return /[1-9]/.test(e < 0 ? literal : literal.slice(0, e));
}

/** digits [. digits] [e [sign] digits]; the exponent is taken only when digits follow it. */
function scanNumber(text: string, i: number): number {
  const n = text.length;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 46) {
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    let k = i + 1;
    const s = text.charCodeAt(k);
    if (s === 43 || isMinus(s)) k++;
    if (isDigit(text.charCodeAt(k))) {
      while (k < n && isDigit(text.charCodeAt(k))) k++;
      i = k;
    }
  }
  return i;
}

/**
 * The value of the number literal text[start, end). Fast path for plain decimals with at most 15
 * digits: the digits form an exact integer m < 2⁵³ and 10^k (k ≤ 15) is exact, so m / 10^k is the
 * correctly rounded quotient, identical to Number(). Anything else goes through Number().
 */
function numberValue(text: string, start: number, end: number): number {
  if (end - start <= 16) {
    let m = 0;
    let digits = 0;
    let scale = -1;
    let simple = true;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 46 && scale < 0) scale = 0;
      else if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        if (scale >= 0) scale++;
      } else {
        simple = false;
        break;
      }
    }
    if (simple && digits > 0 && digits <= 15) return scale > 0 ? m / POW10[scale] : m;
  }
  const slice = text.slice(start, end);
  // Only a Unicode minus in the exponent needs rewriting for Number().
  return Number(slice.indexOf('\u2212') >= 0 ? slice.replace('\u2212', '-') : slice);
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];

function reportBad(text: string, range: SourceRange, problems: Problems): void {
  const len = range.end - range.start;
  const shown = escapeControls(len > 20 ? `${text.slice(range.start, range.start + 20)}…` : text.slice(range.start, range.end));
  problems.error(
    CODES.unexpectedCharacter,
    range,
    `Unexpected character${len > 1 ? 's' : ''} '${shown}': expected a name, a number, a comment (# or //) or one of = ~ [ ] ( ) , ; + · *.`,
  );
}
