/**
 * Splits the token stream into statements. A statement ends at `;`, or at a line break when no
 * bracket is open. While a bracket is open the statement runs on across lines (multi-line
 * matrices), except that a line starting like a new statement (`name =`, `name ~`, `name* =`)
 * ends it: an unclosed bracket then costs one line's worth of diagnostics, not the whole file.
 * The value parser reports the unclosed bracket itself, at the opening bracket.
 */
import { TK, type Tokens } from './tokens';

/** Half-open token index range [from, to) of one statement. */
export interface TokenSpan {
  readonly from: number;
  readonly to: number;
}

/** Statement spans in text order; empty statements (`;;`) are dropped. O(tokens). */
export function splitStatements(tokens: Tokens): TokenSpan[] {
  const spans: TokenSpan[] = [];
  const n = tokens.length;
  const kinds = tokens.kind;
  let i = 0;
  while (i < n) {
    if (kinds[i] === TK.Semicolon) {
      i++;
      continue;
    }
    const from = i;
    let depth = 0;
    let j = i;
    while (j < n) {
      const k = kinds[j];
      if (k === TK.Semicolon) break;
      if (j > from && tokens.lineStart[j] === 1 && (depth === 0 || looksLikeStatementStart(tokens, j))) break;
      if (k === TK.LBracket || k === TK.LParen) depth++;
      else if ((k === TK.RBracket || k === TK.RParen) && depth > 0) depth--;
      j++;
    }
    spans.push({ from, to: j });
    i = j;
  }
  return spans;
}

/** `name =`, `name ~`, `name* =`, `name* ~` at token j. */
export function looksLikeStatementStart(tokens: Tokens, j: number): boolean {
  const n = tokens.length;
  if (tokens.kindAt(j, n) !== TK.Ident) return false;
  let k = j + 1;
  if (tokens.kindAt(k, n) === TK.Star) k++;
  const op = tokens.kindAt(k, n);
  return op === TK.Equals || op === TK.Tilde;
}
