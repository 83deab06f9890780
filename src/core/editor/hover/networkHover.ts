/**
 * Hovers of a network spec: the hidden-layer statements (`hidden`, `h = …`, `W`, `c`, `train`) and
 * the statements whose single-neuron hover would speak of x where the neuron reads h (`f`, `x`,
 * `w`, `lr`, `batch`, `compare`): what each means with a hidden layer, and the run's network facts
 * (network/analysis.ts).
 */
import type { StatementKey } from '../../spec/types';
import { noBoundWhy } from '../../network/wording';
import { fixed, num } from '../text/format';
import { svgDataUri } from '../text/base64';
import { escapeMarkdown, image } from '../text/markdown';
import { type ScienceSection, scienceFooter } from '../text/scienceLinks';
import { coneSvg } from './coneSvg';
import { type HoverContext, paragraphs, quoted } from './context';
import { learningRateMarkdown } from './learningRateHover';
import { networkFacts } from './networkFacts';

const TEXT: Partial<Record<StatementKey, string>> = {
  hidden: '**hidden**: the number of hidden units H. The neuron on top, `f = w·h + b`, has H weights: its plane is the (w₁, w₂) plane of the hidden outputs.',
  hiddenLayer:
    '**h**: the hidden layer, h = act(W·x + c). Whatever the sign of x, a sigmoid (or ReLU, softplus) h is never negative, so the neuron on top sees all-positive inputs even when x is zero-centred.',
  hiddenW:
    '**W**: the hidden weights (H rows of d). Row j of ∂L/∂W is δⱼ·x for one sample: a multiple of the input, one sign on the whole row when x > 0. Without `W = …` it is drawn from the seed, Wⱼₖ ~ N(0, 1/d) (LeCun normal).',
  hiddenC: '**c**: the hidden biases (zeros by default); ∂L/∂cⱼ = δⱼ.',
  train:
    '**train**: `all` trains W, c, w and b by backpropagation; `output` freezes W and c, so the neuron on top is the single-neuron lesson on the inputs h.',
  model:
    "**Network** f = w·h + b on the hidden outputs h = act(W·x + c). Per sample the chain rule gives ∂L/∂wⱼ = δ·hⱼ and ∂L/∂b = δ (a multiple of h: the sign constraint binds the neuron on top when h > 0), and for the hidden layer δⱼ = δ·wⱼ·act'(zⱼ), ∂L/∂Wⱼ = δⱼ·x, ∂L/∂cⱼ = δⱼ.",
  x: "**Inputs** x of the network: they feed the hidden layer, not the neuron on top, which sees h = act(W·x + c). Centring x makes the first layer's rows δⱼ·x take mixed signs, but leaves a sigmoid h positive.",
  w: '**Starting weights** of the neuron on top: one per hidden unit (their length is H). Its per-sample steps are multiples of h, so they stay in the double cone ±cone{h₁ … h_P} of the current hidden outputs, which moves as W trains.',
  batch:
    "**Batch size** B: each step uses the mean gradient of B samples, taken in order and wrapping around. With B = 1 each step of the neuron on top lies on the line through one sample's hidden outputs h.",
};

/** The statements a network's hover answers (the others keep their single-neuron hover). */
export const NETWORK_HOVER_KEYS: ReadonlySet<StatementKey> = new Set<StatementKey>([
  'hidden',
  'hiddenLayer',
  'hiddenW',
  'hiddenC',
  'train',
  'model',
  'x',
  'w',
  'lr',
  'compare',
]);

/** The science sections each network hover links to. */
const SECTIONS: Partial<Record<StatementKey, ScienceSection[]>> = {
  model: ['chainRule', 'signConstraint', 'network', 'measures'],
  x: ['signConstraint', 'conditioning', 'network'],
  w: ['signConstraint', 'noZigzag', 'network'],
};

/** Hover for a statement of a network spec. */
export function networkMarkdown(ctx: HoverContext, key: StatementKey): string {
  const a = ctx.analysis;
  const net = a?.network;
  if (key === 'lr' && !(a && a.learningRate.stable === null && net?.train === 'all')) return learningRateMarkdown(ctx);
  const facts = net && a ? networkFacts(a) : [];
  switch (key) {
    case 'lr': {
      const lr = a!.learningRate;
      return paragraphs(
        quoted(ctx, key),
        `**Learning rate** η = ${num(lr.value)}: each step moves −η times the batch's mean gradient over θ = (w, b, W, c).`,
        `**No fixed step-size bound** (${noBoundWhy(lr.maxReason)}): ${escapeMarkdown(lr.maxReason ?? '')}.`,
        ...facts,
      );
    }
    case 'compare': {
      if (!a) return paragraphs(quoted(ctx, key), '**compare**: variants run beside the main run; `hidden tanh` runs the same network with tanh hidden units.');
      const row = (name: string, v: typeof a): string => {
        const k = v.hessian.conditionNumber;
        const conv = v.network?.lossConvergedAt ?? null;
        return `${escapeMarkdown(name)}: κ of the output weights at step 0 = ${k === null ? '∞' : fixed(k)}, zig-zag ${v.run.zigzagRatio === null ? '–' : `${fixed(v.run.zigzagRatio)}×`}, ${Math.round(100 * v.run.signCoherentFraction)} % sign-coherent, ${v.run.diverged ? 'diverged' : v.run.converged ? `converged at step ${v.run.convergedAt}` : conv !== null ? `loss converged at step ${conv}` : 'not converged'}`;
      };
      return paragraphs(
        quoted(ctx, key),
        '**compare**: variants run beside the main run; `hidden tanh` runs the same network with tanh hidden units.',
        [row('main run', a), ...a.variants.map((v) => row(v.name, v))].join('  \n'),
      );
    }
    default: {
      // The model line shows the cone of the hidden outputs at step 0 and the way to the teacher's w*.
      const [i, j] = a?.cone.axes ?? [0, 0];
      const opt = a?.optimum;
      const picture =
        key === 'model' && a && a.cone.kind !== 'none'
          ? image(
              "allowed cone of the neuron on top's per-sample steps at step 0 (the hidden outputs' cone, green) and the straight way to the optimum (arrow)",
              svgDataUri(coneSvg({ cone: a.cone, toOptimum: opt ? [(opt.w[i] ?? 0) - (ctx.spec!.w[i] ?? 0), (opt.w[j] ?? 0) - (ctx.spec!.w[j] ?? 0)] : null })),
            )
          : '';
      return paragraphs(quoted(ctx, key), TEXT[key] ?? '', picture, ...facts, scienceFooter(...(SECTIONS[key] ?? ['network'])));
    }
  }
}
