import * as assert from 'node:assert/strict';
import { assertLessonHeader, loadLesson, near } from './lesson';

describe('lesson: momentum damps the zig-zag (momentum.neuron)', () => {
  const lesson = () => loadLesson('momentum.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('the variant has the same long-run step η/(1 − β) = 0.5 as SGD', () => {
    const l = lesson();
    const v = l.variant('momentum(0.9) + lr 0.05');
    assert.equal(l.spec.lr, 0.5);
    near(v.learningRate.value / (1 - 0.9), 0.5, 1e-12, 'η/(1 − β)');
    // Heavy ball is stable for 0 < ηλ < 2 + 2β on the quadratic: here ηλmax is far below 3.8.
    assert.equal(v.learningRate.stable, true);
    assert.ok(v.learningRate.value * v.hessian.eigenvalues[0] < 2 + 2 * 0.9);
  });

  it('SGD: ≈ 3.9×, 100 % coherent, not converged after 300; momentum: ≈ 1.5×, ≈ 58 % coherent, converged at 246', () => {
    const l = lesson();
    near(l.main.run.zigzagRatio, 3.9, 0.05, 'sgd');
    assert.equal(l.main.run.signCoherentFraction, 1);
    assert.equal(l.main.run.converged, false);
    const m = l.variant('momentum(0.9) + lr 0.05').run;
    near(m.zigzagRatio, 1.5, 0.05, 'momentum');
    near(m.signCoherentFraction, 0.58, 0.01, 'momentum coherent share');
    assert.equal(m.convergedAt, 246);
  });
});
