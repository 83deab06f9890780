/**
 * The analysis of one spec: what the CLI prints as JSON (docs/analysis-json.md), what the panel
 * draws and what hovers quote. Plain data (numbers, arrays, strings, booleans, null), never NaN
 * or ±Infinity (a value that would be is null, with a reason nearby), except each run's path: typed
 * columns (runPath.ts), which the JSON output writes out as plain entries (cli/analysisJson.ts).
 *
 * Parameters θ are the trained ones: θ = (w₁ … wₙ) or (w₁ … wₙ, b) when the bias is trained.
 * Geometric summaries of the path (sign coherence, reversals, zig-zag ratio, angles, the cone)
 * are about the weights w, the plane the picture shows; the Hessian, optimum and convergence are
 * about all of θ.
 */

import type { RunPath } from './runPath';
import type { NetworkInfo } from '../network/types';

export type { RunPath } from './runPath';

export type Vec2 = readonly [number, number];

/** Statistics of the (preprocessed) inputs the run trains on. */
export interface InputStats {
  /** Every component of every sample > 0 (the sign constraint of docs/science.md applies). */
  readonly allPositive: boolean;
  /** Every component ≥ 0 (ReLU outputs). */
  readonly allNonNegative: boolean;
  /** Mean input m (length n). */
  readonly mean: number[];
  /** Uncentred second moment E[x xᵀ] (n × n). */
  readonly secondMoment: number[][];
  /** Per-component standard deviation (population). */
  readonly std: number[];
}

export interface EigenDirection {
  readonly eigenvalue: number;
  /** Unit eigenvector over θ. */
  readonly vector: number[];
}

export interface HessianInfo {
  /** Names of the rows/columns: "w1", …, "wn" and "b" when the bias is trained. */
  readonly parameters: string[];
  /** Hessian of the mean loss at the start (constant for the squared loss: H = E[x̃ x̃ᵀ]). */
  readonly matrix: number[][];
  /** Descending. */
  readonly eigenvalues: number[];
  /** eigenvectors[k] belongs to eigenvalues[k]. */
  readonly eigenvectors: number[][];
  /** λmax / λmin; null when λmin ≤ 1e-12·λmax (numerically singular: some direction is flat). */
  readonly conditionNumber: number | null;
}

export interface UnstableDirection extends EigenDirection {
  /** Per-step amplification along this direction, e.g. |1 − ηλ| for gradient descent (> 1: grows). */
  readonly factor: number;
}

/**
 * Step sizes on the quadratic model at the start. Every bound here is a FULL-BATCH statement
 * (mini-batches see their own curvature H_B, which can exceed H); a run is judged by what it did
 * (RunResult.diverged), not by these numbers.
 */
export interface LearningRateInfo {
  /** η of the run. */
  readonly value: number;
  /**
   * The run's optimizer's own full-batch stability bound on η: 2/λmax for gradient descent,
   * (2 + 2β)/λmax for heavy ball, (2 + 2β)/((1 + 2β)λmax) for Nesterov. Null for adaptive
   * optimizers (no linear bound applies; `maxReason` says so) and when λmax ≤ 0.
   */
  readonly max: number | null;
  /** The formula of `max` as shown to students ("2/λmax", "(2 + 2β)/λmax", …); null when `max` is null. */
  readonly maxFormula: string | null;
  /** Why `max` is null (adaptive optimizer, or no positive curvature); null when `max` is a number. */
  readonly maxReason: string | null;
  /** Plain gradient descent's bound 2/λmax, whatever the run's optimizer. Null if λmax ≤ 0. */
  readonly gradientDescentMax: number | null;
  /** Goh's optimal step for gradient descent, 2/(λmin + λmax). Null if undefined. */
  readonly optimal: number | null;
  /** LeCun's optimal step for gradient descent, 1/λmax. Null if λmax ≤ 0 (e.g. a Hessian that underflows to 0). */
  readonly lecunOptimal: number | null;
  /**
   * Whether η is inside the run's optimizer's full-batch stability region on this quadratic; null
   * for adaptive optimizers, which have no such region.
   */
  readonly stable: boolean | null;
  /** Eigen-directions whose amplification factor exceeds 1 for this η and optimizer (full batch). */
  readonly unstableDirections: UnstableDirection[];
  /** The loss convention behind the bounds, stated because without the ½ every bound halves. */
  readonly convention: string;
}

export interface Optimum {
  readonly w: number[];
  readonly b: number;
  readonly loss: number;
  /** 'least-squares' (squared loss; the minimiser gradient descent reaches from the start when H is singular), 'newton' (logistic) or 'teacher' (a network: the teacher network's output weights). */
  readonly method: 'least-squares' | 'newton' | 'teacher';
  readonly note: string;
  /** The shift s* (model f = w·(x + s) + b only). */
  readonly s?: number[];
}

/**
 * Entry k of the path as a plain object (runPath.ts `pointAt`; the analysis JSON's path entries):
 * the parameters after k steps and the step taken from there.
 * The last entry has the gradient of the batch that would come next and no update.
 */
export interface PathPoint {
  readonly step: number;
  readonly w: number[];
  readonly b: number;
  /** The shift s after k steps (model f = w·(x + s) + b only). */
  readonly s?: number[];
  /**
   * Full-data mean loss at (w, b). Null only on entry 0 of a run whose start has a loss that is
   * not finite (weights or inputs too large for double precision; the run diverged at step 0).
   */
  readonly loss: number | null;
  /** Mean gradient over θ of the batch used for the step from here (at the look-ahead point for Nesterov). */
  readonly gradient: number[];
  /** Indices of the samples in that batch (omitted when the batch is larger than the recording cap). */
  readonly batch?: number[];
  /** δₚ = ∂L/∂f for each sample of the batch, in batch order (same cap). Per-sample gradient = δₚ·x̃ₚ. */
  readonly deltas?: number[];
  /** θ(k+1) − θ(k) as applied (a proposed step rounding swallows is 0); null on the last entry. */
  readonly update: number[] | null;
  /** All non-zero weight components of the update share one sign. Null on the last entry and when the update changed no weight. */
  readonly signCoherent: boolean | null;
  /** Angle (degrees) in weight space between the update and the straight way to the optimum. */
  readonly angleToOptimum: number | null;
}

export interface Divergence {
  /** 'non-finite': a value overflowed; 'runaway': the loss or the parameters grew without bound. */
  readonly reason: 'non-finite' | 'runaway';
  /**
   * What the run's facts blame: 'start' (the start's loss is not finite), 'step-size' (an
   * eigen-direction of the full-data Hessian is unstable for this optimizer and η), 'mini-batch'
   * (η is inside the full-batch bound but the batches' own curvature H_B is not), 'adaptive'
   * (Adam, RMSProp, AdaGrad: no linear bound), 'nonlinear' (none of these applies).
   */
  readonly cause: 'start' | 'step-size' | 'mini-batch' | 'adaptive' | 'nonlinear';
  readonly message: string;
  readonly directions: UnstableDirection[];
  /** Largest λmax of a batch's own Hessian H_B among the last batches before the blow-up (mini-batches only); null otherwise. */
  readonly batchCurvature: number | null;
  /** Full-data loss at the start and at the last recorded entry (null when not finite). */
  readonly startLoss: number | null;
  readonly endLoss: number | null;
}

export interface RunResult {
  /** The recorded entries in typed columns (runPath.ts; `pointAt` gives one as a PathPoint, JSON output gives them all). */
  readonly path: RunPath;
  /** Steps actually taken (less than requested when the run diverged). */
  readonly stepsRun: number;
  readonly converged: boolean;
  /** First step from which the distance to the optimum stays ≤ tolerance × initial distance. */
  readonly convergedAt: number | null;
  /** Relative tolerance used for convergence. */
  readonly tolerance: number;
  readonly diverged: boolean;
  readonly divergedAt: number | null;
  readonly divergence: Divergence | null;
  /** Path length ÷ straight distance from start to end, in weight space (1 = straight). Null if the run did not move. */
  readonly zigzagRatio: number | null;
  /**
   * "Sign-coherent updates": coherent ÷ updates that moved the weights (0..1): among the APPLIED
   * updates with a non-zero weight component, the share whose non-zero weight components all
   * share one sign. 0 when no update moved the weights.
   */
  readonly signCoherentFraction: number;
  /**
   * "Sign-coherent gradients": among the steps' batch gradients with a non-zero weight component,
   * the share whose non-zero weight components all share one sign (what the sign strip draws).
   * Differs from signCoherentFraction when the optimizer changes the direction (momentum, Adam).
   */
  readonly gradientSignCoherentFraction: number;
  /** Sign flips between successive non-zero components of the applied updates, per weight coordinate. */
  readonly reversals: number[];
  /**
   * The same counted only over the updates before convergedAt (the way in); equal to `reversals`
   * when the run did not converge. Steps after convergence jitter around the optimum, and their
   * reversals say nothing about a zig-zag.
   */
  readonly reversalsBeforeConvergence: number[];
  /** Full-data loss of the last entry; null when it is not finite (a start whose loss is not finite). */
  readonly finalLoss: number | null;
}

/** The double cone ±cone{x₁ … x_P} of per-sample update directions, projected on the viewed plane. */
export interface AllowedCone {
  /** Indices of the weight axes of the plane. */
  readonly axes: readonly [number, number];
  /**
   * 'sector': the update directions fill ±(the sector from edges[0] counter-clockwise to edges[1]);
   * 'line': all samples project onto one line; 'plane': no constraint (the samples surround the origin);
   * 'none': every sample projects to 0.
   */
  readonly kind: 'sector' | 'line' | 'plane' | 'none';
  /** Unit edge directions (for 'sector': ccw order; for 'line': one direction twice). */
  readonly edges: Vec2[];
  /** Opening angle of one nappe, in degrees (0 for 'line', 180 for 'plane'). */
  readonly openingDegrees: number;
  /** Whether the straight way from the start to the optimum (in the plane) lies in ±cone. */
  readonly optimumInside: boolean | null;
}

/** Full-data loss on a grid over the viewed plane, other parameters held at the optimum (or start). */
export interface LossGrid {
  readonly axes: readonly [number, number];
  /** Grid coordinates along the first and second axis. */
  readonly xs: number[];
  readonly ys: number[];
  /** values[j * xs.length + i] = loss at (xs[i], ys[j]). */
  readonly values: number[];
  readonly min: number;
  readonly max: number;
  /** Suggested contour levels, ascending. */
  readonly levels: number[];
  /** How the other parameters are held. */
  readonly heldAt: 'optimum' | 'start';
  /**
   * Present when the values are the mean loss over `used` of the `of` samples, spread evenly
   * through the data set (large logistic data sets: lossGrid.ts GRID_EVALUATIONS); absent when exact.
   */
  readonly sampled?: { readonly used: number; readonly of: number };
}

/**
 * What a normalising preprocessing changes in what the numbers are computed from
 * (analysis/normalization.ts). Batch norm: 'full-data' (the Hessian, κ, bounds, optimum and path
 * loss are the full-data objective's; each step uses its own batch's statistics). Layer norm:
 * 'per-sample' (a fixed transform; the numbers are exact for the run).
 */
export interface Normalization {
  readonly kind: 'batchnorm' | 'layernorm';
  /** ε under the square root (1e-5). */
  readonly epsilon: number;
  readonly statistics: 'full-data' | 'per-sample';
  /** The sentence a view shows beside κ and the bounds. */
  readonly note: string;
}

/** The analysis of a spec, or of one compare variant (then `variants` is empty). */
export interface Analysis {
  readonly name: string;
  readonly dimension: number;
  readonly samples: number;
  readonly loss: 'squared' | 'logistic';
  readonly biasTrained: boolean;
  /** The model is f = w·(x + s) + b with a trained shift (θ = (w, [b], s)); absent otherwise. */
  readonly shift?: boolean;
  /** Present with `preprocess = batchnorm | layernorm`: what the Hessian, κ, bounds and optimum are computed from. */
  readonly normalization?: Normalization;
  /** A hidden layer in front of the neuron (network/types.ts); the rest describes the neuron on top. */
  readonly network?: NetworkInfo;
  readonly inputs: InputStats;
  readonly hessian: HessianInfo;
  readonly learningRate: LearningRateInfo;
  readonly optimum: Optimum | null;
  readonly run: RunResult;
  readonly cone: AllowedCone;
  readonly contours: LossGrid;
  /** One plain-language sentence on what happens in this run. */
  readonly sentence: string;
  readonly variants: Analysis[];
  /**
   * The preprocessed inputs x̃ₚ the run trains on (without the bias' 1), rows 0 … k−1 with
   * k = min(P, SAMPLE_INPUT_ROWS, ⌊SAMPLE_INPUT_VALUES / n⌋), so that a view can draw the
   * per-sample gradients δₚ·xₚ of a recorded batch (PathPoint.batch and .deltas). Optional:
   * absent in analyses made before it existed.
   */
  readonly sampleInputs?: number[][];
}
