/**
 * Text → parse result and analysis, the one pipeline every editor feature needs. Providers pass
 * their own (cached) version where they have one; this is the plain default.
 */
import { analyzeSpec } from '../analysis/analyze';
import type { Analysis } from '../analysis/types';
import { parseSpec } from '../spec/parse';
import type { ParseResult } from '../spec/types';

/** A parse result with the analysis of its spec (undefined while the text has errors). */
export interface AnalyzedText {
  readonly parsed: ParseResult;
  readonly analysis: Analysis | undefined;
}

/**
 * Parses and analyses a spec text. `files` are the data files (`csv("…")`, `npy("…")`) it parses
 * with, by path as written: whoever only parses (an embedded document's budget) reads the same ones.
 */
export interface TextAnalyzer {
  (specText: string): AnalyzedText;
  readonly files?: ReadonlyMap<string, Uint8Array>;
}

/** The plain pipeline: parseSpec, then analyzeSpec when the spec is valid. */
export const analyzeText: TextAnalyzer = (specText) => {
  const parsed = parseSpec(specText);
  return { parsed, analysis: parsed.spec ? analyzeSpec(parsed.spec) : undefined };
};

/**
 * A memo of the last few texts analysed (spec texts repeat as the cursor moves over one document).
 * Small and bounded: least recently used first out.
 */
export function memoizedAnalyzer(inner: TextAnalyzer = analyzeText, size = 8): TextAnalyzer {
  const cache = new Map<string, AnalyzedText>();
  const memo = (specText: string): AnalyzedText => {
    const hit = cache.get(specText);
    if (hit) {
      cache.delete(specText);
      cache.set(specText, hit);
      return hit;
    }
    const result = inner(specText);
    cache.set(specText, result);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return result;
  };
  return Object.assign(memo, inner.files ? { files: inner.files } : {});
}
