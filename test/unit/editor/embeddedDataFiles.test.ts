// A `neuron:` annotation or ```neuron fence may read the user's data (csv("…"), npy("…")): the
// analyzer carries the files, and the document's budget parses with the same ones.
import * as assert from 'node:assert/strict';
import { analyzeText, embeddedDiagnostics, embeddedRegions, type TextAnalyzer } from '../../../src/core/editor';
import { parseSpec } from '../../../src/core/spec/parse';
import { analyzeSpec } from '../../../src/core/analysis/analyze';

const csv = new TextEncoder().encode('a,b,label\n0.2,0.9,1\n0.7,0.1,0\n0.5,0.4,1\n');
const files = new Map([['acts.csv', csv]]);
const withFiles: TextAnalyzer = Object.assign(
  (text: string) => {
    const parsed = parseSpec(text, { files });
    return { parsed, analysis: parsed.spec ? analyzeSpec(parsed.spec) : undefined };
  },
  { files },
);
const python = '# neuron: x = csv("acts.csv", columns = [0, 1]); y = csv("acts.csv", columns = [2]); w = [1, -1]; steps = 5\nout = w @ x + b\n';

describe('data files in embedded specs', () => {
  it('an annotation reads its CSV through the analyzer’s files: no error, and the budget counts it', () => {
    assert.deepEqual(
      embeddedDiagnostics(python, 'python', withFiles).filter((d) => d.severity === 'error'),
      [],
    );
    const [region] = embeddedRegions(python, 'python', files);
    assert.equal(region.analysed, true);
    assert.equal(withFiles(region.spec.text).analysis?.samples, 3);
  });

  it('without the files the same annotation names the missing file (GG230)', () => {
    const codes = embeddedDiagnostics(python, 'python', analyzeText).map((d) => d.code);
    assert.ok(codes.includes('GG230'), codes.join(', '));
  });
});
