/**
 * Loads a lesson from examples/, checks that it parses cleanly, and returns its real analysis
 * (main run plus compare variants by name), so each lesson's test asserts the numbers its text
 * claims.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import type { Analysis } from '../../../src/core/analysis/types';
import { parseLessonHeader, type LessonHeader } from '../../../src/core/lessons';
import { parseSpec } from '../../../src/core/spec/parse';
import type { Spec } from '../../../src/core/spec/types';

export const EXAMPLES = path.resolve(__dirname, '../../../../examples');

export interface LoadedLesson {
  readonly text: string;
  readonly header: LessonHeader;
  readonly spec: Spec;
  readonly main: Analysis;
  /** A compare variant by its name as written (normalised spacing). */
  variant(name: string): Analysis;
}

const cache = new Map<string, LoadedLesson>();

/** Parses and analyses examples/FILE once; fails the calling test on any diagnostic. */
export function loadLesson(file: string): LoadedLesson {
  const hit = cache.get(file);
  if (hit) return hit;
  const text = readFileSync(path.join(EXAMPLES, file), 'utf8');
  const parsed = parseSpec(text);
  assert.deepEqual(
    parsed.diagnostics.map((d) => `${d.code} ${d.message}`),
    [],
    `${file} has no diagnostics`,
  );
  assert.ok(parsed.spec, `${file} parses`);
  const main = analyzeSpec(parsed.spec);
  const lesson: LoadedLesson = {
    text,
    header: parseLessonHeader(text),
    spec: parsed.spec,
    main,
    variant(name) {
      const v = main.variants.find((a) => a.name === name);
      assert.ok(v, `${file} has the variant '${name}' (has: ${main.variants.map((a) => a.name).join(', ')})`);
      return v;
    },
  };
  cache.set(file, lesson);
  return lesson;
}

/** Asserts |actual − expected| ≤ tol. */
export function near(actual: number | null | undefined, expected: number, tol: number, what: string): void {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tol, `${what}: ${actual} is not within ${tol} of ${expected}`);
}

/** The header every lesson needs: a title, a one-line description, a body with "Try this". */
export function assertLessonHeader(lesson: LoadedLesson): void {
  const { title, description, body } = lesson.header;
  assert.ok(title.length > 3 && title.length <= 60, `title '${title}'`);
  assert.ok(description.length > 10 && description.length <= 120, `one-line description '${description}'`);
  assert.ok(body.length >= 4, 'a lesson text');
  assert.ok(
    body.some((l) => /^Try this:/.test(l)),
    'a "Try this:" list',
  );
}
