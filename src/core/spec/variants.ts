/**
 * `compare = center, tanh, batch all, optimizer momentum(0.9), center + adam` — variants run beside
 * the main run. Each entry is one variant; `+` combines changes inside an entry. The checks that
 * need the whole spec (batch ≤ samples, activations on explicit inputs, tanh of written-out inputs
 * needing sigmoid outputs in (0, 1)) happen in resolve.ts.
 */
import type { SourceRange } from '../diagnostics';
import { CODES } from './codes';
import { TK, type Tokens } from './tokens';
import { ACTIVATIONS, BOOLEANS, LOSSES, PREPROCESSES, VARIANT_WORDS, lookup } from './names';
import { isOptimizerName, parseOptimizer } from './optimizer';
import { describe, integerOf, keywordOf, numberOf, termRange, type Ctx } from './shapes';
import { didYouMean, didYouMeanText } from './suggest';
import { LIMITS, type Variant, type VariantChanges } from './types';
import type { Entry, Term } from './values';

/** A variant plus where its spec-dependent changes were written. */
export interface VariantDraft {
  readonly variant: Variant;
  readonly batchRange?: SourceRange;
  readonly activationRange?: SourceRange;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Interprets every compare entry; entries with errors are dropped after reporting. */
export function parseVariants(ctx: Ctx, tokens: Tokens, entries: readonly Entry[]): VariantDraft[] | undefined {
  // `compare = none` is the explicit empty list.
  const first = entries[0]?.terms[0];
  if (entries.length === 1 && entries[0].terms.length === 1 && first.length === 1 && first[0].kind === 'word' && first[0].name === 'none') return [];
  const out: VariantDraft[] = [];
  let ok = true;
  for (const entry of entries) {
    const changes: Mutable<VariantChanges> = {};
    let batchRange: SourceRange | undefined;
    let activationRange: SourceRange | undefined;
    let entryOk = true;
    for (const term of entry.terms) {
      const change = parseTerm(ctx, term);
      if (change === undefined) {
        entryOk = false;
        continue;
      }
      const key = Object.keys(change)[0] as keyof VariantChanges;
      if (changes[key] !== undefined) {
        ctx.problems.error(CODES.conflict, termRange(term), `This variant already changes ${key}: expected each setting at most once per entry.`);
        entryOk = false;
        continue;
      }
      Object.assign(changes, change);
      if (key === 'batch') batchRange = termRange(term);
      if (key === 'activation') activationRange = termRange(term);
    }
    if (!entryOk) {
      ok = false;
      continue;
    }
    const variant: Variant = { name: normalisedName(tokens, entry.from, entry.to), range: entry.range, changes };
    out.push({ variant, batchRange, activationRange });
  }
  if (entries.length > LIMITS.maxCompareVariants) {
    const r = entries[LIMITS.maxCompareVariants].range;
    ctx.problems.error(
      CODES.variantsLimit,
      { start: r.start, end: entries[entries.length - 1].range.end },
      `compare has ${entries.length} variants, more than the limit of ${LIMITS.maxCompareVariants}.`,
    );
    return undefined;
  }
  return ok ? out : undefined;
}

/** One change: `center`, `preprocess whiten`, `tanh`, `batch 8`, `batch all`, `momentum(0.9)`, `lr 0.1`, … */
function parseTerm(ctx: Ctx, term: Term): VariantChanges | undefined {
  const head = term[0];
  if (head.kind === 'error') return undefined;
  const arity = (n: number): boolean => {
    if (term.length === n) return true;
    if (term.length > n)
      ctx.problems.error(
        CODES.unexpectedToken,
        termRange(term.slice(n)),
        `Unexpected ${describe(ctx, term[n])} in this variant: expected ',' or '+' after '${ctx.source.slice(head.range.start, term[n - 1].range.end)}'.`,
      );
    else ctx.problems.error(CODES.expectedValue, head.range, `Expected a value after '${ctx.source.slice(head.range.start, head.range.end)}'.`);
    return false;
  };
  if (head.kind === 'call' && isOptimizerName(head.name)) {
    const o = arity(1) ? parseOptimizer(ctx, head) : undefined;
    return o && { optimizer: o };
  }
  if (head.kind !== 'word') {
    const s = head.kind === 'call' ? didYouMean(head.name, VARIANT_WORDS) : undefined;
    ctx.problems.error(
      CODES.unknownVariant,
      head.range,
      `Expected a variant such as center, tanh, batch all, momentum(0.9) or lr 0.1; found ${describe(ctx, head)}.${didYouMeanText(s)}`,
      s,
    );
    return undefined;
  }
  const w = head.name;
  const arg = term[1];
  const pre = lookup(PREPROCESSES, w);
  if (pre !== undefined) return arity(1) ? { preprocess: pre } : undefined;
  const act = lookup(ACTIVATIONS, w);
  if (act !== undefined) return arity(1) ? { activation: act } : undefined;
  if (isOptimizerName(w)) {
    const o = arity(1) ? parseOptimizer(ctx, head) : undefined;
    return o && { optimizer: o };
  }
  const loss = lookup(LOSSES, w);
  if (loss !== undefined) return arity(1) ? { loss } : undefined;
  switch (w) {
    case 'preprocess': {
      const v = arity(2) ? keywordOf(ctx, arg, PREPROCESSES, CODES.unknownPreprocess, 'preprocessing') : undefined;
      return v && { preprocess: v };
    }
    case 'activation': {
      const v = arity(2) ? keywordOf(ctx, arg, ACTIVATIONS, CODES.unknownFunction, 'activation') : undefined;
      return v && { activation: v };
    }
    case 'hidden': {
      const v = arity(2) ? keywordOf(ctx, arg, ACTIVATIONS, CODES.unknownFunction, 'hidden activation') : undefined;
      return v && { hiddenActivation: v };
    }
    case 'loss': {
      const v = arity(2) ? keywordOf(ctx, arg, LOSSES, CODES.unknownLoss, 'loss') : undefined;
      return v && { loss: v };
    }
    case 'optimizer': {
      const v = arity(2) ? parseOptimizer(ctx, arg) : undefined;
      return v && { optimizer: v };
    }
    case 'batch':
    case 'batch_size': {
      if (!arity(2)) return undefined;
      if (arg.kind === 'word' && arg.name === 'all') return { batch: 'all' };
      const v = integerOf(ctx, arg, 'batch', 1);
      return v === undefined ? undefined : { batch: v };
    }
    case 'lr':
    case 'η':
    case 'eta':
    case 'learning_rate': {
      const v = arity(2) ? numberOf(ctx, arg, 'lr') : undefined;
      if (v === undefined) return undefined;
      if (!(v > 0)) {
        ctx.problems.error(CODES.outOfRange, arg.range, `Expected a learning rate lr > 0, found ${v}.`);
        return undefined;
      }
      return { lr: v };
    }
    case 'steps': {
      const v = arity(2) ? integerOf(ctx, arg, 'steps', 1, { max: LIMITS.maxSteps, code: CODES.stepsLimit }) : undefined;
      return v === undefined ? undefined : { steps: v };
    }
    case 'shuffle': {
      if (term.length === 1) return { shuffle: true };
      const v = arity(2) ? keywordOf(ctx, arg, BOOLEANS, CODES.wrongKind, 'shuffle value') : undefined;
      return v === undefined ? undefined : { shuffle: v };
    }
  }
  const s = didYouMean(w, VARIANT_WORDS);
  ctx.problems.error(
    CODES.unknownVariant,
    head.range,
    `Unknown variant '${w}': expected a preprocessing (center, standardize, whiten, none), an activation (sigmoid, tanh, relu, softplus), 'hidden ACT' (a network's hidden activation), 'batch N|all', an optimizer, 'lr X', 'shuffle', 'loss NAME' or 'steps N'.${didYouMeanText(s)}`,
    s,
  );
  return undefined;
}

/**
 * The entry's text with normalised spacing: one space between words, none inside parentheses
 * or brackets, ", " after commas, " + " around plus: `optimizer momentum( 0.9 )` → `optimizer momentum(0.9)`.
 */
export function normalisedName(tokens: Tokens, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const k = tokens.kind[i];
    if (i > from && spaceBetween(tokens.kind[i - 1], k)) out += ' ';
    out += k === TK.Minus ? '-' : tokens.text(i);
  }
  return out;
}

function spaceBetween(a: number, b: number): boolean {
  if (b === TK.Plus || a === TK.Plus || a === TK.Comma) return true;
  if (b === TK.Comma || b === TK.RParen || b === TK.RBracket || b === TK.LParen || a === TK.LParen || a === TK.LBracket || a === TK.Minus) return false;
  const wordy = (k: number): boolean => k === TK.Ident || k === TK.Number || k === TK.RParen || k === TK.RBracket;
  return wordy(a) && (wordy(b) || b === TK.LBracket || b === TK.Minus);
}
