/**
 * Hovers on a network spec's hidden-layer statements (`hidden`, `h = …`, `W`, `c`, `train`): what
 * the statement means, and with an analysis the facts of the run (network/analysis.ts).
 */
import type { StatementKey } from '../../spec/types';
import { type HoverContext, paragraphs, quoted } from './context';
import { networkFacts } from './networkFacts';

const TEXT: Partial<Record<StatementKey, string>> = {
  hidden: '**hidden**: the number of hidden units H. The neuron on top, `f = w·h + b`, has H weights: its plane is the (w₁, w₂) plane of the hidden outputs.',
  hiddenLayer: '**h**: the hidden layer, h = act(W·x + c). Whatever the sign of x, a sigmoid (or ReLU, softplus) h is never negative, so the neuron on top sees all-positive inputs even when x is zero-centred.',
  hiddenW: '**W**: the hidden weights (H rows of d). Row j of ∂L/∂W is δⱼ·x for one sample: a multiple of the input, one sign on the whole row when x > 0. Without `W = …` it is drawn from the seed, Wⱼₖ ~ N(0, 1/d) (LeCun normal).',
  hiddenC: '**c**: the hidden biases (zeros by default); ∂L/∂cⱼ = δⱼ.',
  train: '**train**: `all` trains W, c, w and b by backpropagation; `output` freezes W and c, so the neuron on top is the single-neuron lesson on the inputs h.',
};

/** Hover for a network statement. */
export function networkMarkdown(ctx: HoverContext, key: StatementKey): string {
  return paragraphs(quoted(ctx, key), TEXT[key] ?? '', ...(ctx.analysis?.network ? networkFacts(ctx.analysis) : []));
}
