// `analyze --json` writes the document in parts as they are made (src/cli/jsonParts.ts): joined
// they must be exactly JSON.stringify of the document, and the file the CLI writes must be that text.
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
      const parts = [...jsonParts(doc)];
      assert.equal(parts.join(''), JSON.stringify(doc), f);
      assert.ok(
        parts.every((part) => part.length < 200_000),
        `${f}: no part is the whole run`,
      );
    }
  });

  it('leaves out what JSON leaves out, keeps nulls, and writes an empty object as {}', () => {
    const doc = { a: 1, b: undefined, c: null, d: () => 0, e: [1.5, 'λ'], f: { toJSON: () => 'x' }, g: Symbol('s') };
    assert.equal([...jsonParts(doc)].join(''), JSON.stringify(doc));
    assert.equal([...jsonParts({})].join(''), '{}');
  });

  it('writes arrays of objects element by element exactly as JSON.stringify, at every depth', () => {
    const entry = (k: number) => ({ step: k, w: [k / 3, -0], loss: k % 2 ? null : 1e-300, skip: undefined, s: 'θ"\\n' });
    const doc = {
      path: Array.from({ length: 500 }, (_, k) => entry(k)),
      variants: [
        { run: { path: [entry(1), undefined, () => 1, entry(2)] }, variants: [] },
        { empty: {}, list: [] },
      ],
      mixed: [{ a: 1 }, 2, 'three', [4], null],
      nested: { a: { b: { c: { d: { e: { f: [{ g: 1 }] } } } } } },
      withProto: [Object.create(null), new Date(0), { toJSON: () => [1] }],
    };
    assert.equal([...jsonParts(doc)].join(''), JSON.stringify(doc));
  });

  it('writes sampleInputs only for a run that recorded batches (nothing else draws them)', () => {
    const lesson = (batch: string) =>
      parseSpec(`f = w·x + b\nx ~ sigmoid(normal(0, 1))\nsamples = 100\nw = [1.5, -0.5]\nlr = 0.5\nbatch = ${batch}\nsteps = 20\n`).spec!;
    // A batch of more than 64 samples is not recorded (AnalyzeOptions.recordCap).
    const full = analysisDocument(analyzeSpec(lesson('all')));
    assert.equal('sampleInputs' in full, false);
    assert.ok(analyzeSpec(lesson('all')).sampleInputs, 'the panel still has them in memory');
    const one = analysisDocument(analyzeSpec(lesson('1')));
    assert.equal(one.sampleInputs?.length, 100);
    assert.ok(one.run.path.some((p) => p.batch !== undefined));
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
