import * as assert from 'node:assert/strict';
import { assertLessonHeader, loadLesson, near } from './lesson';

describe('lesson: batch size from 1 to all (batch-sizes.neuron)', () => {
  const lesson = () => loadLesson('batch-sizes.neuron');

  it('has a title, a one-line description and a lesson text', () => assertLessonHeader(lesson()));

  it('zig-zags less and leaves the cone more as the batch grows (numbers as the text states)', () => {
    const l = lesson();
    const runs = [l.main.run, l.variant('batch 4').run, l.variant('batch 16').run, l.variant('batch all').run];
    const expected = [
      [3.9, 1],
      [2.4, 0.89],
      [1.3, 0.38],
      [1.04, 0.003],
    ];
    runs.forEach((r, k) => {
      near(r.zigzagRatio, expected[k][0], 0.06, `zig-zag ratio #${k}`);
      near(r.signCoherentFraction, expected[k][1], 0.01, `coherent share #${k}`);
    });
    for (let k = 1; k < runs.length; k++) {
      assert.ok(runs[k].zigzagRatio! < runs[k - 1].zigzagRatio!, 'monotone zig-zag ratio');
      assert.ok(runs[k].signCoherentFraction < runs[k - 1].signCoherentFraction, 'monotone coherent share');
    }
  });
});
