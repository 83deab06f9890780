import * as assert from 'node:assert/strict';
import { assertLessonHeader, loadLesson, near } from './lesson';

describe('lesson: ReLU inputs (relu-inputs.neuron)', () => {
  const lesson = () => loadLesson('relu-inputs.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('has non-negative inputs (some exactly 0) and a 90° cone with the optimum outside', () => {
    const a = lesson().main;
    assert.equal(a.inputs.allNonNegative, true);
    assert.equal(a.inputs.allPositive, false);
    near(a.cone.openingDegrees, 90, 1e-6, 'cone opening');
    const values = (a.sampleInputs ?? []).flat();
    assert.equal(values.length, 128);
    near(values.filter((v) => v === 0).length / values.length, 0.5, 0.1, 'about half of the components are exactly 0');
    assert.equal(a.cone.optimumInside, false);
  });

  it('zig-zags about 2.0× with 100 % coherent updates (step 110); tanh ≈ 1.3 (step 52); centred ≈ 1.8, half coherent', () => {
    const l = lesson();
    assert.equal(l.main.run.signCoherentFraction, 1);
    near(l.main.run.zigzagRatio, 2.0, 0.05, 'relu');
    assert.equal(l.main.run.convergedAt, 110);
    near(l.variant('tanh').run.zigzagRatio, 1.3, 0.05, 'tanh');
    assert.equal(l.variant('tanh').run.convergedAt, 52);
    near(l.variant('center').run.zigzagRatio, 1.8, 0.05, 'centred');
    near(l.variant('center').run.signCoherentFraction, 0.5, 0.05, 'centred coherent share');
  });
});
