/**
 * Nesterov momentum in the Sutskever form: the gradient g at the look-ahead θ − ηβv, then
 * v ← βv + g, Δ = −η v (docs/science.md).
 *
 * Along an eigenvalue λ (h = ηλ): eₖ₊₁ = (1 + β)(1 − h) eₖ − β(1 − h) eₖ₋₁, factor
 * ρ(r² − (1 + β)(1 − h) r + β(1 − h)), stable iff 0 < h < (2 + 2β)/(1 + 2β). For a fixed η that is
 * h(1 + 2β) < 2 + 2β ⇔ 2β(h − 1) < 2 − h: every β ≥ 0 when h ≤ 1, else β < (2 − h)/(2(h − 1)) —
 * a larger β makes Nesterov's range smaller, unlike heavy ball's.
 */
import { defineOptimizer, paramText, rootRadius } from './descriptor';
import { BETA } from './momentum';
import { num } from '../editor/text/format';

export const nesterov = defineOptimizer({
  kind: 'nesterov',
  title: 'Nesterov momentum',
  params: [BETA],
  rule: 'momentum with a look-ahead gradient',
  adaptive: false,
  stepper(o, lr, q) {
    const v = new Float64Array(q);
    const beta = o.beta;
    return {
      lookAhead(theta, out) {
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
  },
  bound: (o) => ({ limit: (2 + 2 * o.beta) / (1 + 2 * o.beta), formula: '(2 + 2β)/((1 + 2β)λmax)', condition: 'ηλ < (2 + 2β)/(1 + 2β)' }),
  amplification: (o, h) => rootRadius((1 + o.beta) * (1 - h), o.beta * (1 - h)),
  paramBound: (_o, key, h) => {
    if (key !== 'beta') return null;
    // h ≤ 1: stable for every β ≥ 0 (the bound lies below the slider); h ≥ 2: for none.
    const value = h <= 1 ? Infinity : (2 - h) / (2 * (h - 1));
    return { side: 'below', value, formula: 'β < (2 − ηλmax)/(2(ηλmax − 1))' };
  },
  name: (o) => `Nesterov momentum (β = ${paramText(o.beta)})`,
  effect: () => ({ effect: 'adds up past steps, so alternating steps partly cancel and the update can leave the cone', leaves: true }),
  hover: (o) =>
    `**Nesterov momentum** (β = ${num(o.beta)}): like heavy-ball, but the gradient is taken at the look-ahead point w − ηβv, which corrects overshoots earlier. On the full batch it converges on a quadratic iff 0 < ηλ < (2 + 2β)/(1 + 2β), a smaller range than heavy ball's.`,
});
