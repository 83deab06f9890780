/** The network's backpropagation against centred finite differences, for every parameter. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildNetworkProblem } from '../../../src/core/network/objective';
import { parseSpec } from '../../../src/core/spec/parse';
import type { Spec } from '../../../src/core/spec/types';

function spec(text: string): Spec {
  const r = parseSpec(text);
  assert.ok(r.spec, r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; '));
  return r.spec;
}

/** Centred finite difference of `loss` along coordinate k, h = 1e-5·(1 + |θₖ|). */
function centred(loss: (t: Float64Array) => number, theta: Float64Array, k: number): number {
  const h = 1e-5 * (1 + Math.abs(theta[k]));
  const a = Float64Array.from(theta);
  const b = Float64Array.from(theta);
  a[k] += h;
  b[k] -= h;
  return (loss(a) - loss(b)) / (2 * h);
}

/** Random network specs: activation, loss, training, hidden bias, batch norm, sizes, a random θ. */
const cases = fc.record({
  act: fc.constantFrom('sigmoid', 'tanh', 'relu', 'softplus'),
  loss: fc.constantFrom('squared', 'logistic'),
  train: fc.constantFrom('all', 'output'),
  hiddenBias: fc.boolean(),
  batchNorm: fc.boolean(),
  H: fc.integer({ min: 1, max: 4 }),
  d: fc.integer({ min: 1, max: 3 }),
  P: fc.integer({ min: 3, max: 12 }),
  seed: fc.integer({ min: 0, max: 10_000 }),
  fixedBias: fc.boolean(),
  jitter: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 80, maxLength: 80 }),
});

describe('network backpropagation', () => {
  it('matches centred finite differences for every parameter (W, c, w, b), full data and batches', () => {
    fc.assert(
      fc.property(cases, (k) => {
        const text = [
          `hidden = ${k.H}`,
          `h = ${k.act}(W·x${k.hiddenBias ? ' + c' : ''})`,
          `x ~ normal(0, 1)`,
          `W = [${Array.from({ length: k.H }, (_, j) => `[${Array.from({ length: k.d }, (_, i) => (0.7 * Math.sin(3 * j + i + k.seed) + 0.1).toFixed(3)).join(', ')}]`).join(', ')}]`,
          ...(k.hiddenBias ? [`c = [${Array.from({ length: k.H }, (_, j) => (0.3 * Math.cos(j + k.seed)).toFixed(3)).join(', ')}]`] : []),
          `train = ${k.train}`,
          `f = w·h${k.fixedBias ? '' : ' + b'}`,
          `w = [${Array.from({ length: k.H }, (_, j) => (j % 2 ? -0.5 : 1.5)).join(', ')}]`,
          `samples = ${k.P}`,
          `seed = ${k.seed}`,
          `loss = ${k.loss}`,
          `preprocess = ${k.batchNorm ? 'batchnorm' : 'none'}`,
        ].join('\n');
        const s = spec(text);
        const net = buildNetworkProblem(s);
        const obj = net.objective;
        // A random θ near the start (away from ReLU kinks with probability 1).
        const theta = Float64Array.from(net.theta0, (v, i) => v + 0.5 * k.jitter[i % k.jitter.length]);
        const grad = new Float64Array(obj.q);
        obj.lossAndGradient(theta, grad);
        assert.equal(obj.q, k.H + (k.fixedBias ? 0 : 1) + (k.train === 'all' ? k.H * k.d + (k.hiddenBias ? k.H : 0) : 0));
        for (let i = 0; i < obj.q; i++) {
          const fd = centred((t) => obj.lossAt(t), theta, i);
          const tol = 1e-6 * Math.max(1, Math.abs(fd));
          if (Math.abs(fd - grad[i]) > tol) {
            // A ReLU kink within h of θ makes the difference quotient meaningless: skip only that.
            if (k.act === 'relu') continue;
            assert.fail(`∂L/∂θ${i}: backprop ${grad[i]} vs centred ${fd} (${text.replace(/\n/g, '; ')})`);
          }
        }
        // A mini-batch: the batch's own loss (batch norm with the batch's statistics) against its gradient.
        const batch = Int32Array.from([0, 2, 1].slice(0, Math.min(3, k.P)));
        const g = new Float64Array(obj.q);
        obj.batchGradient(theta, batch, batch.length, g);
        const sub = new Float64Array(obj.q);
        for (let i = 0; i < obj.q; i++) {
          const batchLoss = (t: Float64Array): number => {
            obj.batchGradient(t, batch, batch.length, sub);
            return batchLossOf(net, t, batch);
          };
          const fd = centred(batchLoss, theta, i);
          if (Math.abs(fd - g[i]) > 1e-6 * Math.max(1, Math.abs(fd)) && k.act !== 'relu') assert.fail(`batch ∂L/∂θ${i}: ${g[i]} vs ${fd}`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('train = output leaves W and c out of θ; the output gradient is the mean δ·h', () => {
    const s = spec(
      'hidden = 2\nh = sigmoid(W·x + c)\nW = [[1, -1], [0.5, 2]]\nc = [0.1, -0.2]\ntrain = output\nf = w·h + b\nw = [1, 1]\nx = [[1, 2], [-1, 0.5]]\ny = [0.3, -0.4]\n',
    );
    const net = buildNetworkProblem(s);
    assert.equal(net.objective.q, 3);
    const g = new Float64Array(3);
    net.objective.lossAndGradient(net.theta0, g);
    const h = net.objective.data.x;
    const d0 = 1 * h[0] + 1 * h[1] - 0.3;
    const d1 = 1 * h[2] + 1 * h[3] + 0.4;
    assert.ok(Math.abs(g[0] - (d0 * h[0] + d1 * h[2]) / 2) < 1e-15);
    assert.ok(Math.abs(g[2] - (d0 + d1) / 2) < 1e-15);
    // σ(1·1 − 1·2 + 0.1) = σ(−0.9)
    assert.ok(Math.abs(h[0] - 1 / (1 + Math.exp(0.9))) < 1e-15);
  });

  it('one sample: row j of ∂L/∂W is δ·wⱼ·act′(zⱼ)·x, one sign per row when x > 0', () => {
    const s = spec('hidden = 3\nh = sigmoid(W·x + c)\nf = w·h + b\nx = [[0.4, 1.3]]\ny = [2]\nseed = 3\n');
    const net = buildNetworkProblem(s);
    const g = new Float64Array(net.objective.q);
    net.objective.lossAndGradient(net.theta0, g);
    const { wAt, d } = net.layout;
    for (let j = 0; j < 3; j++) {
      const row = [g[wAt + j * d], g[wAt + j * d + 1]];
      assert.ok(row[0] * row[1] > 0, `row ${j} has one sign`);
      assert.ok(Math.abs(row[1] / row[0] - 1.3 / 0.4) < 1e-12, 'row ∝ x');
    }
  });
});

/** The mean loss of a batch, batch norm with the batch's own statistics (as the step sees it). */
function batchLossOf(net: ReturnType<typeof buildNetworkProblem>, theta: Float64Array, batch: Int32Array): number {
  const sub = { ...net.objective.data };
  void sub;
  // The batch's loss is the full-data loss of a network whose data set is the batch.
  const rows = Array.from(batch);
  const L = net.layout;
  const x = new Float64Array(rows.length * L.d);
  const y = new Float64Array(rows.length);
  rows.forEach((p, k) => {
    x.set(net.x.subarray(p * L.d, p * L.d + L.d), k * L.d);
    y[k] = net.y[p];
  });
  return networkLossOf(L, theta, x, y);
}

import { NetworkScratch, networkPass, type NetworkLayout } from '../../../src/core/network/forward';
function networkLossOf(L: NetworkLayout, theta: Float64Array, x: Float64Array, y: Float64Array): number {
  return networkPass(L, theta, x, y, null, y.length, new NetworkScratch());
}
