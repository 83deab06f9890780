/**
 * The model behind the controls: the host's spec with the panel's unsaved changes (overrides)
 * applied, analysed by the same pure core the host runs, so a slider moves the picture at once.
 * Also the loss grid of a zoomed view, recomputed for the visible part of the plane so contours
 * stay smooth at any zoom.
 */
import { analyzeSpec, buildProblem, optimumTheta } from '../core/analysis/analyze';
import { lossGrid } from '../core/analysis/lossGrid';
import type { Analysis, LossGrid } from '../core/analysis/types';
import type { Objective } from '../core/engine/objective';
import type { Bounds, Vec2 } from '../core/scene';
import type { Optimizer, Preprocess, Spec } from '../core/spec/types';
import type { SpecChanges } from '../shared/protocol';
import { optimizerText, specNumber } from '../shared/specEdits';

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

/** The spec values the overrides were made against: the overridable values, and the plane's axes. */
export interface OverridesBase {
  readonly values: Overrides;
  readonly view: readonly [number, number];
}

/** What the controls can change, as `spec` itself says it (start and teacher on the plane's axes). */
export function overridesBase(spec: Spec): OverridesBase {
  const [i, j] = spec.view;
  return {
    view: [i, j],
    values: {
      lr: spec.lr,
      batch: spec.batch,
      optimizer: spec.optimizer,
      preprocess: spec.preprocess,
      start: [spec.w[i], spec.w[j]],
      ...(spec.labels.kind === 'teacher' ? { teacher: [spec.labels.w[i], spec.labels.w[j]] as Vec2 } : {}),
    },
  };
}

type OverrideKey = keyof Overrides;
const KEYS: readonly OverrideKey[] = ['lr', 'batch', 'optimizer', 'preprocess', 'start', 'teacher'];
const NAMES: Record<OverrideKey, string> = { lr: 'lr', batch: 'batch', optimizer: 'optimizer', preprocess: 'preprocess', start: 'start w', teacher: 'w*' };

/** A value as the spec would read it, so "the same" means what writing it back would write. */
function valueText(key: OverrideKey, v: Overrides[OverrideKey]): string {
  if (v === undefined) return '';
  if (key === 'optimizer') return optimizerText(v as Optimizer);
  if (typeof v === 'number') return specNumber(v);
  if (Array.isArray(v)) return `[${v.map((x: number) => specNumber(x)).join(', ')}]`;
  return String(v);
}

export interface Reconciled {
  /** The overrides still pending on the new spec. */
  readonly overrides: Overrides;
  /** Each dropped override with why, e.g. "lr = 0.45 (the spec now says 0.3)", for the status line. */
  readonly dropped: string[];
}

/**
 * The pending overrides on a new analysis of the same document (`spec`), made against `base`
 * (null: unknown, e.g. a state saved by an older panel). An override is kept unless its statement
 * was changed in the text since (the spec now says something else than `base` did, and not the
 * override's value), or it no longer applies (a batch above the samples, w* without a teacher, a
 * plane with other axes). One the spec now says itself (it was written back) is no longer pending.
 */
export function reconcileOverrides(o: Overrides, base: OverridesBase | null, spec: Spec): Reconciled {
  const now = overridesBase(spec);
  const sameAxes = base === null || (base.view[0] === now.view[0] && base.view[1] === now.view[1]);
  const kept: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const key of KEYS) {
    const mine = o[key];
    if (mine === undefined) continue;
    const text = valueText(key, mine);
    const said = valueText(key, now.values[key]);
    if (key === 'batch' && mine !== 'all' && typeof mine === 'number' && mine > spec.samples) {
      dropped.push(`batch = ${text} (the spec now has ${spec.samples} samples)`);
    } else if (key === 'teacher' && now.values.teacher === undefined) {
      dropped.push(`w* = ${text} (the labels are no longer a teacher w*)`);
    } else if ((key === 'start' || key === 'teacher') && !sameAxes) {
      dropped.push(`${NAMES[key]} = ${text} (the plane now shows other weights)`);
    } else if (said === text) {
      // Now in the spec: nothing pending.
    } else if (base !== null && base.values[key] !== undefined && valueText(key, base.values[key]) !== said) {
      dropped.push(`${NAMES[key]} = ${text} (the spec now says ${said})`);
    } else {
      kept[key] = mine;
    }
  }
  return { overrides: kept as Overrides, dropped };
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
    const held = optimumTheta(spec, a.optimum);
    try {
      return lossGrid(this.objective.obj, {
        axes: spec.view,
        held,
        heldAt: 'optimum',
        bounds: { u0: view.xMin, u1: view.xMax, v0: view.yMin, v1: view.yMax },
        nx: resolution,
        ny: resolution,
      });
    } catch {
      return null;
    }
  }
}
