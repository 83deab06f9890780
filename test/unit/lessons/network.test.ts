import * as assert from 'node:assert/strict';
import { assertLessonHeader, loadLesson, near } from './lesson';

describe('lesson: a sigmoid hidden layer on centred data (network-sigmoid-hidden.neuron)', () => {
  const lesson = () => loadLesson('network-sigmoid-hidden.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('x is centred, yet the hidden outputs are positive at every step, in a cone of about 76°', () => {
    const a = lesson().main;
    const net = a.network!;
    assert.equal(net.inputsAllPositive, false);
    assert.ok(
      net.inputMean.every((m) => Math.abs(m) < 0.1),
      'x has mean ≈ 0',
    );
    assert.equal(net.allPositiveShare, 1);
    assert.equal(net.train, 'all');
    near(net.steps[0].cone.openingDegrees, 76, 1, 'cone at step 0');
    assert.equal(net.steps[0].cone.optimumInside, false);
  });

  it('the neuron on top zig-zags: 100 % coherent updates, 33× the straight distance, not converged; 44 % of the hidden rows one-signed', () => {
    const a = lesson().main;
    assert.equal(a.run.signCoherentFraction, 1);
    near(a.run.zigzagRatio, 33, 1, 'zig-zag ratio');
    assert.equal(a.run.converged, false);
    assert.equal(a.network!.lossConvergedAt, null);
    near(a.network!.rowSignCoherentShare, 0.44, 0.01, 'hidden rows with one sign');
  });

  it('reports no step-size bound for a network trained end to end, and the curvature at each step', () => {
    const a = lesson().main;
    assert.equal(a.learningRate.max, null);
    assert.equal(a.learningRate.stable, null);
    assert.match(a.learningRate.maxReason ?? '', /no fixed step-size bound/);
    const last = a.network!.steps[a.network!.steps.length - 1];
    assert.equal(last.step, 600);
    assert.ok(last.curvature.eigenvalues[0] > 0);
    assert.notEqual(last.curvature.conditionNumber, a.hessian.conditionNumber, 'the curvature moves as W trains');
  });

  it('the tanh variant: hidden outputs of both signs, the whole plane, 5.8×, 67 % coherent', () => {
    const t = lesson().variant('hidden tanh');
    assert.equal(t.network!.allPositiveShare, 0);
    assert.equal(t.network!.steps[0].cone.kind, 'plane');
    near(t.run.zigzagRatio, 5.8, 0.1, 'zig-zag ratio');
    near(t.run.signCoherentFraction, 0.67, 0.01, 'coherent share');
  });
});

describe('lesson: the same network with tanh hidden units (network-tanh-hidden.neuron)', () => {
  const lesson = () => loadLesson('network-tanh-hidden.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('tanh: never all positive, a 180° cone at every step, 64 % coherent, the loss converges at step 762; κ ≈ 3.0', () => {
    const a = lesson().main;
    const net = a.network!;
    assert.equal(net.allPositiveShare, 0);
    assert.ok(net.steps.every((s) => s.cone.kind === 'plane'));
    near(a.run.signCoherentFraction, 0.64, 0.015, 'coherent share');
    assert.equal(net.lossConvergedAt, 762);
    near(a.hessian.conditionNumber, 3.0, 0.05, 'κ at the start');
  });

  it('the sigmoid variant: 100 % coherent, a far longer path, the loss not converged after 1000 steps; κ ≈ 54', () => {
    const s = lesson().variant('hidden sigmoid');
    const t = lesson().main;
    assert.equal(s.run.signCoherentFraction, 1);
    assert.ok(s.run.zigzagRatio! > 5 * t.run.zigzagRatio!, `${s.run.zigzagRatio} vs ${t.run.zigzagRatio}`);
    assert.equal(s.network!.lossConvergedAt, null);
    near(s.hessian.conditionNumber, 54, 1, 'κ');
  });
});

describe('lesson: batch norm between the layers (network-batchnorm.neuron)', () => {
  const lesson = () => loadLesson('network-batchnorm.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('batch-normalised h: mixed signs, the whole plane, κ ≈ 1.3 against ≈ 54 raw', () => {
    const a = lesson().main;
    assert.equal(a.network!.batchNorm, true);
    assert.equal(a.network!.allPositiveShare, 0);
    assert.equal(a.cone.kind, 'plane');
    near(a.hessian.conditionNumber, 1.3, 0.05, 'κ with batch norm');
    near(lesson().variant('preprocess none').hessian.conditionNumber, 54, 1, 'κ raw');
  });

  it('after 100 steps: 1.24× and 36 % coherent (loss 7.9e-3); raw batch 8 1.41× (0.13); raw batch 1 2.7×, 100 %', () => {
    const a = lesson().main;
    near(a.run.zigzagRatio, 1.24, 0.01, 'batch norm zig-zag');
    near(a.run.signCoherentFraction, 0.36, 0.01, 'batch norm coherent');
    near(a.run.finalLoss, 7.9e-3, 1e-4, 'batch norm loss');
    const raw = lesson().variant('preprocess none');
    near(raw.run.zigzagRatio, 1.41, 0.01, 'raw batch 8');
    near(raw.run.finalLoss, 0.13, 0.005, 'raw batch 8 loss');
    const one = lesson().variant('preprocess none + batch 1');
    near(one.run.zigzagRatio, 2.7, 0.02, 'raw batch 1');
    assert.equal(one.run.signCoherentFraction, 1);
  });
});
