/**
 * Builds resolved `Spec` objects for engine tests, without the parser. Defaults are the default
 * lesson: x ~ sigmoid(normal(0, 1)), 64 samples, seed 1, teacher w* = [−1, 1], b* = 0,
 * start w = [1.5, −0.5], b = 0 trained, squared loss, SGD, η = 0.5, batch 1, no shuffle,
 * 200 steps, no preprocessing, view [0, 1].
 */
import type { buildProblem } from '../../../src/core/analysis/analyze';
import { softplus } from '../../../src/core/engine/activations';
import type { Spec, Variant } from '../../../src/core/spec/types';
import { isRunPath, pathPoints } from '../../../src/core/analysis/runPath';

export type SpecOverrides = { -readonly [K in keyof Spec]?: Spec[K] };

export function makeSpec(overrides: SpecOverrides = {}): Spec {
  const base: Spec = {
    hasBias: true,
    inputs: { kind: 'generated', distribution: { kind: 'normal', mean: 0, std: 1 }, activation: 'sigmoid' },
    samples: 64,
    seed: 1,
    labels: { kind: 'teacher', w: [-1, 1], b: 0 },
    w: [1.5, -0.5],
    b: 0,
    biasTrained: true,
    loss: 'squared',
    optimizer: { kind: 'sgd' },
    lr: 0.5,
    batch: 1,
    shuffle: false,
    steps: 200,
    preprocess: 'none',
    compare: [],
    view: [0, 1],
    shift: false,
    s: [0, 0],
    predict: 'none',
    lock: [],
    hide: [],
    ranges: {},
  };
  const merged = { ...base, ...overrides };
  return { ...merged, s: overrides.s ?? merged.w.map(() => 0) };
}

/** Explicit inputs: samples = rows.length. */
export function explicitSpec(rows: number[][], overrides: SpecOverrides = {}): Spec {
  return makeSpec({ inputs: { kind: 'explicit', rows }, samples: rows.length, ...overrides });
}

/** A compare entry. */
export function variant(name: string, changes: Variant['changes']): Variant {
  return { name, range: { start: 0, end: 0 }, changes };
}

/** Uniform U(0,1) inputs of dimension n (identity activation). */
export function uniformSpec(n: number, samples: number, overrides: SpecOverrides = {}): Spec {
  return makeSpec({
    inputs: { kind: 'generated', distribution: { kind: 'uniform', lo: 0, hi: 1 }, activation: 'identity' },
    samples,
    w: new Array(n).fill(0),
    labels: { kind: 'teacher', w: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1 : 1)), b: 0 },
    ...overrides,
  });
}

/** Maximum relative error |a − b| / max(|a|, |b|, floor). */
export function relErr(a: number, b: number, floor = 1e-12): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
}

/** Per-sample loss ℓₚ(θ), written out independently of the engine. */
export function sampleLoss(obj: ReturnType<typeof buildProblem>, theta: ArrayLike<number>, p: number): number {
  let f = obj.biasTrained ? theta[obj.n] : obj.fixedBias;
  for (let i = 0; i < obj.n; i++) f += theta[i] * obj.data.x[p * obj.n + i];
  const y = obj.data.y[p];
  return obj.loss === 'squared' ? 0.5 * (f - y) ** 2 : softplus(f) - y * f;
}

/** Centred finite difference of ℓₚ along parameter i. */
export function finiteDifference(obj: ReturnType<typeof buildProblem>, theta: Float64Array, p: number, i: number, h = 1e-5): number {
  const t = Float64Array.from(theta);
  t[i] = theta[i] + h;
  const up = sampleLoss(obj, t, p);
  t[i] = theta[i] - h;
  const down = sampleLoss(obj, t, p);
  return (up - down) / (2 * h);
}

/** Every number reachable in v is finite (JSON-safe: no NaN, no ±Infinity). */
export function allFinite(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  // A run's path columns hold NaN for null (runPath.ts): check the entries JSON would write.
  if (isRunPath(v, Infinity)) return allFinite(pathPoints(v));
  if (Array.isArray(v)) return v.every(allFinite);
  if (v && typeof v === 'object') return Object.values(v).every(allFinite);
  return true;
}
