import * as assert from 'node:assert/strict';
import { assertLessonHeader, loadLesson, near } from './lesson';

describe('lesson: target inside the cone (inside-cone.neuron)', () => {
  const lesson = () => loadLesson('inside-cone.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('keeps positive inputs and sign-coherent updates, with the optimum inside the cone', () => {
    const a = lesson().main;
    assert.equal(a.inputs.allPositive, true);
    assert.equal(a.cone.optimumInside, true);
    assert.equal(a.run.signCoherentFraction, 1);
  });

  it('goes nearly straight (about 1.02×) and converges at step 20', () => {
    const { run } = lesson().main;
    near(run.zigzagRatio, 1.02, 0.01, 'zig-zag ratio');
    assert.ok(run.zigzagRatio! < 1.05);
    assert.equal(run.convergedAt, 20);
  });
});
