/**
 * The readout beside the picture, as plain text rows (the panel shows them as a list; the CLI can
 * print them): convergence, zig-zag ratio, the two sign-coherent shares (applied updates; batch
 * gradients, as the sign strip draws them), κ of all trained parameters and of the plane, the
 * run's optimizer's own full-batch step-size bound (plain gradient descent's 2/λmax beside it when
 * different; none for adaptive optimizers), the optimal steps, and a one-line summary of any single
 * step. Every number says what it is computed from. Never "NaN": missing values read "—".
 */
import { noBoundWhy } from '../network/wording';
import type { Analysis } from '../analysis/types';
import { formatNumber } from './geometry';
import { planeSpectrum } from './planeSpectrum';
import { pointAt } from '../analysis/runPath';

export interface ReadoutRow {
  /** Stable key, used as data-key in the panel. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** Longer explanation (a tooltip / accessible description). */
  readonly hint?: string;
}

/** A share 0..1 as a percentage with 3 significant digits ("45.7 %", "100 %"); "—" when missing. */
export function percentText(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${formatNumber(v * 100, 3)} %`;
}

/** A gradient share (0..1) is only read when it is a number: the analysis may predate the field. */
function share(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The text for a bound that may be missing: the reason, or "no fixed step-size bound (adaptive)". */
export function boundText(lr: Analysis['learningRate']): string {
  if (lr.max !== null && Number.isFinite(lr.max)) return formatNumber(lr.max);
  return lr.stable === null ? `no fixed step-size bound (${noBoundWhy(lr.maxReason)})` : `— (${lr.maxReason ?? 'no positive curvature'})`;
}

/** The formula of the run's own bound ("2/λmax", "(2 + 2β)/λmax", …), "2/λmax" when the analysis predates the field. */
export function boundFormula(lr: Analysis['learningRate']): string {
  return lr.maxFormula ?? '2/λmax';
}

/** Whether plain gradient descent's 2/λmax is a second number beside the optimizer's own bound. */
export function gradientDescentDiffers(lr: Analysis['learningRate']): boolean {
  const gd = lr.gradientDescentMax;
  if (gd === null || gd === undefined || !Number.isFinite(gd)) return false;
  return lr.max === null || boundFormula(lr) !== '2/λmax' || Math.abs(lr.max - gd) > 1e-9 * Math.abs(gd);
}

/** "w1, w3" for the plane's axes and "w1, w2, w3, b" for all trained parameters. */
function names(a: Analysis, idx: readonly number[]): string {
  return idx.map((k) => a.hessian.parameters[k] ?? `w${k + 1}`).join(', ');
}

export function readoutRows(a: Analysis): ReadoutRow[] {
  const run = a.run;
  const lr = a.learningRate;
  const converge =
    run.convergedAt !== null && Number.isFinite(run.convergedAt)
      ? `${run.convergedAt}`
      : run.diverged
        ? `diverged${run.divergedAt !== null ? ` after ${run.divergedAt} steps` : ''}`
        : `not within ${run.stepsRun}`;
  const axes = a.cone.axes;
  const spectrum = planeSpectrum(a, axes);
  const all = spectrum ? (spectrum.whole ? spectrum.kappa : spectrum.allKappa) : a.hessian.conditionNumber;
  const kappaValue = (k: number | null): string => (k === null ? '∞ (a flat direction)' : formatNumber(k));
  const allNames = names(
    a,
    a.hessian.parameters.map((_, k) => k),
  );
  const gradients = share(run.gradientSignCoherentFraction);
  const formula = boundFormula(lr);
  const fullBatch = 'a full-batch statement: mini-batches see their own curvature, and a run is judged by what it did';
  const rows: ReadoutRow[] = [
    {
      key: 'converge',
      label: 'Steps to converge',
      value: converge,
      hint: `distance to the optimum stays within ${formatNumber(run.tolerance)} × the initial distance`,
    },
    { key: 'zigzag', label: 'Zig-zag ratio', value: formatNumber(run.zigzagRatio), hint: 'path length ÷ straight distance (1 = straight)' },
    {
      key: 'coherent',
      label: 'Sign-coherent updates',
      value: percentText(run.signCoherentFraction),
      hint: 'share of the applied updates whose weight components all share one sign',
    },
    {
      key: 'coherentGradients',
      label: 'Sign-coherent gradients',
      value: percentText(gradients),
      hint: "share of the steps whose batch gradient has one sign in every weight component (the sign strip); differs from the updates' share when the optimizer changes the direction",
    },
    reversalsRow(run, a.hessian.parameters),
    // A network's Hessian is its output weights' at step 0 (W and c train too, and are not in it).
    a.network
      ? {
          key: 'kappa',
          label: 'Condition number κ, output weights (w, b) at step 0',
          value: kappaValue(all),
          hint: `λmax ÷ λmin of the Hessian over ${allNames} at the hidden outputs of step 0 (the strip beside the plane has it at the shown step)`,
        }
      : {
          key: 'kappa',
          label: spectrum?.whole ? 'Condition number κ (all trained parameters = the plane)' : 'Condition number κ, all trained parameters',
          value: kappaValue(all),
          hint: `λmax ÷ λmin of the Hessian over ${allNames}`,
        },
  ];
  if (spectrum && !spectrum.whole)
    rows.push({
      key: 'kappaPlane',
      label: `κ of the plane (${names(a, axes)})`,
      value: kappaValue(spectrum.kappa),
      hint: `λ₁ ÷ λ₂ of the 2 × 2 block of the Hessian for ${names(a, axes)} (the valley axes drawn on the plane), the other parameters held fixed`,
    });
  rows.push(
    {
      key: 'lr',
      label: 'Learning rate η',
      value: `${formatNumber(lr.value)}${lr.stable === false ? ' (unstable)' : ''}`,
      hint:
        lr.stable === false
          ? `at or above the full-batch bound ${formula}`
          : lr.stable === null
            ? 'adaptive optimizer: no fixed step-size bound'
            : `below the full-batch bound ${formula}`,
    },
    lr.max !== null && Number.isFinite(lr.max)
      ? {
          key: 'max',
          label: `Stability limit ${formula} (full batch)`,
          value: boundText(lr),
          hint: `the run's optimizer diverges at or above it on the full batch; ${fullBatch}; ${lr.convention}`,
        }
      : { key: 'max', label: 'Stability limit (full batch)', value: boundText(lr), hint: lr.maxReason ?? fullBatch },
  );
  if (gradientDescentDiffers(lr))
    rows.push({
      key: 'gdMax',
      label: 'Gradient-descent limit 2/λmax (full batch)',
      value: formatNumber(lr.gradientDescentMax),
      hint: `plain gradient descent (no momentum) diverges at or above it on the full batch; ${lr.convention}`,
    });
  rows.push(
    {
      key: 'optimal',
      label: 'Optimal step size 2/(λmin+λmax) for gradient descent',
      value: formatNumber(lr.optimal),
      hint: `Goh's optimal step for gradient descent on a quadratic (full batch); ${lr.convention}`,
    },
    {
      key: 'lecun',
      label: 'LeCun step size 1/λmax for gradient descent',
      value: formatNumber(lr.lecunOptimal),
      hint: `LeCun's optimal step (Efficient BackProp, section 5, full batch); ${lr.convention}`,
    },
  );
  if (run.divergence) rows.push({ key: 'divergence', label: 'Divergence', value: run.divergence.message });
  const blew = blowUp(a);
  if (blew) rows.push({ key: 'blowup', label: 'Blew up along', value: blew, hint: 'the eigen-direction of the Hessian whose error grows fastest per step' });
  return rows;
}

/** "w1 12 · w2 11" (at most four weights, then the total). */
/**
 * Sign reversals, split at convergence when the run converged: the ones on the way in are the
 * zig-zag; the ones after it are jitter around the optimum (the sentence says the same).
 */
function reversalsRow(run: Analysis['run'], names: readonly string[]): ReadoutRow {
  const before = run.reversalsBeforeConvergence ?? run.reversals;
  const after = run.reversals.map((r, i) => r - (before[i] ?? 0));
  const split = run.converged && run.convergedAt !== null && after.some((r) => r > 0);
  return split
    ? {
        key: 'reversals',
        label: 'Sign reversals',
        value: `${reversalsText(before, names)} before converging · ${reversalsText(after, names)} after`,
        hint: `how often each weight's update changed sign: on the way in (the zig-zag, counted), and after the first ${run.convergedAt} steps (jitter around the optimum)`,
      }
    : {
        key: 'reversals',
        label: 'Sign reversals',
        value: reversalsText(run.reversals, names),
        hint: "how often each weight's update changed sign (the zig-zag, counted)",
      };
}

function reversalsText(reversals: readonly number[] | undefined, names: readonly string[]): string {
  if (!reversals || reversals.length === 0) return '—';
  const shown = reversals.slice(0, 4).map((r, i) => `${names[i] ?? `w${i + 1}`} ${r}`);
  const rest = reversals.length > 4 ? ` … (${reversals.reduce((s, r) => s + r, 0)} in all)` : '';
  return shown.join(' · ') + rest;
}

/**
 * When the run diverged: the fastest-growing eigen-direction in plain words, e.g. "north-east
 * (λ = 1.49): ×6.46 per step, because η = 5 ≥ 2/λmax = 1.34". Null when the run did not diverge.
 */
export function blowUp(a: Analysis): string | null {
  const d = a.run.divergence;
  if (!d) return null;
  const worst = d.directions.reduce<(typeof d.directions)[number] | null>((m, x) => (m === null || x.factor > m.factor ? x : m), null);
  if (!worst) {
    const hb = d.batchCurvature;
    if (d.cause === 'mini-batch')
      return `no direction of the full-batch Hessian is unstable: mini-batch noise${typeof hb === 'number' && Number.isFinite(hb) ? ` (a batch's own curvature λmax(H_B) = ${formatNumber(hb)})` : ''}`;
    if (d.cause === 'adaptive') return 'no fixed step-size bound applies (adaptive optimizer): its per-coordinate steps grew';
    return 'no eigen-direction is unstable at the start: a nonlinear or adaptive blow-up';
  }
  const [i, j] = a.cone.axes;
  const dir = compass(worst.vector[i] ?? 0, worst.vector[j] ?? 0);
  const lr = a.learningRate;
  const why =
    lr.max !== null && lr.value >= lr.max ? `, because η = ${formatNumber(lr.value)} ≥ ${boundFormula(lr)} = ${formatNumber(lr.max)} (full batch)` : '';
  const line = dir === 'nowhere' ? 'a direction off this plane' : `${dir}–${compass(-(worst.vector[i] ?? 0), -(worst.vector[j] ?? 0))}`;
  return `${line} (λ = ${formatNumber(worst.eigenvalue)}): ×${formatNumber(worst.factor)} per step${why}`;
}

const COMPASS = ['east', 'north-east', 'north', 'north-west', 'west', 'south-west', 'south', 'south-east'];

/** Compass name of a plane direction (x east, y north). */
export function compass(dx: number, dy: number): string {
  if (!(Number.isFinite(dx) && Number.isFinite(dy)) || (dx === 0 && dy === 0)) return 'nowhere';
  const octant = Math.round(Math.atan2(dy, dx) / (Math.PI / 4));
  return COMPASS[(octant + 8) % 8];
}

/**
 * The quadrant a step heads into (x east, y north): "north-east", "south-west", … when both
 * components are non-zero, "east", "north", … when one is zero. The lesson is about signs, so a
 * sign-coherent step is always named north-east or south-west, however flat it is.
 */
export function quadrant(dx: number, dy: number): string {
  if (!(Number.isFinite(dx) && Number.isFinite(dy)) || (dx === 0 && dy === 0)) return 'nowhere';
  if (dx === 0) return dy > 0 ? 'north' : 'south';
  if (dy === 0) return dx > 0 ? 'east' : 'west';
  return `${dy > 0 ? 'north' : 'south'}-${dx > 0 ? 'east' : 'west'}`;
}

/**
 * One sentence on path entry k of the main path, for the caption under the plane: "Step k of N"
 * with k the entry's own step and N the steps the run took (RunResult.stepsRun), and the
 * direction of the update taken from there.
 */
export function stepSummary(a: Analysis, k: number, axes: readonly [number, number] = a.cone.axes): string {
  const path = a.run.path;
  if (path.length === 0) return 'No path.';
  const i = Math.min(Math.max(Math.round(Number.isFinite(k) ? k : 0), 0), path.length - 1);
  const p = pointAt(path, i);
  const total = Number.isFinite(a.run.stepsRun) ? a.run.stepsRun : path.step[path.length - 1];
  const head = `Step ${p.step} of ${total}: loss ${formatNumber(p.loss)}`;
  if (!p.update) return `${head}; end of the path.`;
  const dx = p.update[axes[0]];
  const dy = p.update[axes[1]];
  const coherent = p.signCoherent === null ? '' : p.signCoherent ? ', sign-coherent' : ', mixed signs';
  const angle = p.angleToOptimum === null || !Number.isFinite(p.angleToOptimum) ? '' : `, ${Math.round(p.angleToOptimum)}° off the straight way to the optimum`;
  const heads = quadrant(dx, dy);
  return `${head}; ${heads === 'nowhere' ? 'the next update does not move this plane' : `next update heads ${heads}`}${coherent}${angle}.`;
}
