import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import { isRunPath, pathPoints, pointAt, runPathOf, type RunPath } from '../../../src/core/analysis/runPath';
import type { Analysis } from '../../../src/core/analysis/types';
import { parseSpec } from '../../../src/core/spec/parse';
import { analysisPathsFit, checkAnalysisMessage } from '../../../src/shared/analysisWire';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

function example(file: string, edit = (t: string): string => t): Analysis {
  const { spec } = parseSpec(edit(readFileSync(path.join(EXAMPLES, file), 'utf8')));
  assert.ok(spec, file);
  return analyzeSpec(spec);
}

/** A copy of `p` with one column replaced. */
const withColumn = (p: RunPath, key: keyof RunPath, value: unknown): RunPath => ({ ...p, [key]: value }) as RunPath;

describe('analysis on the wire', () => {
  for (const [file, edit] of [
    ['learning-rate.neuron', undefined],
    ['batch-sizes.neuron', undefined],
    ['adam.neuron', (t: string) => `${t}\nshuffle = true\n`],
    ['learned-shift.neuron', undefined],
    ['momentum.neuron', (t: string) => t.replace(/^lr = .*$/m, 'lr = 1e6')],
  ] as const) {
    it(`posts ${file}'s runs as typed columns that survive structured clone bit for bit`, () => {
      const a = example(file, edit);
      const msg = { type: 'analysis' as const, version: 1, source: file, analysis: a };
      const back = checkAnalysisMessage(structuredClone(msg));
      for (const [r, s] of [a, ...a.variants].map((r, k) => [r, k === 0 ? back.analysis : back.analysis.variants[k - 1]] as const)) {
        assert.ok(s.run.path.theta instanceof Float64Array && s.run.path.batch instanceof Int32Array);
        assert.deepStrictEqual(s.run.path, r.run.path);
        assert.equal(JSON.stringify(pathPoints(s.run.path)), JSON.stringify(pathPoints(r.run.path)));
      }
    });
  }

  it('gives one entry with pointAt and builds the same columns back from the entries', () => {
    const a = example('batch-sizes.neuron');
    const points = pathPoints(a.run.path);
    assert.deepEqual(pointAt(a.run.path, 3), points[3]);
    assert.deepStrictEqual(runPathOf(points), a.run.path);
    const shifted = example('learned-shift.neuron');
    assert.deepStrictEqual(runPathOf(pathPoints(shifted.run.path)), shifted.run.path);
  });

  it('refuses columns that do not fit: lengths, types, non-finite values, flags, sample offsets and indices', () => {
    const a = example('learning-rate.neuron');
    const p = a.run.path;
    assert.ok(isRunPath(p, a.samples) && analysisPathsFit(a));
    const nan = Float64Array.from(p.theta);
    nan[3] = NaN;
    const offsets = Int32Array.from(p.sampleStart);
    offsets[2] = offsets[1] - 1;
    const bad: RunPath[] = [
      withColumn(p, 'theta', p.theta.subarray(1)),
      withColumn(p, 'theta', nan),
      withColumn(p, 'gradient', Array.from(p.gradient)),
      withColumn(p, 'loss', new Float64Array(p.length).fill(Infinity)),
      withColumn(p, 'flags', new Uint8Array(p.length).fill(6)),
      withColumn(p, 'sampleStart', offsets),
      withColumn(p, 'batch', new Int32Array(p.batch.length).fill(a.samples)),
      withColumn(p, 'length', p.length + 1),
    ];
    for (const [k, b] of bad.entries()) assert.equal(isRunPath(b, a.samples), false, `case ${k}`);
    const msg = {
      type: 'analysis' as const,
      version: 1,
      source: 'x',
      analysis: { ...a, variants: [{ ...a.variants[0], run: { ...a.variants[0].run, path: bad[1] } }] },
    };
    assert.throws(() => checkAnalysisMessage(msg), /path columns/);
    assert.throws(() => checkAnalysisMessage({ ...msg, analysis: { ...a, run: { ...a.run, path: pathPoints(p) as unknown as RunPath } } }), /path columns/);
  });
});
