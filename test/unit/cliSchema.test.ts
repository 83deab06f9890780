// The analysis JSON against its published JSON Schema (docs/analysis.schema.json), validated by a
// real validator (ajv, draft 2020-12): every example's `analyze --json` output and generated specs
// that reach the other shapes (divergence, logistic with and without an optimum, a trained shift,
// Adam, a mini-batch blow-up). A strict copy of the schema (no unknown fields anywhere) checks that
// the schema describes every field the CLI prints. The built dist/cli.js in a child process.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import type { AnalysisDocument } from '../../src/cli/analysisJson';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const examples = path.join(root, 'examples');
const schema = JSON.parse(readFileSync(path.join(root, 'docs/analysis.schema.json'), 'utf8')) as Record<string, unknown>;

/** A copy of `node` where every object schema with `properties` allows no other field. */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node))
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closed(s)])) : closed(v);
  if ('properties' in out) out.additionalProperties = false;
  return out;
}

function compile(s: unknown): ValidateFunction {
  return new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(s as object);
}

const published = compile(schema);
// The strict copy checks the document without its schemaVersion against the closed analysis definition.
const strictAnalysis = compile({ $schema: schema.$schema, $ref: '#/$defs/analysis', $defs: closed(schema.$defs) });

function analyzeJson(args: string[], input?: string): Record<string, unknown> {
  const r = spawnSync(process.execPath, [cli, 'analyze', ...args, '--json'], { encoding: 'utf8', timeout: 60_000, input, maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

function assertValid(doc: Record<string, unknown>, what: string): void {
  assert.equal(doc.schemaVersion, 1, `${what}: schemaVersion`);
  assert.ok(published(doc), `${what}: ${JSON.stringify(published.errors?.slice(0, 5), null, 1)}`);
  const { schemaVersion: _version, ...analysis } = doc;
  assert.ok(strictAnalysis(analysis), `${what}: a field the schema does not describe: ${JSON.stringify(strictAnalysis.errors?.slice(0, 5), null, 1)}`);
}

describe('CLI: the analysis JSON schema', function () {
  this.timeout(120_000);

  it('is a valid draft 2020-12 schema that requires schemaVersion 1', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(published({}), false);
    const doc = analyzeJson([path.join(examples, 'tanh.neuron')]);
    assert.equal(Object.keys(doc)[0], 'schemaVersion', 'schemaVersion comes first');
    assert.equal(published({ ...doc, schemaVersion: 2 }), false);
    const { schemaVersion: _version, ...withoutVersion } = doc;
    assert.equal(published(withoutVersion), false);
    // The published schema allows fields added later; the strict copy does not (every field described).
    assert.ok(published({ ...doc, addedLater: 1 }));
    assert.equal(strictAnalysis({ ...withoutVersion, addedLater: 1 }), false);
    assert.equal(strictAnalysis({ ...withoutVersion, run: { ...(withoutVersion.run as object), addedLater: 1 } }), false);
  });

  it('rejects a null where the documentation allows none, and accepts one where it does', () => {
    const doc = analyzeJson([path.join(examples, 'tanh.neuron')]) as { run: Record<string, unknown>; learningRate: Record<string, unknown> };
    assert.equal(published({ ...doc, run: { ...doc.run, stepsRun: null } }), false, 'run.stepsRun is never null');
    assert.equal(published({ ...doc, learningRate: { ...doc.learningRate, value: null } }), false, 'learningRate.value is never null');
    assert.ok(published({ ...doc, run: { ...doc.run, zigzagRatio: null } }), 'run.zigzagRatio may be null');
    assert.ok(published({ ...doc, optimum: null }), 'optimum may be null');
  });

  for (const file of readdirSync(examples)
    .filter((f) => f.endsWith('.neuron'))
    .sort()) {
    it(`validates the output for examples/${file}`, () => {
      assertValid(analyzeJson([path.join(examples, file)]), file);
    });
  }

  const generated: Record<string, { spec: string; check(doc: AnalysisDocument): void }> = {
    'a diverging run (η above 2/λmax)': {
      spec: 'w = [1.5, -0.5]\nlr = 5\nsteps = 50\n',
      check: (d) => {
        assert.equal(d.run.diverged, true);
        assert.equal(d.run.divergence?.cause, 'step-size');
        assert.equal(d.run.convergedAt, null);
      },
    },
    'a mini-batch blow-up inside the full-batch bound': {
      spec: 'x ~ sigmoid(normal(0, 1))\nw = [1.5, -0.5]\nlr = 3\nbatch = 1\nsteps = 300\n',
      check: (d) => assert.equal(d.run.diverged, true),
    },
    'the logistic loss': {
      spec: 'x ~ normal(0, 1)\nw = [1, -1]\nloss = logistic\nsteps = 30\n',
      check: (d) => {
        assert.equal(d.loss, 'logistic');
        assert.equal(d.optimum?.method, 'newton');
      },
    },
    'separable logistic data (no optimum)': {
      spec: 'x = [[1, 2], [2, 1], [-1, -2], [-3, -1]]\ny = [1, 1, 0, 0]\nw = [0.1, 0.1]\nloss = logistic\nsteps = 30\n',
      check: (d) => {
        assert.equal(d.optimum, null);
        assert.equal(d.cone.optimumInside, null);
      },
    },
    'the shift model f = w·(x + s) + b': {
      spec: 'f = w·(x + s) + b\nx ~ sigmoid(normal(0, 1))\nw = [1.5, -0.5]\nsteps = 40\n',
      check: (d) => {
        assert.equal(d.shift, true);
        assert.equal(d.run.path[0].s?.length, 2);
        assert.equal(d.optimum?.s?.length, 2);
      },
    },
    'Adam (no fixed bound)': {
      spec: 'x ~ sigmoid(normal(0, 1))\nw = [1.5, -0.5]\noptimizer = adam\nlr = 0.05\nbatch = 1\nsteps = 40\ncompare = sgd, momentum(0.9)\n',
      check: (d) => {
        assert.equal(d.learningRate.max, null);
        assert.equal(d.learningRate.stable, null);
        assert.equal(d.variants.length, 2);
      },
    },
  };
  for (const [name, { spec, check }] of Object.entries(generated)) {
    it(`validates the output for ${name}`, () => {
      const doc = analyzeJson(['-'], spec);
      check(doc as unknown as AnalysisDocument);
      assertValid(doc, name);
    });
  }
});
