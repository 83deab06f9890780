import * as assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types';
import { codeLensErrorSummary, codeLensRange, codeLensSummary, kappaText } from '../../../src/core/editor';
import { DEFAULT_LESSON } from '../../../src/core/spec/defaults';
import { analyzed, textOf } from './helpers';

function fake(run: Partial<Analysis['run']>, kappa: number | null): Analysis {
  return {
    hessian: { conditionNumber: kappa },
    run: { converged: false, convergedAt: null, diverged: false, divergedAt: null, zigzagRatio: null, stepsRun: 100, ...run },
  } as unknown as Analysis;
}

describe('CodeLens text', () => {
  it('summarises κ, convergence and the zig-zag ratio on one line', () => {
    assert.equal(codeLensSummary(fake({ converged: true, convergedAt: 143, zigzagRatio: 3.21 }, 7)), 'κ = 7.0 · converges at step 143 · zig-zag 3.2×');
    assert.equal(codeLensSummary(fake({ diverged: true, divergedAt: 12, zigzagRatio: 1.04 }, 62.04)), 'κ = 62.0 · diverges at step 12 · zig-zag 1.0×');
    assert.equal(codeLensSummary(fake({ stepsRun: 200 }, null)), 'κ = ∞ (singular) · not converged in 200 steps');
    assert.equal(kappaText(123456), 'κ = 1.23×10⁵'.replace('1.23×10⁵', '123000'));
  });

  it('matches the analysis of the default lesson and sits on the model line', () => {
    const a = analyzed(DEFAULT_LESSON);
    const text = codeLensSummary(a.analysis!);
    assert.match(text, /^κ = \d+\.\d · (converges at step \d+|not converged in 200 steps) · zig-zag \d+\.\d×$/);
    assert.equal(textOf(DEFAULT_LESSON, codeLensRange(a.parsed)), 'f = w·x + b');
  });

  it('falls back to the first statement, then the start, and counts errors', () => {
    const a = analyzed('lr = 0.1\nw = [1, 2]; w* = [1]');
    assert.deepEqual(codeLensRange(a.parsed), { start: 0, end: 8 });
    assert.equal(codeLensErrorSummary(a.parsed), '1 problem to fix before the numbers update');
    assert.deepEqual(codeLensRange(analyzed('').parsed), { start: 0, end: 0 });
  });
});
