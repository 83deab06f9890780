/**
 * The view state kept with `vscode.setState` across hiding and reloads: the play position, speed,
 * overlay toggles, zoom, compare layout, unsaved control changes, and the document the panel shows
 * (`documentUri`, or the `snapshot` of a selection or an annotation, which the host's serializer
 * reads to restore the panel). What comes back from `getState` is untrusted: it is checked field
 * by field.
 */
import type { Bounds } from '../core/scene';
import { optimizerFromJson } from '../core/optimizers/registry';
import { isPreprocess } from '../core/registry/preprocessings';
import type { Optimizer } from '../core/spec/types';
import type { Overrides, OverridesBase } from './liveModel';
import { persistedSnapshot, type PersistedSnapshot } from '../shared/protocol';

export interface ViewState {
  readonly kind: 'gradientGeometry.view';
  /** Document URI from the host's last message; absent for the default lesson. */
  readonly documentUri?: string;
  /** A selection's or an annotation's spec from the host's last message, for the serializer (see PersistedSnapshot). */
  readonly snapshot?: PersistedSnapshot;
  readonly source?: string;
  /** Path index shown; null: the end of the path (the default picture). */
  readonly step: number | null;
  readonly playing: boolean;
  readonly showEigen: boolean;
  readonly showVariants: boolean;
  readonly showPerSample: boolean;
  readonly showBatch: boolean;
  readonly showKappa: boolean;
  /** Compare variants overlaid on one plane, or side by side (small multiples). */
  readonly compare: 'overlay' | 'side';
  /** Steps per second chosen in the panel; null: the gradientGeometry.animationStepsPerSecond setting. */
  readonly speed: number | null;
  /** The zoomed and panned part of the plane; null: the automatic view. */
  readonly zoom: Bounds | null;
  /** Unsaved control changes, and the document version they were made on. */
  readonly overrides: Overrides;
  readonly overridesVersion: number | null;
  /** The spec's own values when the overrides were last reconciled: tells a later edit of a statement from an untouched one. */
  readonly overridesBase: OverridesBase | null;
}

export const INITIAL_STATE: ViewState = {
  kind: 'gradientGeometry.view',
  step: null,
  playing: false,
  showEigen: true,
  showVariants: true,
  showPerSample: false,
  showBatch: false,
  showKappa: true,
  compare: 'overlay',
  speed: null,
  zoom: null,
  overrides: {},
  overridesVersion: null,
  overridesBase: null,
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const shortString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 10_000;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const pair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every((x) => finite(x) && Math.abs(x) < 1e9);

function restoreZoom(v: unknown): Bounds | null {
  if (!isRecord(v)) return null;
  const { xMin, xMax, yMin, yMax } = v;
  if (![xMin, xMax, yMin, yMax].every(finite)) return null;
  const b = { xMin: xMin as number, xMax: xMax as number, yMin: yMin as number, yMax: yMax as number };
  return b.xMax > b.xMin && b.yMax > b.yMin && b.xMax - b.xMin < 1e9 ? b : null;
}

/** A registered optimizer with its own parameters, each in its domain (optimizers/registry.ts). */
function restoreOptimizer(v: unknown): Optimizer | undefined {
  return optimizerFromJson(v);
}

function restoreOverrides(v: unknown): Overrides {
  if (!isRecord(v)) return {};
  const preprocess = isPreprocess(v.preprocess) ? v.preprocess : undefined;
  const batch = v.batch === 'all' || (finite(v.batch) && Number.isInteger(v.batch) && v.batch >= 1) ? (v.batch as number | 'all') : undefined;
  return {
    ...(finite(v.lr) && v.lr > 0 ? { lr: v.lr } : {}),
    ...(batch !== undefined ? { batch } : {}),
    ...(restoreOptimizer(v.optimizer) ? { optimizer: restoreOptimizer(v.optimizer) } : {}),
    ...(preprocess ? { preprocess } : {}),
    ...(pair(v.start) ? { start: v.start } : {}),
    ...(pair(v.teacher) ? { teacher: v.teacher } : {}),
  };
}

function restoreBase(v: unknown): OverridesBase | null {
  if (!isRecord(v) || !Array.isArray(v.view) || v.view.length !== 2) return null;
  const [i, j] = v.view as unknown[];
  const axis = (a: unknown): a is number => typeof a === 'number' && Number.isInteger(a) && a >= 0 && a < 1000;
  return axis(i) && axis(j) ? { view: [i, j], values: restoreOverrides(v.values) } : null;
}

/** A valid state from whatever `getState` returned; unknown or malformed fields fall back to defaults. */
export function restoreState(saved: unknown): ViewState {
  if (!isRecord(saved)) return INITIAL_STATE;
  const step = saved.step;
  const speed = saved.speed;
  const version = saved.overridesVersion;
  return {
    kind: 'gradientGeometry.view',
    ...(shortString(saved.documentUri) ? { documentUri: saved.documentUri } : {}),
    ...(persistedSnapshot(saved) ? { snapshot: persistedSnapshot(saved) } : {}),
    ...(shortString(saved.source) ? { source: saved.source } : {}),
    step: typeof step === 'number' && Number.isInteger(step) && step >= 0 ? step : null,
    playing: saved.playing === true,
    showEigen: saved.showEigen !== false,
    showVariants: saved.showVariants !== false,
    showPerSample: saved.showPerSample === true,
    showBatch: saved.showBatch === true,
    showKappa: saved.showKappa !== false,
    compare: saved.compare === 'side' ? 'side' : 'overlay',
    speed: finite(speed) && speed >= 0.1 && speed <= 10_000 ? speed : null,
    zoom: restoreZoom(saved.zoom),
    overrides: restoreOverrides(saved.overrides),
    overridesVersion: finite(version) && Number.isInteger(version) ? version : null,
    overridesBase: restoreBase(saved.overridesBase),
  };
}
