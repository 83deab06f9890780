/**
 * The 'analysis' message on the wire. A path entry records its batch and δₚ (up to 64 numbers
 * each), so a run of 2,000 full-batch steps with three `compare` variants carries about a million
 * numbers: as plain arrays that is ~10 MB of JSON and as many small arrays for the webview to
 * clone. On the wire they travel instead in two typed arrays per message (VS Code transfers typed
 * arrays to webviews as binary buffers, and structured clone copies them in one block), and the
 * webview puts them back into the entries (and the entries' other fields travel in columns, see
 * `PackedPaths`). The numbers are bit-identical: a Float64Array holds a
 * double exactly, and the order of the entries' keys is the engine's.
 *
 * Pure TypeScript: no vscode, no DOM.
 */
import type { Analysis, PathPoint } from '../core/analysis/types';
import type { HostMessage } from './protocol';

/** Batches and δₚ of every path entry of the main run and then of each variant's run, in order. */
export interface PackedSamples {
  /** Per entry: how many samples it recorded, or −1 when it recorded none (or not in this form). */
  readonly counts: Int32Array;
  /** Per entry: 1 when its batch is the previous recorded entry's (then it is not in `batch` again; e.g. every full batch without shuffling). */
  readonly repeats: Uint8Array;
  /** The recorded batches' sample indices, entry after entry, each repeated batch left out. */
  readonly batch: Int32Array;
  /** The recorded δₚ, entry after entry (one per sample of each recorded entry). */
  readonly deltas: Float64Array;
}

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

/** The runs of an analysis in packing order: the main run, then each variant's. */
function runsOf(a: Analysis): Analysis[] {
  return [a, ...(a.variants ?? [])];
}

const packable = (p: PathPoint): boolean => Array.isArray(p.batch) && Array.isArray(p.deltas) && p.batch.length === p.deltas.length;

/** Entry `p` without its batch and δₚ. */
function strip(p: PathPoint): PathPoint {
  const { batch: _batch, deltas: _deltas, ...rest } = p;
  return rest;
}

/** Entry `p` with `batch` and `deltas` put back where the engine writes them (after `gradient`). */
function restore(p: PathPoint, batch: number[], deltas: number[]): PathPoint {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(p)) {
    out[key] = (p as unknown as Record<string, unknown>)[key];
    if (key === 'gradient') {
      out.batch = batch;
      out.deltas = deltas;
    }
  }
  if (!('gradient' in p)) {
    out.batch = batch;
    out.deltas = deltas;
  }
  return out as unknown as PathPoint;
}

/**
 * Moves the path entries' `batch` and `deltas` into typed arrays: returns the analysis without
 * them and the packed samples (null when no entry recorded any, e.g. mini-batches above the cap).
 */
export function packAnalysis(a: Analysis): { analysis: Analysis; samples: PackedSamples | null } {
  const runs = runsOf(a);
  if (runs.every((r) => r.run.samples && r.run.samples.counts.length === r.run.path.length)) return packColumns(a);
  let entries = 0;
  let values = 0;
  let indices = 0;
  let prev: readonly number[] | null = null;
  for (const r of runs) {
    for (const p of r.run.path) {
      entries++;
      if (!packable(p)) continue;
      values += p.deltas!.length;
      if (!sameBatch(prev, p.batch!)) indices += p.batch!.length;
      prev = p.batch!;
    }
  }
  if (values === 0) return { analysis: a, samples: null };
  const counts = new Int32Array(entries);
  const repeats = new Uint8Array(entries);
  const batch = new Int32Array(indices);
  const deltas = new Float64Array(values);
  let e = 0;
  let v = 0;
  let b = 0;
  prev = null;
  const packRun = (r: Analysis): Analysis => {
    const path = r.run.path.map((p) => {
      if (!packable(p)) {
        counts[e++] = -1;
        return p;
      }
      const pb = p.batch!;
      const pd = p.deltas!;
      if (sameBatch(prev, pb)) repeats[e] = 1;
      else for (let k = 0; k < pb.length; k++) batch[b++] = pb[k];
      prev = pb;
      counts[e++] = pd.length;
      for (let k = 0; k < pd.length; k++) deltas[v++] = pd[k];
      return strip(p);
    });
    const { samples: _columns, ...run } = r.run;
    return { ...r, run: { ...run, path } };
  };
  const main = packRun(a);
  const variants = (a.variants ?? []).map(packRun);
  return { analysis: a.variants ? { ...main, variants } : main, samples: { counts, repeats, batch, deltas } };
}

/**
 * `packAnalysis` of an analysis made with `sampleColumns` (every run has RunResult.samples and its
 * entries no batch or δₚ): the runs' columns one after the other, the same arrays as packing the
 * entries would give (a run's first batch is a repeat when it is the previous run's last one).
 */
function packColumns(a: Analysis): { analysis: Analysis; samples: PackedSamples | null } {
  const cols = runsOf(a).map((r) => r.run.samples!);
  let entries = 0;
  let values = 0;
  let indices = 0;
  for (const c of cols) {
    entries += c.counts.length;
    values += c.deltas.length;
    indices += c.batch.length;
  }
  const bare = (r: Analysis): Analysis => {
    const { samples: _columns, ...run } = r.run;
    return { ...r, run };
  };
  const main = bare(a);
  const analysis = a.variants ? { ...main, variants: a.variants.map(bare) } : main;
  if (values === 0) return { analysis, samples: null };
  const counts = new Int32Array(entries);
  const repeats = new Uint8Array(entries);
  const batch = new Int32Array(indices);
  const deltas = new Float64Array(values);
  let e = 0;
  let v = 0;
  let b = 0;
  // The last recorded batch so far (in `batch`), as the entries' packing compares them.
  let prevStart = -1;
  let prevCount = -1;
  for (const c of cols) {
    counts.set(c.counts, e);
    repeats.set(c.repeats, e);
    deltas.set(c.deltas, v);
    v += c.deltas.length;
    let from = 0;
    const first = c.counts.findIndex((n) => n >= 0);
    if (first >= 0) {
      const n = c.counts[first];
      let same = prevCount === n;
      for (let k = 0; same && k < n; k++) if (batch[prevStart + k] !== c.batch[k]) same = false;
      if (same) {
        repeats[e + first] = 1;
        from = n;
      }
    }
    batch.set(c.batch.subarray(from), b);
    b += c.batch.length - from;
    e += c.counts.length;
    // This run's last recorded batch is the last one it stored (a repeat stores none).
    for (let k = c.counts.length - 1; k >= 0; k--) {
      if (c.counts[k] < 0) continue;
      if (c.batch.length - from > 0 || from === 0) {
        prevCount = c.counts[k];
        prevStart = b - prevCount;
      }
      break;
    }
  }
  return { analysis, samples: { counts, repeats, batch: b === indices ? batch : batch.slice(0, b), deltas } };
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

/** Whether batch `b` is `prev` (the same array, or the same indices). */
function sameBatch(prev: readonly number[] | null, b: readonly number[]): boolean {
  if (prev === null) return false;
  if (prev === b) return true;
  if (prev.length !== b.length) return false;
  for (let k = 0; k < b.length; k++) if (prev[k] !== b[k]) return false;
  return true;
}

/**
 * The inverse of `packAnalysis` (entries with a repeated batch share one array, as the engine
 * makes them). Packed samples that do not fit the analysis (wrong lengths, not typed arrays) are
 * ignored: the analysis is returned as it came.
 */
export function unpackAnalysis(a: Analysis, samples: PackedSamples | null | undefined): Analysis {
  if (!samples) return a;
  let entries = 0;
  for (const r of runsOf(a)) entries += r.run.path.length;
  if (!samplesFit(entries, samples)) return a;
  const { counts, repeats, batch, deltas } = samples;
  let e = 0;
  let v = 0;
  let b = 0;
  let prev: number[] = [];
  const unpackRun = (r: Analysis): Analysis => {
    const path = r.run.path.map((p) => {
      const c = counts[e];
      const repeat = repeats[e++] === 1;
      if (c < 0) return p;
      if (!repeat) {
        prev = new Array<number>(c);
        for (let k = 0; k < c; k++) prev[k] = batch[b++];
      }
      const d = new Array<number>(c);
      for (let k = 0; k < c; k++) d[k] = deltas[v++];
      return restore(p, prev, d);
    });
    return { ...r, run: { ...r.run, path } };
  };
  const main = unpackRun(a);
  const variants = (a.variants ?? []).map(unpackRun);
  return a.variants ? { ...main, variants } : main;
}


/** Whether packed samples fit `entries` path entries: typed arrays, every count fits, a repeat follows a batch of its size. */
function samplesFit(entries: number, samples: PackedSamples): boolean {
  const { counts, repeats, batch, deltas } = samples;
  if (!(counts instanceof Int32Array) || !(repeats instanceof Uint8Array) || !(batch instanceof Int32Array) || !(deltas instanceof Float64Array)) return false;
  if (entries !== counts.length || repeats.length !== entries) return false;
  let values = 0;
  let indices = 0;
  let last = -1;
  for (let k = 0; k < entries; k++) {
    const c = counts[k];
    if (c < 0) continue;
    values += c;
    if (repeats[k] === 1) {
      if (last !== c) return false;
    } else indices += c;
    last = c;
  }
  return values === deltas.length && indices === batch.length;
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
  let e = 0;
  let v = 0;
  let bi = 0;
  let prev: number[] = [];
  /** Entry e's batch and δₚ (and e moves on), or null when it recorded none. */
  const sampled = (): [number[], number[]] | null => {
    if (!s) return null;
    const c = s.counts[e];
    const repeat = s.repeats[e++] === 1;
    if (c < 0) return null;
    if (!repeat) {
      prev = new Array<number>(c);
      for (let k = 0; k < c; k++) prev[k] = s.batch[bi++];
    }
    const d = new Array<number>(c);
    for (let k = 0; k < c; k++) d[k] = s.deltas[v++];
    return [prev, d];
  };
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
