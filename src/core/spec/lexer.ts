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
import { TK, Tokens, type TokenKind } from './tokens';

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
