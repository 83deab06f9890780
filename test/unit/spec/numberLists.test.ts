// A list of plain numbers is one lexer token (TK.Numbers) whose values sit in one Float64Array and
// whose element ranges in one Int32Array. These tests hold it to what the token-per-number parse
// gave: the same spec, the same diagnostics and the same element ranges, on every example and on
// fuzzed lists. The reference parse below "unfolds" each Numbers token back into the tokens it
// replaced ('[', signs, numbers, commas, ']') and runs the same statement parser over them.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { LineIndex } from '../../../src/core/diagnostics';
import { compactOffsets } from '../../../src/core/spec/elementRanges';
import { tokenize } from '../../../src/core/spec/lexer';
import { TK, Tokens, type TokenKind } from '../../../src/core/spec/tokens';
import { parseSpec } from '../../../src/core/spec/parse';
import { Problems } from '../../../src/core/spec/problems';
import { resolve } from '../../../src/core/spec/resolve';
import { parseStatement, type State } from '../../../src/core/spec/statement';
import { splitStatements } from '../../../src/core/spec/statements';
import type { ParseResult, Spec } from '../../../src/core/spec/types';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

/** The tokens of `folded` with every Numbers token replaced by the tokens it stands for. */
function unfold(folded: Tokens): Tokens {
  const text = folded.source;
  const out = new Tokens(text);
  for (let t = 0; t < folded.length; t++) {
    const kind = folded.kind[t] as TokenKind;
    if (kind !== TK.Numbers) {
      out.push(kind, folded.start[t], folded.end[t], folded.lineStart[t] === 1, folded.value[t]);
      continue;
    }
    const values = folded.listValues(t);
    const offsets = folded.listOffsets(t);
    let lineStart = folded.lineStart[t] === 1;
    const push = (k: TokenKind, s: number, e: number, v = NaN): void => {
      out.push(k, s, e, lineStart, v);
      lineStart = false;
    };
    /** Commas (and line breaks) between `from` and `to`, outside comments. */
    const between = (from: number, to: number): void => {
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) lineStart = true;
        else if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47))
          while (i + 1 < to && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
        else if (c === 0x2c) push(TK.Comma, i, i + 1);
      }
    };
    push(TK.LBracket, folded.start[t], folded.start[t] + 1);
    let at = folded.start[t] + 1;
    for (let k = 0; k < values.length; k++) {
      const s = offsets[2 * k];
      const e = offsets[2 * k + 1];
      between(at, s);
      const c = text.charCodeAt(s);
      let numberStart = s;
      if (c === 43 || c === 45 || c === 0x2212) {
        push(c === 43 ? TK.Plus : TK.Minus, s, s + 1);
        // The number is the literal at the end of the element, after any trivia.
        numberStart = e;
        while (numberStart > s + 1 && /[0-9.eE+\-\u2212]/.test(text[numberStart - 1])) numberStart--;
        while (!/[0-9.]/.test(text[numberStart])) numberStart++;
        between(s + 1, numberStart);
      }
      push(TK.Number, numberStart, e, Math.abs(values[k]));
      at = e;
    }
    between(at, folded.end[t] - 1);
    push(TK.RBracket, folded.end[t] - 1, folded.end[t]);
  }
  return out;
}

/** parseSpec's pipeline over the unfolded tokens: what the parser gave before lists were one token. */
function referenceParse(text: string): ParseResult {
  const problems = new Problems();
  const tokens = unfold(tokenize(text, problems));
  let lines: LineIndex | undefined;
  const state: State = {
    source: text,
    problems,
    tokens,
    parsed: {},
    ranges: {},
    failed: new Set(),
    defaultSteps: 400,
    lineOf: (offset) => (lines ??= new LineIndex(text)).positionAt(offset).line + 1,
  };
  for (const span of splitStatements(tokens)) parseStatement(state, span);
  const spec = resolve(state);
  return { spec: problems.hasErrors ? undefined : spec, diagnostics: problems.sorted(), ranges: state.ranges };
}

/** A spec with plain arrays for rows and no ranges, for deep comparison. */
function plain(spec: Spec | undefined): unknown {
  if (!spec) return spec;
  const inputs = spec.inputs.kind === 'explicit' ? { ...spec.inputs, rows: spec.inputs.rows.map((r) => Array.from(r)) } : spec.inputs;
  return { ...spec, inputs, ranges: undefined, compare: spec.compare.map((v) => ({ ...v, range: undefined })) };
}

function assertSameAsReference(text: string): void {
  const got = parseSpec(text);
  const want = referenceParse(text);
  assert.deepEqual(got.diagnostics, want.diagnostics, text.slice(0, 200));
  assert.deepEqual(plain(got.spec), plain(want.spec), text.slice(0, 200));
  for (const key of Object.keys(want.ranges) as (keyof typeof want.ranges)[]) {
    const a = got.ranges[key]!;
    const b = want.ranges[key]!;
    assert.deepEqual([a.statement, a.name, a.value, a.rows], [b.statement, b.name, b.value, b.rows], key);
    assert.deepEqual(a.elements, b.elements, `${key} elements`);
  }
}

/** A seeded list body: numbers with signs, exponents, spacing, comments and line breaks between. */
const number = fc
  .tuple(
    fc.constantFrom('', '-', '+', '−', '- ', '-\n  '),
    fc.oneof(
      fc.integer({ min: 0, max: 99999 }).map(String),
      fc.double({ min: 0, max: 1e6, noNaN: true }).map((v) => String(v)),
      fc.constantFrom('0.5', '.25', '1.', '3e-4', '2E+3', '7e−2', '1e999', '1e-400', '0e-400', '12345678901234567890'),
    ),
  )
  .map(([sign, n]) => sign + n);
const gap = fc.constantFrom('', ' ', '  ', '\n', ' # note\n', ' // note\n', '\t', '\u00a0');

function list(items: string[], gaps: string[], trailing: boolean): string {
  return `[${gaps[0] ?? ''}${items.map((it, k) => it + (gaps[k + 1] ?? '')).join(',')}${trailing && items.length > 0 ? ',' : ''}]`;
}

describe('number lists as one token', () => {
  it('parse every example to the same spec, diagnostics and ranges as one token per number', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.neuron'));
    assert.ok(files.length > 5);
    for (const f of files) assertSameAsReference(readFileSync(path.join(EXAMPLES, f), 'utf8'));
  });

  it('read fuzzed vectors and matrices (signs, exponents, comments, line breaks, out-of-range numbers) as before', () => {
    const row = fc.tuple(fc.array(number, { maxLength: 5 }), fc.array(gap, { maxLength: 7 }), fc.boolean()).map(([items, gaps, t]) => list(items, gaps, t));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 4 }), row, fc.array(gap, { maxLength: 5 }), (rows, w, gaps) => {
        assertSameAsReference(`x = [${rows.map((r, k) => r + (gaps[k] ?? '')).join(',')}]\nw = ${w}\n`);
        assertSameAsReference(`x = ${rows[0]}\nw* = ${w}\nlr = 0.1\n`);
      }),
      { numRuns: 500 },
    );
  });

  it('report broken lists as before (a junk character, a missing bracket or comma, a word, a nested bracket)', () => {
    const junk = fc.constantFrom('', 'a', '@', ',,', '[', ']', '(', '"s"', ' w = [1]\n', '\u0007', '😀', ';');
    fc.assert(
      fc.property(fc.array(number, { minLength: 1, maxLength: 4 }), fc.nat(), junk, fc.boolean(), (items, at, bad, close) => {
        const body = items.join(', ');
        const p = at % (body.length + 1);
        const value = `[${body.slice(0, p)}${bad}${body.slice(p)}${close ? ']' : ''}`;
        assertSameAsReference(`w = ${value}\nx = [${value}, [1, 2]]\nlr = 0.5\n`);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a written-out matrix in one Float64Array and its element offsets in one Int32Array', () => {
    const text = 'x = [[1, 2], [3, -4.5], [5e-1, 6]]\nw = [0, 0]\n';
    const r = parseSpec(text);
    const rows = r.spec!.inputs.kind === 'explicit' ? r.spec!.inputs.rows : [];
    assert.equal(rows.length, 3);
    assert.ok(rows.every((row) => row instanceof Float64Array && row.buffer === (rows[0] as Float64Array).buffer));
    assert.deepEqual(
      rows.map((row) => Array.from(row)),
      [
        [1, 2],
        [3, -4.5],
        [0.5, 6],
      ],
    );
    const offsets = compactOffsets(r.ranges.x!)!;
    assert.ok(offsets instanceof Int32Array);
    assert.deepEqual(Array.from(offsets, (o, k) => (k % 2 === 0 ? text.slice(o, offsets[k + 1]) : '')).filter(Boolean), ['1', '2', '3', '-4.5', '5e-1', '6']);
  });

  it('makes a 100,000 × 38 matrix about 100,000 tokens, not 7.8 million', () => {
    const rows = Array.from({ length: 100_000 }, (_, p) => `[${Array.from({ length: 38 }, (_, i) => (p * 7 + i) % 10).join(',')}]`);
    const tokens = tokenize(`x = [${rows.join(',\n')}]`, new Problems());
    assert.ok(tokens.length < 200_010, String(tokens.length));
    assert.equal(tokens.numbers.length, 3_800_000);
    assert.equal(tokens.numbers[38 * 1234 + 5], (1234 * 7 + 5) % 10);
  });
});
