import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeSpec, type AnalyzeOptions } from '../../../src/core/analysis/analyze';
import { parseSpec } from '../../../src/core/spec/parse';
import { packAnalysis, packAnalysisFully, packAnalysisMessage, unpackAnalysis, unpackAnalysisFully, unpackAnalysisMessage } from '../../../src/shared/analysisWire';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

function example(file: string, edit = (t: string): string => t) {
  const { spec } = parseSpec(edit(readFileSync(path.join(EXAMPLES, file), 'utf8')));
  assert.ok(spec, file);
  return analyzeSpec(spec);
}

/** Same keys in the same order, numbers equal bit for bit (Object.is: −0 is not 0), same nulls and booleans. */
function assertIdentical(actual: unknown, expected: unknown, at = 'analysis'): void {
  if (typeof expected === 'number') {
    assert.ok(typeof actual === 'number' && Object.is(actual, expected), `${at}: ${String(actual)} ≠ ${expected}`);
    return;
  }
  if (expected === null || typeof expected !== 'object') {
    assert.equal(actual, expected, at);
    return;
  }
  assert.equal(Array.isArray(actual), Array.isArray(expected), `${at}: array or not`);
  assert.ok(actual !== null && typeof actual === 'object', at);
  const ek = Object.keys(expected);
  assert.deepEqual(Object.keys(actual), ek, `${at}: keys`);
  for (const k of ek) assertIdentical((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${at}.${k}`);
}

describe('analysis on the wire', () => {
  for (const [file, edit] of [
    ['learning-rate.neuron', undefined],
    ['batch-sizes.neuron', undefined],
    ['adam.neuron', (t: string) => `${t}\nshuffle = true\n`],
    ['learned-shift.neuron', undefined],
  ] as const) {
    it(`packs and unpacks ${file} bit for bit, keys in the engine's order`, () => {
      const a = example(file, edit);
      const { analysis, samples } = packAnalysis(a);
      assert.ok(samples, 'the example records batches');
      assert.ok(analysis.run.path.every((p) => p.deltas === undefined && p.batch === undefined), 'no samples left in the entries');
      // Through structured clone, as postMessage delivers it.
      const back = unpackAnalysis(structuredClone(analysis), structuredClone(samples));
      assert.equal(JSON.stringify(back), JSON.stringify(a));
      const bits = (v: number[]) => Array.from(new Uint32Array(Float64Array.from(v).buffer));
      for (const [k, p] of a.run.path.entries()) if (p.deltas) assert.deepEqual(bits(back.run.path[k].deltas!), bits(p.deltas));
    });
  }

  for (const [file, edit] of [
    ['learning-rate.neuron', undefined],
    ['batch-sizes.neuron', undefined],
    ['adam.neuron', (t: string) => `${t}\nshuffle = true\n`],
    ['learned-shift.neuron', undefined],
    ['momentum.neuron', undefined],
    ['tanh.neuron', undefined],
  ] as const) {
    it(`packs every field of ${file}'s path entries into columns and back, bit for bit, keys in the engine's order`, () => {
      const a = example(file, edit);
      const { analysis, samples, paths } = packAnalysisFully(a);
      assert.ok(paths, 'the entries share a layout');
      assert.ok([analysis, ...analysis.variants].every((r) => r.run.path.length === 0), 'the paths travel empty');
      assert.ok(JSON.stringify(analysis).length < 300_000, 'little JSON is left (mostly the contour grids)');
      const back = unpackAnalysisFully(structuredClone(analysis), structuredClone(samples), structuredClone(paths));
      assertIdentical(back, a);
      assert.equal(JSON.stringify(back), JSON.stringify(a));
    });
  }

  it('keeps −0, nulls and booleans apart in the columns, and a path whose entries differ in layout as objects', () => {
    const a = example('momentum.neuron');
    const p0 = a.run.path[0];
    const odd = { ...a, run: { ...a.run, path: [{ ...p0, w: [-0, ...p0.w.slice(1)], loss: null, angleToOptimum: null, signCoherent: false }, { ...a.run.path[1], signCoherent: true }, ...a.run.path.slice(2)] } };
    const { analysis, samples, paths } = packAnalysisFully(odd);
    assertIdentical(unpackAnalysisFully(structuredClone(analysis), structuredClone(samples), structuredClone(paths)), odd);
    const mixed = { ...a, run: { ...a.run, path: [{ ...p0, w: p0.w.slice(1) }, ...a.run.path.slice(1)] } };
    const packed = packAnalysisFully(mixed);
    assert.equal(packed.paths, null);
    assert.equal(packed.analysis.run.path.length, mixed.run.path.length);
    assertIdentical(unpackAnalysisFully(packed.analysis, packed.samples, packed.paths), mixed);
  });

  it('refuses columns that do not fit the analysis', () => {
    const { analysis, samples, paths } = packAnalysisFully(example('learning-rate.neuron'));
    assert.throws(() => unpackAnalysisFully(analysis, samples, { ...paths!, values: paths!.values.subarray(1) }));
    assert.throws(() => unpackAnalysisFully(analysis, samples, { ...paths!, tags: paths!.tags.subarray(1) }));
    assert.throws(() => unpackAnalysisFully(analysis, samples, { ...paths!, runs: paths!.runs.slice(1) }));
    assert.throws(() => unpackAnalysisFully(analysis, samples, { ...paths!, tags: new Uint8Array(paths!.tags.length).fill(9) }));
  });

  it('packs a repeated batch once and shares it again after unpacking', () => {
    const a = example('learning-rate.neuron');
    const { analysis, samples } = packAnalysis(a);
    const entries = [a, ...a.variants].reduce((s, r) => s + r.run.path.length, 0);
    assert.equal(samples!.counts.length, entries);
    assert.equal(samples!.batch.length, a.samples, 'batch = all without shuffling: one batch for every entry');
    const back = unpackAnalysis(analysis, samples);
    assert.equal(back.run.path[0].batch, back.variants[2].run.path[5].batch);
  });

  it('leaves an analysis without recorded batches alone and ignores samples that do not fit', () => {
    const a = example('batch-sizes.neuron');
    const noRecord = analyzeSpec(parseSpec(readFileSync(path.join(EXAMPLES, 'batch-sizes.neuron'), 'utf8')).spec!, { recordCap: 0 });
    assert.equal(packAnalysis(noRecord).samples, null);
    const { analysis, samples } = packAnalysis(a);
    const short = { ...samples!, counts: samples!.counts.subarray(1) };
    assert.equal(unpackAnalysis(analysis, short), analysis);
    assert.equal(unpackAnalysis(analysis, { ...samples!, deltas: samples!.deltas.subarray(1) }), analysis);
    assert.equal(unpackAnalysis(analysis, { ...samples!, batch: Array.from(samples!.batch) as unknown as Int32Array }), analysis);
  });

  /** The packed message as text: keys in order, typed arrays as their type and bytes. */
  const wireText = (m: unknown): string =>
    JSON.stringify(m, (_k, v: unknown) => (ArrayBuffer.isView(v) ? { [v.constructor.name]: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') } : v));
  const variations: [string, (t: string) => string, AnalyzeOptions, string][] = [];
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.neuron'))) variations.push([file, (t) => t, {}, 'as written']);
  variations.push(['learning-rate.neuron', (t) => t, { pathEvery: 7 }, 'every 7th entry']);
  variations.push(['adam.neuron', (t) => `${t}\nshuffle = true\n`, {}, 'shuffled']);
  variations.push(['batch-sizes.neuron', (t) => t.replace(/^lr = .*$/m, 'lr = 40'), {}, 'lr = 40']);
  variations.push(['batch-sizes.neuron', (t) => `${t}\nshuffle = true\n`, { pathEvery: 3 }, 'shuffled, every 3rd entry']);
  variations.push(['learning-rate.neuron', (t) => t.replace(/^lr = .*$/m, 'lr = 50'), {}, 'lr = 50']);
  variations.push(['learning-rate.neuron', (t) => t.replace(/^lr = .*$/m, 'lr = 50'), { pathEvery: 5 }, 'lr = 50, every 5th entry']);
  variations.push(['momentum.neuron', (t) => t.replace(/^lr = .*$/m, 'lr = 1e6'), { pathEvery: 4 }, 'lr = 1e6, every 4th entry']);
  for (const [file, edit, options, label] of variations) {
    it(`packs ${file} (${label}) from the engine's columns exactly as from the entries`, () => {
      const { spec } = parseSpec(edit(readFileSync(path.join(EXAMPLES, file), 'utf8')));
      assert.ok(spec, file);
      const entries = analyzeSpec(spec, options);
      const columns = analyzeSpec(spec, { ...options, sampleColumns: true });
      for (const r of [columns, ...(columns.variants ?? [])]) {
        assert.ok(r.run.samples);
        for (const p of r.run.path) assert.ok(!('batch' in p) && !('deltas' in p));
      }
      const a = packAnalysisMessage({ type: 'analysis', version: 1, analysis: entries, spec } as never);
      const b = packAnalysisMessage({ type: 'analysis', version: 1, analysis: columns, spec } as never);
      assert.equal(wireText(b), wireText(a));
      assert.deepStrictEqual(b, a);
      assertIdentical(unpackAnalysisMessage(b).analysis, entries);
    });
  }

  it('round-trips the message', () => {
    const a = example('adam.neuron');
    const msg = { type: 'analysis' as const, version: 3, source: 'adam.neuron', analysis: a };
    const packed = packAnalysisMessage(msg);
    assert.ok(packed.samples && packed.paths);
    assert.equal(packed.analysis.run.path.length, 0);
    assert.equal(JSON.stringify(unpackAnalysisMessage(structuredClone(packed))), JSON.stringify(msg));
    assertIdentical(unpackAnalysisMessage(structuredClone(packed)), msg);
    assert.equal(unpackAnalysisMessage(msg), msg);
  });
});
