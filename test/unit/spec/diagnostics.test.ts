import * as assert from 'node:assert/strict';
import { parseSpec } from '../../../src/core/spec/parse';
import { CODES, CODE_DESCRIPTIONS } from '../../../src/core/spec/codes';
import { LIMITS } from '../../../src/core/spec/types';
import { at, codes, expectOne } from './helpers';

describe('spec diagnostics: syntax (GG1xx)', () => {
  it('reports an unexpected character once per run and keeps parsing', () => {
    const text = 'lr = 0.1 $$\nsteps = 5';
    const d = expectOne(text, 'GG101', '$$');
    assert.match(d.message, /expected a name, a number/);
    assert.equal(parseSpec(text).ranges.steps?.value.start, at(text, '5').start);
  });

  it('reports a line that does not start with a name', () => {
    expectOne('[1, 2]\nlr = 0.1', 'GG102', '[');
  });

  it("reports a missing '=' and a '~' on anything but x", () => {
    const d = expectOne('lr 0.1', 'GG103', '0.1');
    assert.match(d.message, /Expected '=' after 'lr'/);
    expectOne('w ~ [1, 2]', 'GG103', '~');
    assert.deepEqual(codes('steps'), [{ code: 'GG103', start: 5, end: 5 }]);
  });

  it('reports a missing value', () => {
    expectOne('lr =\nsteps = 3', 'GG104', '=');
    expectOne('view = w1,', 'GG104', ',');
  });

  it('reports a missing number after a sign and a word inside a vector', () => {
    expectOne('w = [1, -]', 'GG105', '-');
    const d = expectOne('w = [1, a]', 'GG105', 'a');
    assert.match(d.message, /Expected a number in w, found 'a'/);
  });

  it("reports a missing ',' between elements", () => {
    const d = expectOne('w = [1 2]', 'GG106', '2');
    assert.match(d.message, /Expected ',' or '\]'/);
  });

  it('reports an unclosed bracket at the opening bracket and recovers at the next statement', () => {
    const text = 'x = [[0.7, 0.2],\n     [0.1, 0.9]\nw = [1, 2]\nlr = -1';
    assert.deepEqual(codes(text), [
      { code: 'GG107', start: 4, end: 5 },
      { code: 'GG207', ...at(text, '-1') },
    ]);
    const w = at(text, '[1, 2]').start;
    assert.deepEqual(parseSpec(text).ranges.w?.elements, [
      { start: w + 1, end: w + 2 },
      { start: w + 4, end: w + 5 },
    ]);
    expectOne('x ~ sigmoid(normal(0, 1)', 'GG107', '(', 0);
  });

  it('reports an unclosed bracket at the end of the file at its opening bracket', () => {
    expectOne('lr = 0.1\nw = [1, 2', 'GG107', '[');
  });

  it('reports unexpected tokens after a value', () => {
    expectOne('lr = 0.1 0.2', 'GG108', '0.2');
    expectOne('lr = 0.1]', 'GG108', ']');
    expectOne('b = 0 fixd', 'GG108', 'fixd');
  });

  it('reports brackets nested too deeply once', () => {
    const text = `w = ${'['.repeat(40)}1${']'.repeat(40)}`;
    assert.deepEqual(
      codes(text).map((d) => d.code),
      ['GG109'],
    );
  });

  it('reports a matrix mixing numbers and rows', () => {
    expectOne('x = [[1, 2], 3]', 'GG110', '3');
  });

  it('reports a model that is not one of the accepted forms', () => {
    expectOne('f = w·x + c', 'GG111', 'c');
    expectOne('f = w·w', 'GG111', 'w·w');
    expectOne('f = w·x b', 'GG111', 'b');
    const d = expectOne('f = x^T w', 'GG111', 'x^T');
    assert.match(d.message, /expected a model like 'w·x \+ b'/);
  });
});

describe('spec diagnostics: meaning (GG2xx)', () => {
  it('suggests the closest statement name for an unknown one', () => {
    const d = expectOne('lrr = 0.1', 'GG201', 'lrr');
    assert.equal(d.suggestion, 'lr');
    assert.match(d.message, /Did you mean 'lr'\?/);
    assert.equal(expectOne('step = 3', 'GG201', 'step').suggestion, 'steps');
    assert.equal(expectOne('LR = 3', 'GG201', 'LR').suggestion, 'lr');
    assert.equal(expectOne('qqqqq = 3', 'GG201', 'qqqqq').suggestion, undefined);
  });

  it('reports the second of two statements with the line of the first', () => {
    const text = 'lr = 0.1\n\nη = 0.2';
    const d = expectOne(text, 'GG202', 'η');
    assert.match(d.message, /already set on line 1/);
    expectOne('x ~ normal(0, 1)\nx = [1, 2]', 'GG202', 'x', 1);
  });

  it('names both lengths in dimension mismatches', () => {
    let d = expectOne('w = [1, 2]\nw* = [1, 2, 3]', 'GG203', '[1, 2, 3]');
    assert.match(d.message, /w\* has 3 elements but w has 2/);
    d = expectOne('w = [1, 2]\nx = [[1, 2, 3], [4, 5, 6]]', 'GG203', '[[1, 2, 3], [4, 5, 6]]');
    assert.match(d.message, /each row of x has 3 elements but w has 2/);
    d = expectOne('w* = [1]\nx = [1, 2]', 'GG203', '[1, 2]');
    assert.match(d.message, /x has 2 elements but w\* has 1/);
  });

  it('reports rows of unequal length', () => {
    const d = expectOne('x = [[1, 2], [3]]', 'GG204', '[3]');
    assert.match(d.message, /Row 2 of x has 1 element but row 1 has 2/);
  });

  it('reports labels count ≠ samples', () => {
    const d = expectOne('x = [[1, 2], [3, 4]]\ny = [1, 2, 3]', 'GG205', '[1, 2, 3]');
    assert.match(d.message, /y has 3 labels but x has 2 rows/);
    assert.match(expectOne('y = [1, 2]', 'GG205', '[1, 2]').message, /samples = 64/);
  });

  it('reports non-finite numbers', () => {
    expectOne('lr = 1e999', 'GG206', '1e999');
    expectOne('w = [1, -1e400]', 'GG206', '-1e400');
  });

  it('reports out-of-range values', () => {
    for (const [text, needle] of [
      ['lr = 0', '0'],
      ['lr = -0.5', '-0.5'],
      ['batch = 0', '0'],
      ['batch = 65', '65'],
      ['x ~ normal(0, -1)', '-1'],
      ['x ~ uniform(1, 1)', '1, 1'],
      ['optimizer = momentum(1)', '1'],
      ['optimizer = adam(0.9, -0.1)', '-0.1'],
      ['steps = 0', '0'],
      ['samples = 0', '0'],
      ['seed = -1', '-1'],
      ['compare = lr 0', '0'],
      ['compare = batch 100', 'batch 100'],
    ] as const) {
      expectOne(text, 'GG207', needle);
    }
    assert.match(expectOne('x = [[1], [2]]\nbatch = 3', 'GG207', '3').message, /larger than the 2 samples: expected 1 .. 2 or 'all'/);
  });

  it('reports non-integers where a whole number is needed', () => {
    for (const s of ['samples', 'steps', 'batch', 'seed']) expectOne(`${s} = 2.5`, 'GG208', '2.5');
  });

  it('reports unknown functions, optimizers, losses, preprocessing and variants with a suggestion', () => {
    assert.equal(expectOne('x ~ sigmiod(normal(0, 1))', 'GG209', 'sigmiod').suggestion, 'sigmoid');
    assert.equal(expectOne('x ~ sigmoid(norml(0, 1))', 'GG209', 'norml(0, 1)').suggestion, 'normal');
    assert.equal(expectOne('optimizer = momentun(0.9)', 'GG210', 'momentun').suggestion, 'momentum');
    assert.equal(expectOne('loss = logisitc', 'GG211', 'logisitc').suggestion, 'logistic');
    assert.equal(expectOne('preprocess = whitten', 'GG212', 'whitten').suggestion, 'whiten');
    assert.equal(expectOne('compare = centr', 'GG213', 'centr').suggestion, 'center');
    assert.equal(expectOne('compare = center, bach 4', 'GG213', 'bach').suggestion, 'batch');
  });

  it('reports the wrong kind of value', () => {
    expectOne('lr = [1]', 'GG214', '[1]');
    expectOne('w = 3', 'GG214', '3');
    expectOne('shuffle = yes', 'GG214', 'yes');
    expectOne('x = 3', 'GG214', '3');
    expectOne('x ~ [1, 2]', 'GG214', '[1, 2]');
  });

  it('reports wrong argument counts', () => {
    expectOne('x ~ normal(0)', 'GG215', 'normal(0)');
    expectOne('optimizer = momentum(0.9, 0.1)', 'GG215', 'momentum(0.9, 0.1)');
    expectOne('optimizer = sgd(1)', 'GG215', 'sgd(1)');
    expectOne('x ~ sigmoid(normal(0, 1), 2)', 'GG215', 'sigmoid(normal(0, 1), 2)');
  });

  it('reports contradictions: y with a teacher, samples against explicit rows, a variant changing one thing twice', () => {
    assert.match(expectOne('w* = [1, 1]\ny = [1]\nx = [[1, 2]]', 'GG216', 'y').message, /w\* \(line 1\)/);
    assert.match(expectOne('x = [[1, 2]]\nsamples = 3', 'GG216', '3').message, /samples = 3 but x has 1 row/);
    expectOne('compare = center + whiten', 'GG216', 'whiten');
  });

  it('reports bad view axes', () => {
    expectOne('view = w1, w3', 'GG217', 'w3');
    expectOne('view = w2, w2', 'GG217', 'w2', 1);
    expectOne('view = w1', 'GG217', 'w1');
    expectOne('view = a, w2', 'GG217', 'a');
  });

  it('reports logistic labels outside [0, 1]', () => {
    const text = 'loss = logistic\nx = [[1], [2]]\ny = [1, 2]';
    const y2 = at(text, '2]', 1).start;
    assert.deepEqual(codes(text), [{ code: 'GG218', start: y2, end: y2 + 1 }]);
    assert.match(parseSpec(text).diagnostics[0].message, /Label y2 = 2: .* in \[0, 1\]/);
    assert.ok(parseSpec('loss = logistic\nx = [[1], [2]]\ny = [1, 0]').spec);
  });

  it('warns (without failing) when b is set but the model has no bias', () => {
    const r = parseSpec('f = w·x\nb = 1');
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.severity]),
      [['GG219', 'warning']],
    );
    assert.ok(r.spec);
    assert.equal(r.spec.b, 0);
    assert.equal(r.spec.biasTrained, false);
  });

  it('rejects activation variants other than tanh on explicit inputs', () => {
    expectOne('x = [[0.1, 0.2]]\ncompare = relu', 'GG220', 'relu');
  });

  it('reports empty vectors', () => {
    expectOne('w = []', 'GG221', '[]');
  });
});

describe('spec diagnostics: limits (GG3xx)', () => {
  it('bails out on a file over the size limit with one diagnostic at offset 0', () => {
    const r = parseSpec(' '.repeat(LIMITS.maxFileChars + 1));
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.range.start, d.range.end]),
      [['GG301', 0, 0]],
    );
    assert.match(r.diagnostics[0].message, new RegExp(String(LIMITS.maxFileChars)));
  });

  it('names the limit for dimension, samples, steps, samples × dimension and variants', () => {
    const big = `w = [${new Array(LIMITS.maxDimension + 1).fill(0).join(', ')}]`;
    assert.match(expectOne(big, 'GG302', big.slice(4)).message, /limit of 500/);
    assert.match(expectOne('samples = 100001', 'GG303', '100001').message, /limit of 100000/);
    assert.match(expectOne('steps = 1000000', 'GG304', '1000000').message, /limit of 100000/);
    const wide = `w = [${new Array(200).fill(0).join(', ')}]\nsamples = 60000`;
    assert.match(expectOne(wide, 'GG305', '60000').message, /limit of 10000000/);
    const many = 'compare = center, tanh, relu, adam, sgd, momentum, nesterov, rmsprop, whiten';
    assert.match(expectOne(many, 'GG306', 'whiten').message, /limit of 8/);
  });
});

describe('spec diagnostics: recovery and invariants', () => {
  it('reports one problem per bad line and still reads the good ones', () => {
    const text = 'lr = -1\nsteps = 2.5\nloss = mse\nw = [1, 2]\nbatch = 2';
    assert.deepEqual(
      codes(text).map((d) => d.code),
      ['GG207', 'GG208', 'GG211'],
    );
    assert.deepEqual(parseSpec(text).ranges.batch?.value, at(text, '2', 2));
  });

  it('every diagnostic has a documented code, a message and an in-range range', () => {
    const text = 'lrr = 1\nw = [1, 2\nx ~ foo(1)\nf = w·z\nbatch = 0\nview = w9, w1\n@';
    const r = parseSpec(text);
    assert.ok(r.diagnostics.length >= 6);
    for (const d of r.diagnostics) {
      assert.ok(d.code in CODE_DESCRIPTIONS, d.code);
      assert.ok(d.message.length > 10);
      assert.ok(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length);
    }
    assert.equal(new Set(Object.values(CODES)).size, Object.values(CODES).length);
  });
});
