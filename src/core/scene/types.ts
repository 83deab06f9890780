/**
 * A Scene is what the weight-plane picture shows, in plane coordinates: the two weight axes
 * (wᵢ, wⱼ) of `analysis.cone.axes`, x to the right and y upwards. It is pure data (finite numbers
 * only), built by `buildScene` and drawn by `sceneToSvg` (the panel, exports and the CLI share it).
 */
import type { Vec2 } from '../analysis/types';

export type { Vec2 };

/** Axis-aligned bounds in plane coordinates; xMin < xMax and yMin < yMax. */
export interface Bounds {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

export interface Polyline {
  readonly points: readonly Vec2[];
  /** The last point joins the first. */
  readonly closed: boolean;
}

/** The isolines of one loss level. */
export interface ContourLevel {
  readonly level: number;
  readonly lines: readonly Polyline[];
}

export interface Arrow {
  readonly from: Vec2;
  readonly to: Vec2;
}

/**
 * The allowed-direction double cone ±cone{x₁ … x_P} drawn at `at`. For 'sector', `nappes` holds the
 * two filled wedges (the + nappe first), each a polygon starting at `at`; `rays` holds the edge
 * rays of both nappes (unit direction × `radius`).
 */
export interface ConeMark {
  readonly kind: 'sector' | 'line' | 'plane' | 'none';
  readonly at: Vec2;
  readonly radius: number;
  /** Unit edge directions of the + nappe (as in AllowedCone.edges). */
  readonly edges: readonly Vec2[];
  readonly nappes: readonly (readonly Vec2[])[];
  readonly rays: readonly { readonly direction: Vec2; readonly nappe: 1 | -1 }[];
  readonly openingDegrees: number;
  /** A short label: "allowed directions", "no constraint", ... */
  readonly label: string;
  readonly optimumInside: boolean | null;
}

/** An eigen-direction of the Hessian restricted to the viewed plane (an axis of the contour ellipses). */
export interface EigenAxis {
  readonly eigenvalue: number;
  /** Unit direction. */
  readonly direction: Vec2;
  readonly center: Vec2;
  /** Half length of the drawn segment, proportional to 1/√λ (the ellipse's semi-axis). */
  readonly halfLength: number;
}

/** One sample's share of the batch step, −η δₚ x̃ₚ / |B| (scaled by `Scene.perSampleScale`), chained tip to tail. */
export interface SampleArrow extends Arrow {
  /** Index of the sample. */
  readonly sample: number;
  /** δₚ = ∂L/∂f of the sample: its sign decides whether the arrow points along +xₚ or −xₚ. */
  readonly delta: number;
}

export interface VariantPath {
  readonly name: string;
  /** Index into the theme's variant palette. */
  readonly colorIndex: number;
  readonly points: readonly Vec2[];
}

export interface Tick {
  readonly value: number;
  readonly label: string;
}

export interface SceneAxis {
  /** "w1", "w2", … */
  readonly name: string;
  /** Index of the weight. */
  readonly index: number;
  readonly ticks: readonly Tick[];
}

/** κ of the plane's block and of all trained parameters (null: a flat direction). */
export interface SceneKappa {
  /** λ₁/λ₂ of the plane's 2 × 2 block (the ratio of the λ labels drawn on the valley axes). */
  readonly plane: number | null;
  /** The plane's eigenvalues, descending. */
  readonly planeValues: readonly [number, number];
  /** λmax/λmin of the Hessian over all trained parameters. */
  readonly all: number | null;
  /** What `all` covers when it is not every trained parameter (a network: "output weights at step 0"). */
  readonly allName?: string;
  /** The two are one number (the plane's block is the whole Hessian). */
  readonly same: boolean;
}

/** A path leaving the viewport: it crosses the edge at `edge`, heading along `direction`. */
export interface OffViewMark {
  /** null: the main path; otherwise the variant's name. */
  readonly name: string | null;
  /** Index into the variant palette (null: the main path). */
  readonly colorIndex: number | null;
  /** Path index of the first point outside the view (or of the first point that is not finite). */
  readonly step: number;
  /** Point on the viewport's edge where the path leaves (plane coordinates, finite). */
  readonly edge: Vec2;
  /** Unit direction of the leaving segment (plane coordinates). */
  readonly direction: Vec2;
}

export interface Scene {
  readonly title: string;
  readonly x: SceneAxis;
  readonly y: SceneAxis;
  /** What is visible, with margin; its aspect equals `options.aspect` (equal units on both axes). */
  readonly viewport: Bounds;
  readonly contours: readonly ContourLevel[];
  readonly start: Vec2 | null;
  readonly optimum: Vec2 | null;
  /** Every finite path point, in step order (path[k] is the point after k steps). */
  readonly path: readonly Vec2[];
  /** Sign coherence of the update from each path point (null on the last one). */
  readonly signCoherent: readonly (boolean | null)[];
  /** The path point the cone and arrows are drawn at. */
  readonly current: number;
  readonly cone: ConeMark | null;
  /** The update taken from the current point (absent at the end of the path). */
  readonly update: Arrow | null;
  /** The straight way from the current point to the optimum. */
  readonly toOptimum: Arrow | null;
  readonly eigen: readonly EigenAxis[];
  readonly variants: readonly VariantPath[];
  /**
   * The per-sample steps −η δₚ x̃ₚ / |B| of the current batch, chained tip to tail from the current
   * point: they sum to `batchStep` (empty unless `SceneOptions.perSample` and the batch was recorded).
   */
  readonly perSample: readonly SampleArrow[];
  /** −η g, the plain gradient step of the current batch (equal to the update for SGD), same scale as perSample. */
  readonly batchStep: Arrow | null;
  /** Factor the per-sample chain and batchStep are drawn at (1 = true size; tiny steps are enlarged). */
  readonly perSampleScale: number;
  /**
   * The condition numbers shown on the plane (null when hidden or unknown): the plane's 2 × 2
   * block of H, whose eigenvalues label the valley axes, and the Hessian over all trained
   * parameters, which governs the run (see planeSpectrum.ts).
   */
  readonly kappa: SceneKappa | null;
  /** The plane's 2 × 2 block is the whole Hessian (its λ and κ are the problem's); otherwise labels say "plane". */
  readonly planeIsWhole: boolean;
  /**
   * Where a path leaves the automatic viewport (a run that blew up, or wandered far): one mark per
   * path (the main one first), at the edge where it leaves. Empty with a user's zoom.
   */
  readonly offView: readonly OffViewMark[];
  /**
   * What the contours are when they are not the exact loss of the run's parameters: drawn from a
   * sample of a large logistic data set, or a network's loss with the hidden layer as at the start
   * while W and c train (a note on the plane says so). Absent when the contours are exact.
   */
  readonly contourNote?: string;
  /** The teacher w* in the plane, when the caller passes it (a drag handle in the panel). */
  readonly teacher: Vec2 | null;
  /** Each overlaid variant's own optimum in this plane (null: none, or in other coordinates), in `variants`' order. */
  readonly variantOptima?: readonly (Vec2 | null)[];
  /**
   * The fan of per-sample steps −η δₚ x̃ₚ at the current point, each from the current point (so
   * each lies in the cone), drawn at `fanScale`; their mean is the batch step (`fanMean`). Empty
   * unless `SceneOptions.fan` and the batch has more than one sample.
   */
  readonly fan?: readonly SampleArrow[];
  readonly fanMean?: Arrow | null;
  readonly fanScale?: number;
}

export interface SceneOptions {
  /** Path index to draw the cone and arrows at (clamped); default: the last point. */
  readonly step?: number;
  /** Width ÷ height of the drawing (default 1). */
  readonly aspect?: number;
  /** Fraction of the span added around the content on every side (default 0.06). */
  readonly margin?: number;
  /** Include compare variants (default true). */
  readonly variants?: boolean;
  /** Include the eigen-directions (default true). */
  readonly eigen?: boolean;
  /** Show this part of the plane instead of the automatic viewport (zoom and pan); widened to `aspect`. */
  readonly viewport?: Bounds;
  /** Include the per-sample steps and the batch step at the current point (default false). */
  readonly perSample?: boolean;
  /** Include the batch step −η g at the current point (default false; implied by perSample). */
  readonly batchStep?: boolean;
  /** The teacher w* in plane coordinates (labels from a teacher), drawn as a handle. */
  readonly teacher?: Vec2 | null;
  /** Include the κ labels (default true). */
  readonly kappa?: boolean;
  /** Draw the fan of per-sample steps and their mean at the current point when the batch has more than one sample (default false). */
  readonly fan?: boolean;
  /** The main run's name in the legend (default: the analysis' name). */
  readonly mainName?: string;
  /** Variants whose weights live in other coordinates (another preprocessing): no optimum of theirs is marked on this plane. */
  readonly otherCoordinates?: readonly boolean[];
}
