import * as assert from 'node:assert/strict';
import { foldingRanges } from '../../../src/core/editor';

describe('foldingRanges (neuron folding, independent of indentation)', () => {
  it('folds a multi-line bracketed value, keeping a closing bracket on its own line visible', () => {
    const text = 'f = w·x + b\nx = [\n[0.7, 0.2],\n[0.1, 0.9],\n[0.4, 0.4]\n]\nw = [1, 2]\n';
    assert.deepEqual(foldingRanges(text), [{ start: 1, end: 4 }]);
  });

  it('folds rows whatever their indentation, and a closing bracket at the end of a line', () => {
    const text = 'x = [[0.7, 0.2],\n        [0.1, 0.9],\n  [0.4, 0.4]]\nlr = 0.5\n';
    assert.deepEqual(foldingRanges(text), [{ start: 0, end: 2 }]);
  });

  it('folds comment blocks of two or more lines (# and //), not single comments', () => {
    const text = '# title\n# one\n  # two, indented\nf = w·x + b   # trailing\n// a\n// b\nlr = 0.5\n# alone\nw = [1, 1]\n';
    assert.deepEqual(foldingRanges(text), [
      { start: 0, end: 2, kind: 'comment' },
      { start: 4, end: 5, kind: 'comment' },
    ]);
  });

  it('ignores brackets in comments and unbalanced brackets, and folds # region … # endregion', () => {
    const text = '# region data\nx = [  # [ not a bracket\n [1, 2],\n [3, 4]\n]\n# endregion\ny = [1, 2\n';
    assert.deepEqual(foldingRanges(text), [
      { start: 0, end: 5, kind: 'region' },
      { start: 1, end: 3 },
    ]);
  });

  it('handles CRLF line ends, nested brackets and an empty text', () => {
    assert.deepEqual(foldingRanges(''), []);
    const text = 'compare = [\r\n  center,\r\n  optimizer momentum(\r\n    0.9\r\n  )\r\n]\r\n';
    assert.deepEqual(foldingRanges(text), [
      { start: 0, end: 4 },
      { start: 2, end: 3 },
    ]);
  });
});
