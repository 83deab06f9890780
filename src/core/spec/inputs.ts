/**
 * The inputs x: written out (`x = [0.6, 0.9]`, `x = [[0.7, 0.2], [0.1, 0.9]]`) or drawn
 * (`x ~ sigmoid(normal(0, 1))`, `x ~ uniform(0, 1)`). A generated x draws each component's
 * pre-activation z i.i.d. from the distribution and squashes it with the activation.
 */
import type { SourceRange } from '../diagnostics';
import { CODES } from './codes';
import { OffsetsBuilder, type ElementOffsets } from './elementRanges';
import { ACTIVATIONS, DISTRIBUTIONS, lookup } from './names';
import { describe, nonEmpty, numberOf, numbersIn, type Ctx, type NumberVector } from './shapes';
import { didYouMean, didYouMeanText, excerpt } from './suggest';
import type { Activation, Distribution, InputRow, InputSource } from './types';
import type { Primary } from './values';

/** Parsed x with the ranges hovers and edits need. */
export interface ParsedInputs {
  readonly source: InputSource;
  /** Explicit single vector only: each element's range. */
  readonly elements?: SourceRange[];
  /** Explicit matrix only: each element's offsets, rows flattened (elementRanges.ts; P·n can be millions). */
  readonly offsets?: ElementOffsets;
  /** Explicit matrix only: each row's range. */
  readonly rows?: SourceRange[];
}

/** Interprets the value of `x = …` or `x ~ …`. */
export function parseInputs(ctx: Ctx, p: Primary): ParsedInputs | undefined {
  if (p.kind === 'error') return undefined;
  if (p.kind === 'call' || p.kind === 'word') return generated(ctx, p);
  if (p.kind === 'numbers') {
    const v = nonEmpty(ctx, p, 'x');
    return v === undefined ? undefined : { source: { kind: 'explicit', rows: [v.values] }, elements: v.elements };
  }
  if (p.kind !== 'vector') {
    ctx.problems.error(
      CODES.wrongKind,
      p.range,
      `Expected x as a vector [0.6, 0.9], a matrix [[0.7, 0.2], [0.1, 0.9]] or a distribution such as 'x ~ sigmoid(normal(0, 1))'; found ${describe(ctx, p)}.`,
    );
    return undefined;
  }
  return explicit(ctx, p);
}

function explicit(ctx: Ctx, p: Extract<Primary, { kind: 'vector' }>): ParsedInputs | undefined {
  const items = p.items;
  if (items.length === 0 || (items[0].kind !== 'vector' && items[0].kind !== 'numbers')) {
    // One sample: a plain vector.
    const v = numbersIn(ctx, items, p.range, 'x');
    return v === undefined ? undefined : { source: { kind: 'explicit', rows: [v.values] }, elements: v.elements };
  }
  // Several samples: every item must be a row of numbers with the first row's length.
  const rows: InputRow[] = [];
  const rowRanges: SourceRange[] = [];
  // Rows read by the lexer as lists (the bulk of a big file) are views into its one Float64Array,
  // and their element offsets lie back to back in its one Int32Array: the matrix's offsets are then
  // one view too. Only a row the general path read (or a gap) makes them copied.
  let contiguous: { buffer: ArrayBufferLike; byteOffset: number; next: number } | null = null;
  let copied: OffsetsBuilder | null = null;
  let ok = true;
  let width = -1;
  for (let r = 0; r < items.length; r++) {
    const it = items[r];
    rowRanges.push(it.range);
    if (it.kind !== 'vector' && it.kind !== 'numbers') {
      ok = false;
      if (it.kind !== 'error')
        ctx.problems.error(CODES.mixedRows, it.range, `Expected row ${r + 1} of x as a vector in brackets (one sample per row), found ${describe(ctx, it)}.`);
      continue;
    }
    let values: InputRow;
    let rowOffsets: ArrayLike<number>;
    if (it.kind === 'numbers') {
      if (it.values.length === 0) {
        nonEmpty(ctx, it, `row ${r + 1} of x`);
        ok = false;
        continue;
      }
      values = it.values;
      rowOffsets = it.offsets;
    } else {
      const vector: NumberVector | undefined = numbersIn(ctx, it.items, it.range, `row ${r + 1} of x`);
      if (vector === undefined) {
        ok = false;
        continue;
      }
      values = vector.values;
      rowOffsets = vector.elements.flatMap((e) => [e.start, e.end]);
    }
    if (copied === null) {
      const o = rowOffsets instanceof Int32Array ? rowOffsets : null;
      if (o !== null && contiguous === null && rows.length === 0)
        contiguous = { buffer: o.buffer, byteOffset: o.byteOffset, next: o.byteOffset + o.byteLength };
      else if (o !== null && contiguous !== null && o.buffer === contiguous.buffer && o.byteOffset === contiguous.next) contiguous.next += o.byteLength;
      else {
        copied = new OffsetsBuilder(items.length * values.length);
        if (contiguous !== null) {
          const before = new Int32Array(contiguous.buffer, contiguous.byteOffset, (contiguous.next - contiguous.byteOffset) >> 2);
          for (let k = 0; k < before.length; k += 2) copied.push(before[k], before[k + 1]);
        }
      }
    }
    if (copied !== null) for (let k = 0; k < rowOffsets.length; k += 2) copied.push(rowOffsets[k], rowOffsets[k + 1]);
    if (width < 0) width = values.length;
    else if (values.length !== width) {
      ok = false;
      ctx.problems.error(
        CODES.unequalRows,
        it.range,
        `Row ${r + 1} of x has ${values.length} element${values.length === 1 ? '' : 's'} but row 1 has ${width}: every sample needs the same dimension.`,
      );
    }
    rows.push(values);
  }
  if (!ok) return undefined;
  const offsets =
    copied !== null
      ? copied.finish()
      : contiguous !== null
        ? new Int32Array(contiguous.buffer, contiguous.byteOffset, (contiguous.next - contiguous.byteOffset) >> 2)
        : new Int32Array(0);
  return { source: { kind: 'explicit', rows }, offsets, rows: rowRanges };
}

const FUNCTIONS = [...Object.keys(ACTIVATIONS), ...DISTRIBUTIONS];

function generated(ctx: Ctx, p: Extract<Primary, { kind: 'call' | 'word' }>): ParsedInputs | undefined {
  const activation = lookup(ACTIVATIONS, p.name);
  if (activation !== undefined) {
    if (p.kind !== 'call' || p.args.length !== 1) {
      ctx.problems.error(CODES.argumentCount, p.range, `Expected ${p.name}(distribution), e.g. ${p.name}(normal(0, 1)): one distribution inside.`);
      return undefined;
    }
    const inner = p.args[0];
    if (inner.kind === 'error') return undefined;
    if ((inner.kind !== 'call' && inner.kind !== 'word') || lookup(ACTIVATIONS, inner.name) !== undefined || !isDistribution(inner.name)) {
      const s = inner.kind === 'call' || inner.kind === 'word' ? didYouMean(inner.name, DISTRIBUTIONS) : undefined;
      const code = inner.kind === 'call' || inner.kind === 'word' ? CODES.unknownFunction : CODES.wrongKind;
      ctx.problems.error(
        code,
        inner.range,
        `Expected a distribution normal(mean, std) or uniform(lo, hi) inside ${p.name}(…), found ${describe(ctx, inner)}.${didYouMeanText(s)}`,
        s,
      );
      return undefined;
    }
    const d = distribution(ctx, inner);
    return d === undefined ? undefined : { source: { kind: 'generated', distribution: d, activation } };
  }
  if (isDistribution(p.name)) {
    const d = distribution(ctx, p);
    return d === undefined ? undefined : { source: { kind: 'generated', distribution: d, activation: 'identity' as Activation } };
  }
  const s = didYouMean(p.name, FUNCTIONS);
  ctx.problems.error(
    CODES.unknownFunction,
    p.kind === 'call' ? p.nameRange : p.range,
    `Unknown function '${excerpt(p.name)}': expected a distribution (normal, uniform), optionally wrapped in an activation (sigmoid, tanh, relu, softplus).${didYouMeanText(s)}`,
    s,
  );
  return undefined;
}

function isDistribution(name: string): name is (typeof DISTRIBUTIONS)[number] {
  return (DISTRIBUTIONS as readonly string[]).includes(name);
}

/** normal(mean, std) with std ≥ 0, uniform(lo, hi) with lo < hi; no arguments means (0, 1). */
function distribution(ctx: Ctx, p: Extract<Primary, { kind: 'call' | 'word' }>): Distribution | undefined {
  const args = p.kind === 'call' ? p.args : [];
  const normal = p.name === 'normal';
  const sig = normal ? 'normal(mean, std)' : 'uniform(lo, hi)';
  if (args.length === 0) return normal ? { kind: 'normal', mean: 0, std: 1 } : { kind: 'uniform', lo: 0, hi: 1 };
  if (args.length !== 2) {
    ctx.problems.error(CODES.argumentCount, p.range, `Expected ${sig}: 2 numbers, found ${args.length}.`);
    return undefined;
  }
  const a = numberOf(ctx, args[0], `the first argument of ${p.name}`);
  const b = numberOf(ctx, args[1], `the second argument of ${p.name}`);
  if (a === undefined || b === undefined) return undefined;
  if (normal) {
    if (b < 0) {
      ctx.problems.error(CODES.outOfRange, args[1].range, `Expected a standard deviation std ≥ 0 in normal(mean, std), found ${b}.`);
      return undefined;
    }
    return { kind: 'normal', mean: a, std: b };
  }
  if (a >= b) {
    ctx.problems.error(
      CODES.outOfRange,
      { start: args[0].range.start, end: args[1].range.end },
      `Expected lo < hi in uniform(lo, hi), found lo = ${a}, hi = ${b}.`,
    );
    return undefined;
  }
  return { kind: 'uniform', lo: a, hi: b };
}
