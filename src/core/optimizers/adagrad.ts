/**
 * AdaGrad (Duchi, Hazan & Singer, 2011), the per-coordinate method that RMSProp and Adam refine:
 *   s ← s + g²  (the accumulated squared gradients, from s₀ = 0),  Δ = −η g / (√s + ε)
 * with ε = 1e-8 by default (`adagrad` or `adagrad(ε)`). Adaptive: each coordinate is divided by the
 * root of its own history, so no fixed bound on η applies, and since s only grows the steps shrink
 * over time. The factor η/(√s + ε) is positive, so the update keeps the batch gradient's signs: with
 * positive inputs and batch 1 every update is still sign-coherent (docs/science.md).
 */
import { num } from '../editor/text/format';
import { defineOptimizer } from './descriptor';

export const adagrad = defineOptimizer({
  kind: 'adagrad',
  title: 'AdaGrad',
  params: [{ key: 'eps', symbol: 'ε', label: 'AdaGrad ε: added to the root before dividing', default: 1e-8, domain: 'positive' }],
  rule: 'per-coordinate steps over the accumulated squared gradients',
  adaptive: true,
  stepper(o, lr, q) {
    const s = new Float64Array(q);
    const eps = o.eps;
    return {
      lookAhead: () => false,
      step(g, update) {
        for (let i = 0; i < q; i++) {
          s[i] += g[i] * g[i];
          update[i] = (-lr * g[i]) / (Math.sqrt(s[i]) + eps);
        }
      },
    };
  },
  bound: () => null,
  amplification: () => null,
  name: () => 'AdaGrad',
  effect: () => ({
    effect:
      "divides each coordinate by the root of its accumulated squared gradients: steps shrink over time; a positive factor, so the update keeps the batch gradient's signs — with positive inputs and batch 1 the sign constraint still binds",
    leaves: false,
  }),
  hover: (o) =>
    `**AdaGrad** (ε = ${num(o.eps)}): s ← s + g², w ← w − η g/(√s + ε). Each coordinate is divided by the root of its accumulated squared gradients, so its steps shrink over time (the first step moves every coordinate by about η). The factor is positive: the update keeps the batch gradient's signs, so with positive inputs and B = 1 it stays in the allowed cone.`,
});
