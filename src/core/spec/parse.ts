/**
 * Entry point: `.neuron` text → `ParseResult`. Never throws. Linear in the text length:
 * tokenise once, split into statements, parse each statement's value, then apply the
 * cross-statement rules and defaults. An empty text is the default lesson.
 */
import { LineIndex } from '../diagnostics';
import { CODES } from './codes';
import { DEFAULTS } from './defaults';
import { tokenize } from './lexer';
import { Problems } from './problems';
import { resolve } from './resolve';
import { parseStatement, type State } from './statement';
import { splitStatements } from './statements';
import { LIMITS, type ParseResult, type Spec } from './types';

/** Caller-chosen defaults (the editor's settings); limits are checked against them too. */
export interface ParseOptions {
  /** Steps for a spec without a `steps` statement (default DEFAULTS.steps). */
  readonly defaultSteps?: number;
  /**
   * The bytes of the data files the text names (`csv("…")`, `npy("…")`; dataFileReferences), keyed
   * by the path as written. The host reads them relative to the spec's folder; a path missing here
   * is reported as unreadable (GG230).
   */
  readonly files?: ReadonlyMap<string, Uint8Array>;
}

/** Parses and checks a spec. `spec` is undefined whenever any error is reported. */
export function parseSpec(text: string, options: ParseOptions = {}): ParseResult {
  if (text.length > LIMITS.maxFileChars) {
    // Bail out before touching the text: the size alone is the problem.
    return {
      spec: undefined,
      ranges: {},
      diagnostics: [
        {
          code: CODES.fileTooLarge,
          severity: 'error',
          message: `The file has ${text.length} characters, more than the limit of ${LIMITS.maxFileChars}; expected a smaller spec.`,
          range: { start: 0, end: 0 },
        },
      ],
    };
  }
  const problems = new Problems();
  let result: { state: State; spec: Spec | undefined } | undefined;
  try {
    result = run(text, problems, options.defaultSteps ?? DEFAULTS.steps, options.files);
  } catch {
    // Every stage is total by construction; this is the last line of defence for "never throws".
    problems.error(CODES.internal, { start: 0, end: 0 }, 'Internal error while parsing; expected this not to happen: please report it with this file.');
  }
  return { spec: problems.hasErrors ? undefined : result?.spec, diagnostics: problems.sorted(), ranges: result?.state.ranges ?? {} };
}

function run(
  text: string,
  problems: Problems,
  defaultSteps: number,
  files: ReadonlyMap<string, Uint8Array> | undefined,
): { state: State; spec: Spec | undefined } {
  let lineIndex: LineIndex | undefined;
  const tokens = tokenize(text, problems);
  const state: State = {
    source: text,
    problems,
    tokens,
    parsed: {},
    ranges: {},
    failed: new Set(),
    defaultSteps,
    files,
    // Built on first use: most texts never need a line number.
    lineOf: (offset) => (lineIndex ??= new LineIndex(text)).positionAt(offset).line + 1,
  };
  for (const span of splitStatements(tokens)) parseStatement(state, span);
  return { state, spec: resolve(state) };
}
