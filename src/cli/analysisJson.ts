/**
 * The analysis as the CLI prints it with `--json`: the core `Analysis` object with a
 * `schemaVersion` in front, described by docs/analysis.schema.json (docs/analysis-json.md in
 * words). The version lives here, at the CLI's output, not in the core type: the panel and the
 * tests use `Analysis` in memory, where a version says nothing.
 *
 * Bump SCHEMA_VERSION when a field is removed, renamed, or changes type or nullability; adding a
 * field is compatible (the published schema allows unknown fields) but is documented in the schema
 * in the same change (test/unit/cliSchema.test.ts checks every field is described).
 */
import { pathPoints, recordsSamples } from '../core/analysis/runPath';
import type { Analysis, PathPoint, RunResult } from '../core/analysis/types';

/** The version of the analysis JSON's shape. */
export const SCHEMA_VERSION = 1;

/** A run as JSON writes it: the path's columns (runPath.ts) as one object per entry. */
export type RunJson = Omit<RunResult, 'path'> & { readonly path: PathPoint[] };

/** An analysis as JSON writes it: every run's path as plain entries. */
export type AnalysisJson = Omit<Analysis, 'run' | 'variants'> & { readonly run: RunJson; readonly variants: AnalysisJson[] };

/** The document `analyze --json` prints: `{ schemaVersion, ...analysis }`. */
export type AnalysisDocument = { readonly schemaVersion: typeof SCHEMA_VERSION } & AnalysisJson;

/**
 * `analysis` with its runs' paths (and its variants') as plain entries. `sampleInputs` is written
 * only when some entry recorded a batch's samples: nothing else reads it, and for a full batch of
 * n = 100 it would be 65,536 numbers nobody draws.
 */
export function analysisAsJson(analysis: Analysis): AnalysisJson {
  const { sampleInputs, ...rest } = analysis;
  return {
    ...rest,
    run: { ...analysis.run, path: pathPoints(analysis.run.path) },
    variants: analysis.variants.map(analysisAsJson),
    ...(sampleInputs && recordsSamples(analysis.run.path) ? { sampleInputs } : {}),
  };
}

export function analysisDocument(analysis: Analysis): AnalysisDocument {
  return { schemaVersion: SCHEMA_VERSION, ...analysisAsJson(analysis) };
}

/**
 * The JSON text on one line: a run of 1,000 steps with n = 100 is 300,000 numbers, and indenting
 * each on its own line triples the output and the time to write it (pipe it to `jq` to read).
 */
export function analysisJson(analysis: Analysis): string {
  return JSON.stringify(analysisDocument(analysis));
}
