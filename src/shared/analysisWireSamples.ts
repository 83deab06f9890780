/**
 * The sample columns of the 'analysis' message (see analysisWire.ts): every path entry's batch and
 * δₚ moved into typed arrays on the host's side and put back into the entries on the webview's.
 * A run of full-batch steps records the same batch again and again, so a batch that repeats the
 * previous recorded one travels once. The numbers are bit-identical.
 *
 * Pure TypeScript: no vscode, no DOM.
 */
import type { Analysis, PathPoint } from '../core/analysis/types';

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
export function runsOf(a: Analysis): Analysis[] {
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

/** Zeroed sample columns of the given sizes (entries, δₚ values, batch indices). */
function allocSamples(entries: number, values: number, indices: number): PackedSamples {
  return { counts: new Int32Array(entries), repeats: new Uint8Array(entries), batch: new Int32Array(indices), deltas: new Float64Array(values) };
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
  const { counts, repeats, batch, deltas } = allocSamples(entries, values, indices);
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
  const { counts, repeats, batch, deltas } = allocSamples(entries, values, indices);
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
  const next = sampleReader(samples);
  const unpackRun = (r: Analysis): Analysis => {
    const path = r.run.path.map((p) => {
      const bd = next();
      return bd ? restore(p, bd[0], bd[1]) : p;
    });
    return { ...r, run: { ...r.run, path } };
  };
  const main = unpackRun(a);
  const variants = (a.variants ?? []).map(unpackRun);
  return a.variants ? { ...main, variants } : main;
}

/** Whether packed samples fit `entries` path entries: typed arrays, every count fits, a repeat follows a batch of its size. */
export function samplesFit(entries: number, samples: PackedSamples): boolean {
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

/**
 * Reads packed samples (already checked with `samplesFit`) entry after entry: each call returns the
 * next entry's batch and δₚ, or null when it recorded none (always null without samples). Entries
 * with a repeated batch share one array.
 */
export function sampleReader(s: PackedSamples | null): () => [number[], number[]] | null {
  let e = 0;
  let v = 0;
  let bi = 0;
  let prev: number[] = [];
  return () => {
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
}
