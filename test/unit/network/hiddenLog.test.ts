/** The log of a run's full-data hidden outputs, which the per-step analysis reads instead of recomputing them. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BatchSchedule } from '../../../src/core/engine/batches';
import { runDescent } from '../../../src/core/engine/descentPath';
import { batchSize, createStepper } from '../../../src/core/engine/optimizers';
import { hiddenOutputs, NetworkScratch } from '../../../src/core/network/forward';
import { HiddenOutputLog } from '../../../src/core/network/hiddenLog';
import { buildNetworkProblem } from '../../../src/core/network/objective';
import { parseSpec } from '../../../src/core/spec/parse';

// Compiled to .unit/test/unit/network/ (or out/): four levels below the root.
const examples = path.resolve(__dirname, '../../../../examples');

describe('hidden-output log', () => {
  it('finds h by the bits of θ: −0 is not 0, an unknown θ is not found', () => {
    const log = new HiddenOutputLog(2, 3, 1);
    log.add([1, 0], Float64Array.of(1, 2, 3, 99));
    log.add([1, -0], Float64Array.of(4, 5, 6));
    log.add([0.1 + 0.2, 2], Float64Array.of(7, 8, 9));
    assert.deepEqual(Array.from(log.find([1, 0])!), [1, 2, 3]);
    assert.deepEqual(Array.from(log.find([1, -0])!), [4, 5, 6]);
    assert.deepEqual(Array.from(log.find(Float64Array.of(0.30000000000000004, 2))!), [7, 8, 9]);
    assert.equal(log.find([0.3, 2]), null);
    assert.equal(log.find([2, 1]), null);
  });

  it('keeps its entries as it grows, and none past its budget', () => {
    const log = new HiddenOutputLog(1, 2, 1, 20);
    for (let k = 0; k < 15; k++) log.add([k], Float64Array.of(k, -k));
    for (let k = 0; k < 10; k++) assert.deepEqual(Array.from(log.find([k])!), [k, -k]);
    for (let k = 10; k < 15; k++) assert.equal(log.find([k]), null, `entry ${k} is past the budget of 20 numbers`);
  });

  it('keeps nothing when one h is over its budget, and grows from no room', () => {
    const over = new HiddenOutputLog(1, 30, 10, 20);
    over.add([1], new Float64Array(30));
    assert.equal(over.find([1]), null);
    const empty = new HiddenOutputLog(1, 2, 0, 20);
    empty.add([3], Float64Array.of(4, 5));
    assert.deepEqual(Array.from(empty.find([3])!), [4, 5]);
  });

  it('holds, for every entry of a run, the hidden outputs the forward pass gives at its θ', () => {
    const spec = parseSpec(readFileSync(path.join(examples, 'network-sigmoid-hidden.neuron'), 'utf8')).spec!;
    const net = buildNetworkProblem(spec, true);
    const P = spec.samples;
    const L = net.layout;
    const run = runDescent(
      net.objective,
      createStepper(spec.optimizer, spec.lr, L.q),
      new BatchSchedule(P, batchSize(spec.batch, P), spec.shuffle, spec.seed),
      net.theta0,
      net.teacher,
      {
        steps: spec.steps,
        recordCap: 0,
      },
    );
    const scratch = new NetworkScratch();
    for (let k = 0; k < run.path.length; k++) {
      const theta = run.path.theta.subarray(k * L.q, (k + 1) * L.q);
      const kept = net.hiddenLog!.find(theta);
      assert.ok(kept, `entry ${k} was logged`);
      hiddenOutputs(L, theta, net.x, null, P, scratch);
      assert.deepEqual(kept, scratch.h.subarray(0, P * L.H), `entry ${k}`);
    }
  });

  it('is not kept when W and c are frozen (h is the same at every step)', () => {
    const spec = parseSpec(readFileSync(path.join(examples, 'network-batchnorm.neuron'), 'utf8')).spec!;
    assert.equal(buildNetworkProblem(spec, true).hiddenLog, null);
  });
});
