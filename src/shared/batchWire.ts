/**
 * The batch column on the panel's wire. A run records, for every entry, the indices of its batch
 * (runPath.ts: `batch[sampleStart[k] … sampleStart[k+1]−1]`); without a shuffle they are
 * consecutive sample numbers wrapping around (a full batch: 0 … P−1 at every step), so the host
 * sends only each entry's first index (`batchFirst`) and an empty `batch`, and the webview writes
 * the column back, the same integers, before it checks the message (analysisWire.ts). A run whose
 * batches are not consecutive travels as it is. learning-rate.neuron: 1.5 MB of its 5.3 MB message.
 *
 * Pure TypeScript: no vscode, no DOM.
 */
import type { RunPath } from '../core/analysis/runPath';
import type { Analysis } from '../core/analysis/types';

/** A path whose batch column travels as each entry's first index. */
type PackedPath = RunPath & { readonly batchFirst?: Int32Array };

/** Each entry's first batch index when every batch is consecutive modulo `samples`; undefined otherwise. */
function firstIndices(p: RunPath, samples: number): Int32Array | undefined {
  if (p.batch.length === 0 || !(samples > 0)) return undefined;
  const first = new Int32Array(p.length);
  for (let k = 0; k < p.length; k++) {
    const start = p.sampleStart[k];
    const end = p.sampleStart[k + 1];
    if (end === start) continue;
    const f = p.batch[start];
    first[k] = f;
    for (let i = start + 1, j = f + 1; i < end; i++, j++) {
      if (j === samples) j = 0;
      if (p.batch[i] !== j) return undefined;
    }
  }
  return first;
}

function packRun<R extends { readonly run: { readonly path: RunPath }; readonly samples: number }>(r: R): R {
  const first = firstIndices(r.run.path, r.samples);
  if (!first) return r;
  const path: PackedPath = { ...r.run.path, batch: new Int32Array(0), batchFirst: first };
  return { ...r, run: { ...r.run, path } };
}

/** The analysis with each run's consecutive batches packed (a copy; `a` is not changed). */
export function packBatches(a: Analysis): Analysis {
  const main = packRun(a);
  return Array.isArray(a.variants) ? { ...main, variants: a.variants.map(packRun) } : main;
}

/**
 * What the webview reads: a structured clone of a posted 'analysis' message (VS Code copies it the
 * same way) with its batch columns written back; the host's own message is left packed.
 */
export function asReceived<T extends { readonly analysis: unknown }>(message: T): T {
  const copy = structuredClone(message);
  unpackBatches(copy.analysis);
  return copy;
}

/** Writes back the batch column of each packed run of an untrusted message, in place; leaves anything else as it is. */
export function unpackBatches(a: unknown): void {
  if (typeof a !== 'object' || a === null) return;
  const runs: unknown[] = [a, ...(Array.isArray((a as { variants?: unknown }).variants) ? (a as { variants: unknown[] }).variants : [])];
  for (const r of runs) {
    const run = (r as { run?: { path?: unknown } } | null)?.run;
    const samples = (r as { samples?: unknown }).samples;
    const p = run?.path as Partial<PackedPath> | undefined;
    if (!p || !(p.batchFirst instanceof Int32Array) || !(p.sampleStart instanceof Int32Array) || typeof samples !== 'number') continue;
    const { sampleStart, batchFirst, length } = p;
    // A malformed packing is left for the path check to refuse (the batch stays empty).
    if (!Number.isInteger(samples) || samples <= 0 || length !== batchFirst.length || sampleStart.length !== batchFirst.length + 1) continue;
    const total = sampleStart[length];
    if (!(total >= 0 && total <= 1 << 28)) continue;
    const batch = new Int32Array(total);
    for (let k = 0; k < length; k++) {
      const end = Math.min(sampleStart[k + 1], total);
      // An index out of range stays out of range, for the path check to refuse.
      for (let i = Math.max(sampleStart[k], 0), j = batchFirst[k]; i < end; i++) {
        batch[i] = j;
        j = j + 1 === samples ? 0 : j + 1;
      }
    }
    const path = p as { batch?: Int32Array; batchFirst?: Int32Array };
    path.batch = batch;
    delete path.batchFirst;
  }
}
