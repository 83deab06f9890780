/**
 * The sign strip: one column per step, one row per weight, each cell the sign of that component
 * of the step's batch gradient g = (1/|B|) Σ δₚ xₚ. With positive inputs and batch 1, g = δ·x has
 * every component of the sign of δ, so each column is a single colour (docs/science.md): the
 * pattern is visible for any n, where the plane shows only two weights at a time.
 */
import type { Analysis } from '../analysis/types';

export interface SignStrip {
  /** Columns drawn (≤ maxColumns: long runs show every k-th step). */
  readonly columns: number;
  /** Rows drawn: min(n, maxRows) weights, w1 first. */
  readonly rows: number;
  /** Path index of each column. */
  readonly entries: readonly number[];
  /** signs[c · rows + r] ∈ {−1, 0, 1}: sign of gradient component r at column c. */
  readonly signs: Int8Array;
  /** Share of the drawn columns (with a non-zero gradient) whose non-zero cells all have one sign (0..1). */
  readonly uniformShare: number;
  /**
   * "Sign-coherent gradients" over ALL steps (not only the drawn columns): the analysis's
   * RunResult.gradientSignCoherentFraction, or the same count made here when an analysis predates
   * that field. What the strip's caption quotes.
   */
  readonly gradientShare: number;
  /** Names of the rows ("w1", …). */
  readonly names: readonly string[];
}

/** 1 / 0: the batch gradient g's non-zero weight components (the first n) share one sign; null: none is non-zero. */
function coherent(g: ArrayLike<number>, n: number): boolean | null {
  let pos = 0;
  let neg = 0;
  for (let r = 0; r < n; r++) {
    const v = g[r];
    if (v > 0) pos++;
    else if (v < 0) neg++;
  }
  return pos + neg === 0 ? null : pos === 0 || neg === 0;
}

/** The share of the steps 0 … stepped − 1 whose batch gradient is sign-coherent (the engine's definition). */
function gradientShareOf(analysis: Analysis, stepped: number, n: number): number {
  const given: unknown = analysis.run?.gradientSignCoherentFraction;
  if (typeof given === 'number' && Number.isFinite(given)) return given;
  let yes = 0;
  let counted = 0;
  for (let k = 0; k < stepped; k++) {
    const p = analysis.run.path;
    const c = coherent(p.gradient.subarray(k * p.q, (k + 1) * p.q), n);
    if (c === null) continue;
    counted++;
    if (c) yes++;
  }
  return counted > 0 ? yes / counted : 0;
}

export function signStrip(analysis: Analysis, maxColumns = 1200, maxRows = 64): SignStrip {
  const path = analysis.run?.path;
  const n = Math.max(1, analysis.dimension);
  const rows = Math.min(n, maxRows);
  // Every entry that has a step after it; the last one only carries the next batch's gradient.
  const length = path?.length ?? 0;
  const stepped = Math.max(0, length - 1) || length;
  const columns = Math.min(stepped, maxColumns);
  const entries: number[] = [];
  for (let c = 0; c < columns; c++) entries.push(columns === stepped ? c : Math.floor((c * stepped) / columns));
  const signs = new Int8Array(columns * rows);
  let uniform = 0;
  let counted = 0;
  entries.forEach((k, c) => {
    const g = path!.gradient.subarray(k * path!.q, (k + 1) * path!.q);
    let pos = 0;
    let neg = 0;
    for (let r = 0; r < n; r++) {
      const v = g[r];
      const s = v > 0 ? 1 : v < 0 ? -1 : 0;
      if (s > 0) pos++;
      else if (s < 0) neg++;
      if (r < rows) signs[c * rows + r] = s;
    }
    if (pos + neg > 0) {
      counted++;
      if (pos === 0 || neg === 0) uniform++;
    }
  });
  const names = (analysis.hessian?.parameters ?? []).slice(0, rows);
  while (names.length < rows) names.push(`w${names.length + 1}`);
  return {
    columns,
    rows,
    entries,
    signs,
    uniformShare: counted > 0 ? uniform / counted : 1,
    gradientShare: gradientShareOf(analysis, path.length > 1 ? path.length - 1 : 0, n),
    names,
  };
}
