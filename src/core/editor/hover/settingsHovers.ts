/**
 * Short hovers on the run's bookkeeping statements: `samples`, `seed`, `steps`, `shuffle`,
 * `compare`, `view`, and the teaching statements `s`, `predict`, `lock`, `hide`.
 */
import type { LearningRateInfo } from '../../analysis/types';
import type { StatementKey } from '../../spec/types';
import { fixed, num, sub } from '../text/format';
import { escapeMarkdown } from '../text/markdown';
import { scienceFooter } from '../text/scienceLinks';
import { type HoverContext, paragraphs, quoted } from './context';
import { runSentence } from './modelHover';

const TEXT: Partial<Record<StatementKey, string>> = {
  samples: '**samples** P: how many inputs `x ~ …` draws.',
  seed: "**seed**: the generator's seed. The same spec always gives the same data and the same path, bit for bit.",
  steps: '**steps**: how many optimizer steps the run takes (it stops early if it diverges).',
  shuffle: '**shuffle**: `true` reshuffles the samples every epoch (from the seed); `false` takes batches in order, wrapping around.',
  compare: '**compare**: variants run beside the main run, each changing one thing (`center`, `tanh`, `batch all`, `optimizer momentum(0.9)`, …).',
  view: '**view**: the two weight axes the picture draws when n > 2.',
  shift:
    "**s**: the starting per-input shift of the model `f = w·(x + s)`, trained with the weights: ∂L/∂sᵢ = δ·wᵢ, and the weights' gradient becomes δ·(xᵢ + sᵢ).",
  predict: '**predict**: `quadrant` hides the next update in the panel and asks which quadrant it will point to, then reveals it.',
  lock: '**lock**: panel controls shown but locked for this lesson (`lr`, `batch`, `optimizer`, `preprocess`, `start`, `teacher`).',
  hide: '**hide**: parts of the panel hidden for this lesson (`controls`, `path`, `readout`, `chart`, `strip`, `cone`, `variants`).',
};

/** A run's own full-batch bound in a few words: "η < (2 + 2β)/λmax = 2.55", or that there is none. */
function boundShort(lr: LearningRateInfo): string {
  if (lr.max !== null) return `full-batch bound η < ${lr.maxFormula ?? 'max'} = ${num(lr.max)}`;
  return lr.stable === null ? 'no fixed step-size bound (adaptive)' : 'no full-batch bound';
}

/** Hover for the bookkeeping statements. */
export function settingMarkdown(ctx: HoverContext, key: StatementKey): string {
  const head = TEXT[key] ?? '';
  const analysis = ctx.analysis;
  const spec = ctx.spec;
  if (!analysis || !spec) return paragraphs(quoted(ctx, key), head);
  switch (key) {
    case 'steps':
    case 'samples':
    case 'seed':
    case 'shuffle':
      return paragraphs(quoted(ctx, key), head, runSentence(analysis));
    case 'compare': {
      const rows = analysis.variants.map((v) => {
        const k = v.hessian.conditionNumber;
        const z = v.run.zigzagRatio;
        const end = v.run.diverged
          ? `diverges at step ${v.run.divergedAt ?? v.run.stepsRun}`
          : v.run.converged && v.run.convergedAt !== null
            ? `converges at step ${v.run.convergedAt}`
            : 'not converged';
        return `${escapeMarkdown(v.name)}: κ = ${k === null ? '∞' : fixed(k)}, ${boundShort(v.learningRate)}, zig-zag ${z === null ? '–' : fixed(z) + '×'}, ${end}`;
      });
      const main = analysis.hessian.conditionNumber;
      rows.unshift(
        `main run: κ = ${main === null ? '∞' : fixed(main)}, ${boundShort(analysis.learningRate)}, zig-zag ${analysis.run.zigzagRatio === null ? '–' : fixed(analysis.run.zigzagRatio) + '×'}`,
      );
      return paragraphs(
        quoted(ctx, key),
        head,
        rows.join('  \n'),
        "_Bounds are full-batch statements of each run's own optimizer; each run is judged by what it did._",
        scienceFooter('fullBatch', 'measures'),
      );
    }
    case 'view': {
      const [i, j] = spec.view;
      return paragraphs(quoted(ctx, key), head, `Drawing w${sub(i + 1)} (across) and w${sub(j + 1)} (up) of n = ${spec.w.length}.`);
    }
    default:
      return paragraphs(quoted(ctx, key), head);
  }
}
