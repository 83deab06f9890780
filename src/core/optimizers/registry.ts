/**
 * The optimizers the project knows, one module each. Adding an optimizer is one module and one line
 * in `OPTIMIZER_LIST`: the `Optimizer` type, the parser, the engine, the bounds, the sentence, the
 * hovers, completion, the protocol guard, the webview's state and sliders and the write-back all
 * read this registry.
 */
import { adagrad } from './adagrad';
import { adam } from './adam';
import type { OptimizerDescriptor, OptimizerValue, ParamBound, ParamSpec, StabilityBound, Stepper } from './descriptor';
import { momentum } from './momentum';
import { nesterov } from './nesterov';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';

/** Every optimizer, in the order completion and the panel list them. */
export const OPTIMIZER_LIST = [sgd, momentum, nesterov, adam, rmsprop, adagrad] as const;

type Descriptors = (typeof OPTIMIZER_LIST)[number];
type ValueOf<D> = D extends OptimizerDescriptor<infer K, infer P> ? OptimizerValue<K, P> : never;

/** An optimizer's name in the spec (`sgd`, `momentum`, …). */
export type OptimizerKind = Descriptors['kind'];

/** An optimizer with its hyper-parameters as plain JSON: `{ kind: 'momentum', beta: 0.9 }`, … */
export type Optimizer = ValueOf<Descriptors>;

/** The descriptor of each kind (a complete Record: a kind without a descriptor does not compile). */
export const OPTIMIZER_BY_KIND: { readonly [K in OptimizerKind]: Extract<Descriptors, { kind: K }> } = Object.fromEntries(
  OPTIMIZER_LIST.map((d) => [d.kind, d]),
) as never;

/** The names, in registry order. */
export const OPTIMIZER_KINDS: readonly OptimizerKind[] = OPTIMIZER_LIST.map((d) => d.kind);

/** A descriptor seen through the common interface (its methods take any optimizer of its kind). */
type AnyDescriptor = OptimizerDescriptor<string, readonly ParamSpec[], Optimizer>;

/** True when `name` is an optimizer name (own property only: "constructor" is not one). */
export function isOptimizerKind(name: unknown): name is OptimizerKind {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(OPTIMIZER_BY_KIND, name);
}

/** The descriptor of an optimizer value or name. */
export function optimizerDescriptor(o: Optimizer | OptimizerKind): AnyDescriptor {
  return OPTIMIZER_BY_KIND[typeof o === 'string' ? o : o.kind] as unknown as AnyDescriptor;
}

/** The optimizer with every parameter at its default (`momentum` → `{ kind: 'momentum', beta: 0.9 }`). */
export function defaultOptimizer(kind: OptimizerKind): Optimizer {
  return fromValues(kind, []);
}

/** An optimizer from its parameter values in the spec's order; missing ones take their defaults. */
export function fromValues(kind: OptimizerKind, values: readonly number[]): Optimizer {
  const out: Record<string, unknown> = { kind };
  optimizerDescriptor(kind).params.forEach((p, i) => (out[p.key] = values[i] ?? p.default));
  return out as Optimizer;
}

/** Whether `v` lies in a parameter's domain ([0, 1) or (0, ∞); finite). */
export function inDomain(p: ParamSpec, v: unknown, maxPositive = Infinity): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  return p.domain === 'unit' ? v >= 0 && v < 1 : v > 0 && v < maxPositive;
}

/** "in [0, 1)" or "> 0", for messages. */
export function domainText(p: ParamSpec): string {
  return p.domain === 'unit' ? 'in [0, 1)' : '> 0';
}

/**
 * An optimizer from untrusted JSON (a panel message, a saved state): exactly `kind` and its own
 * parameters, each in its domain (ε below `maxPositive`), else undefined.
 */
export function optimizerFromJson(v: unknown, maxPositive = Infinity): Optimizer | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const r = v as Record<string, unknown>;
  if (!isOptimizerKind(r.kind)) return undefined;
  const params = optimizerDescriptor(r.kind).params;
  const keys = Object.keys(r);
  if (!keys.every((k) => k === 'kind' || params.some((p) => p.key === k))) return undefined;
  if (!params.every((p) => inDomain(p, r[p.key], maxPositive))) return undefined;
  return fromValues(
    r.kind,
    params.map((p) => r[p.key] as number),
  );
}

/** A parameter's value in an optimizer (undefined when it has no such parameter). */
export function paramValue(o: Optimizer, key: string): number | undefined {
  const v = (o as Readonly<Record<string, unknown>>)[key];
  return key !== 'kind' && typeof v === 'number' ? v : undefined;
}

/** The optimizer with one parameter changed. */
export function withParam(o: Optimizer, key: string, value: number): Optimizer {
  return { ...o, [key]: value } as Optimizer;
}

/** The optimizer as a spec writes it: `sgd`, `momentum(0.9)`, `adam(0.9, 0.999, 1e-8)`; numbers through `number`. */
export function optimizerSpecText(o: Optimizer, number: (v: number) => string): string {
  const params = optimizerDescriptor(o).params;
  return params.length === 0 ? o.kind : `${o.kind}(${params.map((p) => number(paramValue(o, p.key) ?? p.default)).join(', ')})`;
}

/** The signature for messages and completion docs: `momentum(β)`, `adam(β1, β2, ε)`. */
export function signature(kind: OptimizerKind): string {
  const params = optimizerDescriptor(kind).params;
  return params.length === 0 ? kind : `${kind}(${params.map((p) => p.symbol).join(', ')})`;
}

/** The stepper of one run. */
export function createStepper(o: Optimizer, lr: number, q: number): Stepper {
  return optimizerDescriptor(o).stepper(o, lr, q);
}

/** The full-batch bound on ηλ, or null for an adaptive optimizer. */
export function stabilityBound(o: Optimizer): StabilityBound | null {
  return optimizerDescriptor(o).bound(o);
}

/** Per-step amplification along an eigenvalue λ with learning rate η, or null when no linear bound applies. */
export function amplification(o: Optimizer, lr: number, lambda: number): number | null {
  return optimizerDescriptor(o).amplification(o, lr * lambda);
}

/** The stable side of parameter `key` for η and λmax (the slider's mark), or null. */
export function paramBound(o: Optimizer, key: string, lr: number, lambdaMax: number): ParamBound | null {
  const d = optimizerDescriptor(o);
  return d.paramBound ? d.paramBound(o, key, lr * lambdaMax) : null;
}

/** Whether the optimizer rescales each coordinate by its own history (no fixed bound on η). */
export function isAdaptive(o: Optimizer): boolean {
  return optimizerDescriptor(o).adaptive;
}

/** The optimizer's name in sentences ("gradient descent", "heavy-ball momentum (β = 0.9)", …). */
export function optimizerName(o: Optimizer): string {
  return optimizerDescriptor(o).name(o);
}

/** The parameters with a panel slider, over every optimizer, each key once (β, β1, β2, ρ, …). */
export function sliderParamKeys(): string[] {
  return [
    ...new Set(
      OPTIMIZER_KINDS.flatMap((k) =>
        optimizerDescriptor(k)
          .params.filter((p) => p.slider !== undefined)
          .map((p) => p.key),
      ),
    ),
  ];
}
