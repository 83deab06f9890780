/** Shared helpers for the editor tests. */
import { analyzeText, type AnalyzedText, type TextEdit } from '../../../src/core/editor';

/** Parse and analyse a spec text. */
export function analyzed(text: string): AnalyzedText & { text: string } {
  return { text, ...analyzeText(text) };
}

/** Offset of the first occurrence of `needle` (plus `delta`); throws when absent so tests fail loudly. */
export function at(text: string, needle: string, delta = 0): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not in text`);
  return i + delta;
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.range.start - a.range.start).reduce((t, e) => t.slice(0, e.range.start) + e.newText + t.slice(e.range.end), text);
}

/** Text of a range. */
export function textOf(text: string, r: { start: number; end: number }): string {
  return text.slice(r.start, r.end);
}
