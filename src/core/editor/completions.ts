/**
 * Completion proposals for `.neuron` text, chosen by what precedes the cursor in the current
 * statement (statements end at a line break or `;`): statement names at the start, functions after
 * `x ~`, the allowed words after `optimizer =`, `loss =`, `preprocess =`, `compare =` and friends.
 */
import type { SourceRange } from '../diagnostics';
import { OPTIMIZER_LIST, signature } from '../optimizers/registry';
import { ACTIVATION_LIST } from '../registry/activations';
import { PREPROCESS_LIST } from '../registry/preprocessings';
import { lookup, STATEMENT_NAMES } from '../spec/names';
import type { StatementKey } from '../spec/types';
import { ACTIVATION_OPTIONS, LESSON_SNIPPETS, OPTIMIZER_OPTIONS, PREPROCESS_OPTIONS, snippetChoice } from './snippets';
import type { CompletionEntry, CompletionKind } from './types';

/** The proposals and the range they replace (the partial word before the cursor). */
export interface Completions {
  readonly items: readonly CompletionEntry[];
  readonly replace: SourceRange;
}

const choice = snippetChoice;

function entry(kind: CompletionKind, label: string, insertText: string, detail: string, documentation = '', sortText?: string): CompletionEntry {
  return { kind, label, insertText, isSnippet: insertText.includes('$'), detail, documentation, sortText };
}

const STATEMENTS: readonly CompletionEntry[] = [
  entry(
    'statement',
    'f',
    'f = ${1|w·x + b,w·x,w·(x + s) + b|}',
    'the model',
    'One neuron: `f = w·x + b`, `f = w·x` without bias, or `f = w·(x + s) + b` with a trained per-input shift.',
    '0-00',
  ),
  entry(
    'statement',
    'x ~',
    `x ~ ${choice(ACTIVATION_OPTIONS)}(${choice(['normal(0, 1)', 'uniform(0, 1)'], 2)})`,
    'generated inputs',
    'Inputs drawn from a distribution, optionally through an activation.',
    '0-01',
  ),
  entry('statement', 'x =', 'x = [[${1:0.7}, ${2:0.2}], [${3:0.1}, ${4:0.9}]]', 'inputs written out', 'One row per sample.', '0-02'),
  entry('statement', 'samples', 'samples = ${1:64}', 'number of generated samples P', '', '0-03'),
  entry('statement', 'seed', 'seed = ${1:1}', 'seed of the generator', '', '0-04'),
  entry('statement', 'w*', 'w* = [${1:-1}, ${2:1}]', 'teacher weights: labels y = w*·x + b*', '', '0-05'),
  entry('statement', 'b*', 'b* = ${1:0}', 'teacher bias', '', '0-06'),
  entry('statement', 'y', 'y = [${1:1.0}, ${2:0.3}]', 'explicit labels, one per sample', '', '0-07'),
  entry('statement', 'w', 'w = [${1:1.5}, ${2:-0.5}]', 'starting weights (their length is n)', '', '0-08'),
  entry('statement', 'b', 'b = ${1:0}', 'starting bias (`b = 0 fixed` keeps it out of training)', '', '0-09'),
  entry('statement', 'loss', 'loss = ${1|squared,logistic|}', 'loss function', '', '0-10'),
  entry('statement', 'optimizer', `optimizer = ${choice(OPTIMIZER_OPTIONS)}`, 'optimizer', '', '0-11'),
  entry('statement', 'lr', 'lr = ${1:0.5}', 'learning rate η', 'Gradient descent converges iff 0 < η < 2/λmax.', '0-12'),
  entry('statement', 'batch', 'batch = ${1:1}', 'batch size: 1 … samples, or all', '', '0-13'),
  entry('statement', 'shuffle', 'shuffle = ${1|false,true|}', 'reshuffle every epoch', '', '0-14'),
  entry('statement', 'steps', 'steps = ${1:200}', 'number of optimizer steps', '', '0-15'),
  entry('statement', 'preprocess', `preprocess = ${choice(PREPROCESS_OPTIONS)}`, 'input preprocessing', '', '0-16'),
  entry('statement', 'compare', 'compare = ${1:center, tanh, batch all, momentum(0.9)}', 'variants run beside the main run', '', '0-17'),
  entry('statement', 'view', 'view = w${1:1}, w${2:2}', 'the two weight axes drawn when n > 2', '', '0-18'),
  entry('statement', 's', 's = [${1:0}, ${2:0}]', 'starting shift of f = w·(x + s)', 'Trained with the weights: ∂L/∂sᵢ = δ·wᵢ.', '0-19'),
  entry(
    'statement',
    'predict',
    'predict = ${1|quadrant,none|}',
    'predict-then-reveal in the panel',
    'The panel hides the next update and asks which quadrant it will point to.',
    '0-20',
  ),
  entry(
    'statement',
    'lock',
    'lock = ${1:lr, batch}',
    'panel controls locked for this lesson',
    '`lr`, `batch`, `optimizer`, `preprocess`, `start`, `teacher`.',
    '0-21',
  ),
  entry(
    'statement',
    'hide',
    'hide = ${1:controls}',
    'panel parts hidden for this lesson',
    '`controls`, `path`, `readout`, `chart`, `strip`, `cone`, `variants`.',
    '0-22',
  ),
  entry('statement', 'hidden', 'hidden = ${1:3}', 'number of hidden units H (a network)', 'With `h = sigmoid(W·x + c)` and `f = w·h + b`.', '0-23'),
  entry(
    'statement',
    'h',
    `h = ${choice(ACTIVATION_OPTIONS)}(W·x + c)`,
    'a hidden layer in front of the neuron',
    'h = act(W·x + c); the neuron on top reads it: `f = w·h + b`. Sigmoid outputs are positive even when x is centred.',
    '0-24',
  ),
  entry(
    'statement',
    'W',
    'W = [[${1:1}, ${2:0.3}], [${3:-0.4}, ${4:1}]]',
    'starting hidden weights, H rows of d',
    'Without it W is drawn from the seed: Wⱼₖ ~ N(0, 1/d).',
    '0-25',
  ),
  entry('statement', 'c', 'c = [${1:0}, ${2:0}]', 'starting hidden biases', '', '0-26'),
  entry('statement', 'train', 'train = ${1|all,output|}', 'train every layer, or only the neuron on top', '', '0-27'),
];

const LOCK_VALUES: readonly CompletionEntry[] = ['lr', 'batch', 'optimizer', 'preprocess', 'start', 'teacher'].map((w) =>
  entry('value', w, w, 'lock this control'),
);
const HIDE_VALUES: readonly CompletionEntry[] = ['controls', 'path', 'readout', 'chart', 'strip', 'cone', 'variants'].map((w) =>
  entry('value', w, w, 'hide this part of the panel'),
);

const FUNCTIONS: readonly CompletionEntry[] = [
  ...ACTIVATION_LIST.filter((a) => a.kind !== 'identity').map((a) => entry('function', a.kind, `${a.kind}(\${1:normal(0, 1)})`, a.detail)),
  entry('function', 'normal', 'normal(${1:0}, ${2:1})', 'normal(mean, std)'),
  entry('function', 'uniform', 'uniform(${1:0}, ${2:1})', 'uniform(lo, hi)'),
];

/** Each registered optimizer: the call with its first parameter as a placeholder, or the bare name (adaptive ones). */
const OPTIMIZER_VALUES: readonly CompletionEntry[] = OPTIMIZER_LIST.map((d) => {
  const first = d.params[0];
  const insert = first && !d.adaptive ? `${d.kind}(\${1:${first.default}})` : d.kind;
  const defaults = d.params.length > 0 ? `: ${d.params.map((p) => `${p.symbol} = ${p.default}`).join(', ')} by default` : '';
  return entry('optimizer', d.kind, insert, d.rule, `\`${signature(d.kind)}\`${defaults}.`);
});

const LOSS_VALUES: readonly CompletionEntry[] = [
  entry('loss', 'squared', 'squared', '½ (f − y)², δ = f − y'),
  entry('loss', 'logistic', 'logistic', 'cross-entropy on the logit f, δ = σ(f) − y'),
];

const PREPROCESS_VALUES: readonly CompletionEntry[] = PREPROCESS_LIST.map((p) => entry('preprocess', p.kind, p.kind, p.detail));

const COMPARE_VALUES: readonly CompletionEntry[] = [
  ...PREPROCESS_VALUES.filter((e) => e.label !== 'none').map((e) => ({ ...e, kind: 'compare' as const })),
  ...ACTIVATION_LIST.filter((a) => a.kind !== 'identity').map((a) => entry('compare', a.kind, a.kind, a.compareDetail)),
  entry('compare', 'batch all', 'batch all', 'full-batch steps'),
  entry('compare', 'batch N', 'batch ${1:8}', 'another batch size'),
  ...OPTIMIZER_VALUES.map((e) => ({ ...e, kind: 'compare' as const })),
  entry('compare', 'lr', 'lr ${1:0.1}', 'another learning rate'),
  entry('compare', 'shuffle', 'shuffle', 'reshuffle every epoch'),
  entry('compare', 'loss logistic', 'loss logistic', 'the logistic loss'),
  entry('compare', 'steps', 'steps ${1:500}', 'more or fewer steps'),
];

const SIMPLE_VALUES: Partial<Record<StatementKey, readonly CompletionEntry[]>> = {
  optimizer: OPTIMIZER_VALUES,
  loss: LOSS_VALUES,
  preprocess: PREPROCESS_VALUES,
  compare: COMPARE_VALUES,
  batch: [entry('value', '1', '1', 'one sample per step'), entry('value', 'all', 'all', 'full batch')],
  shuffle: [entry('value', 'false', 'false', 'batches in order'), entry('value', 'true', 'true', 'reshuffle every epoch')],
  model: [
    entry('value', 'w·x + b', 'w·x + b', 'with bias'),
    entry('value', 'w·x', 'w·x', 'without bias'),
    entry('value', 'w·(x + s) + b', 'w·(x + s) + b', 'with a trained per-input shift'),
  ],
  predict: [entry('value', 'quadrant', 'quadrant', 'ask which quadrant the next update points to'), entry('value', 'none', 'none', 'no question')],
  lock: LOCK_VALUES,
  hide: HIDE_VALUES,
  b: [entry('value', '0 fixed', '0 fixed', 'keep the bias at 0, untrained')],
  view: [entry('value', 'w1, w2', 'w${1:1}, w${2:2}', 'the axes to draw')],
  train: [entry('value', 'all', 'all', 'W, c, w and b train'), entry('value', 'output', 'output', 'W and c frozen: only the neuron on top learns')],
};

/** Identifier characters of the spec language (names may end in `*`). */
function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}_*]/u.test(c);
}

/** Proposals at `offset` of `text`. Never throws; bounded by the length of the current statement. */
export function completionsAt(text: string, offset: number): Completions {
  const at = Math.max(0, Math.min(offset, text.length));
  let start = at;
  while (start > 0 && at - start < 200 && isWordChar(text[start - 1])) start--;
  const replace = { start, end: at };
  let lineStart = at;
  while (lineStart > 0 && at - lineStart < 10_000 && !'\n\r;'.includes(text[lineStart - 1])) lineStart--;
  const before = text.slice(lineStart, at);
  if (before.includes('#') || before.includes('//')) return { items: [], replace };
  if (/^\s*[\p{L}\p{N}_*]*$/u.test(before)) return { items: [...STATEMENTS, ...LESSON_SNIPPETS], replace };
  const generated = /^\s*x\s*~/.exec(before);
  if (generated) return { items: FUNCTIONS, replace };
  const assigned = /^\s*([\p{L}\p{N}_]+\*?)\s*=/u.exec(before);
  if (!assigned) return { items: [], replace };
  const key = lookup(STATEMENT_NAMES, assigned[1]);
  const values = key ? SIMPLE_VALUES[key] : undefined;
  if (!values) return { items: [], replace };
  if (key === 'compare' || key === 'lock' || key === 'hide') {
    // A new term starts after '=', ',' or '+'; offer keywords only there.
    const rest = before.slice(assigned[0].length, start - lineStart);
    return /(^|[,+])\s*$/.test(rest) ? { items: values, replace } : { items: [], replace };
  }
  return { items: values, replace };
}
