import * as assert from 'node:assert/strict';
import { parseSpec } from '../../../src/core/spec/parse';
import type { Spec } from '../../../src/core/spec/types';

/** The [start, end) range of the `nth` occurrence (0-based) of `needle` in `text`. */
export function at(text: string, needle: string, nth = 0): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`'${needle}' #${nth} not in text`);
  }
  return { start: i, end: i + needle.length };
}

/** Diagnostics reduced to code and range, for exact fixtures. */
export function codes(text: string): { code: string; start: number; end: number }[] {
  return parseSpec(text).diagnostics.map((d) => ({ code: d.code, start: d.range.start, end: d.range.end }));
}

/** Asserts exactly one diagnostic with this code at the `needle` range; returns it. */
export function expectOne(text: string, code: string, needle: string, nth = 0) {
  const r = parseSpec(text);
  const range = at(text, needle, nth);
  assert.deepEqual(
    r.diagnostics.map((d) => ({ code: d.code, start: d.range.start, end: d.range.end })),
    [{ code, ...range }],
    JSON.stringify(r.diagnostics),
  );
  return r.diagnostics[0];
}

/** Parses a text that must be valid (no errors) and returns its spec. */
export function valid(text: string): Spec {
  const r = parseSpec(text);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [], `unexpected errors for ${JSON.stringify(text)}`);
  assert.ok(r.spec);
  return r.spec;
}
