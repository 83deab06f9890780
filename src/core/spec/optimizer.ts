/**
 * Optimizers: `sgd`, `momentum(β)`, `nesterov(β)`, `adam(β1, β2[, ε])`, `rmsprop(ρ[, ε])`; bare names
 * take the usual defaults (β = 0.9; Adam 0.9, 0.999, 1e-8; RMSProp 0.9, 1e-8). Every β and ρ must lie
 * in [0, 1) (β = 1 never forgets, so the velocity grows without bound); ε must be > 0.
 */
import { CODES } from './codes';
import { OPTIMIZERS } from './names';
import { describe, numberOf, type Ctx } from './shapes';
import { didYouMean, didYouMeanText, excerpt } from './suggest';
import type { Optimizer } from './types';
import type { Primary } from './values';

/** Usual defaults of each optimizer's hyper-parameters. */
export const OPTIMIZER_DEFAULTS = { beta: 0.9, adamBeta1: 0.9, adamBeta2: 0.999, rmspropRho: 0.9, eps: 1e-8 } as const;

const SIGNATURES: Readonly<Record<(typeof OPTIMIZERS)[number], { params: string[] }>> = {
  sgd: { params: [] },
  momentum: { params: ['β'] },
  nesterov: { params: ['β'] },
  adam: { params: ['β1', 'β2', 'ε'] },
  rmsprop: { params: ['ρ', 'ε'] },
};

/** True when `name` is an optimizer name (used by compare to accept bare `momentum(0.9)`). */
export function isOptimizerName(name: string): boolean {
  return (OPTIMIZERS as readonly string[]).includes(name);
}

/** Interprets an optimizer value; undefined after reporting. */
export function parseOptimizer(ctx: Ctx, p: Primary): Optimizer | undefined {
  if (p.kind === 'error') return undefined;
  if (p.kind !== 'word' && p.kind !== 'call') {
    ctx.problems.error(CODES.wrongKind, p.range, `Expected an optimizer (${OPTIMIZERS.join(', ')}), found ${describe(ctx, p)}.`);
    return undefined;
  }
  if (!isOptimizerName(p.name)) {
    const s = didYouMean(p.name, OPTIMIZERS);
    ctx.problems.error(CODES.unknownOptimizer, p.kind === 'call' ? p.nameRange : p.range, `Unknown optimizer '${excerpt(p.name)}': expected one of ${OPTIMIZERS.join(', ')}.${didYouMeanText(s)}`, s);
    return undefined;
  }
  const name = p.name as (typeof OPTIMIZERS)[number];
  const sig = SIGNATURES[name];
  const args = p.kind === 'call' ? p.args : [];
  if (args.length > sig.params.length) {
    const expected = sig.params.length === 0 ? 'no arguments' : `at most ${sig.params.length} (${sig.params.join(', ')})`;
    ctx.problems.error(CODES.argumentCount, p.range, `Expected ${expected} for ${name}, found ${args.length}.`);
    return undefined;
  }
  if (name === 'adam' && args.length === 1) {
    ctx.problems.error(CODES.argumentCount, p.range, 'Expected adam, adam(β1, β2) or adam(β1, β2, ε), found one argument.');
    return undefined;
  }
  const values: number[] = [];
  let ok = true;
  for (let i = 0; i < args.length; i++) {
    const param = sig.params[i];
    const v = numberOf(ctx, args[i], `${param} of ${name}`);
    if (v === undefined) {
      ok = false;
      continue;
    }
    if (param === 'ε' ? !(v > 0) : !(v >= 0 && v < 1)) {
      ok = false;
      ctx.problems.error(CODES.outOfRange, args[i].range, param === 'ε' ? `Expected ε > 0 for ${name}, found ${v}.` : `Expected ${param} in [0, 1) for ${name}, found ${v}.`);
    }
    values.push(v);
  }
  if (!ok) return undefined;
  const D = OPTIMIZER_DEFAULTS;
  switch (name) {
    case 'sgd': return { kind: 'sgd' };
    case 'momentum': return { kind: 'momentum', beta: values[0] ?? D.beta };
    case 'nesterov': return { kind: 'nesterov', beta: values[0] ?? D.beta };
    case 'adam': return { kind: 'adam', beta1: values[0] ?? D.adamBeta1, beta2: values[1] ?? D.adamBeta2, eps: values[2] ?? D.eps };
    case 'rmsprop': return { kind: 'rmsprop', rho: values[0] ?? D.rmspropRho, eps: values[1] ?? D.eps };
  }
}
