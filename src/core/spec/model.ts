/**
 * The model statement: `f = w·x + b` (trained bias) or `f = w·x` (no bias). The product w·x may be
 * spelled `w·x`, `w.x`, `w*x`, `w@x`, `w⋅x`, `dot(w, x)`, `wᵀx`, `w^T x`, in either order (x·w),
 * and the bias may come first (`b + w·x`). Pattern matching over tokens, no recursion.
 */
import type { SourceRange } from '../diagnostics';
import { CODES } from './codes';
import { TK, type Tokens } from './lexer';
import type { Problems } from './problems';

/** What the model statement decides. */
export interface ModelForm {
  readonly hasBias: boolean;
}

const EXPECTED = "expected a model like 'w·x + b' (trained bias) or 'w·x' (no bias)";

/** Parses tokens [from, to) as a model; undefined (after a GG111) when it is not one. */
export function parseModel(tokens: Tokens, from: number, to: number, problems: Problems): ModelForm | undefined {
  const fail = (at: number, what: string, span = 1): undefined => {
    const r: SourceRange = at < to ? { start: tokens.start[at], end: tokens.end[Math.min(to, at + span) - 1] } : { start: tokens.end[to - 1], end: tokens.end[to - 1] };
    problems.error(CODES.badModel, r, `${what}: ${EXPECTED}.`);
    return undefined;
  };
  const isPlus = (i: number): boolean => tokens.kindAt(i, to) === TK.Plus;
  const describe = (i: number): string => (i < to ? `unexpected '${tokens.text(i)}'` : 'the model ends too early');

  let i = from;
  let hasBias = false;
  if (tokens.isWord(i, to, 'b')) {
    if (!isPlus(i + 1)) return fail(i + 1, i + 1 < to ? describe(i + 1) : "expected '+ w·x' after 'b'");
    hasBias = true;
    i += 2;
  }
  const end = matchProduct(tokens, i, to);
  if (end < 0) return fail(i, i < to ? `'${tokens.source.slice(tokens.start[i], tokens.end[Math.min(to, i + 3) - 1])}' is not a product of w and x` : 'the model ends too early', 3);
  i = end;
  if (i < to && !hasBias) {
    if (!isPlus(i)) return fail(i, describe(i));
    if (!tokens.isWord(i + 1, to, 'b')) return fail(i + 1, i + 1 < to ? `expected 'b' after '+', found '${tokens.text(i + 1)}'` : "expected 'b' after '+'");
    hasBias = true;
    i += 2;
  }
  if (i < to) return fail(i, describe(i));
  return { hasBias };
}

/** Matches a product of w and x at i; returns the index after it, or -1. */
function matchProduct(tokens: Tokens, i: number, to: number): number {
  const kind = (k: number): number => tokens.kindAt(k, to);
  const name = (k: number): string | undefined => (kind(k) === TK.Ident ? tokens.text(k) : undefined);
  const other = (a: string): string => (a === 'w' ? 'x' : 'w');
  const first = name(i);
  if (first === 'dot') {
    // dot(w, x) or dot(x, w)
    const a = name(i + 2);
    if (kind(i + 1) !== TK.LParen || (a !== 'w' && a !== 'x') || kind(i + 3) !== TK.Comma || name(i + 4) !== other(a) || kind(i + 5) !== TK.RParen) return -1;
    return i + 6;
  }
  if (first !== 'w' && first !== 'x') return -1;
  const op = kind(i + 1);
  if (op === TK.Dot || op === TK.Star || op === TK.At) return name(i + 2) === other(first) ? i + 3 : -1;
  // Transposes: wᵀx, w^T x (also "w^Tx", which lexes as '^' then the word "Tx").
  if (first !== 'w') return -1;
  if (op === TK.Transpose) return name(i + 2) === 'x' ? i + 3 : -1;
  if (op === TK.Caret) {
    const t = name(i + 2);
    if (t === 'Tx') return i + 3;
    if (t === 'T' && name(i + 3) === 'x') return i + 4;
  }
  return -1;
}
