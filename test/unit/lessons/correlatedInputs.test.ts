import * as assert from 'node:assert/strict';
import { assertLessonHeader, loadLesson, near } from './lesson';

describe('lesson: correlated zero-mean inputs (correlated-inputs.neuron)', () => {
  const lesson = () => loadLesson('correlated-inputs.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('has 24 explicit samples with mean exactly 0 (to rounding) and strong correlation', () => {
    const a = lesson().main;
    assert.equal(a.samples, 24);
    for (const m of a.inputs.mean) assert.ok(Math.abs(m) < 1e-12, `mean ${m}`);
    const [[s11, s12], [, s22]] = a.inputs.secondMoment;
    assert.ok(s12 / Math.sqrt(s11 * s22) > 0.9, 'correlation above 0.9');
  });

  it('κ ≈ 29.7 with none, centred and standardised, 1 whitened', () => {
    const l = lesson();
    for (const a of [l.main, l.variant('center'), l.variant('standardize')]) near(a.hessian.conditionNumber, 29.7, 0.1, a.name);
    near(l.variant('whiten').hessian.conditionNumber, 1, 1e-6, 'whiten');
  });

  it('converges in 210, 210, 148 and 6 steps at lr = 0.7', () => {
    const l = lesson();
    assert.deepEqual(
      [l.main, l.variant('center'), l.variant('standardize'), l.variant('whiten')].map((a) => a.run.convergedAt),
      [210, 210, 148, 6],
    );
  });

  it('the way to the teacher lies mostly along the flat (small-eigenvalue) direction', () => {
    const a = lesson().main;
    const flat = a.hessian.eigenvectors[1];
    const d = [-1 - 1.5, 1 - -0.5];
    const cos = Math.abs(flat[0] * d[0] + flat[1] * d[1]) / Math.hypot(d[0], d[1]);
    assert.ok(cos > 0.9, `cos ${cos}`);
  });
});
