import * as assert from 'node:assert/strict';
import { assertLessonHeader, loadLesson, near } from './lesson';

describe('lesson: the learning-rate bound 2/λmax (learning-rate.neuron)', () => {
  const lesson = () => loadLesson('learning-rate.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('λmax ≈ 0.514, so 2/λmax ≈ 3.89, and the variants sit at 0.99× and 1.01× of it', () => {
    const l = lesson();
    near(l.main.hessian.eigenvalues[0], 0.514, 0.001, 'λmax');
    const bound = l.main.learningRate.max!;
    near(bound, 3.89, 0.005, '2/λmax');
    near(l.variant('lr 3.85').learningRate.value / bound, 0.99, 0.002, 'below');
    near(l.variant('lr 3.93').learningRate.value / bound, 1.01, 0.002, 'above');
    near(l.variant('lr 1.95').learningRate.value, l.main.learningRate.lecunOptimal!, 0.01, "LeCun's 1/λmax");
  });

  it('η = 3.5 converges at step 38; 3.85 converges at step 313; 1.95 at step 70', () => {
    const l = lesson();
    assert.equal(l.main.run.convergedAt, 38);
    assert.equal(l.variant('lr 3.85').learningRate.stable, true);
    assert.equal(l.variant('lr 3.85').run.convergedAt, 313);
    assert.equal(l.variant('lr 1.95').run.convergedAt, 70);
    assert.ok(l.variant('lr 1.95').run.zigzagRatio! < 1.4, 'nearly straight');
  });

  it('η = 3.93 is unstable along the top eigenvector and diverges at step 237 (its loss 10⁴× the start)', () => {
    const v = lesson().variant('lr 3.93');
    assert.equal(v.learningRate.stable, false);
    assert.equal(v.run.diverged, true);
    assert.equal(v.run.divergedAt, 237);
    const dir = v.run.divergence!.directions[0];
    near(dir.eigenvalue, v.hessian.eigenvalues[0], 1e-12, 'the unstable direction is the top one');
    assert.ok(dir.factor > 1);
  });
});
