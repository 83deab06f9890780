import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import type { RunPath } from '../../../src/core/analysis/runPath';
import type { Analysis } from '../../../src/core/analysis/types';
import { parseSpec } from '../../../src/core/spec/parse';
import { analysisPathsFit } from '../../../src/shared/analysisWire';
import { asReceived, packBatches, unpackBatches } from '../../../src/shared/batchWire';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

function example(file: string, edit = (t: string): string => t): Analysis {
  const { spec } = parseSpec(edit(readFileSync(path.join(EXAMPLES, file), 'utf8')));
  assert.ok(spec, file);
  return analyzeSpec(spec);
}

const runs = (a: Analysis): Analysis[] => [a, ...a.variants];
const bytes = (a: Analysis): number => runs(a).reduce((sum, r) => sum + r.run.path.batch.byteLength, 0);

describe('batch column on the panel wire (batchWire.ts)', () => {
  for (const [file, edit] of [
    ['learning-rate.neuron', undefined],
    ['batch-sizes.neuron', undefined],
    ['batch-sizes.neuron', (t: string) => `${t}\nshuffle = true\n`],
    ['adam.neuron', (t: string) => `${t}\nshuffle = true\n`],
    ['correlated-inputs.neuron', undefined],
    ['sigmoid-northwest.neuron', undefined],
  ] as const) {
    it(`${file}${edit ? ' (shuffled)' : ''}: packed, cloned and unpacked, every run's batch column is the same integers`, () => {
      const a = example(file, edit);
      const before = runs(a).map((r) => Int32Array.from(r.run.path.batch));
      const packed = packBatches(a);
      // The analysis itself is not changed (the host keeps it for diagnostics and hovers).
      runs(a).forEach((r, i) => assert.deepEqual(r.run.path.batch, before[i]));
      const wire = structuredClone(packed);
      unpackBatches(wire);
      assert.ok(analysisPathsFit(wire));
      runs(wire).forEach((r, i) => {
        assert.deepEqual(r.run.path.batch, before[i], `run ${i}`);
        assert.equal((r.run.path as RunPath & { batchFirst?: unknown }).batchFirst, undefined);
      });
    });
  }

  it('learning-rate.neuron (full batch): the batch columns do not travel, only one index per entry', () => {
    const a = example('learning-rate.neuron');
    assert.ok(bytes(a) > 1_000_000, `${bytes(a)} bytes of batch indices`);
    const packed = packBatches(a);
    assert.equal(bytes(packed), 0);
  });

  it('a shuffled run travels as it is', () => {
    const a = example('batch-sizes.neuron', (t) => `${t.replace(/^batch = 1$/m, 'batch = 4')}\nshuffle = true\n`);
    const packed = packBatches(a);
    assert.equal(packed.run.path.batch, a.run.path.batch);
  });

  it('a packed first index out of range stays out of range, and the path check refuses the message', () => {
    const wire = structuredClone(packBatches(example('learning-rate.neuron')));
    const p = wire.run.path as RunPath & { batchFirst: Int32Array };
    p.batchFirst[3] = wire.samples;
    unpackBatches(wire);
    assert.equal(analysisPathsFit(wire), false);
  });

  it('asReceived reads a posted message as the webview does, and leaves the posted one packed', () => {
    const a = example('learning-rate.neuron');
    const message = { analysis: packBatches(a) };
    const received = asReceived(message);
    assert.deepEqual(received.analysis.run.path.batch, a.run.path.batch);
    assert.equal(message.analysis.run.path.batch.length, 0);
  });

  it('a message without packed runs, or not an analysis, is left as it is', () => {
    const a = example('sigmoid-northwest.neuron');
    const batch = a.run.path.batch;
    unpackBatches(a);
    assert.equal(a.run.path.batch, batch);
    for (const junk of [null, 3, 'x', { run: null }, { run: { path: { batchFirst: [1] } }, samples: 4 }, { variants: 'x' }]) unpackBatches(junk);
  });
});
