/**
 * The model statement: `f = w·x + b` (trained bias) or `f = w·x` (no bias). The product w·x may be
 * spelled `w·x`, `w.x`, `w*x`, `w@x`, `w⋅x`, `dot(w, x)`, `wᵀx`, `w^T x`, in either order (x·w),
 * and the bias may come first (`b + w·x`). The input may carry a trained per-input shift s,
 * `f = w·(x + s)` = Σ wᵢ(xᵢ + sᵢ) (docs/science.md, the fixes), spelled `w·(x + s)`, `(x + s)·w`,
 * `dot(w, x + s)`, `wᵀ(x + s)`. With a hidden layer the neuron reads h instead of x: `f = w·h + b`
 * (any spelling of the product). Pattern matching over tokens, no recursion.
 */
import type { SourceRange } from '../diagnostics';
import { CODES } from './codes';
import { TK, type Tokens } from './tokens';
import type { Problems } from './problems';
import { excerpt } from './suggest';

/** What the model statement decides. */
export interface ModelForm {
  readonly hasBias: boolean;
  /** `w·(x + s)`: a trained per-input shift s. */
  readonly shift: boolean;
  /** `w·h + b`: the neuron reads a hidden layer's outputs h (spec/network.ts), not x. */
  readonly hidden: boolean;
}

const EXPECTED = "expected a model like 'w·x + b' (trained bias), 'w·x' (no bias), 'w·(x + s)' (trained shift) or 'w·h + b' (on a hidden layer h)";

/** Parses tokens [from, to) as a model; undefined (after a GG111) when it is not one. */
export function parseModel(tokens: Tokens, from: number, to: number, problems: Problems): ModelForm | undefined {
  const fail = (at: number, what: string, span = 1): undefined => {
    const r: SourceRange =
      at < to ? { start: tokens.start[at], end: tokens.end[Math.min(to, at + span) - 1] } : { start: tokens.end[to - 1], end: tokens.end[to - 1] };
    problems.error(CODES.badModel, r, `${what}: ${EXPECTED}.`);
    return undefined;
  };
  const isPlus = (i: number): boolean => tokens.kindAt(i, to) === TK.Plus;
  const describe = (i: number): string => (i < to ? `unexpected '${excerpt(tokens.text(i))}'` : 'the model ends too early');

  let i = from;
  let hasBias = false;
  if (tokens.isWord(i, to, 'b')) {
    if (!isPlus(i + 1)) return fail(i + 1, i + 1 < to ? describe(i + 1) : "expected '+ w·x' after 'b'");
    hasBias = true;
    i += 2;
  }
  const product = matchProduct(tokens, i, to);
  if (!product)
    return fail(
      i,
      i < to
        ? `'${excerpt(tokens.source.slice(tokens.start[i], tokens.end[Math.min(to, i + 3) - 1]))}' is not a product of w and x`
        : 'the model ends too early',
      3,
    );
  i = product.end;
  if (i < to && !hasBias) {
    if (!isPlus(i)) return fail(i, describe(i));
    if (!tokens.isWord(i + 1, to, 'b'))
      return fail(i + 1, i + 1 < to ? `expected 'b' after '+', found '${excerpt(tokens.text(i + 1))}'` : "expected 'b' after '+'");
    hasBias = true;
    i += 2;
  }
  if (i < to) return fail(i, describe(i));
  return { hasBias, shift: product.shift, hidden: product.hidden };
}

/** A matched product: the index after it, and whether the input is shifted (`x + s`). */
interface Product {
  readonly end: number;
  readonly shift: boolean;
  readonly hidden: boolean;
}

/**
 * Matches a product of w and the input at i, or returns undefined. The input is `x`, or `(x + s)`
 * (a trained per-input shift); inside `dot( , )` the parentheses may be left out: `dot(w, x + s)`.
 */
function matchProduct(tokens: Tokens, i: number, to: number): Product | undefined {
  const kind = (k: number): number => tokens.kindAt(k, to);
  const name = (k: number): string | undefined => (kind(k) === TK.Ident ? tokens.text(k) : undefined);
  /** `x`, `x + s` (bare only where allowed) or `(x + s)` at k: the index after it. */
  const input = (k: number, bare: boolean): Product | undefined => {
    if (name(k) === 'h') return { end: k + 1, shift: false, hidden: true };
    if (name(k) === 'x') {
      if (bare && kind(k + 1) === TK.Plus && name(k + 2) === 's') return { end: k + 3, shift: true, hidden: false };
      return { end: k + 1, shift: false, hidden: false };
    }
    if (kind(k) === TK.LParen && name(k + 1) === 'x' && kind(k + 2) === TK.Plus && name(k + 3) === 's' && kind(k + 4) === TK.RParen)
      return { end: k + 5, shift: true, hidden: false };
    return undefined;
  };
  const isProductOp = (op: number): boolean => op === TK.Dot || op === TK.Star || op === TK.At;
  if (name(i) === 'dot') {
    // dot(w, x), dot(x, w), dot(w, x + s), dot(x + s, w)
    if (kind(i + 1) !== TK.LParen) return undefined;
    if (name(i + 2) === 'w') {
      if (kind(i + 3) !== TK.Comma) return undefined;
      const x = input(i + 4, true);
      return x && kind(x.end) === TK.RParen ? { ...x, end: x.end + 1 } : undefined;
    }
    const x = input(i + 2, true);
    if (!x || kind(x.end) !== TK.Comma || name(x.end + 1) !== 'w' || kind(x.end + 2) !== TK.RParen) return undefined;
    return { ...x, end: x.end + 3 };
  }
  if (name(i) === 'w') {
    const op = kind(i + 1);
    if (isProductOp(op) || op === TK.Transpose) return input(i + 2, false);
    // w^T x (also "w^Tx", which lexes as '^' then the word "Tx"), w^T (x + s)
    if (op === TK.Caret) {
      const t = name(i + 2);
      if (t === 'Tx') return { end: i + 3, shift: false, hidden: false };
      if (t === 'Th') return { end: i + 3, shift: false, hidden: true };
      if (t === 'T') return input(i + 3, false);
    }
    return undefined;
  }
  // x·w or (x + s)·w
  const x = input(i, false);
  if (!x || !isProductOp(kind(x.end)) || name(x.end + 1) !== 'w') return undefined;
  return { ...x, end: x.end + 2 };
}
