/**
 * The hidden layer of a network spec:
 *
 *   hidden = 3                   H hidden units
 *   h = sigmoid(W·x + c)         h = act(W·x + c) ∈ R^H, W ∈ R^{H×d}, c ∈ R^H (or act(W·x): no c)
 *   W = [[…], [...], [...]]      optional; else drawn from the seed: Wⱼₖ ~ N(0, 1/d) (LeCun normal)
 *   c = [0, 0, 0]                optional; zeros by default
 *   train = all | output         train every parameter, or only the neuron's w, b (W, c frozen)
 *   f = w·h + b                  the neuron on top reads h
 *
 * This file parses those statements one by one and resolves their shapes (H, d) against each
 * other; resolve.ts asks it for the dimension the neuron sees (H) and the input length (d).
 */
import type { SourceRange } from '../diagnostics';
import { Rng, STREAM_NETWORK } from '../engine/random';
import { CODES } from './codes';
import { TK, type Tokens } from './tokens';
import { ACTIVATIONS, lookup } from './names';
import type { Problems } from './problems';
import { describe, integerOf, keywordOf, numbersIn, vectorOf, type Ctx, type NumberVector } from './shapes';
import { didYouMean, didYouMeanText, excerpt } from './suggest';
import { LIMITS, type Activation, type NetworkSpec, type NetworkTraining, type StatementKey, type StatementRange } from './types';
import type { Primary } from './values';

/** `h = act(W·x + c)` as written. */
export interface HiddenLayerForm {
  readonly activation: Activation;
  readonly hiddenBias: boolean;
}

/** W as written: its rows and each row's range. */
export interface MatrixValue {
  readonly rows: number[][];
  readonly rowRanges: SourceRange[];
  readonly elements: SourceRange[];
}

/** What the network statements said. */
export interface ParsedNetwork {
  hidden?: number;
  hiddenLayer?: HiddenLayerForm;
  hiddenW?: MatrixValue;
  hiddenC?: NumberVector;
  train?: NetworkTraining;
}

export const TRAININGS: Readonly<Record<string, NetworkTraining>> = { all: 'all', output: 'output' };

/** The keys of the statements that only mean something with a hidden layer. */
export const NETWORK_KEYS: readonly StatementKey[] = ['hidden', 'hiddenW', 'hiddenC', 'train'];

const EXPECTED_LAYER = "expected a hidden layer like 'sigmoid(W·x + c)' or 'tanh(W·x)'";

/** Parses tokens [from, to) as `act(W·x + c)` / `act(W·x)`; undefined after a GG111 or GG209. */
export function parseHiddenLayer(tokens: Tokens, from: number, to: number, problems: Problems): HiddenLayerForm | undefined {
  const kind = (k: number): number => tokens.kindAt(k, to);
  const name = (k: number): string | undefined => (kind(k) === TK.Ident ? tokens.text(k) : undefined);
  const fail = (at: number, what: string): undefined => {
    const r: SourceRange = at < to ? tokens.range(at) : { start: tokens.end[to - 1], end: tokens.end[to - 1] };
    problems.error(CODES.badModel, r, `${what}: ${EXPECTED_LAYER}.`);
    return undefined;
  };
  const found = (k: number): string => (k < to ? `found '${excerpt(tokens.text(k))}'` : 'the statement ends too early');
  const actName = name(from);
  if (actName === undefined) return fail(from, found(from));
  const activation = lookup(ACTIVATIONS, actName);
  if (activation === undefined) {
    const s = didYouMean(actName, Object.keys(ACTIVATIONS));
    problems.error(
      CODES.unknownFunction,
      tokens.range(from),
      `Unknown activation '${excerpt(actName)}' for the hidden layer: expected one of ${Object.keys(ACTIVATIONS).join(', ')}.${didYouMeanText(s)}`,
      s,
    );
    return undefined;
  }
  if (kind(from + 1) !== TK.LParen) return fail(from + 1, `expected '(' after '${actName}', ${found(from + 1)}`);
  let i = from + 2;
  if (name(i) !== 'W') return fail(i, `expected 'W' (the hidden weights), ${found(i)}`);
  const op = kind(i + 1);
  if (op !== TK.Dot && op !== TK.Star && op !== TK.At) return fail(i + 1, `expected a product 'W·x', ${found(i + 1)}`);
  if (name(i + 2) !== 'x') return fail(i + 2, `expected 'x' after 'W·', ${found(i + 2)}`);
  i += 3;
  let hiddenBias = false;
  if (kind(i) === TK.Plus) {
    if (name(i + 1) !== 'c') return fail(i + 1, `expected 'c' (the hidden biases) after '+', ${found(i + 1)}`);
    hiddenBias = true;
    i += 2;
  }
  if (kind(i) !== TK.RParen) return fail(i, `expected ')' ${hiddenBias ? '' : "or '+ c' "}after 'W·x', ${found(i)}`);
  if (i + 1 < to) return fail(i + 1, `unexpected '${excerpt(tokens.text(i + 1))}' after the hidden layer`);
  return { activation, hiddenBias };
}

/** A matrix `[[…], […]]` (or one row `[…]`) of numbers, every row of the first row's length. */
export function matrixOf(ctx: Ctx, p: Primary, what: string): MatrixValue | undefined {
  if (p.kind === 'error') return undefined;
  if (p.kind === 'numbers') {
    const v = vectorOf(ctx, p, what);
    return v && { rows: [v.values], rowRanges: [p.range], elements: v.elements };
  }
  if (p.kind !== 'vector') {
    ctx.problems.error(CODES.wrongKind, p.range, `Expected ${what} as a matrix like [[1, 0], [0, 1]] (one row per hidden unit), found ${describe(ctx, p)}.`);
    return undefined;
  }
  if (p.items.length === 0 || (p.items[0].kind !== 'vector' && p.items[0].kind !== 'numbers')) {
    const v = numbersIn(ctx, p.items, p.range, what);
    return v && { rows: [v.values], rowRanges: [p.range], elements: v.elements };
  }
  const rows: number[][] = [];
  const rowRanges: SourceRange[] = [];
  const elements: SourceRange[] = [];
  let ok = true;
  for (let r = 0; r < p.items.length; r++) {
    const it = p.items[r];
    if (it.kind !== 'vector' && it.kind !== 'numbers') {
      ok = false;
      if (it.kind !== 'error')
        ctx.problems.error(CODES.mixedRows, it.range, `Expected row ${r + 1} of ${what} as a vector in brackets, found ${describe(ctx, it)}.`);
      continue;
    }
    const v = vectorOf(ctx, it, `row ${r + 1} of ${what}`);
    if (v === undefined) {
      ok = false;
      continue;
    }
    if (rows.length > 0 && v.values.length !== rows[0].length) {
      ctx.problems.error(
        CODES.unequalRows,
        it.range,
        `Row ${r + 1} of ${what} has ${v.values.length} elements but row 1 has ${rows[0].length}: expected every row of the same length.`,
      );
      ok = false;
      continue;
    }
    rows.push(v.values);
    rowRanges.push(it.range);
    elements.push(...v.elements);
  }
  return ok ? { rows, rowRanges, elements } : undefined;
}

/** Interprets `hidden`, `W`, `c` or `train` (the single primary `p`); false when invalid. */
export function interpretNetworkValue(
  ctx: Ctx,
  key: StatementKey,
  p: Primary,
  target: ParsedNetwork,
  record: { elements?: SourceRange[]; rows?: SourceRange[] },
): boolean {
  switch (key) {
    case 'hidden': {
      const v = integerOf(ctx, p, 'hidden', 1, { max: LIMITS.maxHidden, code: CODES.dimensionLimit });
      if (v !== undefined) target.hidden = v;
      return v !== undefined;
    }
    case 'hiddenW': {
      const m = matrixOf(ctx, p, 'W');
      if (m === undefined) return false;
      target.hiddenW = m;
      record.elements = m.elements;
      record.rows = m.rowRanges;
      return true;
    }
    case 'hiddenC': {
      const v = vectorOf(ctx, p, 'c');
      if (v === undefined) return false;
      target.hiddenC = v;
      record.elements = v.elements;
      return true;
    }
    case 'train': {
      const v = keywordOf(ctx, p, TRAININGS, CODES.wrongKind, 'training choice');
      if (v !== undefined) target.train = v;
      return v !== undefined;
    }
  }
  return false;
}

/** What resolve.ts needs to resolve a network spec. */
export interface NetworkContext {
  readonly parsed: ParsedNetwork;
  readonly ranges: Readonly<Partial<Record<StatementKey, StatementRange>>>;
  readonly failed: ReadonlySet<StatementKey>;
  readonly problems: Problems;
  /** Whether the model statement reads h (`f = w·h + b`), reads x, or is absent/invalid. */
  readonly model: 'h' | 'x' | undefined;
  /** The length of explicit x rows, if any. */
  readonly explicitWidth: number | undefined;
  /** The largest |x| of written-out inputs (undefined for generated ones). */
  readonly explicitMax?: number;
  lineOf(offset: number): number;
}

/** The network's shape: H (the neuron's dimension) and d, and which statement set H. */
export interface NetworkShape {
  readonly H: number;
  readonly d: number;
  readonly hKey: StatementKey | undefined;
  readonly hLabel: string;
}

/** Default number of hidden units when nothing sets it. */
export const DEFAULT_HIDDEN = 3;

/**
 * Whether the text describes a network, and its shape. Reports GG224 when the pieces do not go
 * together and GG225 when W or c disagree with H or d. Undefined for a single neuron.
 */
export function networkShape(ctx: NetworkContext): NetworkShape | undefined {
  const { ranges, problems, parsed: p } = ctx;
  const layer = ranges.hiddenLayer;
  if (!layer) {
    if (ctx.model === 'h')
      problems.error(
        CODES.networkMissing,
        ranges.model!.value,
        "f uses h but no hidden layer is defined: expected a statement like 'h = sigmoid(W·x + c)' (with 'hidden = 3' units).",
      );
    for (const k of NETWORK_KEYS) {
      const r = ranges[k];
      if (r)
        problems.error(
          CODES.networkMissing,
          r.name,
          `${nameOf(k)} belongs to a hidden layer, but there is none: expected 'h = sigmoid(W·x + c)' and 'f = w·h + b', or remove ${nameOf(k)}.`,
        );
    }
    return undefined;
  }
  if (ctx.model === 'x')
    problems.error(
      CODES.networkMissing,
      ranges.model!.value,
      "A hidden layer h is defined but f reads x: expected 'f = w·h + b' (the neuron on top of the hidden layer).",
    );
  if (ranges.hiddenC && p.hiddenLayer && !p.hiddenLayer.hiddenBias) {
    problems.error(
      CODES.networkMissing,
      ranges.hiddenC.name,
      `c has no effect: the hidden layer on line ${ctx.lineOf(layer.statement.start)} has no '+ c' (write 'h = ${p.hiddenLayer.activation}(W·x + c)').`,
    );
  }
  // H: hidden, else W's rows, else c's length; d: W's columns, else x's rows, else 2.
  const W = p.hiddenW;
  let H = DEFAULT_HIDDEN;
  let hKey: StatementKey | undefined;
  let hLabel = 'hidden';
  if (p.hidden !== undefined) [H, hKey, hLabel] = [p.hidden, 'hidden', `hidden = ${p.hidden}`];
  else if (W) [H, hKey, hLabel] = [W.rows.length, 'hiddenW', `W has ${W.rows.length} rows`];
  else if (p.hiddenC) [H, hKey, hLabel] = [p.hiddenC.values.length, 'hiddenC', `c has ${p.hiddenC.values.length} elements`];
  const at = (k: StatementKey): string => `line ${ctx.lineOf(ranges[k]?.statement.start ?? 0)}`;
  if (W && hKey !== 'hiddenW' && W.rows.length !== H && !ctx.failed.has('hidden')) {
    problems.error(
      CODES.networkShape,
      ranges.hiddenW!.value,
      `W has ${W.rows.length} rows but ${hLabel} (${at(hKey!)}): expected ${H} rows, one per hidden unit.`,
    );
  }
  if (p.hiddenC && hKey !== 'hiddenC' && p.hiddenC.values.length !== H) {
    problems.error(
      CODES.networkShape,
      ranges.hiddenC!.value,
      `c has ${p.hiddenC.values.length} elements but ${hLabel} (${at(hKey!)}): expected ${H}, one per hidden unit.`,
    );
  }
  if (H > LIMITS.maxHidden)
    problems.error(
      CODES.dimensionLimit,
      ranges[hKey ?? 'hiddenLayer']!.value,
      `${hLabel}: the number of hidden units exceeds the limit of ${LIMITS.maxHidden}.`,
    );
  let d = ctx.explicitWidth ?? 2;
  if (W) {
    d = W.rows[0].length;
    if (ctx.explicitWidth !== undefined && ctx.explicitWidth !== d && !ctx.failed.has('x')) {
      problems.error(
        CODES.networkShape,
        ranges.hiddenW!.value,
        `W has ${d} columns but each x has ${ctx.explicitWidth} elements (${at('x')}): expected ${ctx.explicitWidth} columns, one per input.`,
      );
    }
  }
  // Unbounded hidden units pass W·x + c on: it must stay within the largest number of a spec, like
  // any input, so that no product or square of a hidden output can overflow the loss.
  const layer0 = p.hiddenLayer;
  if (W && layer0 && ctx.explicitMax !== undefined && (layer0.activation === 'identity' || layer0.activation === 'relu' || layer0.activation === 'softplus')) {
    let reach = 0;
    for (let j = 0; j < W.rows.length; j++)
      reach = Math.max(reach, W.rows[j].reduce((a, v) => a + Math.abs(v), 0) * ctx.explicitMax + Math.abs(p.hiddenC?.values[j] ?? 0));
    if (!(reach <= LIMITS.maxMagnitude))
      problems.error(
        CODES.outOfRange,
        ranges.hiddenW!.value,
        `|W·x + c| can reach about ${reach.toPrecision(2)} with these W and x: expected hidden pre-activations within ${LIMITS.maxMagnitude} (the largest number of a spec), so that a ${layer0.activation} hidden output cannot overflow the loss.`,
      );
  }
  if (d > LIMITS.maxDimension)
    problems.error(
      CODES.dimensionLimit,
      ranges.hiddenW?.value ?? ranges.x?.value ?? layer.value,
      `The inputs have ${d} elements: the dimension exceeds the limit of ${LIMITS.maxDimension}.`,
    );
  return { H, d, hKey, hLabel };
}

/** The resolved hidden layer; W drawn from the seed when not written. */
export function networkSpec(p: ParsedNetwork, shape: NetworkShape, seed: number): NetworkSpec {
  const layer = p.hiddenLayer!;
  const { H, d } = shape;
  return {
    hidden: H,
    inputDimension: d,
    activation: layer.activation,
    W: p.hiddenW?.rows ?? initialHiddenWeights(H, d, seed),
    c: layer.hiddenBias && p.hiddenC ? p.hiddenC.values : new Array<number>(H).fill(0),
    hiddenBias: layer.hiddenBias,
    train: p.train ?? 'all',
    drawnW: p.hiddenW === undefined,
  };
}

/**
 * The seeded initialiser of W: Wⱼₖ ~ N(0, 1/d) i.i.d. (LeCun normal: each pre-activation W·x has
 * variance about 1 for unit-variance inputs), drawn row by row from the seed's network stream,
 * which the data set and the shuffles never use.
 */
export function initialHiddenWeights(H: number, d: number, seed: number): number[][] {
  const rng = new Rng(seed, STREAM_NETWORK);
  const scale = 1 / Math.sqrt(d);
  return Array.from({ length: H }, () => Array.from({ length: d }, () => scale * rng.normal()));
}

function nameOf(k: StatementKey): string {
  return k === 'hiddenW' ? 'W' : k === 'hiddenC' ? 'c' : k;
}
