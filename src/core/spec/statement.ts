/**
 * One statement: `name = value` or `x ~ distribution`. Reads the name (with aliases), checks for
 * duplicates, parses the value and stores what it means in `Parsed`. Cross-statement rules
 * (dimensions, sample counts, defaults) live in resolve.ts.
 */
import type { SourceRange } from '../diagnostics';
import { CODES } from './codes';
import { isDataCall, readDataCall } from './dataFiles';
import { setCompactElements } from './elementRanges';
import { parseInputs, type ParsedInputs } from './inputs';
import { TK, type Tokens } from './tokens';
import { parseModel, type ModelForm } from './model';
import { interpretNetworkValue, parseHiddenLayer, type ParsedNetwork } from './network';
import { BOOLEANS, CANONICAL_NAME, HIDEABLE, LOCKABLE, LOSSES, PREDICTIONS, PREPROCESSES, STATEMENT_NAMES, lookup } from './names';
import { parseOptimizer } from './optimizer';
import { describe, integerOf, keywordOf, numberOf, single, vectorOf, type Ctx, type NumberVector } from './shapes';
import { didYouMean, didYouMeanText, excerpt } from './suggest';
import type { TokenSpan } from './statements';
import {
  LIMITS,
  type HideablePart,
  type LockableControl,
  type Loss,
  type Optimizer,
  type Prediction,
  type Preprocess,
  type StatementKey,
  type StatementRange,
} from './types';
import { parseValue, type Entry } from './values';
import { parseVariants, type VariantDraft } from './variants';

/** What the statements say, each checked on its own; absent = not written or invalid. */
export interface Parsed extends ParsedNetwork {
  model?: ModelForm;
  x?: ParsedInputs;
  samples?: number;
  seed?: number;
  teacherW?: NumberVector;
  teacherB?: number;
  y?: NumberVector;
  w?: NumberVector;
  b?: { value: number; fixed: boolean };
  loss?: Loss;
  optimizer?: Optimizer;
  lr?: number;
  batch?: number | 'all';
  shuffle?: boolean;
  steps?: number;
  preprocess?: Preprocess;
  compare?: VariantDraft[];
  /** One-based axis numbers as written. */
  view?: { axes: [number, number]; ranges: [SourceRange, SourceRange] };
  /** Starting shift s (model `w·(x + s)`). */
  shift?: NumberVector;
  predict?: Prediction;
  lock?: LockableControl[];
  hide?: HideablePart[];
}

/** Parser state shared across statements. */
export interface State extends Ctx {
  readonly tokens: Tokens;
  readonly parsed: Parsed;
  readonly ranges: Partial<Record<StatementKey, StatementRange>>;
  /** Keys written in the text whose value was invalid: resolve.ts skips rules that need them. */
  readonly failed: Set<StatementKey>;
  /** Steps when the text has no `steps` statement. */
  readonly defaultSteps: number;
  /** Data files the text names, read by the host (ParseOptions.files). */
  readonly files?: ReadonlyMap<string, Uint8Array>;
  /** Whether `x` was written with `~` (generated). */
  xGenerated?: boolean;
  /** 1-based line of an offset (for "first set on line N"). */
  lineOf(offset: number): number;
}

const NAMES = Object.keys(STATEMENT_NAMES);

/** Parses the statement in `span` into `state`. */
export function parseStatement(state: State, span: TokenSpan): void {
  const { tokens, problems } = state;
  const first = span.from;
  if (tokens.kind[first] !== TK.Ident) {
    problems.error(CODES.expectedName, tokens.range(first), `Expected a statement name such as 'w', 'lr' or 'x', found '${excerpt(tokens.text(first))}'.`);
    return;
  }
  let i = first + 1;
  let name = tokens.text(first);
  if (tokens.kindAt(i, span.to) === TK.Star) {
    name += '*';
    i++;
  }
  const nameRange: SourceRange = { start: tokens.start[first], end: tokens.end[i - 1] };
  const key = lookup(STATEMENT_NAMES, name);
  if (key === undefined) {
    const s = didYouMean(name, NAMES);
    problems.error(
      CODES.unknownName,
      nameRange,
      `Unknown statement '${excerpt(name)}': expected one of ${Object.values(CANONICAL_NAME).join(', ')}.${didYouMeanText(s)}`,
      s,
    );
    return;
  }
  const opKind = tokens.kindAt(i, span.to);
  if ((opKind !== TK.Equals && opKind !== TK.Tilde) || (opKind === TK.Tilde && key !== 'x')) {
    const where = opKind === 0 ? { start: nameRange.end, end: nameRange.end } : tokens.range(i);
    const found = opKind === 0 ? 'the end of the statement' : `'${excerpt(tokens.text(i))}'`;
    problems.error(CODES.expectedEquals, where, `Expected '='${key === 'x' ? " or '~'" : ''} after '${excerpt(name)}', found ${found}.`);
    return;
  }
  const op = i;
  const from = i + 1;
  const to = span.to;
  const statementRange: SourceRange = { start: tokens.start[first], end: tokens.end[to - 1] };
  if (from >= to) {
    problems.error(CODES.expectedValue, tokens.range(op), `Expected a value after '${tokens.text(op)}' for ${name}.`);
  }
  const previous = state.ranges[key];
  if (previous !== undefined) {
    problems.error(
      CODES.duplicate,
      nameRange,
      `${CANONICAL_NAME[key]} is already set on line ${state.lineOf(previous.statement.start)}; expected each statement once (the first one is used).`,
    );
  }
  const valueRange: SourceRange = from < to ? { start: tokens.start[from], end: tokens.end[to - 1] } : { start: tokens.end[op], end: tokens.end[op] };
  const record: { statement: SourceRange; name: SourceRange; value: SourceRange; elements?: SourceRange[]; rows?: SourceRange[] } = {
    statement: statementRange,
    name: nameRange,
    value: valueRange,
  };
  // A duplicate is still parsed (its syntax errors matter) but writes into a scratch record.
  const target: Parsed = previous === undefined ? state.parsed : {};
  if (previous === undefined) state.ranges[key] = record;
  if (from >= to) {
    if (previous === undefined) state.failed.add(key);
    return;
  }
  const errorsBefore = problems.errorCount;
  const ok = interpret(state, key, from, to, target, record, opKind === TK.Tilde);
  if (previous === undefined && (!ok || problems.errorCount > errorsBefore)) state.failed.add(key);
}

/** Parses the value of one statement into `target`; false when it is invalid. */
function interpret(
  state: State,
  key: StatementKey,
  from: number,
  to: number,
  target: Parsed,
  record: { elements?: SourceRange[]; rows?: SourceRange[] },
  tilde: boolean,
): boolean {
  const { tokens, problems } = state;
  if (key === 'model') {
    const m = parseModel(tokens, from, to, problems);
    if (m !== undefined) target.model = m;
    return m !== undefined;
  }
  if (key === 'hiddenLayer') {
    const layer = parseHiddenLayer(tokens, from, to, problems);
    if (layer !== undefined) target.hiddenLayer = layer;
    return layer !== undefined;
  }
  const syntaxErrors = problems.errorCount;
  const entries: Entry[] = parseValue(tokens, from, to, problems);
  // A value with syntax errors is not checked further: its shape would only echo the same mistake.
  if (problems.errorCount > syntaxErrors) return false;
  if (key === 'compare') {
    const v = parseVariants(state, tokens, entries);
    if (v !== undefined) target.compare = v;
    return v !== undefined;
  }
  if (key === 'view') return view(state, entries, target);
  if (key === 'lock') return set(target, 'lock', wordList(state, entries, LOCKABLE, 'a control to lock'));
  if (key === 'hide') return set(target, 'hide', wordList(state, entries, HIDEABLE, 'a part of the panel to hide'));
  const what = CANONICAL_NAME[key];
  const p = single(state, entries, what, key === 'b');
  if (p === undefined) return false;
  switch (key) {
    case 'x': {
      if (isDataCall(p)) {
        if (tilde) {
          problems.error(CODES.wrongKind, p.range, `Expected 'x = ${p.name}(…)' for inputs read from a file ('~' draws them from a distribution).`);
          return false;
        }
        const rows = readDataCall(state, p, 'x');
        if (rows === undefined) return false;
        target.x = { source: { kind: 'explicit', rows } };
        return true;
      }
      const x = parseInputs(state, p);
      if (x === undefined) return false;
      if (tilde && x.source.kind === 'explicit') {
        problems.error(CODES.wrongKind, p.range, "Expected a distribution after 'x ~', such as sigmoid(normal(0, 1)); write 'x = [...]' for explicit inputs.");
        return false;
      }
      target.x = x;
      if (x.offsets) setCompactElements(record, x.offsets);
      else record.elements = x.elements;
      record.rows = x.rows;
      return true;
    }
    case 'shift': {
      const v = vectorOf(state, p, what);
      if (v === undefined) return false;
      target.shift = v;
      record.elements = v.elements;
      return true;
    }
    case 'hidden':
    case 'hiddenW':
    case 'hiddenC':
    case 'train':
      return interpretNetworkValue(state, key, p, target, record);
    case 'predict':
      return set(target, 'predict', keywordOf(state, p, PREDICTIONS, CODES.unknownTeachingWord, 'prediction'));
    case 'w':
    case 'teacherW':
    case 'y': {
      if (key === 'y' && isDataCall(p)) {
        const rows = readDataCall(state, p, 'y');
        if (rows === undefined) return false;
        if (rows[0].length !== 1) {
          problems.error(
            CODES.dataFile,
            p.range,
            `Expected one label per row for y, found ${rows[0].length} columns: select one, e.g. ${p.name}("…", columns = [0]).`,
          );
          return false;
        }
        target.y = { values: rows.map((r) => r[0]), elements: [] };
        return true;
      }
      // y = 1 is one label; vectors are the usual form.
      if (key === 'y' && p.kind === 'number') {
        target.y = { values: [p.value], elements: [p.range] };
        record.elements = target.y.elements;
        return true;
      }
      const v = vectorOf(state, p, what);
      if (v === undefined) return false;
      target[key] = v;
      record.elements = v.elements;
      return true;
    }
    case 'b':
      return bias(state, entries, target);
    case 'teacherB':
      return set(target, 'teacherB', numberOf(state, p, what));
    case 'samples':
      return set(target, 'samples', integerOf(state, p, what, 1, { max: LIMITS.maxSamples, code: CODES.samplesLimit }));
    case 'steps':
      return set(target, 'steps', integerOf(state, p, what, 1, { max: LIMITS.maxSteps, code: CODES.stepsLimit }));
    case 'seed':
      return set(target, 'seed', integerOf(state, p, what, 0));
    case 'loss':
      return set(target, 'loss', keywordOf(state, p, LOSSES, CODES.unknownLoss, 'loss'));
    case 'preprocess':
      return set(target, 'preprocess', keywordOf(state, p, PREPROCESSES, CODES.unknownPreprocess, 'preprocessing'));
    case 'shuffle':
      return set(target, 'shuffle', keywordOf(state, p, BOOLEANS, CODES.wrongKind, 'shuffle value'));
    case 'optimizer':
      return set(target, 'optimizer', parseOptimizer(state, p));
    case 'lr': {
      const v = numberOf(state, p, what);
      if (v !== undefined && !(v > 0)) {
        problems.error(CODES.outOfRange, p.range, `Expected a learning rate lr > 0, found ${v}.`);
        return false;
      }
      return set(target, 'lr', v);
    }
    case 'batch': {
      if (p.kind === 'word' && p.name === 'all') return set(target, 'batch', 'all');
      if (p.kind === 'word') {
        problems.error(
          CODES.wrongKind,
          p.range,
          `Expected batch as a whole number 1 .. samples or 'all', found ${describe(state, p)}.`,
          didYouMean(p.name, ['all']),
        );
        return false;
      }
      return set(target, 'batch', integerOf(state, p, what, 1));
    }
  }
  return false;
}

function set<K extends keyof Parsed>(target: Parsed, key: K, value: Parsed[K] | undefined): boolean {
  if (value === undefined) return false;
  target[key] = value;
  return true;
}

/** `b = 0` or `b = 0 fixed` (the bias stays at its start value). */
function bias(state: State, entries: readonly Entry[], target: Parsed): boolean {
  const term = entries[0].terms[0];
  const v = numberOf(state, term[0], 'b');
  let fixed = false;
  if (term.length > 1) {
    const t = term[1];
    if (t.kind === 'word' && t.name === 'fixed' && term.length === 2) fixed = true;
    else {
      const extra = { start: t.range.start, end: term[term.length - 1].range.end };
      state.problems.error(
        CODES.unexpectedToken,
        extra,
        `Expected 'fixed' or the end of the statement after the value of b, found ${describe(state, t)}.`,
        t.kind === 'word' ? didYouMean(t.name, ['fixed']) : undefined,
      );
      return false;
    }
  }
  if (v === undefined) return false;
  target.b = { value: v, fixed };
  return true;
}

/** `view = w1, w2`: two axis names w1 … wn (or their numbers). */
function view(state: State, entries: readonly Entry[], target: Parsed): boolean {
  const axes: number[] = [];
  const ranges: SourceRange[] = [];
  let ok = true;
  for (const e of entries) {
    const p = e.terms.length === 1 && e.terms[0].length === 1 ? e.terms[0][0] : undefined;
    const axis = p === undefined ? undefined : axisNumber(p);
    if (axis === undefined) {
      ok = false;
      if (p?.kind !== 'error')
        state.problems.error(CODES.badView, e.range, `Expected a weight axis such as w1 or w2, found '${state.source.slice(e.range.start, e.range.end)}'.`);
      continue;
    }
    axes.push(axis);
    ranges.push(e.range);
  }
  if (!ok) return false;
  if (axes.length !== 2) {
    const r = entries.length > 0 ? { start: entries[0].range.start, end: entries[entries.length - 1].range.end } : { start: 0, end: 0 };
    state.problems.error(CODES.badView, r, `Expected two weight axes, as in 'view = w1, w2'; found ${axes.length}.`);
    return false;
  }
  target.view = { axes: [axes[0], axes[1]], ranges: [ranges[0], ranges[1]] };
  return true;
}

function axisNumber(p: Entry['terms'][number][number]): number | undefined {
  if (p.kind === 'number' && Number.isInteger(p.value)) return p.value;
  if (p.kind !== 'word' || !/^w[0-9]{1,7}$/.test(p.name)) return undefined;
  return Number(p.name.slice(1));
}

/**
 * `lock = lr, batch` / `hide = controls, path`: a list of names from `table`, each once (a repeat
 * is ignored); `none` alone is the empty list.
 */
function wordList<T>(state: State, entries: readonly Entry[], table: Readonly<Record<string, T>>, what: string): T[] | undefined {
  const out: T[] = [];
  let ok = true;
  const names = Object.keys(table);
  for (const e of entries) {
    const p = e.terms.length === 1 && e.terms[0].length === 1 ? e.terms[0][0] : undefined;
    if (p?.kind === 'word' && p.name === 'none' && entries.length === 1) return [];
    if (p?.kind !== 'word') {
      ok = false;
      if (p?.kind !== 'error')
        state.problems.error(
          CODES.wrongKind,
          e.range,
          `Expected ${what} (one of ${names.map((n) => `'${n}'`).join(', ')}), found '${state.source.slice(e.range.start, e.range.end)}'.`,
        );
      continue;
    }
    const v = lookup(table, p.name);
    if (v === undefined) {
      ok = false;
      const s = didYouMean(p.name, names);
      state.problems.error(
        CODES.unknownTeachingWord,
        p.range,
        `Unknown name '${p.name}': expected ${what}, one of ${names.map((n) => `'${n}'`).join(', ')}.${didYouMeanText(s)}`,
        s,
      );
      continue;
    }
    if (!out.includes(v)) out.push(v);
  }
  return ok ? out : undefined;
}
