/**
 * The readout beside the picture, as plain text rows (the panel shows them as a list; the CLI can
 * print them): convergence, zig-zag ratio, sign coherence, κ, the step-size bounds (their loss
 * convention, `learningRate.convention`, is shown beside them), and a one-line summary of any single step. Never "NaN": missing values read "—".
 */
import type { Analysis } from '../analysis/types';
import { formatNumber } from './geometry';

export interface ReadoutRow {
  /** Stable key, used as data-key in the panel. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** Longer explanation (a tooltip / accessible description). */
  readonly hint?: string;
}

function percent(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${Math.round(v * 100)} %`;
}

export function readoutRows(a: Analysis): ReadoutRow[] {
  const run = a.run;
  const lr = a.learningRate;
  const converge = run.convergedAt !== null && Number.isFinite(run.convergedAt)
    ? `${run.convergedAt}`
    : run.diverged
      ? `diverged${run.divergedAt !== null ? ` at step ${run.divergedAt}` : ''}`
      : `not within ${run.stepsRun}`;
  const kappa = a.hessian.conditionNumber;
  const rows: ReadoutRow[] = [
    { key: 'converge', label: 'Steps to converge', value: converge, hint: `distance to the optimum stays within ${formatNumber(run.tolerance)} × the initial distance` },
    { key: 'zigzag', label: 'Zig-zag ratio', value: formatNumber(run.zigzagRatio), hint: 'path length ÷ straight distance (1 = straight)' },
    { key: 'coherent', label: 'Sign-coherent updates', value: percent(run.signCoherentFraction), hint: 'updates whose weight components all share one sign' },
    { key: 'reversals', label: 'Sign reversals', value: reversalsText(run.reversals, a.hessian.parameters), hint: 'how often each weight\'s update changed sign (the zig-zag, counted)' },
    { key: 'kappa', label: 'Condition number κ', value: kappa === null ? '∞ (a flat direction)' : formatNumber(kappa), hint: 'λmax ÷ λmin of the Hessian' },
    { key: 'lr', label: 'Learning rate η', value: `${formatNumber(lr.value)}${lr.stable ? '' : ' (unstable)'}` },
    { key: 'max', label: 'Stability limit 2/λmax', value: formatNumber(lr.max), hint: `gradient descent diverges at or above it; ${lr.convention}` },
    { key: 'optimal', label: 'Optimal step 2/(λmin+λmax)', value: formatNumber(lr.optimal), hint: `Goh's optimal step for gradient descent on a quadratic; ${lr.convention}` },
    { key: 'lecun', label: 'LeCun step 1/λmax', value: formatNumber(lr.lecunOptimal), hint: `LeCun's optimal step (Efficient BackProp §5); ${lr.convention}` },
  ];
  if (run.divergence) rows.push({ key: 'divergence', label: 'Divergence', value: run.divergence.message });
  const blew = blowUp(a);
  if (blew) rows.push({ key: 'blowup', label: 'Blew up along', value: blew, hint: 'the eigen-direction of the Hessian whose error grows fastest per step' });
  return rows;
}

/** "w1 12 · w2 11" (at most four weights, then the total). */
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
  if (!worst) return 'no eigen-direction is unstable at the start: a nonlinear or adaptive blow-up';
  const [i, j] = a.cone.axes;
  const dir = compass(worst.vector[i] ?? 0, worst.vector[j] ?? 0);
  const lr = a.learningRate;
  const why = lr.max !== null && lr.value >= lr.max ? `, because η = ${formatNumber(lr.value)} ≥ 2/λmax = ${formatNumber(lr.max)}` : '';
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

/** One sentence on step k of the main path, for the live region. */
export function stepSummary(a: Analysis, k: number, axes: readonly [number, number] = a.cone.axes): string {
  const path = a.run.path;
  if (path.length === 0) return 'No path.';
  const i = Math.min(Math.max(Math.round(k), 0), path.length - 1);
  const p = path[i];
  const head = `Step ${i} of ${path.length - 1}: loss ${formatNumber(p.loss)}`;
  if (!p.update) return `${head}; end of the path.`;
  const dx = p.update[axes[0]];
  const dy = p.update[axes[1]];
  const coherent = p.signCoherent === null ? '' : p.signCoherent ? ', sign-coherent' : ', mixed signs';
  const angle = p.angleToOptimum === null || !Number.isFinite(p.angleToOptimum) ? '' : `, ${Math.round(p.angleToOptimum)}° off the straight way to the optimum`;
  return `${head}; next update heads ${compass(dx, dy)}${coherent}${angle}.`;
}
