import * as assert from 'node:assert/strict';
import { judgePrediction, nextPredictionStep, predictionAt, QUADRANTS, quadrantOf } from '../../../src/core/lessons';
import { loadLesson } from './lesson';
import { pathPoints, pointAt } from '../../../src/core/analysis/runPath';

describe('predict-then-reveal', () => {
  it('names quadrants by compass on the view axes, and none on an axis', () => {
    assert.equal(quadrantOf(1, 1), 'north-east');
    assert.equal(quadrantOf(-1, 2), 'north-west');
    assert.equal(quadrantOf(-1, -1), 'south-west');
    assert.equal(quadrantOf(3, -1), 'south-east');
    assert.equal(quadrantOf(0, 1), null);
    assert.equal(quadrantOf(1e-20, 1), null);
    assert.equal(quadrantOf(0, 0), null);
    assert.deepEqual(QUADRANTS, ['north-east', 'north-west', 'south-west', 'south-east']);
  });

  it('positive inputs, batch 1: every answer is north-east or south-west, explained by the sign of δ', () => {
    const a = loadLesson('sigmoid-northwest.neuron').main;
    let asked = 0;
    for (let k = 0; k < a.run.path.length - 1; k++) {
      const q = predictionAt(a, k);
      assert.ok(q, `step ${k} has a question`);
      assert.ok(q.answer === 'north-east' || q.answer === 'south-west', q.answer);
      const d = pointAt(a.run.path, k).deltas![0];
      assert.equal(q.answer, d > 0 ? 'south-west' : 'north-east', 'δ > 0 moves against x');
      assert.match(q.explanation, /only north-east or south-west is possible/);
      asked++;
    }
    assert.equal(asked, 200);
    assert.equal(predictionAt(a, a.run.path.length - 1), null, 'the last entry has no update');
  });

  it('the full batch can point north-west, and the explanation says why', () => {
    const full = loadLesson('batch-vs-full.neuron').variant('batch all');
    const questions = pathPoints(full.run.path)
      .map((_, k) => predictionAt(full, k))
      .filter((q) => q !== null);
    const northWest = questions.filter((q) => q.answer === 'north-west');
    assert.ok(northWest.length > questions.length / 2, `${northWest.length} of ${questions.length} full-batch steps point north-west`);
    assert.match(northWest[0].explanation, /mixes \d+ samples with δ > 0 and \d+ with δ < 0/);
  });

  it('judges a guess and skips updates on an axis', () => {
    const a = loadLesson('sigmoid-northwest.neuron').main;
    const q = predictionAt(a, 0)!;
    assert.equal(judgePrediction(q, q.answer).correct, true);
    assert.match(judgePrediction(q, q.answer).message, /^Right/);
    const wrong = QUADRANTS.find((x) => x !== q.answer)!;
    assert.match(judgePrediction(q, wrong).message, new RegExp(`^Not this time: you said ${wrong}`));
    assert.equal(nextPredictionStep(a, 0), 0);
    assert.equal(nextPredictionStep(a, a.run.path.length - 1), null);
  });
});
