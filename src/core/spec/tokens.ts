/**
 * The token store of the `.neuron` lexer (lexer.ts): token kinds, and the tokens as parallel typed
 * arrays, with one shared store of the values of every list of plain numbers.
 */

import type { SourceRange } from '../diagnostics';

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
