/**
 * The input activations that wrap a distribution (`x ~ sigmoid(normal(0, 1))`), one descriptor each:
 * the function itself, written to avoid overflow, and what it does to the inputs' signs — the
 * condition of the sign constraint (docs/science.md).
 *
 *   identity      z                                      derivative 1
 *   sigmoid       σ(z) = 1/(1 + e^{−z}) ∈ (0, 1)         σ(1 − σ)          all positive
 *   tanh          tanh(z) = 2σ(2z) − 1 ∈ (−1, 1)         1 − tanh²         zero-centred
 *   relu          max(0, z) ≥ 0                          1 if z > 0, else 0 (0 at the kink)   never negative
 *   softplus      ln(1 + e^{z}) > 0                      σ(z)              all positive
 *
 * The derivatives serve a network's hidden layer (network/), where backpropagation needs act'(z).
 */
import { sigmoid, softplus } from '../engine/activations';

/** One activation. */
export interface ActivationDescriptor<K extends string = string> {
  readonly kind: K;
  /** The function, applied element-wise to a pre-activation z. */
  apply(z: number): number;
  /** Its derivative at z (backpropagation through a hidden layer). */
  derivative(z: number): number;
  /** Its range in a few words, for completion ("σ(z) ∈ (0, 1): all inputs positive"). */
  readonly detail: string;
  /** For a compare variant ("zero-centred activation instead"). */
  readonly compareDetail: string;
  /** The inputs hover's sentence on what it does to the inputs' signs. */
  readonly note: string;
}

const define = <const K extends string>(d: ActivationDescriptor<K>): ActivationDescriptor<K> => d;

/** Every activation, in the order completion lists them. */
export const ACTIVATION_LIST = [
  define({
    kind: 'identity',
    apply: (z) => z,
    derivative: () => 1,
    detail: 'z itself: the sign of the draws',
    compareDetail: 'the draws themselves instead',
    note: 'No activation: the inputs are the draws z themselves.',
  }),
  define({
    kind: 'sigmoid',
    apply: sigmoid,
    derivative: (z) => sigmoid(z) * sigmoid(-z),
    detail: 'σ(z) ∈ (0, 1): all inputs positive',
    compareDetail: 'sigmoid activation instead',
    note: 'σ(z) = 1/(1 + e⁻ᶻ) lies in (0, 1): every input is positive, never zero-centred.',
  }),
  define({
    kind: 'tanh',
    apply: Math.tanh,
    derivative: (z) => 1 - Math.tanh(z) ** 2,
    detail: 'tanh(z) ∈ (−1, 1): zero-centred',
    compareDetail: 'zero-centred activation instead',
    note: 'tanh(z) = 2σ(2z) − 1 lies in (−1, 1) and is zero-centred for symmetric z: inputs of both signs.',
  }),
  define({
    kind: 'relu',
    apply: (z) => (z > 0 ? z : 0),
    derivative: (z) => (z > 0 ? 1 : 0),
    detail: 'max(0, z) ≥ 0',
    compareDetail: 'ReLU activation instead',
    note: 'relu(z) = max(0, z) ≥ 0: inputs are never negative (many are exactly 0).',
  }),
  define({
    kind: 'softplus',
    apply: softplus,
    derivative: sigmoid,
    detail: 'log(1 + eᶻ) > 0',
    compareDetail: 'softplus activation instead',
    note: 'softplus(z) = log(1 + eᶻ) > 0: every input is positive.',
  }),
] as const;

export type Activation = (typeof ACTIVATION_LIST)[number]['kind'];

/** The names, in registry order. */
export const ACTIVATION_KINDS: readonly Activation[] = ACTIVATION_LIST.map((d) => d.kind);

/** Name → kind, for the parser. */
export const ACTIVATION_SPELLINGS: Readonly<Record<string, Activation>> = Object.fromEntries(ACTIVATION_LIST.map((d) => [d.kind, d.kind]));

/** The descriptor of a kind. */
export function activationDescriptor(kind: Activation): ActivationDescriptor<Activation> {
  return ACTIVATION_LIST.find((d) => d.kind === kind)!;
}

/** Apply one activation to z. */
export function activate(kind: Activation, z: number): number {
  return activationDescriptor(kind).apply(z);
}
