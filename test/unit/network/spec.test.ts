/** The network statements: syntax, shapes and located diagnostics. */
import * as assert from 'node:assert/strict';
import { parseSpec } from '../../../src/core/spec/parse';

const NET = 'hidden = 3\nh = sigmoid(W·x + c)\nx ~ normal(0, 1)\nf = w·h + b\n';

function codes(text: string): string[] {
  return parseSpec(text).diagnostics.map((d) => d.code);
}

/** The one diagnostic with `code`, and the text it points at. */
function located(text: string, code: string): { message: string; at: string } {
  const d = parseSpec(text).diagnostics.find((x) => x.code === code);
  assert.ok(d, `expected ${code}, got ${codes(text).join(', ')}`);
  return { message: d.message, at: text.slice(d.range.start, d.range.end) };
}

describe('network spec', () => {
  it('parses a hidden layer: H, d, activation, a seeded W (LeCun normal), zeros for c, train = all', () => {
    const r = parseSpec(NET);
    assert.deepEqual(r.diagnostics, []);
    const net = r.spec!.network!;
    assert.equal(net.hidden, 3);
    assert.equal(net.inputDimension, 2);
    assert.equal(net.activation, 'sigmoid');
    assert.equal(net.train, 'all');
    assert.equal(net.drawnW, true);
    assert.deepEqual(net.c, [0, 0, 0]);
    assert.equal(net.W.length, 3);
    assert.equal(net.W[0].length, 2);
    // Seeded: the same text gives the same W, another seed another.
    assert.deepEqual(parseSpec(NET).spec!.network!.W, net.W);
    assert.notDeepEqual(parseSpec(`${NET}seed = 9\n`).spec!.network!.W, net.W);
    // The neuron on top has H weights, defaults for n = 3.
    assert.deepEqual(r.spec!.w, [1.5, -0.5, 1.5]);
    assert.deepEqual(r.spec!.labels, { kind: 'teacher', w: [-1, 1, -1], b: 0 });
  });

  it('reads written W and c, train = output, h = tanh(W·x) without c, every product spelling', () => {
    const s = parseSpec('h = tanh(W*x)\nW = [[1, 2, 3], [4, 5, 6]]\ntrain = output\nf = dot(w, h)\n').spec!;
    assert.equal(s.network!.hidden, 2);
    assert.equal(s.network!.inputDimension, 3);
    assert.equal(s.network!.hiddenBias, false);
    assert.equal(s.network!.train, 'output');
    assert.equal(s.hasBias, false);
    for (const f of ['w·h + b', 'h·w + b', 'wᵀh + b', 'w^T h + b', 'b + w@h']) assert.ok(parseSpec(`h = relu(W·x + c)\nf = ${f}\n`).spec?.network, f);
  });

  it('W rows ≠ hidden, W columns ≠ the length of x, c ≠ hidden: GG225 on the value, both sizes named', () => {
    let d = located(`${NET}W = [[1, 2], [3, 4]]\n`, 'GG225');
    assert.match(d.message, /W has 2 rows but hidden = 3 \(line 1\): expected 3 rows/);
    assert.equal(d.at, '[[1, 2], [3, 4]]');
    d = located('h = sigmoid(W·x)\nW = [[1, 2, 3]]\nx = [[1, 2], [3, 4]]\nf = w·h\n', 'GG225');
    assert.match(d.message, /W has 3 columns but each x has 2 elements \(line 3\)/);
    d = located(`${NET}c = [1, 2]\n`, 'GG225');
    assert.match(d.message, /c has 2 elements but hidden = 3/);
    d = located(`${NET}w = [1, 2]\n`, 'GG203');
    assert.match(d.message, /w has 2 elements/);
    assert.equal(located('h = sigmoid(W·x)\nW = [[1, 2], [3]]\nf = w·h\n', 'GG204').at, '[3]');
  });

  it('f uses h without a hidden layer, or the network statements without one: GG224 where written', () => {
    assert.equal(located('f = w·h + b\n', 'GG224').at, 'w·h + b');
    assert.equal(located('W = [[1, 2]]\n', 'GG224').at, 'W');
    assert.equal(located('train = output\n', 'GG224').at, 'train');
    assert.match(located('h = sigmoid(W·x + c)\nf = w·x + b\n', 'GG224').message, /expected 'f = w·h \+ b'/);
    assert.match(located('h = sigmoid(W·x)\nc = [1, 2, 3]\n', 'GG224').message, /c has no effect/);
    assert.match(
      located(`${NET}compare = center\n`.replace('compare = center', 'compare = hidden tanh').replace('h = sigmoid(W·x + c)\n', ''), 'GG220').message,
      /no hidden layer/,
    );
  });

  it('bad hidden layers: GG111 with what was expected, GG209 for an unknown activation (did you mean)', () => {
    assert.match(located('h = sigmoid(V·x)\nf = w·h\n', 'GG111').message, /expected 'W'/);
    assert.match(located('h = sigmoid(W·x + d)\nf = w·h\n', 'GG111').message, /expected 'c'/);
    assert.match(located('h = sigmoid(W·x\nf = w·h\n', 'GG111').message, /expected '\)' or '\+ c'/);
    const d = parseSpec('h = sigmoud(W·x)\nf = w·h\n').diagnostics.find((x) => x.code === 'GG209')!;
    assert.equal(d.suggestion ?? d.message.match(/did you mean '(\w+)'/)?.[1], 'sigmoid');
    assert.equal(located('hidden = 0\nh = tanh(W·x)\n', 'GG207').at, '0');
    assert.equal(located('hidden = 99\nh = tanh(W·x)\n', 'GG302').at, '99');
    assert.equal(located(`${NET}train = some\n`, 'GG214').at, 'some');
  });

  it('network settings it does not support: GG226 (shift, preprocessings other than batchnorm)', () => {
    assert.equal(located(`${NET}preprocess = center\n`, 'GG226').at, 'center');
    assert.ok(parseSpec(`${NET}preprocess = batchnorm\nbatch = 8\n`).spec);
    assert.equal(located(`${NET}compare = whiten\n`, 'GG226').at, 'whiten');
    assert.deepEqual(
      parseSpec(`${NET}compare = hidden tanh, batch all\n`).spec!.compare.map((v) => v.changes),
      [{ hiddenActivation: 'tanh' }, { batch: 'all' }],
    );
  });

  it('unbounded hidden units whose W·x + c could pass 1e50: GG207 on W (sigmoid and tanh are bounded)', () => {
    const text = 'h = relu(W·x)\nW = [[1e30, 1]]\nx = [[1e25, 1], [0, 1]]\nf = w·h\n';
    const d = located(text, 'GG207');
    assert.equal(d.at, '[[1e30, 1]]');
    assert.match(d.message, /can reach about 1\.0e\+55/);
    assert.ok(parseSpec(text.replace('relu', 'sigmoid')).spec);
  });

  it('counts the network per step in the work limit (GG309/GG310)', () => {
    const big = 'hidden = 16\nh = sigmoid(W·x + c)\nx ~ normal(0, 1)\nf = w·h + b\nsamples = 100000\nsteps = 100000\n';
    assert.ok(
      codes(big).some((c) => c === 'GG309' || c === 'GG310'),
      codes(big).join(),
    );
    assert.ok(parseSpec(`${NET}samples = 64\nsteps = 400\n`).spec);
  });
});
