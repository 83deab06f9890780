import * as assert from 'node:assert/strict';
import { LineIndex, formatDiagnostic } from '../../src/core/diagnostics';

describe('LineIndex', () => {
  it('maps offsets to zero-based lines and columns across \\n, \\r\\n and \\r', () => {
    const idx = new LineIndex('ab\ncd\r\nef\rgh');
    assert.deepEqual(idx.positionAt(0), { line: 0, column: 0 });
    assert.deepEqual(idx.positionAt(4), { line: 1, column: 1 });
    assert.deepEqual(idx.positionAt(7), { line: 2, column: 0 });
    assert.deepEqual(idx.positionAt(10), { line: 3, column: 0 });
    assert.equal(idx.lineCount, 4);
  });

  it('clamps offsets outside the text', () => {
    const idx = new LineIndex('abc');
    assert.deepEqual(idx.positionAt(-5), { line: 0, column: 0 });
    assert.deepEqual(idx.positionAt(99), { line: 0, column: 3 });
  });

  it('formats diagnostics as file:line:col with one-based numbers', () => {
    const idx = new LineIndex('x = 1\nlr = -1\n');
    const text = formatDiagnostic('a.neuron', idx, { code: 'GG201', severity: 'error', message: 'lr must be > 0', range: { start: 11, end: 13 } });
    assert.equal(text, 'a.neuron:2:6: error GG201: lr must be > 0');
  });
});
