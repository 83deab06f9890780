/**
 * What one optimizer module must say about itself. Every other part of the project (the parser,
 * the engine, the stability analysis, the sentence, the hovers, completion, the protocol guard, the
 * webview's state validator and sliders, the spec write-back, the grammar test) reads these
 * descriptors through `registry.ts` and never names an optimizer itself.
 *
 * An optimizer's value is plain JSON, `{ kind, ...parameters }` (e.g. `{ kind: 'momentum', beta: 0.9 }`),
 * so analyses and panel messages stay JSON; its type is derived from the parameter list.
 *
 * Linear stability on the quadratic L ≈ ½ θᵀHθ: along an eigenvector with eigenvalue λ the error of a
 * non-adaptive optimizer is multiplied per step by its amplification factor (the spectral radius of
 * its iteration matrix), a function of h = ηλ. The full-batch bound `limit` is where the factor first
 * reaches 1 as h grows: the run is stable iff 0 < ηλ < limit for every λ (docs/science.md).
 */

/** Where a parameter may lie: `unit` is [0, 1) (a forgetting factor), `positive` is (0, ∞) (an ε). */
export type ParamDomain = 'unit' | 'positive';

/** A slider for a parameter in the panel: linear from `min` to `max` in steps of `step`. */
export interface ParamSlider {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** One hyper-parameter of an optimizer, in the order the spec writes it: `adam(β1, β2, ε)`. */
export interface ParamSpec {
  /** The JSON field (`beta`, `beta1`, `rho`, `eps`). */
  readonly key: string;
  /** The symbol in messages and in the spec's signature (`β`, `β1`, `ρ`, `ε`). */
  readonly symbol: string;
  /** What it is, for screen readers and completion ("momentum β: the share of the last velocity kept"). */
  readonly label: string;
  readonly default: number;
  readonly domain: ParamDomain;
  /** The panel's slider, when the parameter has one (ε has none). */
  readonly slider?: ParamSlider;
}

/** An optimizer value of kind `K` with the parameters `P`: `{ kind: K, [key]: number }`. */
export type OptimizerValue<K extends string, P extends readonly ParamSpec[]> = {
  readonly [F in 'kind' | P[number]['key']]: F extends 'kind' ? K : number;
};

/** A stateful optimizer for one run over θ ∈ R^q. */
export interface Stepper {
  /**
   * Where the gradient of this step is taken: writes it into `out` and returns true when it is
   * not θ itself (Nesterov's look-ahead θ − ηβv); returns false otherwise.
   */
  lookAhead(theta: ArrayLike<number>, out: Float64Array): boolean;
  /** Consume the gradient g of this step and write Δθ into `update`. */
  step(g: ArrayLike<number>, update: Float64Array): void;
}

/**
 * The full-batch stability bound of a non-adaptive optimizer on a quadratic: η·λ must stay below
 * `limit` for every eigenvalue λ, i.e. η < limit/λmax.
 */
export interface StabilityBound {
  /** Upper limit of ηλ: 2, 2 + 2β or (2 + 2β)/(1 + 2β). */
  readonly limit: number;
  /** The bound on η as students read it, e.g. "(2 + 2β)/λmax". */
  readonly formula: string;
  /** The condition on ηλ, e.g. "ηλ < 2 + 2β". */
  readonly condition: string;
}

/**
 * The stable side of one parameter for a fixed η and λmax (the slider's mark): the parameter must be
 * `above` (or `below`) `value`. `value` may lie outside the parameter's domain (even ±∞): then every
 * value of the slider, or none, is stable.
 */
export interface ParamBound {
  readonly side: 'above' | 'below';
  readonly value: number;
  /** The condition as students read it, e.g. "β > ηλmax/2 − 1". */
  readonly formula: string;
}

/** The optimizer's own effect on the update, for the sentence; null for plain gradient descent. */
export interface OptimizerEffect {
  /** The clause after the name: "adds up past steps, so …". */
  readonly effect: string;
  /** Whether the update can leave the cone of per-sample gradients (false when it keeps the gradient's signs). */
  readonly leaves: boolean;
}

/** One optimizer: everything the project knows about it. */
export interface OptimizerDescriptor<K extends string = string, P extends readonly ParamSpec[] = readonly ParamSpec[], V = OptimizerValue<K, P>> {
  readonly kind: K;
  /** Its name alone ("RMSProp", "heavy-ball momentum"). */
  readonly title: string;
  /** Hyper-parameters in the spec's order, with defaults, domains and sliders. */
  readonly params: P;
  /**
   * The numbers of arguments the spec may write (default: 0 … params.length). Adam takes 0, 2 or 3:
   * β1 alone would leave β2 at a default that rarely matches it.
   */
  readonly arities?: readonly number[];
  /** The update rule in one line, for completion and docs ("v ← βv + g, w ← w − ηv"). */
  readonly rule: string;
  /** Whether it rescales each coordinate by its own gradient history (then no fixed bound on η applies). */
  readonly adaptive: boolean;
  /** The stepper of one run with learning rate η over q parameters. */
  stepper(o: V, lr: number, q: number): Stepper;
  /** Its full-batch bound on ηλ, or null for an adaptive optimizer. */
  bound(o: V): StabilityBound | null;
  /** Per-step amplification along an eigenvalue with h = ηλ, or null when no linear bound applies. */
  amplification(o: V, h: number): number | null;
  /** The stable side of parameter `key` for a fixed h = ηλmax (the slider's mark), or null when the parameter has none. */
  paramBound?(o: V, key: string, h: number): ParamBound | null;
  /** Its name in sentences, with the parameters that matter ("heavy-ball momentum (β = 0.9)"). */
  name(o: V): string;
  /** What it does to the update's direction, for the sentence; null for plain gradient descent. */
  effect(o: V): OptimizerEffect | null;
  /** The training hover's paragraph (markdown) with this run's parameters. */
  hover(o: V): string;
}

/** Largest modulus of the roots of r² − a r + c (real coefficients): the factor of a two-step recurrence. */
export function rootRadius(a: number, c: number): number {
  const disc = a * a - 4 * c;
  if (disc >= 0) {
    const s = Math.sqrt(disc);
    return Math.max(Math.abs(a + s), Math.abs(a - s)) / 2;
  }
  return Math.sqrt(c); // complex pair: |r|² = c
}

/** A parameter value in text: at most four significant digits (0.9, 0.999, 1e-8). */
export function paramText(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/**
 * Checks a descriptor against the interface and keeps its literal types (kind, parameter keys), so
 * the registry can derive the `Optimizer` union from it.
 */
export function defineOptimizer<const K extends string, const P extends readonly ParamSpec[]>(d: OptimizerDescriptor<K, P>): OptimizerDescriptor<K, P> {
  return d;
}
