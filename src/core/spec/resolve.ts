/**
 * Cross-statement rules and defaults: turns what the statements said (`Parsed`) into a `Spec`.
 *
 * Dimension n: the length of the first of w, w*, the explicit rows of x; otherwise 2. Every other
 * vector must agree with it. Samples P: the explicit rows, or `samples` (default 64) for
 * generated inputs. Labels: explicit y (exactly P of them) or the teacher w*, b*, never both.
 * Rules that depend on a statement whose value was invalid are skipped, so one mistake is
 * reported once rather than echoed by every rule downstream.
 */
import type { SourceRange } from '../diagnostics';
import { CODES } from './codes';
import { DEFAULTS, defaultTeacherW, defaultView, defaultW } from './defaults';
import type { State } from './statement';
import { LIMITS, type InputSource, type LabelSource, type Loss, type Spec, type StatementKey, type Variant } from './types';

/** Applies the cross-statement rules and defaults; undefined when any error was reported. */
export function resolve(state: State): Spec | undefined {
  const { parsed: p, ranges, failed, problems } = state;
  const valueRange = (k: StatementKey): SourceRange => ranges[k]?.value ?? { start: 0, end: 0 };
  const line = (k: StatementKey): number => state.lineOf(ranges[k]?.statement.start ?? 0);

  const hasBias = p.model?.hasBias ?? true;

  // Dimension n: the first of w, w*, explicit x rows.
  const explicitRows = p.x?.source.kind === 'explicit' ? p.x.source.rows : undefined;
  const sources: { key: StatementKey; label: string; length: number }[] = [];
  if (p.w) sources.push({ key: 'w', label: 'w', length: p.w.values.length });
  if (p.teacherW) sources.push({ key: 'teacherW', label: 'w*', length: p.teacherW.values.length });
  if (explicitRows && explicitRows.length > 0) {
    sources.push({ key: 'x', label: explicitRows.length === 1 && !p.x?.rows ? 'x' : 'each row of x', length: explicitRows[0].length });
  }
  const n = sources[0]?.length ?? DEFAULTS.dimension;
  const dimensionReliable = !failed.has('w') && !failed.has('teacherW') && !failed.has('x');
  if (sources.length > 0) {
    const def = sources[0];
    for (const s of sources.slice(1)) {
      if (s.length !== n) {
        problems.error(CODES.dimensionMismatch, valueRange(s.key), `${s.label} has ${plural(s.length, 'element')} but ${def.label} has ${n} (line ${line(def.key)}): expected ${n}, the dimension n.`);
      }
    }
    if (n > LIMITS.maxDimension) {
      problems.error(CODES.dimensionLimit, valueRange(def.key), `${def.label} has ${n} elements: the dimension n exceeds the limit of ${LIMITS.maxDimension}.`);
    }
  }

  // Samples P.
  let samples: number | undefined;
  if (explicitRows) {
    samples = explicitRows.length;
    if (p.samples !== undefined && p.samples !== samples) {
      problems.error(CODES.conflict, valueRange('samples'), `samples = ${p.samples} but x has ${plural(samples, 'row')} (line ${line('x')}): explicit inputs set the number of samples; remove 'samples' or make them agree.`);
    }
    if (samples > LIMITS.maxSamples) {
      problems.error(CODES.samplesLimit, valueRange('x'), `x has ${samples} rows: the number of samples exceeds the limit of ${LIMITS.maxSamples}.`);
    }
  } else if (!failed.has('x') && !failed.has('samples')) {
    samples = p.samples ?? DEFAULTS.samples;
  }
  if (samples !== undefined && n * samples > LIMITS.maxSampleValues && n <= LIMITS.maxDimension && samples <= LIMITS.maxSamples) {
    problems.error(CODES.sampleValuesLimit, valueRange(explicitRows ? 'x' : ranges.samples ? 'samples' : sources[0]?.key ?? 'x'), `samples × dimension = ${samples} × ${n} = ${samples * n} exceeds the limit of ${LIMITS.maxSampleValues} input values.`);
  }

  // Labels.
  const loss: Loss = p.loss ?? DEFAULTS.loss;
  let labels: LabelSource | undefined;
  if (ranges.y) {
    const teacherKey = ranges.teacherW ? 'teacherW' : ranges.teacherB ? 'teacherB' : undefined;
    if (teacherKey) {
      problems.error(CODES.conflict, ranges.y.name, `y gives explicit labels but ${teacherKey === 'teacherW' ? 'w*' : 'b*'} (line ${line(teacherKey)}) defines a teacher: expected one of the two.`);
    }
    if (p.y) {
      const count = p.y.values.length;
      if (samples !== undefined && count !== samples) {
        const from = explicitRows ? `x has ${plural(samples, 'row')}` : `samples = ${samples}`;
        problems.error(CODES.labelCount, valueRange('y'), `y has ${plural(count, 'label')} but ${from}: expected one label per sample.`);
      }
      if (loss === 'logistic') checkProbabilities(state, 'the logistic loss');
      labels = { kind: 'explicit', values: p.y.values };
    }
  } else {
    labels = { kind: 'teacher', w: p.teacherW?.values ?? defaultTeacherW(n), b: p.teacherB ?? DEFAULTS.teacherB };
  }

  // Start point and bias.
  if (ranges.b && !hasBias && !failed.has('model')) {
    problems.warning(CODES.unusedBias, ranges.b.statement, "b has no effect: the model 'f = w·x' has no bias (write 'f = w·x + b' to use one).");
  }
  const biasTrained = hasBias && !(p.b?.fixed ?? false);

  // Batch size against P.
  const batch = p.batch ?? DEFAULTS.batch;
  if (typeof batch === 'number' && samples !== undefined && batch > samples) {
    problems.error(CODES.outOfRange, valueRange('batch'), `batch = ${batch} is larger than the ${plural(samples, 'sample')}: expected 1 .. ${samples} or 'all'.`);
  }

  // View axes (1-based in the text, 0-based in the spec).
  let view = defaultView(n);
  if (p.view && dimensionReliable) {
    const [a, b] = p.view.axes;
    for (let k = 0; k < 2; k++) {
      const axis = p.view.axes[k];
      if (axis < 1 || axis > n) problems.error(CODES.badView, p.view.ranges[k], `Expected an axis w1 … w${n} (the dimension is ${n}), found w${axis}.`);
    }
    if (a === b && n >= 2 && a >= 1 && a <= n) problems.error(CODES.badView, p.view.ranges[1], `Expected two different axes, found w${a} twice.`);
    view = [a - 1, b - 1];
  }

  // Variants that need the whole spec.
  const compare: Variant[] = [];
  for (const d of p.compare ?? []) {
    const c = d.variant.changes;
    if (typeof c.batch === 'number' && samples !== undefined && c.batch > samples && d.batchRange) {
      problems.error(CODES.outOfRange, d.batchRange, `batch ${c.batch} is larger than the ${plural(samples, 'sample')}: expected 1 .. ${samples} or 'all'.`);
    }
    if (c.activation !== undefined && c.activation !== 'tanh' && explicitRows && d.activationRange) {
      problems.error(CODES.variantNotApplicable, d.activationRange, `'${c.activation}' swaps the activation of generated inputs, but x is explicit: expected 'tanh' (maps each input s to 2s − 1) or generated inputs 'x ~ …'.`);
    }
    if (c.loss === 'logistic' && loss !== 'logistic' && p.y) checkProbabilities(state, `the variant '${d.variant.name}'`);
    compare.push(d.variant);
  }

  if (problems.hasErrors || labels === undefined || samples === undefined) return undefined;
  const inputs: InputSource = p.x?.source ?? { kind: 'generated', distribution: DEFAULTS.distribution, activation: DEFAULTS.activation };
  return {
    hasBias,
    inputs,
    samples,
    seed: p.seed ?? DEFAULTS.seed,
    labels,
    w: p.w?.values ?? defaultW(n),
    b: hasBias ? (p.b?.value ?? DEFAULTS.b) : 0,
    biasTrained,
    loss,
    optimizer: p.optimizer ?? DEFAULTS.optimizer,
    lr: p.lr ?? DEFAULTS.lr,
    batch,
    shuffle: p.shuffle ?? DEFAULTS.shuffle,
    steps: p.steps ?? DEFAULTS.steps,
    preprocess: p.preprocess ?? DEFAULTS.preprocess,
    compare,
    view,
    ranges: state.ranges,
  };
}

/** Logistic loss reads labels as probabilities: each must lie in [0, 1]. Reports the first outlier. */
function checkProbabilities(state: State, why: string): void {
  const y = state.parsed.y;
  if (!y) return;
  for (let i = 0; i < y.values.length; i++) {
    const v = y.values[i];
    if (v < 0 || v > 1) {
      state.problems.error(CODES.labelOutOfRange, y.elements[i], `Label y${i + 1} = ${v}: ${why} expects labels in [0, 1] (probabilities of class 1).`);
      return;
    }
  }
}

function plural(k: number, noun: string): string {
  return `${k} ${noun}${k === 1 ? '' : 's'}`;
}
