/**
 * The model behind the controls: the host's spec with the panel's unsaved changes (overrides)
 * applied, analysed by the same pure core the host runs, so a slider moves the picture at once.
 * Also the loss grid of a zoomed view, recomputed for the visible part of the plane so contours
 * stay smooth at any zoom.
 */
import { analyzeSpec, buildProblem } from '../core/analysis/analyze';
import { lossGrid } from '../core/analysis/lossGrid';
import type { Analysis, LossGrid } from '../core/analysis/types';
import type { Objective } from '../core/engine/objective';
import type { Bounds, Vec2 } from '../core/scene';
import type { Optimizer, Preprocess, Spec } from '../core/spec/types';
import type { SpecChanges } from '../shared/protocol';

/** Unsaved control values; start and teacher are on the plane's axes (spec.view). */
export interface Overrides {
  readonly lr?: number;
  readonly batch?: number | 'all';
  readonly optimizer?: Optimizer;
  readonly preprocess?: Preprocess;
  readonly start?: Vec2;
  readonly teacher?: Vec2;
}

export function hasOverrides(o: Overrides): boolean {
  return Object.values(o).some((v) => v !== undefined);
}

/** The spec with the overrides applied (the plane's two components of w and w* replaced). */
export function applyOverrides(spec: Spec, o: Overrides): Spec {
  const [i, j] = spec.view;
  const put = (v: readonly number[], p: Vec2): number[] => {
    const out = [...v];
    out[i] = p[0];
    if (j !== i) out[j] = p[1];
    return out;
  };
  const labels = o.teacher && spec.labels.kind === 'teacher' ? { ...spec.labels, w: put(spec.labels.w, o.teacher) } : spec.labels;
  return {
    ...spec,
    lr: o.lr ?? spec.lr,
    batch: o.batch ?? spec.batch,
    optimizer: o.optimizer ?? spec.optimizer,
    preprocess: o.preprocess ?? spec.preprocess,
    w: o.start ? put(spec.w, o.start) : spec.w,
    labels,
  };
}

/** The overrides as a write-back request. */
export function toSpecChanges(spec: Spec, o: Overrides): SpecChanges {
  const axes: [number, number] = [spec.view[0], spec.view[1]];
  return {
    ...(o.lr !== undefined ? { lr: o.lr } : {}),
    ...(o.batch !== undefined ? { batch: o.batch } : {}),
    ...(o.optimizer !== undefined ? { optimizer: o.optimizer } : {}),
    ...(o.preprocess !== undefined ? { preprocess: o.preprocess } : {}),
    ...(o.start ? { start: { axes, values: o.start } } : {}),
    ...(o.teacher ? { teacher: { axes, values: o.teacher } } : {}),
  };
}

export class LiveModel {
  private spec: Spec | null = null;
  private hostAnalysis: Analysis | null = null;
  private cacheKey = '';
  private cached: Analysis | null = null;
  private objective: { spec: Spec; key: string; obj: Objective } | null = null;

  /** The host's analysis and the spec it came from (absent: the controls cannot recompute). */
  setBase(analysis: Analysis, spec: Spec | undefined): void {
    this.hostAnalysis = analysis;
    this.spec = spec ?? null;
    this.cacheKey = '';
    this.cached = null;
  }

  get baseSpec(): Spec | null {
    return this.spec;
  }

  /** The analysis to show: the host's, or the core's on the overridden spec. */
  analysis(o: Overrides, withVariants = true): Analysis | null {
    if (!this.hostAnalysis) return null;
    if (!this.spec || !hasOverrides(o)) return this.hostAnalysis;
    const key = JSON.stringify([o, withVariants]);
    if (key !== this.cacheKey || !this.cached) {
      this.cached = analyzeSpec(applyOverrides(this.spec, o), { variants: withVariants });
      this.cacheKey = key;
    }
    return this.cached;
  }

  /** The loss over `view` (a zoomed part of the plane) at `resolution`² points, or null without a spec. */
  zoomedGrid(a: Analysis, o: Overrides, view: Bounds, resolution = 64): LossGrid | null {
    if (!this.spec || !a.optimum) return null;
    const spec = applyOverrides(this.spec, o);
    // Only the data (preprocessing, teacher labels) changes the loss surface; lr, batch and optimizer do not.
    const key = JSON.stringify([o.preprocess ?? null, o.teacher ?? null]);
    if (!this.objective || this.objective.spec !== this.spec || this.objective.key !== key) this.objective = { spec: this.spec, key, obj: buildProblem(spec) };
    const held = spec.biasTrained ? [...a.optimum.w, a.optimum.b] : [...a.optimum.w];
    try {
      return lossGrid(this.objective.obj, { axes: spec.view, held, heldAt: 'optimum', bounds: { u0: view.xMin, u1: view.xMax, v0: view.yMin, v1: view.yMax }, nx: resolution, ny: resolution });
    } catch {
      return null;
    }
  }
}
