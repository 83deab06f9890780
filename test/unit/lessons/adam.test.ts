import * as assert from 'node:assert/strict';
import { assertLessonHeader, loadLesson, near } from './lesson';

describe("lesson: Adam's per-coordinate steps (adam.neuron)", () => {
  const lesson = () => loadLesson('adam.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('SGD stays in the cone (100 % coherent, ≈ 3.9×); Adam leaves it (≈ 30 % coherent, ≈ 1.4×)', () => {
    const l = lesson();
    assert.equal(l.main.run.signCoherentFraction, 1);
    near(l.main.run.zigzagRatio, 3.9, 0.05, 'sgd');
    const a = l.variant('adam + lr 0.05').run;
    near(a.signCoherentFraction, 0.3, 0.02, 'adam coherent share');
    near(a.zigzagRatio, 1.4, 0.05, 'adam');
  });

  it('the honest caveat: batch-1 Adam has not converged after 400 steps; full-batch Adam converges at step 212 (≈ 1.14×)', () => {
    const l = lesson();
    const a = l.variant('adam + lr 0.05').run;
    assert.equal(a.converged, false);
    assert.equal(a.stepsRun, 400);
    const full = l.variant('adam + lr 0.05 + batch all').run;
    assert.equal(full.convergedAt, 212);
    near(full.zigzagRatio, 1.14, 0.01, 'full-batch adam');
  });
});
