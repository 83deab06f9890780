import * as assert from 'node:assert/strict';
import { parseSpec } from '../../../src/core/spec/parse';
import { LIMITS } from '../../../src/core/spec/types';
import { eigenWork, formatWork, momentWork, runWork } from '../../../src/core/spec/work';
import { expectOne, valid } from './helpers';

const vector = (n: number, v = 0.5): string => `[${new Array(n).fill(v).join(', ')}]`;

describe('spec diagnostics: work limits (GG307–GG309)', () => {
  it('rejects eigen-decompositions over the limit, on compare when the variants push the total over', () => {
    const text = `w = ${vector(LIMITS.maxDimension)}\nsamples = 10\nsteps = 10\ncompare = whiten`;
    const d = expectOne(text, 'GG308', 'whiten');
    assert.equal(d.severity, 'error');
    assert.match(d.message, new RegExp(`limit of ${formatWork(LIMITS.maxEigenWork)}`));
    assert.match(d.message, /150 million/);
    assert.equal(parseSpec(text).spec, undefined);
  });

  it('accepts the largest dimension, whose eigen-decomposition stays within the work limit', () => {
    assert.ok((LIMITS.maxDimension + 1) ** 3 <= LIMITS.maxEigenWork);
    valid(`w = ${vector(LIMITS.maxDimension)}\nsamples = 10\nsteps = 10`);
  });

  it('charges a full batch of the squared loss O(q²) per step, whatever the number of samples', () => {
    valid('samples = 100000\nbatch = all\nsteps = 10000');
    valid(`w = ${vector(100)}\nsamples = 50000\nbatch = all\nsteps = 100`);
  });

  it('rejects samples × q² over the moment limit, on samples; the logistic loss counts its Newton steps', () => {
    const text = `w = ${vector(300)}\nsamples = 30000`;
    const d = expectOne(text, 'GG307', '30000');
    assert.match(d.message, /30000 samples and q = 301/);
    assert.match(d.message, /limit of 1,500 million/);
    valid(`w = ${vector(100)}\nsamples = 10000\nsteps = 10`);
    const logistic = `loss = logistic\nw = ${vector(100)}\nsamples = 10000\nsteps = 10`;
    assert.match(expectOne(logistic, 'GG307', '10000').message, /Newton/);
  });

  it('rejects steps × cost per step over the run limit, on steps, and counts compare variants', () => {
    const text = `w = ${vector(100)}\nsamples = 100\nsteps = 100000`;
    assert.match(expectOne(text, 'GG309', '100000').message, /limit of 600 million/);
    const base = 'samples = 100\nsteps = 40000\n';
    valid(base);
    const compare = 'center, tanh, adam, sgd, momentum, nesterov, rmsprop, whiten';
    const d = expectOne(`${base}compare = ${compare}`, 'GG309', compare);
    assert.match(d.message, /summed over 9 runs \(the main run and 8 compare variants\)/);
  });

  it('estimates from the sizes alone', () => {
    assert.equal(momentWork({ n: 2, q: 3, P: 10, loss: 'squared', preprocess: 'none' }), 90);
    assert.equal(momentWork({ n: 2, q: 3, P: 10, loss: 'squared', preprocess: 'whiten' }), 90 + 80);
    assert.equal(eigenWork({ n: 2, q: 3, P: 10, loss: 'squared', preprocess: 'none' }), 27);
    assert.ok(runWork({ q: 3, P: 10, batch: 1, steps: 2, loss: 'logistic' }) > runWork({ q: 3, P: 10, batch: 1, steps: 2, loss: 'squared' }));
    assert.equal(formatWork(1_500_000_000), '1,500 million');
    assert.equal(formatWork(12_345_678), '12.3 million');
  });

  it('prices the whole analysis (GG310): the logistic grid and optimum, every variant, the shift run twice', () => {
    // Issue 11: three lines that used to take 6 s, and 64 s with eight variants.
    valid('samples = 100000\nloss = logistic\nsteps = 1');
    const compare = 'center, whiten, tanh, relu, softplus, standardize, identity, sigmoid';
    const d = expectOne(`samples = 100000\nloss = logistic\nsteps = 1\ncompare = ${compare}`, 'GG310', compare);
    assert.match(d.message, /about [\d.]+ s of computation \(100000 samples, q = 3 \(n = 2 plus the bias\), 1 step, 8 compare variants\); the limit is 2 s/);
    // A trained shift runs twice: a spec accepted without the shift is refused with it.
    const run = `w = ${vector(60)}\nsamples = 2000\nbatch = 64\nsteps = 30000\n`;
    valid(run);
    assert.match(expectOne(`f = w·(x + s) + b\n${run}`, 'GG309', '30000').message, /each run twice with a shift/);
  });

  it("prices a network's input loops (GG309): the worst spec the search found, hidden = 5 on 500 inputs, is refused", () => {
    // bench/worstSpec.ts, seed 1: 4.6 s of CPU in the search's process against an estimate of 2.0 s.
    const W = Array.from({ length: 5 }, (_, j) => vector(500, j % 2 ? -0.04 : 0.04)).join(', ');
    const net = (samples: number): string =>
      `f = w·h + b\nx ~ tanh(normal(0, 1))\nsamples = ${samples}\nw = [1.5, -0.5, 1.5, -0.5, 1.5]\noptimizer = rmsprop\nbatch = 64\nsteps = 34\npreprocess = batchnorm\nhidden = 5\nh = tanh(W·x)\ntrain = all\nW = [${W}]`;
    expectOne(net(1510), 'GG309', '34');
    valid(net(200));
  });
});
