/**
 * Every spelling the language accepts for statement names and keyword values, in one place so
 * the parser, "did you mean" and editor completion agree.
 */
import { OPTIMIZER_KINDS } from '../optimizers/registry';
import { ACTIVATION_SPELLINGS } from '../registry/activations';
import { PREPROCESS_SPELLINGS } from '../registry/preprocessings';
import type { Activation, HideablePart, LockableControl, Loss, Prediction, Preprocess, StatementKey } from './types';

/** Statement name (as written, case-sensitive) → statement key. `w*`/`b*` include the star. */
export const STATEMENT_NAMES: Readonly<Record<string, StatementKey>> = {
  f: 'model',
  model: 'model',
  x: 'x',
  samples: 'samples',
  seed: 'seed',
  'w*': 'teacherW',
  target: 'teacherW',
  w_star: 'teacherW',
  'b*': 'teacherB',
  target_b: 'teacherB',
  b_star: 'teacherB',
  y: 'y',
  w: 'w',
  b: 'b',
  loss: 'loss',
  optimizer: 'optimizer',
  lr: 'lr',
  η: 'lr',
  eta: 'lr',
  learning_rate: 'lr',
  batch: 'batch',
  batch_size: 'batch',
  shuffle: 'shuffle',
  steps: 'steps',
  preprocess: 'preprocess',
  compare: 'compare',
  view: 'view',
  s: 'shift',
  shift: 'shift',
  predict: 'predict',
  lock: 'lock',
  hide: 'hide',
  hidden: 'hidden',
  h: 'hiddenLayer',
  W: 'hiddenW',
  c: 'hiddenC',
  train: 'train',
};

/** The canonical name of each statement, as used in messages. */
export const CANONICAL_NAME: Readonly<Record<StatementKey, string>> = {
  model: 'f',
  x: 'x',
  samples: 'samples',
  seed: 'seed',
  teacherW: 'w*',
  teacherB: 'b*',
  y: 'y',
  w: 'w',
  b: 'b',
  loss: 'loss',
  optimizer: 'optimizer',
  lr: 'lr',
  batch: 'batch',
  shuffle: 'shuffle',
  steps: 'steps',
  preprocess: 'preprocess',
  compare: 'compare',
  view: 'view',
  shift: 's',
  predict: 'predict',
  lock: 'lock',
  hide: 'hide',
  hidden: 'hidden',
  hiddenLayer: 'h',
  hiddenW: 'W',
  hiddenC: 'c',
  train: 'train',
};

/** `predict = …` values. */
export const PREDICTIONS: Readonly<Record<string, Prediction>> = { none: 'none', quadrant: 'quadrant' };

/** `lock = …` control names (`w` and `start` both name the start point, `w*` … the teacher). */
export const LOCKABLE: Readonly<Record<string, LockableControl>> = {
  lr: 'lr',
  batch: 'batch',
  optimizer: 'optimizer',
  preprocess: 'preprocess',
  start: 'start',
  w: 'start',
  teacher: 'teacher',
  target: 'teacher',
};

/** `hide = …` part names. */
export const HIDEABLE: Readonly<Record<string, HideablePart>> = {
  controls: 'controls',
  path: 'path',
  readout: 'readout',
  chart: 'chart',
  strip: 'strip',
  signs: 'strip',
  cone: 'cone',
  variants: 'variants',
};

export const LOSSES: Readonly<Record<string, Loss>> = { squared: 'squared', logistic: 'logistic' };

/** Preprocessing names, British spellings included (from registry/preprocessings.ts). */
export const PREPROCESSES: Readonly<Record<string, Preprocess>> = PREPROCESS_SPELLINGS;

/** Activations that can wrap a distribution in `x ~ …` (from registry/activations.ts). */
export const ACTIVATIONS: Readonly<Record<string, Activation>> = ACTIVATION_SPELLINGS;

export const DISTRIBUTIONS = ['normal', 'uniform'] as const;

/** Optimizer names, from the registry (optimizers/registry.ts). */
export const OPTIMIZERS: readonly string[] = OPTIMIZER_KINDS;

export const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, false: false };

/** Keywords that may start a compare term (besides preprocess, activation, optimizer and loss names). */
export const VARIANT_KEYWORDS = [
  'preprocess',
  'activation',
  'hidden',
  'batch',
  'batch_size',
  'optimizer',
  'lr',
  'η',
  'eta',
  'learning_rate',
  'shuffle',
  'loss',
  'steps',
] as const;

/** Every word a compare term may start with: for "did you mean". */
export const VARIANT_WORDS: readonly string[] = [
  ...Object.keys(PREPROCESSES),
  ...Object.keys(ACTIVATIONS),
  ...OPTIMIZERS,
  ...Object.keys(LOSSES),
  ...VARIANT_KEYWORDS,
];

/** Own-property lookup that ignores Object.prototype names such as "constructor". */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
