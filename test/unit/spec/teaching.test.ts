import * as assert from 'node:assert/strict';
import { parseSpec } from '../../../src/core/spec/parse';

describe('teaching statements: predict, lock, hide', () => {
  it('defaults: no prediction, nothing locked or hidden', () => {
    const s = parseSpec('').spec;
    assert.ok(s);
    assert.equal(s.predict, 'none');
    assert.deepEqual(s.lock, []);
    assert.deepEqual(s.hide, []);
  });

  it('reads predict = quadrant, lock and hide lists (aliases, repeats ignored, order kept)', () => {
    const r = parseSpec('predict = quadrant\nlock = lr, batch, w, lr, target\nhide = controls, signs, path');
    assert.deepEqual(r.diagnostics, []);
    assert.ok(r.spec);
    assert.equal(r.spec.predict, 'quadrant');
    assert.deepEqual(r.spec.lock, ['lr', 'batch', 'start', 'teacher']);
    assert.deepEqual(r.spec.hide, ['controls', 'strip', 'path']);
    assert.ok(r.spec.ranges.lock && r.spec.ranges.hide && r.spec.ranges.predict);
  });

  it('`none` alone is the empty list', () => {
    const s = parseSpec('lock = none\nhide = none\npredict = none').spec;
    assert.ok(s);
    assert.deepEqual([s.lock, s.hide, s.predict], [[], [], 'none']);
  });

  it('reports unknown names with GG223 and a "did you mean", at the word', () => {
    const text = 'lock = lr, batchh\nhide = pth\npredict = quadrnt';
    const r = parseSpec(text);
    assert.equal(r.spec, undefined);
    const codes = r.diagnostics.map((d) => [d.code, text.slice(d.range.start, d.range.end), d.suggestion]);
    assert.deepEqual(codes, [
      ['GG223', 'batchh', 'batch'],
      ['GG223', 'pth', 'path'],
      ['GG223', 'quadrnt', 'quadrant'],
    ]);
  });

  it('rejects numbers and calls in the lists (GG214)', () => {
    const r = parseSpec('hide = 3, path');
    assert.equal(r.diagnostics[0]?.code, 'GG214');
  });
});
