// `analyze --json` writes the document in parts, one per top-level field (src/cli/jsonParts.ts):
// joined they must be exactly JSON.stringify of the document, and the file the CLI writes must be
// that text.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeSpec } from '../../src/core/analysis/analyze';
import { parseSpec } from '../../src/core/spec/parse';
import { analysisDocument } from '../../src/cli/analysisJson';
import { jsonParts } from '../../src/cli/jsonParts';

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
    const cli = path.resolve(__dirname, '../../../dist/cli.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'gg-json-parts-'));
    const spec = path.join(EXAMPLES, 'momentum.neuron');
    const out = path.join(dir, 'out.json');
    const toFile = spawnSync(process.execPath, [cli, 'analyze', spec, '--json', '-o', out], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(toFile.status, 0, toFile.stderr);
    const toStdout = spawnSync(process.execPath, [cli, 'analyze', spec, '--json'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(toStdout.status, 0, toStdout.stderr);
    const expected = JSON.stringify(analysisDocument(analyzeSpec(parseSpec(readFileSync(spec, 'utf8')).spec!))) + '\n';
    assert.equal(readFileSync(out, 'utf8'), expected);
    assert.equal(toStdout.stdout, expected);
  });
});
