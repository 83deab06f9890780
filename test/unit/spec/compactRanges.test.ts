import * as assert from 'node:assert/strict';
import { parseSpec } from '../../../src/core/spec/parse';
import { compactOffsets, elementCount, elementRangeAt } from '../../../src/core/spec/elementRanges';
import { resizeEdits } from '../../../src/core/editor';
import type { SourceRange } from '../../../src/core/diagnostics';

/** Every number literal (with its sign) inside `[` … `]` of the x statement: the ranges the parser always reported. */
function literalRanges(text: string): SourceRange[] {
  const start = text.indexOf('x =');
  const end = text.indexOf('\n', text.lastIndexOf(']'));
  const out: SourceRange[] = [];
  const re = /(?:[-+]\s*)?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;
  const body = text.slice(start + 3, end < 0 ? text.length : end);
  for (let m = re.exec(body); m; m = re.exec(body)) out.push({ start: start + 3 + m.index, end: start + 3 + m.index + m[0].length });
  return out;
}

const MATRICES = [
  'x = [[0.7, 0.2], [0.1, 0.9]]',
  'x = [[1,2,3],[4,5,6]]',
  'x = [[-1, +2], [ - 3, 4 ], [5e-3, -6.25]]',
  'x = [\n  [0.1, 0.2],   # first\n  [0.3, 0.4],\n]',
  // A row the fast path gives up on (a sign before a space) takes the general path.
  'x = [[1, 2], [3, - 4]]',
];

describe('compact matrix element ranges', () => {
  for (const m of MATRICES) {
    it(`reports the same element ranges as one object per element: ${JSON.stringify(m)}`, () => {
      const text = `${m}\nw = [0, 0${m.includes('3]') ? ', 0' : ''}]\n`;
      const r = parseSpec(text);
      const x = r.ranges.x!;
      const expected = literalRanges(text.slice(0, text.indexOf('\nw =')));
      assert.deepEqual(x.elements, expected);
      assert.equal(elementCount(x), expected.length);
      expected.forEach((e, k) => assert.deepEqual(elementRangeAt(x, k), e));
      assert.equal(elementRangeAt(x, expected.length), undefined);
      assert.ok(compactOffsets(x) instanceof Int32Array);
      // Every row's range holds its elements, as hovers and quick fixes expect.
      for (const e of x.elements!) assert.ok(x.rows!.some((row) => e.start >= row.start && e.end <= row.end));
    });
  }

  it('keeps the element ranges out of JSON and structured clone (the panel message, the worker replies)', () => {
    const r = parseSpec('x = [[1, 2], [3, 4]]\nw = [0, 0]');
    assert.equal(Object.keys(r.ranges.x!).includes('elements'), false);
    assert.equal(JSON.stringify(r.ranges.x).includes('elements'), false);
    const cloned = structuredClone(r.spec!.ranges.x!);
    assert.equal(cloned.elements, undefined);
    assert.deepEqual(cloned.rows, r.ranges.x!.rows);
    // Plain vectors keep their enumerable element ranges (the webview's drag write-back reads w's).
    assert.deepEqual(structuredClone(r.ranges.w!).elements, r.ranges.w!.elements);
  });

  it('resizes every row of a matrix to n as before (GG203 quick fix reads the element ranges)', () => {
    const text = 'x = [[1, 2], [3, 4]]\nw = [0, 0, 0]';
    const edits = resizeEdits(text, parseSpec(text).ranges.x!, 3);
    assert.deepEqual(edits, [
      { range: { start: 5, end: 11 }, newText: '[1, 2, 0]' },
      { range: { start: 13, end: 19 }, newText: '[3, 4, 0]' },
    ]);
  });

  it('stores a 2,000 × 38 matrix in one typed array', () => {
    const rows = Array.from({ length: 2000 }, (_, p) => `[${Array.from({ length: 38 }, (_, i) => (p + i) % 10).join(',')}]`);
    const text = `x = [${rows.join(',\n')}]\nw = [${new Array(38).fill(0).join(', ')}]`;
    const x = parseSpec(text).ranges.x!;
    const offsets = compactOffsets(x)!;
    assert.equal(offsets.length, 2 * 2000 * 38);
    assert.equal(elementCount(x), 76_000);
    const k = 38 * 1234 + 17;
    const e = elementRangeAt(x, k)!;
    assert.equal(text.slice(e.start, e.end), String((1234 + 17) % 10));
    assert.deepEqual(x.elements![k], e);
  });
});
