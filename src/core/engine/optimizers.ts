/**
 * First-order optimizers as small state machines over θ ∈ R^q. Each step receives the batch
 * gradient g (for Nesterov, taken at the look-ahead point the stepper asks for) and writes the
 * update Δθ = θₖ₊₁ − θₖ. Each optimizer's update rule is in its own module (optimizers/*.ts); the
 * registry (optimizers/registry.ts) creates the stepper of a spec's optimizer.
 */
export type { Stepper } from '../optimizers/descriptor';
export { createStepper } from '../optimizers/registry';

/** Batch size of a spec as a number: 'all' (or anything ≥ P) is P. */
export function batchSize(batch: number | 'all', P: number): number {
  return batch === 'all' ? P : Math.max(1, Math.min(P, Math.floor(batch)));
}
