/**
 * What the analysis reports about a network spec (network/analysis.ts): the neuron on top seen at
 * each step through the CURRENT hidden outputs, and the hidden units' incoming-weight gradients.
 */
import type { AllowedCone } from '../analysis/types';
import type { Activation, NetworkTraining } from '../spec/types';

/** The sign pattern of one hidden unit's incoming-weight gradient row ∂L/∂Wⱼ at one step. */
export type RowSigns = 'positive' | 'negative' | 'mixed' | 'zero';

/** The output layer's curvature at one step: the Hessian over (w, [b]) at that step's hidden outputs. */
export interface StepCurvature {
  /** Descending eigenvalues; empty when the hidden outputs overflow (a run blowing up). */
  readonly eigenvalues: number[];
  /** λmax/λmin; null when numerically singular or not finite. */
  readonly conditionNumber: number | null;
  /** The 2 × 2 block of the viewed weights; null when not finite. */
  readonly plane: [[number, number], [number, number]] | null;
}

/** One recorded step (every path entry of the run). */
export interface NetworkStep {
  readonly step: number;
  /** The cone of the current hidden outputs h (what the neuron on top's per-sample steps follow). */
  readonly cone: AllowedCone;
  /** Every hidden output at this step is > 0 (≥ 0: allNonNegative). */
  readonly allPositive: boolean;
  readonly allNonNegative: boolean;
  /** Per hidden unit j: the signs of ∂L/∂Wⱼ in this step's batch gradient (empty with train = output). */
  readonly rowSigns: RowSigns[];
  readonly curvature: StepCurvature;
}

export interface NetworkInfo {
  readonly hidden: number;
  readonly inputDimension: number;
  readonly activation: Activation;
  readonly train: NetworkTraining;
  readonly hiddenBias: boolean;
  /** Batch norm between the layers (h normalised with each batch's statistics). */
  readonly batchNorm: boolean;
  /** How W was set: 'written', or the seeded initialiser's name. */
  readonly initialiser: string;
  /** Raw inputs x: their mean per component, and whether every component is positive. */
  readonly inputMean: number[];
  readonly inputsAllPositive: boolean;
  /** The hidden layer at the end of the run: W (H rows of d) and c. */
  readonly finalW: number[][];
  readonly finalC: number[];
  /** One entry per analysed path entry: every entry, or evenly spaced ones (first and last included) when the path has more than NETWORK_ANALYSED_STEPS. */
  readonly steps: NetworkStep[];
  /**
   * Among (step, unit) pairs with a non-zero row ∂L/∂Wⱼ, the share whose row has one sign: 1 for
   * positive inputs and batch 1; null with train = output (W is not trained).
   */
  readonly rowSignCoherentShare: number | null;
  /** Among the steps, the share where every hidden output is positive. */
  readonly allPositiveShare: number;
  /** Convergence judged by the loss (a network's minimisers are not one point): the first step from which L ≤ tolerance² · L₀; null if never. */
  readonly lossConvergedAt: number | null;
  /** What the curvature is and is not. */
  readonly curvatureNote: string;
}
