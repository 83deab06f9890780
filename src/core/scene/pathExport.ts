/**
 * The path as data files: CSV (one row per recorded step) and JSON (the same rows with the run's
 * summary). Columns: step, the weights w1 … wn, b, the full-data loss, the batch gradient over θ,
 * the update over θ (empty on the last row), sign coherence and the angle to the optimum.
 */
import { pathPoints } from '../analysis/runPath';
import type { Analysis } from '../analysis/types';

function cell(v: number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return Number.isFinite(v) ? String(v) : '';
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The path of `analysis` as CSV with a header row (RFC 4180 quoting, "\n" line ends). */
export function pathCsv(analysis: Analysis): string {
  const params = analysis.hessian?.parameters ?? [];
  const n = analysis.dimension;
  const weights = Array.from({ length: n }, (_, i) => params[i] ?? `w${i + 1}`);
  const q = analysis.run.path.length > 0 ? analysis.run.path.q : n;
  const thetaNames = Array.from({ length: q }, (_, i) => params[i] ?? (i < n ? `w${i + 1}` : 'b'));
  const header = [
    'step',
    ...weights,
    'b',
    'loss',
    ...thetaNames.map((t) => `grad_${t}`),
    ...thetaNames.map((t) => `update_${t}`),
    'sign_coherent',
    'angle_to_optimum_deg',
  ];
  const lines = [header.map(quote).join(',')];
  for (const p of pathPoints(analysis.run.path)) {
    const row = [
      cell(p.step),
      ...weights.map((_, i) => cell(p.w[i])),
      cell(p.b),
      cell(p.loss),
      ...thetaNames.map((_, i) => cell(p.gradient[i])),
      ...thetaNames.map((_, i) => cell(p.update ? p.update[i] : null)),
      cell(p.signCoherent),
      cell(p.angleToOptimum),
    ];
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

/** The path with the run's summary as pretty-printed JSON. */
export function pathJson(analysis: Analysis): string {
  const run = analysis.run;
  const summary = {
    name: analysis.name,
    parameters: analysis.hessian?.parameters ?? [],
    learningRate: analysis.learningRate?.value ?? null,
    convention: analysis.learningRate?.convention ?? null,
    optimum: analysis.optimum ? { w: analysis.optimum.w, b: analysis.optimum.b, loss: analysis.optimum.loss } : null,
    stepsRun: run.stepsRun,
    convergedAt: run.convergedAt,
    divergedAt: run.divergedAt,
    zigzagRatio: run.zigzagRatio,
    signCoherentFraction: run.signCoherentFraction,
    reversals: run.reversals,
    path: pathPoints(run.path).map((p) => ({
      step: p.step,
      w: p.w,
      b: p.b,
      loss: p.loss,
      gradient: p.gradient,
      update: p.update,
      signCoherent: p.signCoherent,
      angleToOptimum: p.angleToOptimum,
    })),
  };
  return JSON.stringify(summary, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
