/**
 * Plain (stochastic) gradient descent: Δ = −η g.
 *
 * Along an eigenvector with eigenvalue λ the error evolves as eₖ₊₁ = (1 − ηλ) eₖ: factor |1 − ηλ|,
 * stable iff 0 < ηλ < 2 (docs/science.md).
 */
import { defineOptimizer } from './descriptor';

export const sgd = defineOptimizer({
  kind: 'sgd',
  title: 'gradient descent',
  params: [],
  rule: 'w ← w − ηg',
  adaptive: false,
  stepper: (_o, lr, q) => ({
    lookAhead: () => false,
    step(g, update) {
      for (let i = 0; i < q; i++) update[i] = -lr * g[i];
    },
  }),
  bound: () => ({ limit: 2, formula: '2/λmax', condition: 'ηλ < 2' }),
  amplification: (_o, h) => Math.abs(1 - h),
  name: () => 'gradient descent',
  effect: () => null,
  hover: () => '**Gradient descent** w ← w − η g: each step follows the batch gradient, so with positive inputs and B = 1 it stays in the allowed cone.',
});
