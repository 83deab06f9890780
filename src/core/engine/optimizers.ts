/**
 * First-order optimizers as small state machines over θ ∈ R^q. Each step receives the batch
 * gradient g (for Nesterov, taken at the look-ahead point the stepper asks for) and writes the
 * update Δθ = θₖ₊₁ − θₖ.
 *
 *   sgd       Δ = −η g
 *   momentum  v ← βv + g,  Δ = −η v                          (heavy ball, GEOMETRY.md §3)
 *   nesterov  g at θ − ηβv;  v ← βv + g,  Δ = −η v
 *   adam      t ← t+1, m ← β₁m + (1−β₁)g, s ← β₂s + (1−β₂)g², m̂ = m/(1−β₁ᵗ), ŝ = s/(1−β₂ᵗ),
 *             Δ = −η m̂ / (√ŝ + ε)
 *   rmsprop   s ← ρs + (1−ρ)g²,  Δ = −η g / (√s + ε)         (no bias correction, as usual)
 */
import type { Optimizer } from '../spec/types';

/** A stateful optimizer for one run. */
export interface Stepper {
  /**
   * Where the gradient of this step is taken: writes it into `out` and returns true when it is
   * not θ itself (Nesterov's look-ahead θ − ηβv); returns false otherwise.
   */
  lookAhead(theta: ArrayLike<number>, out: Float64Array): boolean;
  /** Consume the gradient g of this step and write Δθ into `update`. */
  step(g: ArrayLike<number>, update: Float64Array): void;
}

/** Create the stepper of an optimizer with learning rate η for q parameters. */
export function createStepper(opt: Optimizer, lr: number, q: number): Stepper {
  switch (opt.kind) {
    case 'sgd':
      return {
        lookAhead: () => false,
        step(g, update) {
          for (let i = 0; i < q; i++) update[i] = -lr * g[i];
        },
      };
    case 'momentum':
    case 'nesterov': {
      const v = new Float64Array(q);
      const beta = opt.beta;
      const nesterov = opt.kind === 'nesterov';
      return {
        lookAhead(theta, out) {
          if (!nesterov) return false;
          for (let i = 0; i < q; i++) out[i] = theta[i] - lr * beta * v[i];
          return true;
        },
        step(g, update) {
          for (let i = 0; i < q; i++) {
            v[i] = beta * v[i] + g[i];
            update[i] = -lr * v[i];
          }
        },
      };
    }
    case 'adam': {
      const m = new Float64Array(q);
      const s = new Float64Array(q);
      const { beta1, beta2, eps } = opt;
      let p1 = 1; // β₁ᵗ
      let p2 = 1; // β₂ᵗ
      return {
        lookAhead: () => false,
        step(g, update) {
          p1 *= beta1;
          p2 *= beta2;
          for (let i = 0; i < q; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            s[i] = beta2 * s[i] + (1 - beta2) * g[i] * g[i];
            const mHat = m[i] / (1 - p1);
            const sHat = s[i] / (1 - p2);
            update[i] = (-lr * mHat) / (Math.sqrt(sHat) + eps);
          }
        },
      };
    }
    case 'rmsprop': {
      const s = new Float64Array(q);
      const { rho, eps } = opt;
      return {
        lookAhead: () => false,
        step(g, update) {
          for (let i = 0; i < q; i++) {
            s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
            update[i] = (-lr * g[i]) / (Math.sqrt(s[i]) + eps);
          }
        },
      };
    }
  }
}

/** Batch size of a spec as a number: 'all' (or anything ≥ P) is P. */
export function batchSize(batch: number | 'all', P: number): number {
  return batch === 'all' ? P : Math.max(1, Math.min(P, Math.floor(batch)));
}
