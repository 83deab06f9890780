import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import { parseSpec } from '../../../src/core/spec/parse';
import { packAnalysis, packAnalysisMessage, unpackAnalysis, unpackAnalysisMessage } from '../../../src/shared/analysisWire';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

function example(file: string, edit = (t: string): string => t) {
  const { spec } = parseSpec(edit(readFileSync(path.join(EXAMPLES, file), 'utf8')));
  assert.ok(spec, file);
  return analyzeSpec(spec);
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

  it('round-trips the message', () => {
    const a = example('adam.neuron');
    const msg = { type: 'analysis' as const, version: 3, source: 'adam.neuron', analysis: a };
    const packed = packAnalysisMessage(msg);
    assert.ok(packed.samples);
    assert.equal(JSON.stringify(unpackAnalysisMessage(structuredClone(packed))), JSON.stringify(msg));
    assert.equal(unpackAnalysisMessage(msg), msg);
  });
});
