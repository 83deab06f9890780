/**
 * Heavy-ball momentum: v ← βv + g, Δ = −η v (docs/science.md).
 *
 * Along an eigenvalue λ (h = ηλ): eₖ₊₁ = (1 + β − h) eₖ − β eₖ₋₁, factor ρ(r² − (1 + β − h) r + β),
 * stable iff 0 < h < 2 + 2β. For a fixed η the bound on β is therefore β > ηλmax/2 − 1.
 */
import { defineOptimizer, paramText, rootRadius } from './descriptor';
import { num } from '../editor/text/format';

export const BETA = {
  key: 'beta',
  symbol: 'β',
  label: 'Momentum β: the share of the last velocity kept',
  default: 0.9,
  domain: 'unit',
  slider: { min: 0, max: 0.99, step: 0.01 },
} as const;

export const momentum = defineOptimizer({
  kind: 'momentum',
  title: 'heavy-ball momentum',
  params: [BETA],
  rule: 'heavy ball: v ← βv + g, w ← w − ηv',
  adaptive: false,
  stepper(o, lr, q) {
    const v = new Float64Array(q);
    const beta = o.beta;
    return {
      lookAhead: () => false,
      step(g, update) {
        for (let i = 0; i < q; i++) {
          v[i] = beta * v[i] + g[i];
          update[i] = -lr * v[i];
        }
      },
    };
  },
  bound: (o) => ({ limit: 2 + 2 * o.beta, formula: '(2 + 2β)/λmax', condition: 'ηλ < 2 + 2β' }),
  amplification: (o, h) => rootRadius(1 + o.beta - h, o.beta),
  // h < 2 + 2β  ⇔  β > h/2 − 1.
  paramBound: (_o, key, h) => (key === 'beta' ? { side: 'above', value: h / 2 - 1, formula: 'β > ηλmax/2 − 1' } : null),
  name: (o) => `heavy-ball momentum (β = ${paramText(o.beta)})`,
  effect: () => ({ effect: 'adds up past steps, so alternating steps partly cancel and the update can leave the cone', leaves: true }),
  hover: (o) =>
    `**Heavy-ball momentum** v ← βv + g, w ← w − ηv with β = ${num(o.beta)}: opposite zig-zag steps cancel in v while steady ones add up, which damps the zig-zag. On the full batch it converges on a quadratic iff 0 < ηλ < 2 + 2β.`,
});
