/**
 * `compare` variants: a variant is the main spec with some fields overridden (VariantChanges).
 *
 * Activation changes: generated inputs swap their activation (x = act(z) with the same z draws);
 * explicit inputs with 'tanh' map each sigmoid-like value s to 2s − 1 (tanh(z/2) = 2σ(z) − 1, the
 * zero-centred counterpart); other activations leave explicit inputs as written (they are already
 * activations). Teacher labels are recomputed from the new inputs, so the teacher stays the optimum.
 */
import type { Spec, Variant } from '../spec/types';

/** The spec a variant runs: the main spec with the variant's changes and no nested variants. */
export function applyVariant(spec: Spec, variant: Variant): Spec {
  const c = variant.changes;
  let inputs = spec.inputs;
  if (c.activation !== undefined) {
    if (inputs.kind === 'generated') {
      inputs = { ...inputs, activation: c.activation };
    } else if (c.activation === 'tanh') {
      inputs = { kind: 'explicit', rows: inputs.rows.map((row) => row.map((s) => 2 * s - 1)) };
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
  };
}
