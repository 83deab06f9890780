/**
 * The network analysis, bit for bit, against the reference kept in ./reference/ (the analysis as it
 * was before its speed-ups: every step's hidden outputs, objective and Hessian rebuilt from
 * scratch). Every field, every number (compared with Object.is: −0 is not 0), every typed array
 * and the order of every object's keys (the JSON the panel receives) must be the same, on every
 * network lesson and on random network specs.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { allowedCone } from '../../../src/core/analysis/allowedCone';
import type { Vec2 } from '../../../src/core/analysis/types';
import { analyseNetworkSpec, type NetworkAnalyzeOptions } from '../../../src/core/network/analysis';
import { parseSpec } from '../../../src/core/spec/parse';
import type { Spec } from '../../../src/core/spec/types';
import { allowedCone as referenceCone } from './reference/allowedCone';
import { analyseNetworkSpec as referenceAnalysis } from './reference/analysis';
import { firstDifference } from './sameBits';

// Compiled to .unit/test/unit/network/ (or out/): four levels below the root.
const examples = path.resolve(__dirname, '../../../../examples');

function parsed(text: string): Spec | null {
  const r = parseSpec(text);
  return r.spec && r.diagnostics.every((d) => d.severity !== 'error') ? r.spec : null;
}

function assertSame(spec: Spec, options: NetworkAnalyzeOptions, what: string): void {
  const fast = analyseNetworkSpec(spec, options);
  const reference = referenceAnalysis(spec, options);
  const d = firstDifference(fast, reference);
  assert.equal(d, null, `${what}: ${d}`);
}

/** Random network specs: every activation, loss, optimizer, training, batch norm, batch, labels and variant the language allows. */
const cases = fc.record({
  act: fc.constantFrom('sigmoid', 'tanh', 'relu', 'softplus', 'identity'),
  loss: fc.constantFrom('squared', 'logistic'),
  train: fc.constantFrom('all', 'output'),
  hiddenBias: fc.boolean(),
  writtenW: fc.boolean(),
  batchNorm: fc.boolean(),
  H: fc.integer({ min: 1, max: 5 }),
  d: fc.integer({ min: 1, max: 4 }),
  P: fc.integer({ min: 1, max: 40 }),
  batch: fc.oneof(fc.constant('all'), fc.integer({ min: 1, max: 40 })),
  shuffle: fc.boolean(),
  seed: fc.integer({ min: 0, max: 10_000 }),
  fixedBias: fc.boolean(),
  explicitY: fc.boolean(),
  positiveX: fc.boolean(),
  optimizer: fc.constantFrom('sgd', 'momentum(0.9)', 'nesterov', 'adam', 'rmsprop', 'adagrad'),
  lr: fc.constantFrom(0.01, 0.1, 0.5, 3, 40),
  steps: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 990, max: 1300 })),
  compare: fc.constantFrom('none', 'hidden tanh', 'hidden relu, batch 1', 'optimizer adam', 'loss logistic', 'preprocess none'),
  viewSecond: fc.integer({ min: 0, max: 4 }),
  pathEvery: fc.constantFrom(undefined, 1, 3),
  recordCap: fc.constantFrom(undefined, 0, 4),
  tolerance: fc.constantFrom(undefined, 1e-2),
});

type Case = typeof cases extends fc.Arbitrary<infer T> ? T : never;

function caseText(k: Case): string {
  const P = k.P;
  const batch = k.batch === 'all' ? 'all' : Math.min(k.batch, P);
  const second = 1 + (k.viewSecond % Math.max(1, k.H - 1));
  return [
    `hidden = ${k.H}`,
    `h = ${k.act}(W·x${k.hiddenBias ? ' + c' : ''})`,
    k.positiveX ? 'x ~ sigmoid(normal(0, 1))' : 'x ~ normal(0, 1)',
    ...(k.writtenW
      ? [
          `W = [${Array.from({ length: k.H }, (_, j) => `[${Array.from({ length: k.d }, (_, i) => (0.9 * Math.sin(3 * j + i + k.seed) + 0.1).toFixed(3)).join(', ')}]`).join(', ')}]`,
        ]
      : []),
    ...(k.hiddenBias ? [`c = [${Array.from({ length: k.H }, (_, j) => (0.3 * Math.cos(j + k.seed)).toFixed(3)).join(', ')}]`] : []),
    `train = ${k.train}`,
    `f = w·h${k.fixedBias ? '' : ' + b'}`,
    `w = [${Array.from({ length: k.H }, (_, j) => (j % 2 ? -0.5 : 1.5)).join(', ')}]`,
    // Labels in [0, 1]: a 'loss logistic' variant accepts them too.
    k.explicitY
      ? `y = [${Array.from({ length: P }, (_, p) => (0.5 + 0.4 * Math.sin(p + k.seed)).toFixed(3)).join(', ')}]`
      : `w* = [${Array.from({ length: k.H }, (_, j) => (j % 2 ? 1 : -1)).join(', ')}]`,
    `samples = ${P}`,
    `seed = ${k.seed}`,
    `loss = ${k.loss}`,
    `optimizer = ${k.optimizer}`,
    `lr = ${k.lr}`,
    `batch = ${batch}`,
    `shuffle = ${k.shuffle}`,
    `steps = ${k.steps}`,
    `preprocess = ${k.batchNorm ? 'batchnorm' : 'none'}`,
    `compare = ${k.compare}`,
    ...(k.H > 1 ? [`view = w1, w${second + 1}`] : []),
  ].join('\n');
}

describe('network analysis against its reference', () => {
  const lessons = readdirSync(examples)
    .filter((f) => f.endsWith('.neuron'))
    .filter((f) => /^\s*h\s*=/m.test(readFileSync(path.join(examples, f), 'utf8')));

  it('finds the network lessons', () => {
    assert.ok(lessons.length >= 3, lessons.join());
  });

  for (const file of lessons) {
    it(`${file}: the same analysis bit for bit, variants included`, () => {
      const spec = parsed(readFileSync(path.join(examples, file), 'utf8'));
      assert.ok(spec, file);
      assertSame(spec, {}, file);
      assertSame(spec, { pathEvery: 7, recordCap: 0, gridResolution: 12 }, `${file}, pathEvery 7`);
    });
  }

  it('random network specs: the same analysis bit for bit', () => {
    let analysed = 0;
    fc.assert(
      fc.property(cases, (k) => {
        const text = caseText(k);
        const spec = parsed(text);
        if (!spec) return;
        analysed++;
        assertSame(spec, { pathEvery: k.pathEvery, recordCap: k.recordCap, tolerance: k.tolerance, gridResolution: 9 }, text.replace(/\n/g, '; '));
      }),
      { numRuns: 60 },
    );
    assert.ok(analysed >= 50, `only ${analysed} of 60 random specs parsed`);
  });

  it('the cone: the same as the reference on random points, tiny, zero, subnormal, huge and non-finite ones included', () => {
    const special = [0, -0, 1e-300, -1e-300, 5e-324, 1e-14, 1e-15, 1, -1, 1e300, -1e300, Infinity, -Infinity, NaN];
    const value = fc.oneof(fc.double(), fc.constantFrom(...special), fc.double({ min: -2, max: 2, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value), { minLength: 0, maxLength: 12 }),
        fc.option(fc.tuple(value, value)),
        fc.boolean(),
        (points, to, sameAxis) => {
          const x = Float64Array.from(points.flat());
          const axes: [number, number] = sameAxis ? [1, 1] : [0, 1];
          const toOptimum: Vec2 | null = to;
          const d = firstDifference(allowedCone(x, points.length, 2, axes, toOptimum), referenceCone(x, points.length, 2, axes, toOptimum));
          assert.equal(d, null, `${d} for ${JSON.stringify(points)}`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('tells a −0 from a 0, a changed typed-array element and a reordered key', () => {
    assert.notEqual(firstDifference({ a: [0] }, { a: [-0] }), null);
    assert.notEqual(firstDifference({ a: Float64Array.of(1, 2) }, { a: Float64Array.of(1, 2.0000000000000004) }), null);
    assert.notEqual(firstDifference({ a: 1, b: 2 }, { b: 2, a: 1 }), null);
    assert.equal(firstDifference({ a: [NaN, 1], b: 'x' }, { a: [NaN, 1], b: 'x' }), null);
  });
});
