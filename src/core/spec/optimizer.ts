/**
 * Optimizer values: a registered name, bare (every parameter at its default) or called with its
 * parameters in order — `sgd`, `momentum(0.9)`, `adam(0.9, 0.999)`, … Each optimizer's module
 * (optimizers/*.ts) says which parameters it takes, their defaults and domains: a forgetting factor
 * (β, ρ) must lie in [0, 1) (β = 1 never forgets, so the velocity grows without bound), ε must be > 0.
 */
import { fromValues, isOptimizerKind, OPTIMIZER_KINDS, optimizerDescriptor, domainText, inDomain } from '../optimizers/registry';
import { CODES } from './codes';
import { describe, numberOf, type Ctx } from './shapes';
import { didYouMean, didYouMeanText, excerpt } from './suggest';
import type { Optimizer } from './types';
import type { Primary } from './values';

/** True when `name` is an optimizer name (used by compare to accept bare `momentum(0.9)`). */
export function isOptimizerName(name: string): boolean {
  return isOptimizerKind(name);
}

/** "adam, adam(β1, β2) or adam(β1, β2, ε)": the forms an optimizer accepts. */
function formsText(kind: string, symbols: readonly string[], arities: readonly number[]): string {
  const forms = arities.map((a) => (a === 0 ? kind : `${kind}(${symbols.slice(0, a).join(', ')})`));
  return forms.length === 1 ? forms[0] : `${forms.slice(0, -1).join(', ')} or ${forms[forms.length - 1]}`;
}

const COUNT_WORDS = ['no arguments', 'one argument', 'two arguments', 'three arguments'];

/** Interprets an optimizer value; undefined after reporting. */
export function parseOptimizer(ctx: Ctx, p: Primary): Optimizer | undefined {
  if (p.kind === 'error') return undefined;
  const names = OPTIMIZER_KINDS.join(', ');
  if (p.kind !== 'word' && p.kind !== 'call') {
    ctx.problems.error(CODES.wrongKind, p.range, `Expected an optimizer (${names}), found ${describe(ctx, p)}.`);
    return undefined;
  }
  if (!isOptimizerKind(p.name)) {
    const s = didYouMean(p.name, OPTIMIZER_KINDS);
    ctx.problems.error(
      CODES.unknownOptimizer,
      p.kind === 'call' ? p.nameRange : p.range,
      `Unknown optimizer '${excerpt(p.name)}': expected one of ${names}.${didYouMeanText(s)}`,
      s,
    );
    return undefined;
  }
  const name = p.name;
  const params = optimizerDescriptor(name).params;
  const args = p.kind === 'call' ? p.args : [];
  if (args.length > params.length) {
    const expected = params.length === 0 ? 'no arguments' : `at most ${params.length} (${params.map((q) => q.symbol).join(', ')})`;
    ctx.problems.error(CODES.argumentCount, p.range, `Expected ${expected} for ${name}, found ${args.length}.`);
    return undefined;
  }
  const arities = optimizerDescriptor(name).arities;
  if (arities && !arities.includes(args.length)) {
    const found = COUNT_WORDS[args.length] ?? `${args.length} arguments`;
    ctx.problems.error(
      CODES.argumentCount,
      p.range,
      `Expected ${formsText(
        name,
        params.map((q) => q.symbol),
        arities,
      )}, found ${found}.`,
    );
    return undefined;
  }
  const values: number[] = [];
  let ok = true;
  for (let i = 0; i < args.length; i++) {
    const param = params[i];
    const v = numberOf(ctx, args[i], `${param.symbol} of ${name}`);
    if (v === undefined) {
      ok = false;
      continue;
    }
    if (!inDomain(param, v)) {
      ok = false;
      ctx.problems.error(CODES.outOfRange, args[i].range, `Expected ${param.symbol} ${domainText(param)} for ${name}, found ${v}.`);
    }
    values.push(v);
  }
  return ok ? fromValues(name, values) : undefined;
}
