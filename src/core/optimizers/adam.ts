/**
 * Adam (Kingma & Ba), bias-corrected:
 *   t ← t + 1, m ← β₁m + (1 − β₁)g, s ← β₂s + (1 − β₂)g², m̂ = m/(1 − β₁ᵗ), ŝ = s/(1 − β₂ᵗ),
 *   Δ = −η m̂ / (√ŝ + ε).
 * Adaptive: each coordinate is divided by its own running gradient size, so no fixed bound on η applies.
 */
import { num } from '../editor/text/format';
import { defineOptimizer } from './descriptor';

export const adam = defineOptimizer({
  kind: 'adam',
  title: 'Adam',
  params: [
    {
      key: 'beta1',
      symbol: 'β1',
      label: 'Adam β₁: the share of the gradient average kept per step',
      default: 0.9,
      domain: 'unit',
      slider: { min: 0, max: 0.99, step: 0.01 },
    },
    {
      key: 'beta2',
      symbol: 'β2',
      label: 'Adam β₂: the share of the squared-gradient average kept per step',
      default: 0.999,
      domain: 'unit',
      slider: { min: 0.5, max: 0.9999, step: 0.0001 },
    },
    { key: 'eps', symbol: 'ε', label: 'Adam ε: added to the root before dividing', default: 1e-8, domain: 'positive' },
  ],
  arities: [0, 2, 3],
  rule: 'per-coordinate steps, β₁ 0.9, β₂ 0.999',
  adaptive: true,
  stepper(o, lr, q) {
    const m = new Float64Array(q);
    const s = new Float64Array(q);
    const { beta1, beta2, eps } = o;
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
  },
  bound: () => null,
  amplification: () => null,
  name: () => 'Adam',
  effect: (o) => ({
    effect: `averages past gradients (β₁ = ${num3(o.beta1)}) and divides each coordinate by its own running gradient size, so its updates are not bound to the cone`,
    leaves: true,
  }),
  hover: (o) =>
    `**Adam** (β₁ = ${num(o.beta1)}, β₂ = ${num(o.beta2)}, ε = ${num(o.eps)}, bias-corrected): each coordinate is divided by its own running RMS gradient, so the step is no longer a multiple of x — the per-coordinate rescaling can leave the allowed cone.`,
});

/** Three significant digits, as the sentence writes numbers. */
const num3 = (v: number): string => String(Number(v.toPrecision(3)));
