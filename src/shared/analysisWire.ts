/**
 * The 'analysis' message on the wire. A path entry records its batch and δₚ (up to 64 numbers
 * each), so a run of 2,000 full-batch steps with three `compare` variants carries about a million
 * numbers: as plain arrays that is ~10 MB of JSON and as many small arrays for the webview to
 * clone. On the wire they travel instead in two typed arrays per message (VS Code transfers typed
 * arrays to webviews as binary buffers, and structured clone copies them in one block), and the
 * webview puts them back into the entries (and the entries' other fields travel in columns, see
 * `PackedPaths`). The numbers are bit-identical: a Float64Array holds a
 * double exactly, and the order of the entries' keys is the engine's. The batch and δₚ columns
 * (`PackedSamples`, `packAnalysis`, `unpackAnalysis`) live in analysisWireSamples.ts and are
 * re-exported here; this module holds the other columns and the message's two sides.
 *
 * Pure TypeScript: no vscode, no DOM.
 */
import type { Analysis, PathPoint } from '../core/analysis/types';
import type { HostMessage } from './protocol';
import { packAnalysis, runsOf, sampleReader, samplesFit, unpackAnalysis, type PackedSamples } from './analysisWireSamples';

export { packAnalysis, unpackAnalysis, type PackedSamples } from './analysisWireSamples';

/**
 * Every other field of the path entries, column by column: the runs' paths travel empty in the
 * analysis and their entries' numbers, nulls and booleans here, so the host serialises and the
 * webview parses a few kilobytes of JSON instead of thousands of small objects. Each run's entries
 * share one layout (the keys of its first entry, batch and δₚ aside, in order, and each key's width).
 */
export interface PackedPaths {
  /** Per run (the main run, then each variant's): its number of entries and its entries' layout. */
  readonly runs: readonly PackedRun[];
  /** Per entry and key, entry after entry: what the value is (see `TAG_*`). */
  readonly tags: Uint8Array;
  /** The numbers, entry after entry and key after key (a number, or the `width` components of an array). */
  readonly values: Float64Array;
}

/** One run's share of `PackedPaths`: its number of entries and its entries' layout. */
export interface PackedRun {
  readonly length: number;
  readonly keys: readonly string[];
  /** Per key: −1 a number (or null or a boolean), n ≥ 0 an array of n numbers (or null). */
  readonly widths: readonly number[];
}

/** A value in `values` (a number, or an array of `width` numbers). */
const TAG_VALUE = 0;
const TAG_NULL = 1;
const TAG_FALSE = 2;
const TAG_TRUE = 3;

/** The layout of a run's entries (batch and δₚ aside), or null when they do not share one. */
function layoutOf(path: readonly PathPoint[]): PackedRun | null {
  if (path.length === 0) return { length: 0, keys: [], widths: [] };
  const keys = Object.keys(path[0]).filter((k) => k !== 'batch' && k !== 'deltas');
  const widths = keys.map(() => -2); // −2: not seen yet (null or a boolean so far)
  for (const p of path) {
    const rec = p as unknown as Record<string, unknown>;
    let k = 0;
    for (const key in rec) {
      if (key === 'batch' || key === 'deltas') continue;
      if (keys[k] !== key) return null;
      const v = rec[key];
      if (typeof v === 'number') {
        if (widths[k] === -2) widths[k] = -1;
        else if (widths[k] !== -1) return null;
      } else if (Array.isArray(v)) {
        if (widths[k] === -2) widths[k] = v.length;
        else if (widths[k] !== v.length) return null;
        for (const x of v) if (typeof x !== 'number') return null;
      } else if (v !== null && typeof v !== 'boolean') return null;
      k++;
    }
    if (k !== keys.length) return null;
  }
  return { length: path.length, keys, widths: widths.map((w) => (w === -2 ? -1 : w)) };
}

/** The runs' entries in columns (`PackedPaths`), or null when a run's entries do not share a layout. */
function packPaths(runs: readonly Analysis[]): PackedPaths | null {
  const layouts: PackedRun[] = [];
  let tagCount = 0;
  let valueCount = 0;
  for (const r of runs) {
    const layout = layoutOf(r.run.path);
    if (!layout) return null;
    layouts.push(layout);
    tagCount += layout.length * layout.keys.length;
    for (const p of r.run.path) {
      const rec = p as unknown as Record<string, unknown>;
      for (let k = 0; k < layout.keys.length; k++) {
        const v = rec[layout.keys[k]];
        if (typeof v === 'number') valueCount++;
        else if (Array.isArray(v)) valueCount += v.length;
      }
    }
  }
  const tags = new Uint8Array(tagCount);
  const values = new Float64Array(valueCount);
  let t = 0;
  let x = 0;
  runs.forEach((r, i) => {
    const { keys } = layouts[i];
    for (const p of r.run.path) {
      const rec = p as unknown as Record<string, unknown>;
      for (let k = 0; k < keys.length; k++) {
        const v = rec[keys[k]];
        if (typeof v === 'number') {
          tags[t++] = TAG_VALUE;
          values[x++] = v;
        } else if (Array.isArray(v)) {
          tags[t++] = TAG_VALUE;
          for (let j = 0; j < v.length; j++) values[x++] = v[j] as number;
        } else tags[t++] = v === null ? TAG_NULL : v ? TAG_TRUE : TAG_FALSE;
      }
    }
  });
  return { runs: layouts, tags, values };
}

/** Whether `paths` fits the analysis' runs (with empty paths) and is self-consistent. */
function pathsFit(runs: readonly Analysis[], paths: PackedPaths): boolean {
  const { tags, values } = paths;
  if (!(tags instanceof Uint8Array) || !(values instanceof Float64Array) || !Array.isArray(paths.runs) || paths.runs.length !== runs.length) return false;
  let t = 0;
  let x = 0;
  for (let i = 0; i < runs.length; i++) {
    const layout = paths.runs[i];
    if (runs[i].run.path.length !== 0 || !Number.isInteger(layout?.length) || layout.length < 0) return false;
    if (!Array.isArray(layout.keys) || !Array.isArray(layout.widths) || layout.keys.length !== layout.widths.length) return false;
    if (!layout.widths.every((w: unknown) => typeof w === 'number' && Number.isInteger(w) && w >= -1) || !layout.keys.every((k: unknown) => typeof k === 'string' && k !== 'batch' && k !== 'deltas' && k !== '__proto__')) return false;
    const nk = layout.keys.length;
    if (t + layout.length * nk > tags.length) return false;
    for (let e = 0; e < layout.length; e++) {
      for (let k = 0; k < nk; k++) {
        const tag = tags[t++];
        if (tag === TAG_VALUE) x += layout.widths[k] < 0 ? 1 : layout.widths[k];
        else if (tag > TAG_TRUE) return false;
      }
    }
  }
  return t === tags.length && x === values.length;
}

/**
 * `packAnalysis`, then every other field of the path entries into columns (`PackedPaths`): the
 * analysis' paths travel empty. `paths` is null (and the entries stay in the analysis) when a
 * run's entries do not share one layout.
 */
export function packAnalysisFully(a: Analysis): { analysis: Analysis; samples: PackedSamples | null; paths: PackedPaths | null } {
  const { analysis, samples } = packAnalysis(a);
  const paths = packPaths(runsOf(analysis));
  if (!paths) return { analysis, samples, paths };
  const empty = (r: Analysis): Analysis => ({ ...r, run: { ...r.run, path: [] } });
  const main = empty(analysis);
  return { analysis: analysis.variants ? { ...main, variants: analysis.variants.map(empty) } : main, samples, paths };
}

/** The standard layout of an entry without a shift (descentPath.ts), built with one object literal. */
const PLAIN_KEYS = ['step', 'w', 'b', 'loss', 'gradient', 'update', 'signCoherent', 'angleToOptimum'];

/**
 * The inverse of `packAnalysisFully`: the paths' entries built again from their columns, batch
 * and δₚ put back after `gradient`, bit-identical and keys in the engine's order. Samples that do
 * not fit are left out (as `unpackAnalysis` does); columns that do not fit the analysis throw.
 */
export function unpackAnalysisFully(a: Analysis, samples: PackedSamples | null | undefined, paths: PackedPaths | null | undefined): Analysis {
  if (!paths) return unpackAnalysis(a, samples);
  const runs = runsOf(a);
  if (!pathsFit(runs, paths)) throw new Error('analysis: the packed path entries do not fit the analysis');
  let entries = 0;
  for (const r of paths.runs) entries += r.length;
  const s = samples && samplesFit(entries, samples) ? samples : null;
  const { tags, values } = paths;
  let t = 0;
  let x = 0;
  const num = (): number | boolean | null => {
    const tag = tags[t++];
    return tag === TAG_VALUE ? values[x++] : tag === TAG_NULL ? null : tag === TAG_TRUE;
  };
  const arr = (width: number): number[] | boolean | null => {
    const tag = tags[t++];
    if (tag !== TAG_VALUE) return tag === TAG_NULL ? null : tag === TAG_TRUE;
    const out = new Array<number>(width);
    for (let j = 0; j < width; j++) out[j] = values[x++];
    return out;
  };
  const read = (width: number): unknown => (width < 0 ? num() : arr(width));
  /** Each entry's batch and δₚ in turn, or null when it recorded none. */
  const sampled = sampleReader(s);
  const unpackRun = (r: Analysis, layout: PackedRun): Analysis => {
    const { keys, widths } = layout;
    const path = new Array<PathPoint>(layout.length);
    const plain = keys.length === PLAIN_KEYS.length && keys.every((k, i) => k === PLAIN_KEYS[i]);
    const gradientAt = keys.indexOf('gradient');
    const [ww, gw, uw] = [widths[1], widths[4], widths[5]];
    for (let i = 0; i < layout.length; i++) {
      const bd = sampled();
      if (plain) {
        path[i] = (
          bd
            ? { step: num(), w: read(ww), b: num(), loss: num(), gradient: read(gw), batch: bd[0], deltas: bd[1], update: read(uw), signCoherent: num(), angleToOptimum: num() }
            : { step: num(), w: read(ww), b: num(), loss: num(), gradient: read(gw), update: read(uw), signCoherent: num(), angleToOptimum: num() }
        ) as unknown as PathPoint;
        continue;
      }
      const out: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k++) {
        out[keys[k]] = read(widths[k]);
        if (bd && k === gradientAt) {
          out.batch = bd[0];
          out.deltas = bd[1];
        }
      }
      if (bd && gradientAt < 0) {
        out.batch = bd[0];
        out.deltas = bd[1];
      }
      path[i] = out as unknown as PathPoint;
    }
    return { ...r, run: { ...r.run, path } };
  };
  const main = unpackRun(a, paths.runs[0]);
  const variants = (a.variants ?? []).map((r, i) => unpackRun(r, paths.runs[i + 1]));
  return a.variants ? { ...main, variants } : main;
}

type AnalysisMessage = Extract<HostMessage, { type: 'analysis' }>;

/** The host's side: the message with its path entries packed (see the module's comment and `PackedPaths`). */
export function packAnalysisMessage(msg: AnalysisMessage): AnalysisMessage {
  const { analysis, samples, paths } = packAnalysisFully(msg.analysis);
  const { samples: _old, paths: _oldPaths, ...rest } = msg;
  return { ...rest, analysis, ...(samples ? { samples } : {}), ...(paths ? { paths } : {}) };
}

/** The webview's side: the message with its path entries built again (unchanged without packed entries). */
export function unpackAnalysisMessage(msg: AnalysisMessage): AnalysisMessage {
  if (!msg.samples && !msg.paths) return msg;
  const { samples, paths, ...rest } = msg;
  return { ...rest, analysis: unpackAnalysisFully(msg.analysis, samples, paths) };
}
