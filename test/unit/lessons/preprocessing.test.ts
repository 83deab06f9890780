import * as assert from 'node:assert/strict';
import { assertLessonHeader, loadLesson, near } from './lesson';

describe('lesson: mean subtraction, standardisation and whitening (preprocessing.neuron)', () => {
  const lesson = () => loadLesson('preprocessing.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('κ falls from about 31 to 13 (centred), 1.2 (standardised) and 1 (whitened)', () => {
    const l = lesson();
    near(l.main.hessian.conditionNumber, 31, 0.5, 'none');
    near(l.variant('center').hessian.conditionNumber, 13, 0.5, 'center');
    near(l.variant('standardize').hessian.conditionNumber, 1.2, 0.05, 'standardize');
    near(l.variant('whiten').hessian.conditionNumber, 1, 1e-6, 'whiten');
  });

  it('after centring the bias direction has eigenvalue 1 and the inputs about 1/12', () => {
    const eig = lesson().variant('center').hessian.eigenvalues;
    near(eig[0], 1, 1e-9, 'bias direction');
    for (const e of eig.slice(1)) near(e, 1 / 12, 0.02, 'input variance');
  });

  it('converges in 93, 71, 3 and 1 steps at lr = 1', () => {
    const l = lesson();
    assert.deepEqual(
      [l.main, l.variant('center'), l.variant('standardize'), l.variant('whiten')].map((a) => a.run.convergedAt),
      [93, 71, 3, 1],
    );
  });
});
