/**
 * One plain-language sentence on what a run does and why, built from the analysis' facts, with
 * the explanation that fits the run:
 *
 *   per-sample steps (batch 1, SGD)  the sign constraint: every step lies in the cone ±cone{xₚ};
 *                                    an optimum outside it forces the zig-zag, inside it does not
 *                                    (the honest counterpoint, docs/science.md)
 *   mini-batches (SGD)               a batch leaves the cone when its δₚ have mixed signs (with the
 *                                    measured share of sign-coherent updates)
 *   full batch (SGD)                 not the cone: the zig-zag, if any, is the valley's conditioning
 *                                    κ with η near 2/λmax, each step overshooting the steepest
 *                                    direction when ηλmax > 1 (docs/science.md)
 *   any other optimizer              what it does to the update's direction (its module's effect)
 *   divergence                       the eigen-direction whose amplification factor exceeds 1
 *   a start whose loss is not finite the start or the inputs, not the learning rate
 *
 * Directions are compass names on the viewed plane (east = first axis, north = second axis). Counts
 * read "after N steps", never "at step N": on the panel "step N" is only ever the current step.
 */
import type { Optimizer } from '../spec/types';
import { compass } from './allowedCone';
import { optimizerDescriptor } from '../optimizers/registry';
import { optimizerName, stabilityBound } from './stability';
import type { AllowedCone, HessianInfo, InputStats, LearningRateInfo, RunResult, UnstableDirection } from './types';
import { entryAt } from './runPath';

/** What the sentence is built from. */
export interface SentenceFacts {
  readonly inputs: InputStats;
  readonly cone: AllowedCone;
  readonly run: RunResult;
  readonly learningRate: LearningRateInfo;
  readonly optimizer: Optimizer;
  /** θ* − θ₀ on the viewed axes, or null without an optimum. */
  readonly toOptimum: readonly [number, number] | null;
  /** Why there is no optimum (when toOptimum is null). */
  readonly noOptimumReason: string | null;
  readonly steps: number;
  /** Samples per step (1 … P) and the number of samples P; without them the run counts as per-sample. */
  readonly batch?: number;
  readonly samples?: number;
  /** The Hessian at the start (κ and λmax for the full-batch explanation). */
  readonly hessian?: HessianInfo;
}

/** Three significant digits, no exponent for ordinary sizes. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(2).replace('e+', 'e');
  return String(Number(x.toPrecision(3)));
}

const opposite = (c: string): string =>
  ({
    east: 'west',
    west: 'east',
    north: 'south',
    south: 'north',
    'north-east': 'south-west',
    'south-west': 'north-east',
    'north-west': 'south-east',
    'south-east': 'north-west',
  })[c] ?? c;

/** The sentence for a finite start whose loss is not finite: the start or the inputs, not η. */
function startNotFiniteSentence(f: SentenceFacts): string {
  const w = entryAt(f.run.path, 0)?.w ?? [];
  const wMax = w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const inputsOverflow = !f.inputs.secondMoment.every((row) => row.every((v) => Number.isFinite(v))) || !f.inputs.mean.every((v) => Number.isFinite(v));
  const culprit = inputsOverflow
    ? 'the inputs are too large for double precision (their squares overflow)'
    : `the starting weights (largest |wᵢ| = ${fmt(wMax)}) are too large for double precision with these inputs`;
  return `The loss at the start is not finite: ${culprit}, so no step was taken; scale down the start or the inputs (the learning rate is not the problem).`;
}

/** "the loss grows from 2.37 to 5.72e4" from the run's facts, or null when unknown. */
function growthText(f: SentenceFacts): string | null {
  const d = f.run.divergence;
  if (!d || d.startLoss === null) return null;
  return d.endLoss === null ? 'the loss overflows' : `the loss grows from ${fmt(d.startLoss)} to ${fmt(d.endLoss)}`;
}

function divergenceSentence(f: SentenceFacts): string {
  const run = f.run;
  const d = run.divergence;
  if (d?.cause === 'start' || (run.divergedAt === 0 && d?.reason === 'non-finite' && run.path.length > 0 && Number.isNaN(run.path.loss[0])))
    return startNotFiniteSentence(f);
  const at = run.divergedAt ?? run.stepsRun;
  const eta = fmt(f.learningRate.value);
  const lr = f.learningRate;
  const name = optimizerName(f.optimizer);
  const grew = growthText(f);
  const blowUp = `The run diverges after ${at} ${at === 1 ? 'step' : 'steps'}${grew ? `: ${grew}` : ''}`;
  const dirs = d?.directions ?? [];
  if (d?.cause === 'step-size' && dirs.length > 0) {
    const worst = dirs.reduce((a: UnstableDirection, b: UnstableDirection) => (b.factor > a.factor ? b : a));
    const [i, j] = f.cone.axes;
    const vx = worst.vector[i] ?? 0;
    const vy = i === j ? 0 : (worst.vector[j] ?? 0);
    const c = compass(vx, vy);
    const where = Math.hypot(vx, vy) > 0.1 ? ` (${c}–${opposite(c)} in the view)` : '';
    const bound = stabilityBound(f.optimizer);
    const against = lr.max !== null && lr.maxFormula ? ` above the full-batch bound of ${name}, ${lr.maxFormula} = ${fmt(lr.max)}` : '';
    const hl = fmt(lr.value * worst.eigenvalue);
    const rule = f.optimizer.kind === 'sgd' || !bound ? `|1 − ηλ| = ${fmt(worst.factor)} > 1 (ηλ = ${hl})` : `it needs ${bound.condition}, here ηλ = ${hl}`;
    return `${blowUp}. With η = ${eta}${against}, the eigen-direction with λ = ${fmt(worst.eigenvalue)}${where} is amplified ${fmt(worst.factor)}× per step: ${rule}.`;
  }
  if (d?.cause === 'mini-batch') {
    const B = f.batch ?? 1;
    const inside =
      lr.max !== null && lr.maxFormula
        ? `η = ${eta} is below the full-batch bound of ${name}, ${lr.maxFormula} = ${fmt(lr.max)}`
        : `η = ${eta} is inside the full-batch stability region of ${name}`;
    const top = d.batchCurvature;
    const bound = stabilityBound(f.optimizer);
    if (top !== null && bound && f.learningRate.value * top >= bound.limit) {
      return `${blowUp}. Here ${inside}, but every step follows a batch of ${B} samples with its own curvature: a batch reaches λmax = ${fmt(top)}, so ηλ = ${fmt(f.learningRate.value * top)} breaks ${bound.condition}. A smaller η or a larger batch fixes it.`;
    }
    const carried = f.optimizer.kind === 'sgd' ? '' : ' while momentum carries each step into the next';
    const curvature = top !== null ? ` (each batch alone would be stable: largest λmax ${fmt(top)}, ηλ = ${fmt(f.learningRate.value * top)})` : '';
    return `${blowUp}. Here ${inside}, but that bound is for the full batch, and every step follows a batch of ${B} samples${curvature}: switching between batches of different curvature${carried} makes the errors grow instead of averaging out. A smaller η or a larger batch fixes it.`;
  }
  if (d?.cause === 'adaptive') {
    return `${blowUp}. ${name} has no fixed step-size bound (it divides each coordinate by its running gradient size), and with η = ${eta} its steps overshoot; try a smaller learning rate.`;
  }
  return `${blowUp}. No direction of the starting Hessian is unstable for η = ${eta}, so the growth comes from curvature that changes along the path; try a smaller learning rate.`;
}

/** "3.9× the straight distance" (two decimals below 2, so 1.19 does not read as 1.2). */
const ratioText = (r: number): string => `${r.toFixed(r < 2 ? 2 : 1)}× the straight distance`;

/** A share 0..1 as a percentage with two significant digits ("100 %", "38 %", "0.3 %"). */
export function percent(v: number): string {
  return `${Number((v * 100).toPrecision(2))} %`;
}

/** "38 % of the updates were sign-coherent", or null when no update moved the weights. */
function shareText(run: RunResult): string | null {
  if (run.zigzagRatio === null) return null;
  return `${percent(run.signCoherentFraction)} of the updates were sign-coherent`;
}

/** What the path does: "zig-zags (…)", "is nearly straight (…)" or, with `neutral`, "is 1.5× the straight distance". */
function pathVerb(run: RunResult, neutral = false): string {
  const r = run.zigzagRatio;
  if (r === null) return 'does not move';
  if (r < 1.2) return `is nearly straight (${ratioText(r)})`;
  return neutral ? `is ${ratioText(r)}` : `zig-zags (${ratioText(r)})`;
}

function convergenceClause(f: SentenceFacts): string {
  if (f.run.converged && f.run.convergedAt !== null) return `converges after ${f.run.convergedAt} ${f.run.convergedAt === 1 ? 'step' : 'steps'}`;
  return `has not converged after ${f.run.stepsRun} steps`;
}

/** The optimizer's own effect on the update (its module's teaching clause), or null for plain gradient descent. */
function optimizerEffect(o: Optimizer): { name: string; effect: string; leaves: boolean } | null {
  const e = optimizerDescriptor(o).effect(o);
  return e && { name: optimizerName(o), effect: e.effect, leaves: e.leaves };
}

/** Below this |1 − ηλmax| (with 1 − ηλmax < 0) the steepest direction settles at once: no zig-zag to speak of. */
const OVERSHOOT = 0.1;

/**
 * Full batch: the path's shape comes from the valley (κ) and the step size against 2/λmax. When
 * ηλmax > 1 the component along the steepest direction changes sign every step (factor 1 − ηλmax < 0).
 */
function conditioningClause(f: SentenceFacts): string {
  const run = f.run;
  const conv = convergenceClause(f);
  const r = run.zigzagRatio;
  const h = f.hessian;
  const lmax = h?.eigenvalues[0];
  const eta = f.learningRate.value;
  if (r === null || !h || lmax === undefined || !(lmax > 0)) return `; the path ${pathVerb(run)} and ${conv}`;
  const lmin = h.eigenvalues[h.eigenvalues.length - 1];
  const kappa = h.conditionNumber !== null ? `κ = ${fmt(h.conditionNumber)}` : lmin < -1e-12 * lmax ? 'H indefinite at the start' : 'κ = ∞';
  const max = 2 / lmax;
  const against = `η = ${fmt(eta)} is ${percent(eta / max)} of 2/λmax = ${fmt(max)}`;
  if (r < 1.2) return `; the path is nearly straight (${ratioText(r)}; ${kappa}, ${against}) and ${conv}`;
  const factor = 1 - eta * lmax;
  if (factor < -OVERSHOOT) {
    return `; the zig-zag (${ratioText(r)}) comes from the valley, not the cone: ${kappa}, and ${against}, so each step overshoots along the steepest direction (1 − ηλmax = ${fmt(factor)}); the run ${conv}`;
  }
  const how =
    factor >= 0
      ? `without overshooting, since η = ${fmt(eta)} is at most 1/λmax = ${fmt(1 / lmax)}`
      : `with little overshoot, since η = ${fmt(eta)} is close to 1/λmax = ${fmt(1 / lmax)} (1 − ηλmax = ${fmt(factor)})`;
  return `; the path bends (${ratioText(r)}) along a narrow valley (${kappa}) ${how}; the run ${conv}`;
}

/** The explanation after "the optimum lies to the …[, inside/outside that cone]". */
function explanation(f: SentenceFacts, coneLimited: boolean, inside: boolean): string {
  const run = f.run;
  const conv = convergenceClause(f);
  const share = shareText(run);
  const shared = share ? ` (${share})` : '';
  const tail = `${conv}${shared}`;
  const B = f.batch ?? 1;
  const P = f.samples ?? B;
  const opt = optimizerEffect(f.optimizer);
  if (B >= P && B > 1) {
    // Full batch: the cone does not bind the mean gradient (said in the lead); the conditioning,
    // or the optimizer's own effect, shapes the path.
    return opt ? `; with ${opt.name} the path ${pathVerb(run, true)} and ${tail}` : conditioningClause(f);
  }
  if (opt) {
    if (coneLimited && !inside) return `, ${opt.leaves ? 'but' : 'and'} ${opt.name} ${opt.effect}${shared}; the path ${pathVerb(run, true)} and ${conv}`;
    if (coneLimited) return `, so the sign constraint forces no zig-zag; with ${opt.name} the path ${pathVerb(run, true)} and ${tail}`;
    return `; with ${opt.name} the path ${pathVerb(run, true)} and ${tail}`;
  }
  if (B <= 1) {
    // Per-sample steps: the sign constraint is the story.
    const r = run.zigzagRatio;
    if (r === null) return `; the path does not move and ${conv}`;
    if (coneLimited && !inside)
      return r >= 1.2 ? `, so the path zig-zags (${ratioText(r)}) and ${conv}` : `, yet the path stays nearly straight (${ratioText(r)}) and ${conv}`;
    if (coneLimited) {
      return r < 1.2
        ? `, so there is no need to zig-zag: the path is nearly straight (${ratioText(r)}) and ${conv}`
        : `, so the sign constraint forces no zig-zag, but the path still wanders (${ratioText(r)}) from the noise of single samples, and it ${conv}`;
    }
    return r < 1.2
      ? `; the path is nearly straight (${ratioText(r)}) and ${conv}`
      : `; each step follows one sample, so the path wanders (${ratioText(r)}) and ${conv}`;
  }
  if (B < P) {
    // Mini-batches: the mean of δₚxₚ leaves the cone only when the batch's δₚ have mixed signs.
    if (coneLimited && !inside) {
      const leaves =
        run.zigzagRatio !== null && run.signCoherentFraction >= 0.995
          ? `; a batch of ${B} samples could leave it only when its δₚ have mixed signs, and here ${share}`
          : `, but a batch of ${B} samples whose δₚ have mixed signs can leave it${shared}`;
      return `${leaves}; the path ${pathVerb(run)} and ${conv}`;
    }
    if (coneLimited) return `, so the sign constraint forces no zig-zag; with batches of ${B} samples the path ${pathVerb(run)} and ${tail}`;
    return `; with batches of ${B} samples the path ${pathVerb(run)} and ${tail}`;
  }
  return conditioningClause(f);
}

/**
 * " Its sign reversals after the first 20 steps (94 · 94) are jitter around the optimum, not a zig-zag." when
 * a nearly straight run converged and its reversals come after converging; else "".
 */
function jitterNote(run: RunResult): string {
  if (!run.converged || run.convergedAt === null || run.zigzagRatio === null || run.zigzagRatio >= 1.2) return '';
  const after = run.reversals.map((r, i) => r - (run.reversalsBeforeConvergence?.[i] ?? 0));
  if (Math.max(...after) < 3) return '';
  return ` Its sign reversals after the first ${run.convergedAt} steps (${after.join(' · ')}) are jitter around the optimum, not a zig-zag.`;
}

/** The sentence for one analysed run. */
export function describeRun(f: SentenceFacts): string {
  if (f.run.diverged) return divergenceSentence(f);
  const cone = f.cone;
  const mid = cone.edges.length === 2 ? [cone.edges[0][0] + cone.edges[1][0], cone.edges[0][1] + cone.edges[1][1]] : [1, 0];
  const c1 = compass(mid[0], mid[1]);
  const c2 = opposite(c1);
  const coneLimited = cone.kind === 'sector' || cone.kind === 'line';
  const B = f.batch ?? 1;
  const P = f.samples ?? B;
  const fullBatch = B >= P && B > 1;
  // Only batch-1 gradient descent updates along one sample; otherwise the cone holds the per-sample gradients.
  const perSample = B <= 1 && f.optimizer.kind === 'sgd' ? 'every update' : 'every per-sample gradient δₚxₚ';
  let constraint: string;
  if (coneLimited && fullBatch) {
    const lead = f.inputs.allPositive
      ? 'All inputs are positive'
      : f.inputs.allNonNegative
        ? 'All inputs are non-negative'
        : cone.kind === 'line'
          ? 'The viewed inputs all lie on one line'
          : 'The viewed inputs lie in a cone';
    const share = shareText(f.run);
    constraint = `${lead}, so each per-sample gradient δₚxₚ points ${c1} or ${c2}, but every step here averages all ${P} of them, so the cone does not bind the steps${share ? ` (${share})` : ''}`;
  } else if (coneLimited) {
    const lead = f.inputs.allPositive
      ? 'All inputs are positive'
      : f.inputs.allNonNegative
        ? 'All inputs are non-negative'
        : cone.kind === 'line'
          ? 'The viewed inputs all lie on one line'
          : `The viewed inputs span a ${Math.round(cone.openingDegrees)}° cone`;
    constraint = `${lead}, so ${perSample} points ${c1} or ${c2}`;
  } else if (cone.kind === 'plane') {
    constraint = 'The inputs take both signs, so per-sample updates can point in any direction';
  } else {
    constraint = 'The viewed inputs are all zero, so per-sample updates leave these weights alone';
  }
  if (!f.toOptimum) {
    const why = f.noOptimumReason ?? 'there is no finite optimum';
    return `${constraint}; ${why}, so the run has no point to converge to, and the path ${pathVerb(f.run, true)}.`;
  }
  const [dx, dy] = f.toOptimum;
  const here = !(Math.hypot(dx, dy) > 0);
  if (here) return `${constraint}; the start is already optimal in the viewed plane, and the run ${convergenceClause(f)}.`;
  const where = compass(dx, dy);
  const inside = cone.optimumInside === true;
  const location =
    coneLimited && !fullBatch ? `the optimum lies to the ${where}, ${inside ? 'inside' : 'outside'} that cone` : `the optimum lies to the ${where}`;
  return `${constraint}; ${location}${explanation(f, coneLimited && !fullBatch, inside)}.${jitterNote(f.run)}`;
}
