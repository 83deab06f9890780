/**
 * Default values: what a spec means when a statement is absent. Together they are the default
 * lesson: sigmoid inputs (all positive), a teacher to the north-west of the start (outside the
 * cone the samples span, so batch-1 SGD zig-zags), squared loss, SGD with batch 1.
 */
import type { Distribution, Optimizer } from './types';

export const DEFAULTS = {
  dimension: 2,
  distribution: { kind: 'normal', mean: 0, std: 1 } as Distribution,
  activation: 'sigmoid',
  samples: 64,
  seed: 1,
  teacherB: 0,
  b: 0,
  loss: 'squared',
  optimizer: { kind: 'sgd' } as Optimizer,
  lr: 0.5,
  batch: 1,
  shuffle: false,
  steps: 400,
  preprocess: 'none',
} as const;

/** Default teacher w*: −1 at even (0-based) indices, +1 at odd ones; n = 2 gives [−1, 1]. */
export function defaultTeacherW(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1 : 1));
}

/**
 * Default start w: 1.5 at even indices, −0.5 at odd ones; n = 2 gives [1.5, −0.5], so the
 * teacher [−1, 1] lies to the north-west of the start: w* − w = [−2.5, 1.5].
 */
export function defaultW(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1.5 : -0.5));
}

/** The default view: axes w1, w2 (0-based [0, 1]); both 0 when n = 1. */
export function defaultView(n: number): [number, number] {
  return n >= 2 ? [0, 1] : [0, 0];
}

/** The default lesson written out: parses to the same spec as an empty file. */
export const DEFAULT_LESSON = `# Gradient Geometry: the default lesson.
# One neuron f = w·x + b learns from a teacher w*. Its inputs are sigmoid outputs, so every
# component of every x is positive: each per-sample gradient δ·x points north-east or
# south-west, never north-west. The teacher lies north-west of the start, so batch-1 SGD has
# to zig-zag its way there. Try the fixes: uncomment the compare line.

f = w·x + b                      # the model (write "f = w·x" for no bias)
x ~ sigmoid(normal(0, 1))        # inputs: sigmoid of standard normal draws, all in (0, 1)
samples = 64
seed = 1                         # the same seed always gives the same data and path

w* = [-1, 1]                     # teacher: labels y = w*·x + b*
b* = 0

w = [1.5, -0.5]                  # where training starts
b = 0

loss = squared                   # L = mean of ½ (f(x) − y)²
optimizer = sgd
lr = 0.5
batch = 1                        # one sample per step
shuffle = false
steps = 400
preprocess = none

# compare = center, tanh, batch all, momentum(0.9)
view = w1, w2
`;
