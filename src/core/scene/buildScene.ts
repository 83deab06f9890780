/**
 * buildScene: Analysis → Scene, everything the weight-plane picture shows, in plane coordinates.
 *
 * The plane is spanned by the weights (wᵢ, wⱼ) with (i, j) = analysis.cone.axes. The central mark
 * is the allowed-direction double cone ±cone{x₁ … x_P} (docs/science.md): every per-sample update
 * −η δₚ xₚ lies in it, so when the straight way to the optimum leaves it, the path must zig-zag.
 */
import { networkConeLabel, networkContourNote, networkKappa, withNetworkCone } from './networkScene';
import { biasAt, coherentAt, hasUpdate, type RunPath } from '../analysis/runPath';
import type { Analysis } from '../analysis/types';
import { contourLines } from './contours';
import { autoViewport, offViewMark, type PathToMark } from './framing';
import { add, boundsOf, frame, isFinitePoint, project, scale, ticks, unit } from './geometry';
import { planeSpectrum, type PlaneSpectrum } from './planeSpectrum';
import { fanSteps, sampleSteps } from './sampleSteps';
import type { Arrow, Bounds, ConeMark, EigenAxis, OffViewMark, Scene, SceneKappa, SceneOptions, Vec2, VariantPath } from './types';

/** Fraction of the viewport's short side used as the cone's radius. */
const CONE_RADIUS = 0.2;
/** Half length of the longer eigen-axis, as a fraction of the viewport's short side. */
const EIGEN_LENGTH = 0.3;

function planeAxes(analysis: Analysis): [number, number] {
  const [i, j] = analysis.cone?.axes ?? [0, 1];
  const ok = (k: number): boolean => Number.isInteger(k) && k >= 0 && k < Math.max(2, analysis.dimension);
  return ok(i) && ok(j) && i !== j ? [i, j] : [0, 1];
}

/** The plane part (wᵢ, wⱼ) of row k of a length × q column of `path` (θ or the updates), or null if not finite. */
function projectRow(path: RunPath, col: Float64Array, k: number, axes: readonly [number, number]): Vec2 | null {
  const [i, j] = axes;
  if (i >= path.n || j >= path.n) return null;
  const p: Vec2 = [col[k * path.q + i], col[k * path.q + j]];
  return isFinitePoint(p) ? p : null;
}

/** Projected path points up to (not including) the first non-finite one. */
function projectPath(path: RunPath | undefined, axes: [number, number]): { points: Vec2[]; signs: (boolean | null)[] } {
  const points: Vec2[] = [];
  const signs: (boolean | null)[] = [];
  for (let k = 0; path && k < path.length; k++) {
    const q = projectRow(path, path.theta, k, axes);
    if (!q) break;
    points.push(q);
    signs.push(coherentAt(path, k));
  }
  if (signs.length > 0) signs[signs.length - 1] = null;
  return { points, signs };
}

/** The plane part of entry k's update, or null when it has none or it is not finite. */
function projectUpdate(path: RunPath | undefined, k: number, axes: readonly [number, number]): Vec2 | null {
  return path && k >= 0 && k < path.length && hasUpdate(path, k) ? projectRow(path, path.update, k, axes) : null;
}

function gridBounds(analysis: Analysis): Bounds | null {
  const g = analysis.contours;
  if (!g || g.xs.length < 2 || g.ys.length < 2) return null;
  return boundsOf([
    [g.xs[0], g.ys[0]],
    [g.xs[g.xs.length - 1], g.ys[g.ys.length - 1]],
  ]);
}

/** Points of the arc at `at` with radius r from angle a0 to a1 (radians, a1 ≥ a0), at most 5° apart. */
function arc(at: Vec2, r: number, a0: number, a1: number): Vec2[] {
  const n = Math.max(2, Math.ceil((a1 - a0) / (Math.PI / 36)) + 1);
  const out: Vec2[] = [];
  for (let k = 0; k < n; k++) {
    const a = a0 + ((a1 - a0) * k) / (n - 1);
    out.push([at[0] + r * Math.cos(a), at[1] + r * Math.sin(a)]);
  }
  return out;
}

function coneMark(analysis: Analysis, at: Vec2, radius: number): ConeMark | null {
  const cone = analysis.cone;
  if (!cone) return null;
  const edges = cone.edges.map((e) => unit([e[0], e[1]])).filter((e): e is Vec2 => e !== null);
  const base = { at, radius, edges, openingDegrees: Number.isFinite(cone.openingDegrees) ? cone.openingDegrees : 0, optimumInside: cone.optimumInside };
  switch (cone.kind) {
    case 'sector': {
      if (edges.length < 2) return { ...base, kind: 'none', nappes: [], rays: [], label: 'no cone' };
      const a0 = Math.atan2(edges[0][1], edges[0][0]);
      let a1 = Math.atan2(edges[1][1], edges[1][0]);
      if (a1 < a0) a1 += 2 * Math.PI;
      const plus = [at, ...arc(at, radius, a0, a1)];
      const minus = [at, ...arc(at, radius, a0 + Math.PI, a1 + Math.PI)];
      return {
        ...base,
        kind: 'sector',
        nappes: [plus, minus],
        rays: [
          { direction: edges[0], nappe: 1 },
          { direction: edges[1], nappe: 1 },
          { direction: scale(edges[0], -1), nappe: -1 },
          { direction: scale(edges[1], -1), nappe: -1 },
        ],
        label: 'allowed directions ±cone{x}',
      };
    }
    case 'line': {
      if (edges.length < 1) return { ...base, kind: 'none', nappes: [], rays: [], label: 'no cone' };
      return {
        ...base,
        kind: 'line',
        nappes: [],
        rays: [
          { direction: edges[0], nappe: 1 },
          { direction: scale(edges[0], -1), nappe: -1 },
        ],
        label: 'allowed directions: one line',
      };
    }
    case 'plane':
      return { ...base, kind: 'plane', nappes: [[...arc(at, radius, 0, 2 * Math.PI)]], rays: [], label: 'no constraint: every direction allowed' };
    case 'none':
    default:
      return { ...base, kind: 'none', nappes: [], rays: [], label: 'no update possible in this plane' };
  }
}

function eigenAxes(spectrum: PlaneSpectrum | null, center: Vec2 | null, view: Bounds): EigenAxis[] {
  if (!center || !spectrum) return [];
  const { values, vectors } = spectrum;
  const short = Math.min(view.xMax - view.xMin, view.yMax - view.yMin);
  const longest = EIGEN_LENGTH * short;
  // Ellipse semi-axes ∝ 1/√λ: the small-eigenvalue direction is the long valley.
  const lMin = values[1];
  const lMax = values[0];
  const half = (l: number): number => (l > 0 && lMin > 0 && lMax > 0 ? Math.max(0.12, Math.sqrt(lMin / l)) * longest : l > 0 ? longest * 0.12 : longest);
  return [0, 1].map((k) => ({ eigenvalue: values[k], direction: vectors[k], center, halfLength: half(values[k]) }));
}

/**
 * The problem's own scale in the plane: the distance from the start to the optimum, or over all
 * trained parameters when that is larger (a path may swing in the plane by as much as its error
 * elsewhere), or a quarter of the loss grid without an optimum.
 */
function problemScale(analysis: Analysis, start: Vec2 | null, optimum: Vec2 | null, grid: Bounds | null): number {
  let d = start && optimum ? Math.hypot(start[0] - optimum[0], start[1] - optimum[1]) : 0;
  const p0 = analysis.run?.path;
  const opt = analysis.optimum;
  if (p0 && p0.length > 0 && opt) {
    let sum = 0;
    for (let k = 0; k < p0.n; k++) sum += (p0.theta[k] - (opt.w[k] ?? p0.theta[k])) ** 2;
    const b0 = biasAt(p0, 0);
    if (analysis.biasTrained && Number.isFinite(b0 - opt.b)) sum += (b0 - opt.b) ** 2;
    if (Number.isFinite(sum)) d = Math.max(d, Math.sqrt(sum));
  }
  if (grid) d = Math.max(d, Math.min(grid.xMax - grid.xMin, grid.yMax - grid.yMin) / 20);
  if (!(d > 0) || !Number.isFinite(d)) {
    const c = start ?? optimum ?? [0, 0];
    d = 1e-3 * (1 + Math.abs(c[0]) + Math.abs(c[1]));
  }
  return d;
}

function kappaOf(spectrum: PlaneSpectrum | null): SceneKappa | null {
  if (!spectrum) return null;
  return { plane: spectrum.kappa, planeValues: spectrum.values, all: spectrum.whole ? spectrum.kappa : spectrum.allKappa, same: spectrum.whole };
}

function arrow(from: Vec2, to: Vec2 | null): Arrow | null {
  if (!to || !isFinitePoint(to)) return null;
  if (from[0] === to[0] && from[1] === to[1]) return null;
  return { from, to };
}

/** Builds the scene of `analysis` (see Scene). Never produces a non-finite coordinate. */
export function buildScene(analysis: Analysis, options: SceneOptions = {}): Scene {
  const axes = planeAxes(analysis);
  const names = analysis.hessian?.parameters ?? [];
  const name = (k: number): string => names[k] ?? `w${k + 1}`;
  const { points: path, signs } = projectPath(analysis.run?.path, axes);
  const start = path[0] ?? null;
  const optimum = analysis.optimum ? project(analysis.optimum.w, axes) : null;
  const variants: VariantPath[] =
    options.variants === false ? [] : (analysis.variants ?? []).map((v, k) => ({ name: v.name, colorIndex: k, points: projectPath(v.run?.path, axes).points }));

  const marks = [start, optimum].filter((p): p is Vec2 => p !== null);
  const grid = gridBounds(analysis);
  const drawn: PathToMark[] = [
    { name: null, colorIndex: null, points: path, entries: analysis.run?.path?.length ?? 0, lastUpdate: lastUpdate(analysis, path.length, axes) },
    ...variants.map((v, k): PathToMark => {
      const va = analysis.variants[k];
      return {
        name: v.name,
        colorIndex: v.colorIndex,
        points: v.points,
        entries: va.run?.path?.length ?? 0,
        lastUpdate: lastUpdate(va, v.points.length, axes),
      };
    }),
  ];
  const blewUp =
    [analysis, ...(options.variants === false ? [] : (analysis.variants ?? []))].some((a) => a.run?.diverged === true) ||
    drawn.some((p) => p.entries > p.points.length);
  const framing = { grid, marks, scale: problemScale(analysis, start, optimum, grid), paths: drawn.map((p) => p.points), blewUp };
  const view = options.viewport ? frame(options.viewport, 0, options.aspect ?? 1) : autoViewport(framing, options.margin ?? 0.06, options.aspect ?? 1);
  const offView: OffViewMark[] = options.viewport ? [] : drawn.map((p) => offViewMark(view, p)).filter((m): m is OffViewMark => m !== null);

  const gridCenter: Vec2 | null = analysis.contours?.xs.length ? [(view.xMin + view.xMax) / 2, (view.yMin + view.yMax) / 2] : null;
  const spectrum = planeSpectrum(analysis, axes);
  const eigen = options.eigen === false ? [] : eigenAxes(spectrum, optimum ?? gridCenter, view);
  const teacher = options.teacher && isFinitePoint(options.teacher) ? options.teacher : null;

  const variantOptima = variants.map((v, k) => {
    const o = analysis.variants[k]?.optimum;
    return o && options.otherCoordinates?.[k] !== true ? project(o.w, axes) : null;
  });
  return {
    title: options.mainName ?? analysis.name,
    x: { name: name(axes[0]), index: axes[0], ticks: ticks(view.xMin, view.xMax) },
    y: { name: name(axes[1]), index: axes[1], ticks: ticks(view.yMin, view.yMax) },
    viewport: view,
    contours: analysis.contours ? contourLines(analysis.contours) : [],
    start,
    optimum,
    path,
    signCoherent: signs,
    ...movingParts(analysis, axes, path, optimum, view, options.step, options),
    eigen,
    variants,
    kappa: options.kappa !== false ? networkKappa(kappaOf(spectrum), analysis) : null,
    planeIsWhole: spectrum?.whole ?? false,
    offView,
    teacher,
    variantOptima,
    ...contourNoteOf(analysis),
  };
}

/** The plane's note on contours that are not the exact loss of the run (Scene.contourNote). */
function contourNoteOf(analysis: Analysis): Pick<Scene, 'contourNote'> {
  const sampled = analysis.contours?.sampled;
  const notes = [
    sampled ? `contours from ${sampled.used.toLocaleString('en-US')} of ${sampled.of.toLocaleString('en-US')} samples` : null,
    networkContourNote(analysis),
  ].filter((n): n is string => n !== null);
  return notes.length > 0 ? { contourNote: notes.join(' · ') } : {};
}

/** The plane part of the update from entry `k − 1` (the last finite point of a path of k finite points), if finite. */
function lastUpdate(a: Analysis | undefined, k: number, axes: [number, number]): Vec2 | null {
  return projectUpdate(a?.run?.path, k - 1, axes);
}

type MovingParts = Pick<Scene, 'current' | 'cone' | 'update' | 'toOptimum' | 'perSample' | 'batchStep' | 'perSampleScale' | 'fan' | 'fanMean' | 'fanScale'>;

/** What changes with the step: the current point, the cone there and the arrows from it. O(|B|). */
function movingParts(
  analysis: Analysis,
  axes: [number, number],
  path: readonly Vec2[],
  optimum: Vec2 | null,
  view: Bounds,
  step: number | undefined,
  options: SceneOptions,
): MovingParts {
  const last = path.length - 1;
  const current = last < 0 ? 0 : Math.min(Math.max(Math.round(step ?? last), 0), last);
  const here = path[current] ?? null;
  const radius = CONE_RADIUS * Math.min(view.xMax - view.xMin, view.yMax - view.yMin);
  // A network's cone is the current hidden outputs': it moves as W trains (networkScene.ts).
  const cone = here ? networkConeLabel(coneMark(withNetworkCone(analysis, current), here, radius), analysis, current) : null;
  const delta = here && current < last ? projectUpdate(analysis.run.path, current, axes) : null;
  const update = here && delta ? arrow(here, add(here, delta)) : null;
  const toOptimum = here && optimum ? arrow(here, optimum) : null;
  const steps = here && (options.perSample || options.batchStep) ? sampleSteps(analysis, current, axes, here, view) : null;
  const fan = here && options.fan && current < last ? fanSteps(analysis, current, axes, here, view) : null;
  return {
    current,
    cone,
    update,
    toOptimum,
    perSample: options.perSample && steps ? steps.arrows : [],
    batchStep: steps?.batchStep ?? null,
    perSampleScale: steps?.scale ?? 1,
    fan: fan?.arrows ?? [],
    fanMean: fan?.mean ?? null,
    fanScale: fan?.scale ?? 1,
  };
}

/**
 * The scene of `analysis` at another step: everything that does not depend on the step is reused
 * from `scene` (built by buildScene from the same analysis), so an animation frame costs O(|B|),
 * not O(path + contours).
 */
export function sceneAtStep(scene: Scene, analysis: Analysis, step: number, options: SceneOptions = {}): Scene {
  const axes: [number, number] = [scene.x.index, scene.y.index];
  return { ...scene, ...movingParts(analysis, axes, scene.path, scene.optimum, scene.viewport, step, options) };
}
