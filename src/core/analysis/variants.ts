/**
 * `compare` variants: a variant is the main spec with some fields overridden (VariantChanges).
 *
 * Activation changes: generated inputs swap their activation (x = act(z) with the same z draws).
 * Explicit inputs with 'tanh' are read as sigmoid outputs s = σ(z) and become tanh of the same
 * pre-activation z = logit(s) = log(s/(1 − s)), exactly as a generated input would:
 *
 *   tanh(z) = (e²ᶻ − 1)/(e²ᶻ + 1),  eᶻ = s/(1 − s)
 *           ⇒ tanh(logit(s)) = (s² − (1 − s)²)/(s² + (1 − s)²) = (2s − 1)/(2s² − 2s + 1)
 *
 * The parser admits that variant only when every explicit input lies in (0, 1) (GG220 otherwise,
 * spec/resolve.ts). Other activations leave explicit inputs as written (they are already
 * activations; the parser rejects them). Teacher labels are recomputed from the new inputs, so the
 * teacher stays the optimum.
 */
import type { Spec, Variant } from '../spec/types';

/**
 * tanh(logit(s)) for a sigmoid output s ∈ (0, 1): the tanh of the pre-activation that gave s.
 * Computed as (2s − 1)/(s² + (1 − s)²): 2s − 1 and 1 − s are exact for s ≥ ¼ and s ≥ ½, and
 * the denominator lies in [½, 1], so the result is within a few ulp of the true value. At the
 * ends it tends to ∓1 (s → 0, 1); the denominator never vanishes, so any finite s gives a
 * finite value.
 */
export function tanhOfLogit(s: number): number {
  const r = 1 - s;
  return (2 * s - 1) / (s * s + r * r);
}

/** The spec a variant runs: the main spec with the variant's changes and no nested variants. */
export function applyVariant(spec: Spec, variant: Variant): Spec {
  const c = variant.changes;
  let inputs = spec.inputs;
  if (c.activation !== undefined) {
    if (inputs.kind === 'generated') {
      inputs = { ...inputs, activation: c.activation };
    } else if (c.activation === 'tanh') {
      inputs = { kind: 'explicit', rows: inputs.rows.map((row) => row.map(tanhOfLogit)) };
    }
  }
  return {
    ...spec,
    inputs,
    preprocess: c.preprocess ?? spec.preprocess,
    batch: c.batch ?? spec.batch,
    optimizer: c.optimizer ?? spec.optimizer,
    lr: c.lr ?? spec.lr,
    shuffle: c.shuffle ?? spec.shuffle,
    loss: c.loss ?? spec.loss,
    steps: c.steps ?? spec.steps,
    compare: [],
    // `hidden tanh`: the same network (same W, c, w, data) with another hidden activation.
    ...(spec.network && c.hiddenActivation ? { network: { ...spec.network, activation: c.hiddenActivation } } : {}),
  };
}
