/**
 * RMSProp (Hinton): s ← ρs + (1 − ρ)g², Δ = −η g / (√s + ε), without bias correction (as usual).
 * Adaptive: no fixed bound on η. The factor η/(√s + ε) is positive, so the update keeps the signs of
 * the batch gradient.
 */
import { num } from '../editor/text/format';
import { defineOptimizer } from './descriptor';

export const rmsprop = defineOptimizer({
  kind: 'rmsprop',
  title: 'RMSProp',
  params: [
    {
      key: 'rho',
      symbol: 'ρ',
      label: 'RMSProp ρ: the share of the squared-gradient average kept per step',
      default: 0.9,
      domain: 'unit',
      slider: { min: 0, max: 0.999, step: 0.001 },
    },
    { key: 'eps', symbol: 'ε', label: 'RMSProp ε: added to the root before dividing', default: 1e-8, domain: 'positive' },
  ],
  rule: 'per-coordinate steps, ρ 0.9',
  adaptive: true,
  stepper(o, lr, q) {
    const s = new Float64Array(q);
    const { rho, eps } = o;
    return {
      lookAhead: () => false,
      step(g, update) {
        for (let i = 0; i < q; i++) {
          s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
          update[i] = (-lr * g[i]) / (Math.sqrt(s[i]) + eps);
        }
      },
    };
  },
  bound: () => null,
  amplification: () => null,
  name: () => 'RMSProp',
  // A positive per-coordinate factor: the update's signs are the batch gradient's.
  effect: () => ({
    effect: 'divides each coordinate by its own running gradient size, a positive factor that keeps the signs of the batch gradient',
    leaves: false,
  }),
  hover: (o) =>
    `**RMSProp** (ρ = ${num(o.rho)}, ε = ${num(o.eps)}): each coordinate is divided by its running RMS gradient; adaptive per-coordinate steps change the direction, not only the length.`,
});
