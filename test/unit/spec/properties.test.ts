import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSpec } from '../../../src/core/spec/parse';
import { DEFAULT_LESSON } from '../../../src/core/spec/defaults';
import { editDistance, didYouMean } from '../../../src/core/spec/suggest';
import { LIMITS, type ParseResult } from '../../../src/core/spec/types';
import { hangLimitMs } from '../timeLimit';

const EXAMPLES = [
  DEFAULT_LESSON,
  'x ~ sigmoid(normal(0, 1)); w = [0.5, -0.5]; w* = [-1, 1]',
  'f = w·x\nx = [[0.7, 0.2],\n     [0.1, 0.9]]\ny = [1.0, 0.3]\nb = 0 fixed\ncompare = center + momentum(0.9), tanh, batch all',
  'f = wᵀx + b\nη = 1e-3\noptimizer = adam(0.9, 0.999)\nloss = logistic\npreprocess = whiten\nview = w2, w1\nw = [1, 2, 3]',
];

/** Every range the result exposes lies within [0, length] and is ordered. */
function assertInBounds(r: ParseResult, length: number): void {
  const check = (x: { start: number; end: number }) => {
    assert.ok(Number.isInteger(x.start) && Number.isInteger(x.end), JSON.stringify(x));
    assert.ok(x.start >= 0 && x.start <= x.end && x.end <= length, `${JSON.stringify(x)} outside [0, ${length}]`);
  };
  for (const d of r.diagnostics) {
    check(d.range);
    assert.notEqual(d.code, 'GG100', d.message);
  }
  for (const s of Object.values(r.ranges)) {
    if (!s) continue;
    check(s.statement);
    check(s.name);
    check(s.value);
    s.elements?.forEach(check);
    s.rows?.forEach(check);
  }
  if (r.spec) {
    assert.ok(!r.diagnostics.some((d) => d.severity === 'error'));
    for (const v of r.spec.compare) check(v.range);
  } else {
    assert.ok(
      r.diagnostics.some((d) => d.severity === 'error'),
      'no spec but no error',
    );
  }
}

/** Characters the language cares about, so random strings hit the interesting paths. */
const ALPHABET = [
  ...'wxybf*=~[](),;+-−.·ᵀ^@#/ \n\r\t0123456789eE_aTlrsηé😀\u2028',
  'lr',
  'w*',
  'x ~ ',
  'sigmoid(',
  'normal(0, 1)',
  'compare = ',
  'batch',
  'all',
  'fixed',
  '1e999',
];

describe('spec parser properties', () => {
  it('never throws and keeps ranges in bounds on random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => assertInBounds(parseSpec(text), text.length)),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => assertInBounds(parseSpec(text), text.length)),
      { numRuns: 200 },
    );
  });

  it("never throws and keeps ranges in bounds on strings built from the language's own pieces", () => {
    const piece = fc.constantFrom(...ALPHABET);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), (parts) => {
        const text = parts.join('');
        assertInBounds(parseSpec(text), text.length);
      }),
      { numRuns: 600 },
    );
  });

  it('never throws and keeps ranges in bounds on mutated valid specs', () => {
    const edit = fc.record({ pos: fc.nat(), kind: fc.constantFrom('insert', 'delete', 'replace'), ch: fc.constantFrom(...ALPHABET) });
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.array(edit, { minLength: 1, maxLength: 6 }), (base, edits) => {
        let text = base;
        for (const e of edits) {
          const p = e.pos % (text.length + 1);
          if (e.kind === 'insert') text = text.slice(0, p) + e.ch + text.slice(p);
          else if (e.kind === 'delete') text = text.slice(0, p) + text.slice(p + 1);
          else text = text.slice(0, p) + e.ch + text.slice(p + 1);
        }
        assertInBounds(parseSpec(text), text.length);
      }),
      { numRuns: 800 },
    );
  });

  it('reads any number within the magnitude limit exactly as Number() does, and rejects the rest', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const lit = String(v);
        if (Math.abs(v) > LIMITS.maxMagnitude) {
          assert.deepEqual(
            parseSpec(`w = [${lit}]`).diagnostics.map((d) => d.code),
            ['GG206'],
            lit,
          );
          return;
        }
        const r = parseSpec(`w = [${lit}]`);
        assert.ok(r.spec, lit);
        assert.ok(Object.is(r.spec.w[0], Number(lit)), lit);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.nat({ max: 999_999_999 }), fc.nat({ max: 999_999 }), (a, b) => {
        const lit = `${a}.${String(b).padStart(6, '0')}`;
        assert.equal(parseSpec(`lr = ${lit}`).spec?.lr ?? Number(lit), Number(lit));
      }),
      { numRuns: 500 },
    );
  });

  it('the same text always gives the same result', () => {
    for (const e of EXAMPLES) assert.deepEqual(parseSpec(e), parseSpec(e));
  });
});

describe('did you mean', () => {
  it('computes edit distances with adjacent transpositions', () => {
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('rl', 'lr'), 1);
    assert.equal(editDistance('same', 'same'), 0);
  });

  it('suggests only close candidates, case-insensitively', () => {
    assert.equal(didYouMean('stesp', ['steps', 'seed']), 'steps');
    assert.equal(didYouMean('Sigmoid', ['sigmoid', 'tanh']), 'sigmoid');
    assert.equal(didYouMean('zzzz', ['steps', 'seed']), undefined);
    assert.equal(didYouMean('x'.repeat(100), ['x']), undefined);
  });
});

describe('spec parser performance', () => {
  it('parses a ~1 MB spec with a big x matrix in linear time (generous bound)', function () {
    this.timeout(20_000);
    const rows: string[] = [];
    let len = 0;
    for (let i = 0; len < 1_000_000; i++) {
      const r = `  [${(Math.sin(i) * 0.5 + 0.5).toFixed(6)}, ${(Math.cos(i) * 0.5 + 0.5).toFixed(6)}],\n`;
      rows.push(r);
      len += r.length;
    }
    const text = `w = [1.5, -0.5]\nx = [\n${rows.join('')}]\n`;
    parseSpec(text); // warm up the JIT
    const t0 = performance.now();
    const r = parseSpec(text);
    const ms = performance.now() - t0;
    assert.ok(r.spec, JSON.stringify(r.diagnostics.slice(0, 3)));
    assert.equal(r.spec.samples, rows.length);
    assert.equal(r.ranges.x?.elements?.length, 2 * rows.length);
    assert.ok(ms < hangLimitMs(2000), `1 MB took ${ms.toFixed(0)} ms`);
  });

  it('stays linear on pathological input (deep brackets, one long line, many bad characters)', function () {
    this.timeout(hangLimitMs(20_000));
    for (const text of ['x = ' + '['.repeat(300_000), 'w = [' + '1,'.repeat(300_000), '$%!'.repeat(100_000), 'a'.repeat(500_000), '(\n'.repeat(200_000)]) {
      const t0 = performance.now();
      const r = parseSpec(text);
      assert.ok(performance.now() - t0 < hangLimitMs(2000));
      assertInBounds(r, text.length);
    }
  });
});
