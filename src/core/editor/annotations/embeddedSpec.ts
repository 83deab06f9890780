/**
 * A spec embedded in another document (a `neuron:` comment, a fenced ```neuron block): the spec
 * text handed to the parser plus a map from spec offsets back to document offsets. The spec text
 * is made of document pieces (mapped one to one) and separators or synthesised statements (mapped
 * to `anchor`, the part of the document they stand for).
 */
import type { SourceRange } from '../../diagnostics';

/** `length` characters at `specStart` of the spec text come from `docStart` of the document. */
export interface Segment {
  readonly specStart: number;
  readonly docStart: number;
  readonly length: number;
}

export interface EmbeddedSpec {
  readonly text: string;
  /** Sorted by `specStart`, non-overlapping. */
  readonly segments: readonly Segment[];
  /** Where synthesised parts of the spec point in the document. */
  readonly anchor: SourceRange;
}

/** Builds an embedded spec from document pieces joined by `separator`, plus an optional synthesised tail. */
export function embedPieces(pieces: readonly SourceRange[], docText: string, anchor: SourceRange, separator = '\n', tail = ''): EmbeddedSpec {
  let text = '';
  const segments: Segment[] = [];
  pieces.forEach((p, k) => {
    if (k > 0) text += separator;
    segments.push({ specStart: text.length, docStart: p.start, length: p.end - p.start });
    text += docText.slice(p.start, p.end);
  });
  return { text: text + tail, segments, anchor };
}

/** Index of the last segment starting at or before `offset` (binary search), or −1. */
function segmentIndex(segments: readonly Segment[], offset: number, key: 'specStart' | 'docStart'): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid][key] <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Spec offset → document offset, or undefined for synthesised text. Segment ends are inclusive. */
export function toDocumentOffset(e: EmbeddedSpec, offset: number): number | undefined {
  const k = segmentIndex(e.segments, offset, 'specStart');
  if (k < 0) return undefined;
  const s = e.segments[k];
  return offset <= s.specStart + s.length ? s.docStart + (offset - s.specStart) : undefined;
}

/** Spec range → document range; a range touching synthesised text maps to `anchor`. */
export function toDocumentRange(e: EmbeddedSpec, r: SourceRange): SourceRange {
  const start = toDocumentOffset(e, r.start);
  const end = toDocumentOffset(e, r.end);
  if (start === undefined || end === undefined || end < start) return e.anchor;
  // A range across two pieces (separator included) spans the document between them, which is right for comments on consecutive lines.
  return { start, end };
}

/** Document offset → spec offset, or undefined outside every piece. */
export function toSpecOffset(e: EmbeddedSpec, docOffset: number): number | undefined {
  const k = segmentIndex(e.segments, docOffset, 'docStart');
  if (k < 0) return undefined;
  const s = e.segments[k];
  return docOffset <= s.docStart + s.length ? s.specStart + (docOffset - s.docStart) : undefined;
}
