/**
 * The 'analysis' message on the wire. A path entry records its batch and δₚ (up to 64 numbers
 * each), so a run of 2,000 full-batch steps with three `compare` variants carries about a million
 * numbers: as plain arrays that is ~10 MB of JSON and as many small arrays for the webview to
 * clone. On the wire they travel instead in two typed arrays per message (VS Code transfers typed
 * arrays to webviews as binary buffers, and structured clone copies them in one block), and the
 * webview puts them back into the entries. The numbers are bit-identical: a Float64Array holds a
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
    return { ...r, run: { ...r.run, path } };
  };
  const main = packRun(a);
  const variants = (a.variants ?? []).map(packRun);
  return { analysis: a.variants ? { ...main, variants } : main, samples: { counts, repeats, batch, deltas } };
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
  const { counts, repeats, batch, deltas } = samples;
  if (!(counts instanceof Int32Array) || !(repeats instanceof Uint8Array) || !(batch instanceof Int32Array) || !(deltas instanceof Float64Array)) return a;
  let entries = 0;
  for (const r of runsOf(a)) entries += r.run.path.length;
  if (entries !== counts.length || repeats.length !== entries) return a;
  // Check the layout before reading: every count fits, a repeat follows a batch of its size.
  let values = 0;
  let indices = 0;
  let last = -1;
  for (let k = 0; k < entries; k++) {
    const c = counts[k];
    if (c < 0) continue;
    values += c;
    if (repeats[k] === 1) {
      if (last !== c) return a;
    } else indices += c;
    last = c;
  }
  if (values !== deltas.length || indices !== batch.length) return a;
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

type AnalysisMessage = Extract<HostMessage, { type: 'analysis' }>;

/** The host's side: the message with its samples packed (see the module's comment). */
export function packAnalysisMessage(msg: AnalysisMessage): AnalysisMessage {
  const { analysis, samples } = packAnalysis(msg.analysis);
  const { samples: _old, ...rest } = msg;
  return samples ? { ...rest, analysis, samples } : { ...rest, analysis };
}

/** The webview's side: the message with the samples back in the path entries (unchanged without packed samples). */
export function unpackAnalysisMessage(msg: AnalysisMessage): AnalysisMessage {
  if (!msg.samples) return msg;
  const { samples, ...rest } = msg;
  return { ...rest, analysis: unpackAnalysis(msg.analysis, samples) };
}
