import * as assert from 'node:assert/strict';
import { assertLessonHeader, loadLesson, near } from './lesson';

describe('lesson: batch 1 against the full batch (batch-vs-full.neuron)', () => {
  const lesson = () => loadLesson('batch-vs-full.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('zig-zags about 3.8× with batch 1 and about 1.05× with the full batch', () => {
    const main = lesson().main.run;
    const full = lesson().variant('batch all').run;
    near(main.zigzagRatio, 3.8, 0.1, 'batch 1');
    assert.equal(main.signCoherentFraction, 1);
    near(full.zigzagRatio, 1.05, 0.02, 'full batch');
    assert.ok(full.signCoherentFraction < 0.01, 'the full batch leaves the cone');
  });

  it('has an ill-conditioned Hessian (the valley the full batch follows)', () => {
    assert.ok(lesson().main.hessian.conditionNumber! > 40);
  });
});
