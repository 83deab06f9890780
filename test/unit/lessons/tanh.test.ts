import * as assert from 'node:assert/strict';
import { assertLessonHeader, loadLesson, near } from './lesson';

describe('lesson: tanh against sigmoid (tanh.neuron)', () => {
  const lesson = () => loadLesson('tanh.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('has mixed-sign inputs whose cone is the whole plane', () => {
    const a = lesson().main;
    assert.equal(a.inputs.allPositive, false);
    assert.equal(a.cone.kind, 'plane');
  });

  it('tanh: about 1.6× with 45 % coherent updates, converged at step 45; κ ≈ 2.9', () => {
    const a = lesson().main;
    near(a.run.zigzagRatio, 1.6, 0.05, 'zig-zag ratio');
    near(a.run.signCoherentFraction, 0.45, 0.01, 'coherent share');
    assert.equal(a.run.convergedAt, 45);
    near(a.hessian.conditionNumber, 2.9, 0.1, 'κ');
  });

  it('the sigmoid variant is the sigmoid lesson: about 3.9×, 100 % coherent, not converged, κ ≈ 53', () => {
    const s = lesson().variant('sigmoid');
    assert.equal(s.inputs.allPositive, true);
    near(s.run.zigzagRatio, 3.9, 0.1, 'zig-zag ratio');
    assert.equal(s.run.signCoherentFraction, 1);
    assert.equal(s.run.converged, false);
    near(s.hessian.conditionNumber, 53, 1, 'κ');
    const own = loadLesson('sigmoid-northwest.neuron').main.run;
    assert.equal(s.run.zigzagRatio, own.zigzagRatio, 'same draws, same run');
  });
});
