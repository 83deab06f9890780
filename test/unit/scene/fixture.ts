/**
 * A small, realistic Analysis written by hand for scene and webview tests (the engine's own output
 * is tested elsewhere): one neuron f = w·x in 2-D, squared loss, labels from a teacher w*, gradient
 * descent run here with the conventions of GEOMETRY.md §5.
 */
import type { Analysis, PathPoint } from '../../../src/core/analysis/types';
import { runPathOf } from '../../../src/core/analysis/runPath';

export interface FixtureOptions {
  /** Teacher weights = the optimum (default [-1.5, 1.5]: north-west of the start). */
  readonly teacher?: [number, number];
  readonly start?: [number, number];
  /** 'positive': sigmoid-like inputs in (0.1, 0.9); 'centered': the same minus their mean. */
  readonly inputs?: 'positive' | 'centered';
  readonly batch?: number | 'all';
  readonly lr?: number;
  readonly steps?: number;
  /** Add a 'batch all' variant. */
  readonly variants?: boolean;
  readonly name?: string;
}

/** Deterministic inputs: a fixed LCG, so every run of the tests sees the same numbers. */
function samples(count: number, centered: boolean): [number, number][] {
  let state = 12345;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const xs: [number, number][] = [];
  for (let p = 0; p < count; p++) xs.push([0.1 + 0.8 * next(), 0.1 + 0.8 * next()]);
  if (!centered) return xs;
  const m = [xs.reduce((s, x) => s + x[0], 0) / count, xs.reduce((s, x) => s + x[1], 0) / count];
  return xs.map((x) => [x[0] - m[0], x[1] - m[1]]);
}

export function makeFixture(o: FixtureOptions = {}): Analysis {
  const teacher = o.teacher ?? [-1.5, 1.5];
  const start = o.start ?? [0.5, -0.5];
  const centered = o.inputs === 'centered';
  const X = samples(12, centered);
  const P = X.length;
  const y = X.map((x) => teacher[0] * x[0] + teacher[1] * x[1]);
  const batch = o.batch === 'all' ? P : (o.batch ?? 1);
  const lr = o.lr ?? 1.0;
  const steps = o.steps ?? 60;

  const loss = (w: number[]): number => X.reduce((s, x, p) => s + 0.5 * (w[0] * x[0] + w[1] * x[1] - y[p]) ** 2, 0) / P;
  const path: PathPoint[] = [];
  let w = [...start];
  for (let k = 0; k <= steps; k++) {
    const idx = Array.from({ length: batch }, (_, q) => (k * batch + q) % P);
    const deltas = idx.map((p) => w[0] * X[p][0] + w[1] * X[p][1] - y[p]);
    const g = [0, 1].map((i) => idx.reduce((s, p, q) => s + deltas[q] * X[p][i], 0) / batch);
    const last = k === steps;
    const update = last ? null : [-lr * g[0], -lr * g[1]];
    const toOpt = [teacher[0] - w[0], teacher[1] - w[1]];
    const angle = update
      ? (Math.acos(Math.max(-1, Math.min(1, (update[0] * toOpt[0] + update[1] * toOpt[1]) / (Math.hypot(...update) * Math.hypot(...toOpt) || 1)))) * 180) /
        Math.PI
      : null;
    path.push({
      step: k,
      w: [...w],
      b: 0,
      loss: loss(w),
      gradient: g,
      batch: idx,
      deltas,
      update,
      signCoherent: update ? Math.sign(update[0]) === Math.sign(update[1]) || update[0] === 0 || update[1] === 0 : null,
      angleToOptimum: angle,
    });
    if (update) w = [w[0] + update[0], w[1] + update[1]];
  }

  // H = (1/P) Σ x xᵀ and its eigen-decomposition (2 × 2 closed form).
  const h11 = X.reduce((s, x) => s + x[0] * x[0], 0) / P;
  const h12 = X.reduce((s, x) => s + x[0] * x[1], 0) / P;
  const h22 = X.reduce((s, x) => s + x[1] * x[1], 0) / P;
  const mean = (h11 + h22) / 2;
  const r = Math.hypot((h11 - h22) / 2, h12);
  const l1 = mean + r;
  const l2 = mean - r;
  const v1n = Math.hypot(l1 - h22, h12);
  const v1 = [(l1 - h22) / v1n, h12 / v1n];
  const v2 = [-v1[1], v1[0]];

  // Loss grid around the start and the optimum.
  const lo = [Math.min(start[0], teacher[0]) - 1, Math.min(start[1], teacher[1]) - 1];
  const hi = [Math.max(start[0], teacher[0]) + 1, Math.max(start[1], teacher[1]) + 1];
  const n = 41;
  const xs = Array.from({ length: n }, (_, i) => lo[0] + ((hi[0] - lo[0]) * i) / (n - 1));
  const ys = Array.from({ length: n }, (_, j) => lo[1] + ((hi[1] - lo[1]) * j) / (n - 1));
  const values: number[] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values.push(loss([xs[i], ys[j]]));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const levels = [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6].filter((l) => l > min && l < max);

  // The cone: for positive inputs the sector between the smallest and largest sample angle.
  const angles = X.map((x) => Math.atan2(x[1], x[0]));
  const a0 = Math.min(...angles);
  const a1 = Math.max(...angles);
  const toOpt = [teacher[0] - start[0], teacher[1] - start[1]];
  const t = Math.atan2(toOpt[1], toOpt[0]);
  const inside = (a: number): boolean => a >= a0 && a <= a1;
  const optimumInside = centered ? true : inside(t) || inside(t + Math.PI) || inside(t - Math.PI);

  const run = path;
  const updates = run.filter((p) => p.update);
  const length = updates.reduce((s, p) => s + Math.hypot(p.update![0], p.update![1]), 0);
  const end = run[run.length - 1].w;
  const dist0 = Math.hypot(start[0] - teacher[0], start[1] - teacher[1]);
  const convergedAt = run.findIndex((p, k) => run.slice(k).every((q) => Math.hypot(q.w[0] - teacher[0], q.w[1] - teacher[1]) <= 0.01 * dist0));

  const analysis: Analysis = {
    name: o.name ?? (centered ? 'centred inputs' : 'positive inputs, north-west target'),
    dimension: 2,
    samples: P,
    loss: 'squared',
    biasTrained: false,
    inputs: {
      allPositive: !centered,
      allNonNegative: !centered,
      mean: [0, 1].map((i) => X.reduce((s, x) => s + x[i], 0) / P),
      secondMoment: [
        [h11, h12],
        [h12, h22],
      ],
      std: [0.2, 0.2],
    },
    hessian: {
      parameters: ['w1', 'w2'],
      matrix: [
        [h11, h12],
        [h12, h22],
      ],
      eigenvalues: [l1, l2],
      eigenvectors: [v1, v2],
      conditionNumber: l2 > 0 ? l1 / l2 : null,
    },
    learningRate: {
      value: lr,
      max: 2 / l1,
      maxFormula: '2/λmax',
      maxReason: null,
      gradientDescentMax: 2 / l1,
      optimal: 2 / (l1 + l2),
      lecunOptimal: 1 / l1,
      stable: lr < 2 / l1,
      unstableDirections: [],
      convention: 'L = (1/|B|) Σ ½ (f(x) − y)²',
    },
    optimum: { w: [...teacher], b: 0, loss: 0, method: 'least-squares', note: 'the teacher is realisable' },
    run: {
      path: runPathOf(run),
      stepsRun: steps,
      converged: convergedAt >= 0,
      convergedAt: convergedAt >= 0 ? convergedAt : null,
      tolerance: 0.01,
      diverged: false,
      divergedAt: null,
      divergence: null,
      zigzagRatio: length / Math.hypot(end[0] - start[0], end[1] - start[1]),
      signCoherentFraction: updates.filter((p) => p.signCoherent).length / updates.length,
      gradientSignCoherentFraction:
        updates.filter((p) => Math.sign(p.gradient[0]) === Math.sign(p.gradient[1]) || p.gradient[0] === 0 || p.gradient[1] === 0).length / updates.length,
      reversals: [0, 0],
      reversalsBeforeConvergence: [0, 0],
      finalLoss: run[run.length - 1].loss,
    },
    cone: centered
      ? { axes: [0, 1], kind: 'plane', edges: [], openingDegrees: 180, optimumInside: true }
      : {
          axes: [0, 1],
          kind: 'sector',
          edges: [
            [Math.cos(a0), Math.sin(a0)],
            [Math.cos(a1), Math.sin(a1)],
          ],
          openingDegrees: ((a1 - a0) * 180) / Math.PI,
          optimumInside,
        },
    contours: { axes: [0, 1], xs, ys, values, min, max, levels, heldAt: 'optimum' },
    sentence: centered
      ? 'Centred inputs allow updates in every direction, so the path heads straight for the optimum.'
      : 'Every per-sample update points north-east or south-west, but the optimum lies to the north-west: the path zig-zags.',
    variants: [],
    sampleInputs: X.map((x) => [...x]),
  };
  if (o.variants) {
    const full = makeFixture({ ...o, variants: false, batch: 'all', name: 'batch all' });
    const centred = makeFixture({ ...o, variants: false, inputs: 'centered', name: 'center' });
    return { ...analysis, variants: [full, centred] };
  }
  return analysis;
}
