/**
 * The resolved neuron spec: what the engine runs. The parser turns text into a `Spec` (defaults
 * filled in, every value checked) plus diagnostics, and keeps where each statement came from so
 * hovers, quick fixes and the panel can point back at the text.
 *
 * Model: f = w·x + b (or f = w·x without bias), w, x ∈ Rⁿ.
 */
import type { Diagnostic, SourceRange } from '../diagnostics';

/** Element-wise squashing applied to generated pre-activations z (one descriptor each: registry/activations.ts). */
export type { Activation } from '../registry/activations';
import type { Activation } from '../registry/activations';

/** Distribution of each input component's pre-activation z (i.i.d. over components and samples). */
export type Distribution =
  | { readonly kind: 'normal'; readonly mean: number; readonly std: number }
  | { readonly kind: 'uniform'; readonly lo: number; readonly hi: number };

/**
 * One written-out sample: a plain array, or (a parsed matrix) a view into the one Float64Array the
 * parser read every number of the text into, so a 100,000-row matrix is not 100,000 arrays of doubles.
 */
export type InputRow = readonly number[] | Float64Array;

/** Inputs written out (`x = [...]` / `x = [[...], ...]`) or drawn (`x ~ sigmoid(normal(0, 1))`). */
export type InputSource =
  | { readonly kind: 'explicit'; readonly rows: readonly InputRow[] }
  | { readonly kind: 'generated'; readonly distribution: Distribution; readonly activation: Activation };

/** Labels: from a teacher neuron (y = w*·x + b*, or σ(w*·x + b*) for the logistic loss) or explicit. */
export type LabelSource =
  | { readonly kind: 'teacher'; readonly w: readonly number[]; readonly b: number }
  | { readonly kind: 'explicit'; readonly values: readonly number[] };

export type Loss = 'squared' | 'logistic';

/**
 * Optimizers with their hyper-parameters as plain JSON, `{ kind, ...params }`: the union is derived
 * from the registry (optimizers/registry.ts), one module per optimizer with its defaults.
 */
export type { Optimizer, OptimizerKind } from '../optimizers/registry';
import type { Optimizer } from '../optimizers/registry';

/** Input preprocessing (one descriptor each: registry/preprocessings.ts). */
export type { Preprocess } from '../registry/preprocessings';
import type { Preprocess } from '../registry/preprocessings';

/** Predict-then-reveal: `predict = quadrant` hides the next update until the student has guessed its quadrant. */
export type Prediction = 'none' | 'quadrant';

/** Panel controls a lesson can lock (`lock = lr, batch`): shown but not changeable. */
export type LockableControl = 'lr' | 'batch' | 'optimizer' | 'preprocess' | 'start' | 'teacher';

/** Panel parts a lesson can hide (`hide = controls, path`). */
export type HideablePart = 'controls' | 'path' | 'readout' | 'chart' | 'strip' | 'cone' | 'variants';

/**
 * One `compare` entry: a named set of changes applied to the main spec. `name` is the entry as
 * written (normalised spacing), e.g. "center", "tanh", "batch all", "optimizer momentum(0.9)".
 */
export interface Variant {
  readonly name: string;
  readonly range: SourceRange;
  readonly changes: VariantChanges;
}

/** What a variant overrides; absent fields keep the main spec's value. */
export interface VariantChanges {
  readonly preprocess?: Preprocess;
  /** Swap the generated inputs' activation; for explicit inputs, `tanh` maps sigmoid outputs s to 2s − 1 (tanh(z/2) = 2σ(z) − 1). */
  readonly activation?: Activation;
  readonly batch?: number | 'all';
  readonly optimizer?: Optimizer;
  readonly lr?: number;
  readonly shuffle?: boolean;
  readonly loss?: Loss;
  readonly steps?: number;
  /** `hidden tanh`: swap the hidden layer's activation of a network spec (spec/network.ts). */
  readonly hiddenActivation?: Activation;
}

/** Statement keys, used for source ranges and for "unknown name" suggestions. */
export type StatementKey =
  | 'model'
  | 'x'
  | 'samples'
  | 'seed'
  | 'teacherW'
  | 'teacherB'
  | 'y'
  | 'w'
  | 'b'
  | 'loss'
  | 'optimizer'
  | 'lr'
  | 'batch'
  | 'shuffle'
  | 'steps'
  | 'preprocess'
  | 'compare'
  | 'view'
  | 'shift'
  | 'predict'
  | 'lock'
  | 'hide'
  | 'hidden'
  | 'hiddenLayer'
  | 'hiddenW'
  | 'hiddenC'
  | 'train';

/** Which parameters of a network train: all of them, or only the output neuron's (W and c frozen). */
export type NetworkTraining = 'all' | 'output';

/**
 * A hidden layer in front of the neuron (`h = sigmoid(W·x + c)`, `f = w·h + b`): H units on
 * d-dimensional inputs x. The neuron's w (length H) sees the hidden outputs h, not x.
 */
export interface NetworkSpec {
  /** Number of hidden units H. */
  readonly hidden: number;
  /** Input dimension d (the length of each x). */
  readonly inputDimension: number;
  /** The hidden units' activation. */
  readonly activation: Activation;
  /** Starting W (H rows of d), written or drawn (`drawn.W`). */
  readonly W: readonly (readonly number[])[];
  /** Starting c (length H); zeros without a hidden bias. */
  readonly c: readonly number[];
  /** `h = act(W·x + c)` (true) or `h = act(W·x)` (false: c is 0 and not trained). */
  readonly hiddenBias: boolean;
  readonly train: NetworkTraining;
  /** W was drawn from the seeded initialiser (spec/network.ts) rather than written; c defaults to zeros. */
  readonly drawnW: boolean;
}

/** Where a statement and its value stand in the text. */
export interface StatementRange {
  /** The whole statement (name to end of value, comments excluded). */
  readonly statement: SourceRange;
  /** The name on the left (`lr`, `w*`, ...). */
  readonly name: SourceRange;
  /** The value on the right. */
  readonly value: SourceRange;
  /** For vector/matrix values: each element's range (rows flattened in reading order). */
  readonly elements?: readonly SourceRange[];
  /** For matrix values: each row's range. */
  readonly rows?: readonly SourceRange[];
}

/** A fully resolved, valid spec. Every field has a value (defaults filled in). */
export interface Spec {
  /** `f = w·x + b` (true) or `f = w·x` (false). */
  readonly hasBias: boolean;
  /**
   * `f = w·(x + s) [+ b]`: a trained per-input shift s ∈ Rⁿ (docs/science.md, the fixes). The loss is then
   * not quadratic in θ = (w, [b], s): ∂L/∂wᵢ = δ(xᵢ + sᵢ), ∂L/∂sᵢ = δwᵢ.
   */
  readonly shift: boolean;
  /** Starting shift (`s = [...]`), length n; zeros when not written or when the model has no shift. */
  readonly s: readonly number[];
  readonly inputs: InputSource;
  /** Number of samples P (explicit rows count, or `samples` for generated inputs). */
  readonly samples: number;
  readonly seed: number;
  readonly labels: LabelSource;
  /** Starting weights; their length is the dimension n. */
  readonly w: readonly number[];
  /** Starting bias (0 when the model has no bias). */
  readonly b: number;
  /** Whether the bias is trained (false for `b = ... fixed` or a model without bias). */
  readonly biasTrained: boolean;
  readonly loss: Loss;
  readonly optimizer: Optimizer;
  readonly lr: number;
  /** Batch size: 1 .. samples, or 'all' (= samples). */
  readonly batch: number | 'all';
  readonly shuffle: boolean;
  readonly steps: number;
  readonly preprocess: Preprocess;
  readonly compare: readonly Variant[];
  /** Zero-based indices of the two weight axes drawn in the plane (both 0 when n = 1). */
  readonly view: readonly [number, number];
  /** Predict-then-reveal mode of the panel (`predict = quadrant`); 'none' by default. */
  readonly predict: Prediction;
  /** Controls the panel shows locked (`lock = …`), in the order written, without repeats. */
  readonly lock: readonly LockableControl[];
  /** Parts the panel hides (`hide = …`), in the order written, without repeats. */
  readonly hide: readonly HideablePart[];
  /** Source ranges of the statements present in the text. */
  readonly ranges: Readonly<Partial<Record<StatementKey, StatementRange>>>;
  /** A hidden layer in front of the neuron; absent for a single neuron. w, w*, view then refer to the H hidden outputs. */
  readonly network?: NetworkSpec;
}

/** Result of parsing: never throws; `spec` is undefined when there is any error. */
export interface ParseResult {
  readonly spec: Spec | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** Ranges of every statement found, even when the spec as a whole has errors. */
  readonly ranges: Readonly<Partial<Record<StatementKey, StatementRange>>>;
}

/** Explicit limits; each message that enforces one names it. */
export const LIMITS = {
  /** Bounded by the eigen-decomposition's cost: q³ for q = n + 1 must stay within maxEigenWork. */
  maxDimension: 500,
  maxSamples: 100_000,
  maxSteps: 100_000,
  /** samples × dimension: bounds the data set's memory (8 bytes each). */
  maxSampleValues: 10_000_000,
  /** Source text length in UTF-16 code units (about 8 MB of ASCII). */
  maxFileChars: 8 * 1024 * 1024,
  maxCompareVariants: 8,
  /** Hidden units of a network spec (the panel draws one sign row per unit). */
  maxHidden: 16,
  /** Largest magnitude of a number in a spec: beyond it products and squares could overflow the loss. */
  maxMagnitude: 1e50,
  /**
   * Work limits of the analysis (spec/work.ts), checked before anything heavy runs so that the
   * largest accepted spec analyses in about 2 s on the project's machines (each alone ≲ 0.7 s):
   * Σ samples × q² over the problems (Gram moments; ×101 for the logistic loss' Newton steps),
   */
  maxMomentWork: 1_500_000_000,
  /** … Σ q³ over the problems (eigen-decompositions; q = n + 1 with a trained bias) … */
  maxEigenWork: 150_000_000,
  /** … and Σ steps × cost per step over the runs (main and compare variants). */
  maxRunWork: 600_000_000,
  /**
   * The whole analysis, every part priced in CPU time (spec/work.ts estimatedMs: data, grids,
   * whitening, path entries, the shift's second run and linear solves, besides the three above).
   */
  maxAnalysisMs: 2000,
} as const;
