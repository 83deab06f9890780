/**
 * Element ranges of vector and matrix values, stored compactly.
 *
 * A written-out matrix of P rows and n columns has P·n elements; one `{ start, end }` object per
 * element cost about 60 bytes each (3.8 million objects, ~230 MB, for a 100,000 × 38 `x`). The
 * parser instead keeps the offsets in one typed array, element k at [2k, 2k + 1], and
 * `StatementRange.elements` of a matrix becomes a lazy, non-enumerable property: code that reads
 * it gets the same ranges as before, built on first use, while structured clone and JSON (the
 * panel's message, the analysis worker's replies) skip it. `elementCount` and `elementRangeAt`
 * answer without building the objects.
 */
import type { SourceRange } from '../diagnostics';
import type { StatementRange } from './types';

/** Element k of a value: [offsets[2k], offsets[2k + 1]). */
export type ElementOffsets = Int32Array;

/** Offsets of `count` elements, filled by `push` in reading order. */
export class OffsetsBuilder {
  private data: Int32Array;
  private used = 0;

  constructor(capacity = 16) {
    this.data = new Int32Array(Math.max(2, capacity * 2));
  }

  push(start: number, end: number): void {
    if (this.used + 2 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.used++] = start;
    this.data[this.used++] = end;
  }

  get count(): number {
    return this.used >> 1;
  }

  /** The offsets, trimmed to what was pushed. */
  finish(): ElementOffsets {
    return this.used === this.data.length ? this.data : this.data.slice(0, this.used);
  }
}

/** The ranges of every element, as objects (what `StatementRange.elements` always held). */
export function rangesOf(offsets: ArrayLike<number>): SourceRange[] {
  const n = offsets.length >> 1;
  const out = new Array<SourceRange>(n);
  for (let k = 0; k < n; k++) out[k] = { start: offsets[2 * k], end: offsets[2 * k + 1] };
  return out;
}

/** The hidden store behind a compact record's `elements`. */
const OFFSETS = new WeakMap<object, ElementOffsets>();

/**
 * Gives `record` a compact `elements`: a non-enumerable getter that builds the ranges from
 * `offsets` on first use (and keeps them), invisible to structured clone and JSON.
 */
export function setCompactElements(record: object, offsets: ElementOffsets): void {
  OFFSETS.set(record, offsets);
  let built: SourceRange[] | undefined;
  Object.defineProperty(record, 'elements', {
    enumerable: false,
    configurable: true,
    get: () => (built ??= rangesOf(offsets)),
  });
}

/** The compact offsets of a record made by `setCompactElements`, if it is one. */
export function compactOffsets(range: StatementRange): ElementOffsets | undefined {
  return OFFSETS.get(range);
}

/** How many elements the value of `range` has (undefined: not a vector or matrix). */
export function elementCount(range: StatementRange): number | undefined {
  const offsets = OFFSETS.get(range);
  if (offsets) return offsets.length >> 1;
  return range.elements?.length;
}

/** The range of element `k` (reading order, rows flattened), without building the others. */
export function elementRangeAt(range: StatementRange, k: number): SourceRange | undefined {
  const offsets = OFFSETS.get(range);
  if (offsets) return k >= 0 && 2 * k + 1 < offsets.length ? { start: offsets[2 * k], end: offsets[2 * k + 1] } : undefined;
  return range.elements?.[k];
}
