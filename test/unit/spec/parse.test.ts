import * as assert from 'node:assert/strict';
import { parseSpec } from '../../../src/core/spec/parse';
import { DEFAULT_LESSON, defaultTeacherW, defaultW } from '../../../src/core/spec/defaults';
import type { InputSource } from '../../../src/core/spec/types';
import { at, valid } from './helpers';

const withoutRanges = (s: object) => ({ ...s, ranges: undefined });
/** Inputs with every row as a plain array (a written-out matrix's rows are views into one Float64Array). */
const plainRows = (inputs: InputSource): InputSource => (inputs.kind === 'explicit' ? { ...inputs, rows: inputs.rows.map((r) => Array.from(r)) } : inputs);

describe('parseSpec: defaults', () => {
  it('parses an empty text to the default lesson', () => {
    const s = valid('');
    assert.equal(s.hasBias, true);
    assert.deepEqual(s.inputs, { kind: 'generated', distribution: { kind: 'normal', mean: 0, std: 1 }, activation: 'sigmoid' });
    assert.equal(s.samples, 64);
    assert.equal(s.seed, 1);
    assert.deepEqual(s.labels, { kind: 'teacher', w: [-1, 1], b: 0 });
    assert.deepEqual(s.w, [1.5, -0.5]);
    assert.equal(s.b, 0);
    assert.equal(s.biasTrained, true);
    assert.equal(s.loss, 'squared');
    assert.deepEqual(s.optimizer, { kind: 'sgd' });
    assert.equal(s.lr, 0.5);
    assert.equal(s.batch, 1);
    assert.equal(s.shuffle, false);
    assert.equal(s.steps, 400);
    assert.equal(s.preprocess, 'none');
    assert.deepEqual(s.compare, []);
    assert.deepEqual(s.view, [0, 1]);
    assert.deepEqual(s.ranges, {});
  });

  it('DEFAULT_LESSON is a valid spec equal to the empty one', () => {
    const r = parseSpec(DEFAULT_LESSON);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(withoutRanges(r.spec!), withoutRanges(valid('')));
  });

  it('puts the default teacher north-west of the default start', () => {
    const [w, t] = [defaultW(2), defaultTeacherW(2)];
    assert.ok(t[0] - w[0] < 0 && t[1] - w[1] > 0);
    assert.deepEqual(defaultW(3), [1.5, -0.5, 1.5]);
    assert.deepEqual(defaultTeacherW(3), [-1, 1, -1]);
  });

  it('derives the dimension from w, then w*, then the rows of x', () => {
    assert.deepEqual(valid('w = [1, 2, 3]').labels, { kind: 'teacher', w: [-1, 1, -1], b: 0 });
    assert.deepEqual(valid('w* = [1, 2, 3]').w, [1.5, -0.5, 1.5]);
    const s = valid('x = [[0.1, 0.2, 0.3]]');
    assert.deepEqual(s.w, [1.5, -0.5, 1.5]);
    assert.equal(s.samples, 1);
  });

  it('uses view [0, 0] when n = 1', () => {
    assert.deepEqual(valid('w = [2]').view, [0, 0]);
    assert.deepEqual(valid('w = [2]\nview = w1, w1').view, [0, 0]);
  });
});

describe('parseSpec: the forms of the issue', () => {
  const full = `f = w·x + b                      # model
x = [[0.7, 0.2], [0.1, 0.9]]     # several samples
w* = [-1, 1]
b* = 0.5
w = [1.5, -0.5]
b = 0 fixed
loss = squared
optimizer = momentum(0.8)
lr = 0.1
batch = all
shuffle = true
seed = 7
steps = 100
preprocess = standardize
compare = center, tanh, batch all, optimizer momentum(0.9)
view = w2, w1
`;
  it('reads every statement of a full spec', () => {
    const s = valid(full);
    assert.deepEqual(plainRows(s.inputs), {
      kind: 'explicit',
      rows: [
        [0.7, 0.2],
        [0.1, 0.9],
      ],
    });
    assert.equal(s.samples, 2);
    assert.deepEqual(s.labels, { kind: 'teacher', w: [-1, 1], b: 0.5 });
    assert.equal(s.b, 0);
    assert.equal(s.biasTrained, false);
    assert.deepEqual(s.optimizer, { kind: 'momentum', beta: 0.8 });
    assert.equal(s.lr, 0.1);
    assert.equal(s.batch, 'all');
    assert.equal(s.shuffle, true);
    assert.equal(s.seed, 7);
    assert.equal(s.steps, 100);
    assert.equal(s.preprocess, 'standardize');
    assert.deepEqual(s.view, [1, 0]);
    assert.deepEqual(
      s.compare.map((v) => v.name),
      ['center', 'tanh', 'batch all', 'optimizer momentum(0.9)'],
    );
    assert.deepEqual(
      s.compare.map((v) => v.changes),
      [{ preprocess: 'center' }, { activation: 'tanh' }, { batch: 'all' }, { optimizer: { kind: 'momentum', beta: 0.9 } }],
    );
    assert.deepEqual(s.compare[2].range, at(full, 'batch all', 0));
  });

  it('accepts every spelling of the model, with and without bias', () => {
    for (const m of ['w·x', 'w.x', 'w*x', 'w@x', 'w⋅x', 'dot(w, x)', 'dot(x, w)', 'wᵀx', 'wᵀ x', 'w^T x', 'w^Tx', 'x·w', 'x.w']) {
      assert.equal(valid(`f = ${m}`).hasBias, false, m);
      assert.equal(valid(`f = ${m} + b`).hasBias, true, m);
      assert.equal(valid(`f = b + ${m}`).hasBias, true, m);
    }
    assert.equal(valid('model = w·x + b').hasBias, true);
  });

  it('reads one sample, a multi-line matrix with a trailing comma, and explicit labels', () => {
    assert.deepEqual(plainRows(valid('x = [0.62, 0.88]\ny = [1]').inputs), { kind: 'explicit', rows: [[0.62, 0.88]] });
    const s = valid('x = [\n  [0.7, 0.2],   # first\n  [0.1, 0.9],\n]\ny = [1.0, 0.3]\n');
    assert.deepEqual(plainRows(s.inputs), {
      kind: 'explicit',
      rows: [
        [0.7, 0.2],
        [0.1, 0.9],
      ],
    });
    assert.deepEqual(s.labels, { kind: 'explicit', values: [1, 0.3] });
  });

  it('reads generated inputs with every activation and distribution', () => {
    assert.deepEqual(valid('x ~ tanh(uniform(-1, 2))\nsamples = 10').inputs, {
      kind: 'generated',
      distribution: { kind: 'uniform', lo: -1, hi: 2 },
      activation: 'tanh',
    });
    assert.deepEqual(valid('x ~ normal(1, 0.5)').inputs, { kind: 'generated', distribution: { kind: 'normal', mean: 1, std: 0.5 }, activation: 'identity' });
    for (const a of ['sigmoid', 'tanh', 'relu', 'softplus']) {
      const s = valid(`x ~ ${a}(normal(0, 1))`);
      assert.equal(s.inputs.kind === 'generated' && s.inputs.activation, a);
    }
    assert.equal(valid('x ~ relu(normal(0, 1))\nsamples = 10').samples, 10);
  });

  it('accepts ; as a statement separator (one-line annotations)', () => {
    const s = valid('x ~ sigmoid(normal(0, 1)); w = [0.5, -0.5]; w* = [-1, 1]');
    assert.deepEqual(s.w, [0.5, -0.5]);
    assert.deepEqual(s.labels, { kind: 'teacher', w: [-1, 1], b: 0 });
  });

  it('treats Unicode and ASCII spellings alike', () => {
    const a = valid('w* = [-1, 1]\nη = 0.2\nf = wᵀx + b\nw = [−1.5, 2e−1]');
    const b = valid('target = [-1, 1]\nlr = 0.2\nf = w^T x + b\nw = [-1.5, 2e-1]');
    assert.deepEqual(withoutRanges(a), withoutRanges(b));
    assert.deepEqual(valid('w_star = [2, 3]\nb_star = 1').labels, { kind: 'teacher', w: [2, 3], b: 1 });
    assert.deepEqual(valid('target_b = 1').labels, { kind: 'teacher', w: [-1, 1], b: 1 });
    assert.equal(valid('eta = 0.3').lr, 0.3);
    assert.equal(valid('learning_rate = 0.3').lr, 0.3);
    assert.equal(valid('batch_size = 4').batch, 4);
  });

  it('reads numbers with signs, decimals and exponents', () => {
    assert.deepEqual(valid('w = [.5, -0.25, +3, 1e-3, 2.5E+2, −4, 7.]').w, [0.5, -0.25, 3, 0.001, 250, -4, 7]);
    assert.equal(valid('lr = 1e-3').lr, 0.001);
  });

  it('reads every optimizer with and without arguments', () => {
    const o = (t: string) => valid(`optimizer = ${t}`).optimizer;
    assert.deepEqual(o('sgd'), { kind: 'sgd' });
    assert.deepEqual(o('momentum'), { kind: 'momentum', beta: 0.9 });
    assert.deepEqual(o('nesterov(0.5)'), { kind: 'nesterov', beta: 0.5 });
    assert.deepEqual(o('adam'), { kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    assert.deepEqual(o('adam(0.8, 0.99)'), { kind: 'adam', beta1: 0.8, beta2: 0.99, eps: 1e-8 });
    assert.deepEqual(o('rmsprop'), { kind: 'rmsprop', rho: 0.9, eps: 1e-8 });
    assert.deepEqual(o('rmsprop(0.95)'), { kind: 'rmsprop', rho: 0.95, eps: 1e-8 });
  });

  it('reads losses, preprocessing (British spellings too) and booleans', () => {
    assert.equal(valid('loss = logistic').loss, 'logistic');
    assert.equal(valid('preprocess = centre').preprocess, 'center');
    assert.equal(valid('preprocess = standardise').preprocess, 'standardize');
    assert.equal(valid('preprocess = whiten').preprocess, 'whiten');
    assert.equal(valid('shuffle = true').shuffle, true);
  });

  it('reads compare variants: combinations, bare optimizers and every change', () => {
    const s = valid('compare = center + momentum( 0.9 ), preprocess whiten, lr 0.05, shuffle, loss logistic, steps 50, batch 8, centre+nesterov');
    assert.deepEqual(
      s.compare.map((v) => v.name),
      ['center + momentum(0.9)', 'preprocess whiten', 'lr 0.05', 'shuffle', 'loss logistic', 'steps 50', 'batch 8', 'centre + nesterov'],
    );
    assert.deepEqual(s.compare[0].changes, { preprocess: 'center', optimizer: { kind: 'momentum', beta: 0.9 } });
    assert.deepEqual(s.compare[2].changes, { lr: 0.05 });
    assert.deepEqual(s.compare[3].changes, { shuffle: true });
    assert.deepEqual(s.compare[4].changes, { loss: 'logistic' });
    assert.deepEqual(s.compare[5].changes, { steps: 50 });
    assert.deepEqual(s.compare[6].changes, { batch: 8 });
    assert.deepEqual(valid('compare = none').compare, []);
    assert.deepEqual(valid('compare = adam').compare[0].changes, { optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 } });
    assert.deepEqual(valid('x = [[0.1, 0.2]]\ncompare = tanh').compare[0].changes, { activation: 'tanh' });
  });

  it('ignores # and // comments and blank lines', () => {
    assert.equal(valid('# a\n\n// b\nlr = 0.2 // c\n').lr, 0.2);
  });
});

describe('parseSpec: source ranges', () => {
  it('keeps statement, name, value, element and row ranges', () => {
    const text = 'w* = [-1, 1]\nx = [[0.7, 0.2],\n     [0.1, 0.9]]  # rows\nlr = 0.1';
    const r = parseSpec(text);
    const x = r.ranges.x!;
    assert.deepEqual(x.name, at(text, 'x'));
    assert.deepEqual(x.statement, { start: at(text, 'x = ').start, end: at(text, '0.9]]').end });
    assert.deepEqual(x.value, { start: at(text, '[[').start, end: at(text, '0.9]]').end });
    assert.deepEqual(x.rows, [at(text, '[0.7, 0.2]'), at(text, '[0.1, 0.9]')]);
    assert.deepEqual(x.elements, [at(text, '0.7'), at(text, '0.2'), at(text, '0.1'), at(text, '0.9')]);
    assert.deepEqual(r.ranges.teacherW!.name, at(text, 'w*'));
    assert.deepEqual(
      r.ranges.teacherW!.elements,
      [at(text, '-1'), at(text, '1]')].map((g, i) => (i === 1 ? { start: g.start, end: g.start + 1 } : g)),
    );
    assert.deepEqual(r.ranges.lr!.value, at(text, '0.1', 1));
    assert.deepEqual(r.spec!.ranges, r.ranges);
  });

  it('keeps ranges of statements even when the spec has errors', () => {
    const r = parseSpec('w = [1, 2]\nlr = -1');
    assert.equal(r.spec, undefined);
    assert.deepEqual(r.ranges.w!.elements, [
      { start: 5, end: 6 },
      { start: 8, end: 9 },
    ]);
    assert.deepEqual(r.ranges.lr!.value, { start: 16, end: 18 });
  });
});
