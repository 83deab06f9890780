// `analyze --json` writes the document in parts, one per top-level field (src/cli/jsonParts.ts):
// joined they must be exactly JSON.stringify of the document, and the file the CLI writes must be
// that text.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeSpec } from '../../src/core/analysis/analyze';
import { parseSpec } from '../../src/core/spec/parse';
import { analysisDocument } from '../../src/cli/analysisJson';
import { jsonParts } from '../../src/cli/jsonParts';
import { runCli } from '../../src/cli/main';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

describe('analysis JSON in parts', () => {
  it('joins to exactly JSON.stringify of the document, for every example', () => {
    for (const f of readdirSync(EXAMPLES).filter((name) => name.endsWith('.neuron'))) {
      const spec = parseSpec(readFileSync(path.join(EXAMPLES, f), 'utf8')).spec;
      assert.ok(spec, f);
      const doc = analysisDocument(analyzeSpec(spec));
      assert.equal(jsonParts(doc).join(''), JSON.stringify(doc), f);
    }
  });

  it('leaves out what JSON leaves out, keeps nulls, and writes an empty object as {}', () => {
    const doc = { a: 1, b: undefined, c: null, d: () => 0, e: [1.5, 'λ'], f: { toJSON: () => 'x' } };
    assert.equal(jsonParts(doc).join(''), JSON.stringify(doc));
    assert.equal(jsonParts({}).join(''), '{}');
  });

  it('is what analyze --json writes to a file and to standard output', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gg-json-parts-'));
    const spec = path.join(EXAMPLES, 'momentum.neuron');
    const out = path.join(dir, 'out.json');
    const io = { out: () => undefined, err: (t: string) => assert.fail(t), write: () => undefined };
    assert.equal(runCli(['analyze', spec, '--json', '-o', out], io), 0);
    const written: string[] = [];
    assert.equal(runCli(['analyze', spec, '--json'], { ...io, write: (d) => void written.push(String(d)) }), 0);
    const expected = JSON.stringify(analysisDocument(analyzeSpec(parseSpec(readFileSync(spec, 'utf8')).spec!))) + '\n';
    assert.equal(readFileSync(out, 'utf8'), expected);
    assert.equal(written.join(''), expected);
  });
});
