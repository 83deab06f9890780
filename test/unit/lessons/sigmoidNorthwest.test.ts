import * as assert from 'node:assert/strict';
import { assertLessonHeader, loadLesson, near } from './lesson';

describe('lesson: why sigmoid inputs zig-zag (sigmoid-northwest.neuron)', () => {
  const lesson = () => loadLesson('sigmoid-northwest.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('has all-positive inputs and the optimum outside the allowed cone', () => {
    const a = lesson().main;
    assert.equal(a.inputs.allPositive, true);
    assert.equal(a.cone.kind, 'sector');
    assert.equal(a.cone.optimumInside, false);
  });

  it('takes only sign-coherent updates and zig-zags about 3.9× the straight distance without converging', () => {
    const { run } = lesson().main;
    assert.equal(run.signCoherentFraction, 1);
    near(run.zigzagRatio, 3.9, 0.1, 'zig-zag ratio');
    assert.ok(run.zigzagRatio! > 3);
    assert.equal(run.converged, false);
    assert.equal(run.stepsRun, 200);
  });
});
