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
import { LIMITS, type InputRow, type InputSource, type LabelSource, type Loss, type Spec, type StatementKey, type Variant } from './types';
import { networkShape, networkSpec } from './network';
import { plural } from './suggest';
import { checkWork } from './workLimits';

/**
 * The tanh variant of written-out inputs reads each input s as a sigmoid output σ(z) and draws
 * tanh(z) = tanh(logit(s)) (analysis/variants.ts); that needs every s in (0, 1). Reports the first
 * input outside, at the variant's `tanh`.
 */
function checkSigmoidOutputs(state: State, rows: readonly InputRow[], at: SourceRange): void {
  for (let p = 0; p < rows.length; p++) {
    const i = rows[p].findIndex((s) => !(s > 0 && s < 1));
    if (i >= 0) {
      state.problems.error(
        CODES.variantNotApplicable,
        at,
        `The tanh variant of written-out inputs needs sigmoid outputs in (0, 1): it reads each input s as σ(z) and draws tanh(z) = tanh(logit(s)), but row ${p + 1} of x has ${rows[p][i]} at position ${i + 1}. Expected every input strictly between 0 and 1, or generated inputs 'x ~ …'.`,
      );
      return;
    }
  }
}

/** A statement's value range and line, for messages that point at it or name it. */
const valueRange = (state: State, k: StatementKey): SourceRange => state.ranges[k]?.value ?? { start: 0, end: 0 };
const lineOf = (state: State, k: StatementKey): number => state.lineOf(state.ranges[k]?.statement.start ?? 0);

/** The dimension n and where it comes from (see the module's comment), and the hidden layer's shape. */
interface Dimension {
  readonly n: number;
  /** The inputs' dimension: n, or the network's d (x's rows set d when a hidden layer reads them). */
  readonly inputDimension: number;
  readonly sources: readonly { key: StatementKey; label: string; length: number }[];
  readonly explicitRows: readonly InputRow[] | undefined;
  readonly net: ReturnType<typeof networkShape>;
  /** No statement the dimension depends on failed (a failed one would echo in every rule). */
  readonly reliable: boolean;
}

/** Dimension n: the first of w, w*, explicit x rows; with a hidden layer, H (x's rows set d). Every other vector must agree. */
function resolveDimension(state: State): Dimension {
  const { parsed: p, ranges, failed, problems } = state;
  const explicitRows = p.x?.source.kind === 'explicit' ? p.x.source.rows : undefined;
  const modelReads = failed.has('model') || !p.model ? undefined : p.model.hidden ? 'h' : 'x';
  const net = networkShape({
    parsed: p,
    ranges,
    failed,
    problems,
    model: modelReads,
    explicitWidth: explicitRows && explicitRows.length > 0 ? explicitRows[0].length : undefined,
    explicitMax: explicitRows && ranges.hiddenW ? maxAbs(explicitRows) : undefined,
    lineOf: state.lineOf,
  });
  const sources: { key: StatementKey; label: string; length: number }[] = [];
  if (net) sources.push({ key: net.hKey ?? 'hiddenLayer', label: net.hKey ? net.hLabel.replace(/ has .*| = .*/, '') : 'the hidden layer', length: net.H });
  if (p.w) sources.push({ key: 'w', label: 'w', length: p.w.values.length });
  if (p.teacherW) sources.push({ key: 'teacherW', label: 'w*', length: p.teacherW.values.length });
  if (p.shift) sources.push({ key: 'shift', label: 's', length: p.shift.values.length });
  if (explicitRows && explicitRows.length > 0 && !net) {
    sources.push({ key: 'x', label: explicitRows.length === 1 && !p.x?.rows ? 'x' : 'each row of x', length: explicitRows[0].length });
  }
  const n = sources[0]?.length ?? DEFAULTS.dimension;
  if (sources.length > 0) {
    const def = sources[0];
    for (const s of sources.slice(1)) {
      if (s.length !== n) {
        problems.error(
          CODES.dimensionMismatch,
          valueRange(state, s.key),
          `${s.label} has ${plural(s.length, 'element')} but ${def.label} has ${n} (line ${lineOf(state, def.key)}): expected ${n}, the dimension n.`,
        );
      }
    }
    if (n > LIMITS.maxDimension) {
      problems.error(
        CODES.dimensionLimit,
        valueRange(state, def.key),
        `${def.label} has ${n} elements: the dimension n exceeds the limit of ${LIMITS.maxDimension}.`,
      );
    }
  }
  const reliable = !failed.has('w') && !failed.has('teacherW') && !failed.has('x');
  return { n, inputDimension: net ? net.d : n, sources, explicitRows, net, reliable };
}

/** Samples P: the explicit rows, or `samples` (default 64) for generated inputs; undefined when it cannot be known. */
function resolveSamples(state: State, dim: Dimension): number | undefined {
  const { parsed: p, ranges, failed, problems } = state;
  const { explicitRows, inputDimension, sources } = dim;
  let samples: number | undefined;
  if (explicitRows) {
    samples = explicitRows.length;
    if (p.samples !== undefined && p.samples !== samples) {
      problems.error(
        CODES.conflict,
        valueRange(state, 'samples'),
        `samples = ${p.samples} but x has ${plural(samples, 'row')} (line ${lineOf(state, 'x')}): explicit inputs set the number of samples; remove 'samples' or make them agree.`,
      );
    }
    if (samples > LIMITS.maxSamples) {
      problems.error(CODES.samplesLimit, valueRange(state, 'x'), `x has ${samples} rows: the number of samples exceeds the limit of ${LIMITS.maxSamples}.`);
    }
  } else if (!failed.has('x') && !failed.has('samples')) {
    samples = p.samples ?? DEFAULTS.samples;
  }
  if (samples !== undefined && inputDimension * samples > LIMITS.maxSampleValues && inputDimension <= LIMITS.maxDimension && samples <= LIMITS.maxSamples) {
    problems.error(
      CODES.sampleValuesLimit,
      valueRange(state, explicitRows ? 'x' : ranges.samples ? 'samples' : (sources[0]?.key ?? 'x')),
      `samples × dimension = ${samples} × ${inputDimension} = ${samples * inputDimension} exceeds the limit of ${LIMITS.maxSampleValues} input values.`,
    );
  }
  return samples;
}

/** Labels: explicit y (exactly P of them) or the teacher w*, b*, never both; undefined when y failed. */
function resolveLabels(state: State, n: number, samples: number | undefined, explicit: boolean, loss: Loss): LabelSource | undefined {
  const { parsed: p, ranges, problems } = state;
  if (!ranges.y) return { kind: 'teacher', w: p.teacherW?.values ?? defaultTeacherW(n), b: p.teacherB ?? DEFAULTS.teacherB };
  const teacherKey = ranges.teacherW ? 'teacherW' : ranges.teacherB ? 'teacherB' : undefined;
  if (teacherKey) {
    problems.error(
      CODES.conflict,
      ranges.y.name,
      `y gives explicit labels but ${teacherKey === 'teacherW' ? 'w*' : 'b*'} (line ${lineOf(state, teacherKey)}) defines a teacher: expected one of the two.`,
    );
  }
  if (!p.y) return undefined;
  const count = p.y.values.length;
  if (samples !== undefined && count !== samples) {
    const from = explicit ? `x has ${plural(samples, 'row')}` : `samples = ${samples}`;
    problems.error(CODES.labelCount, valueRange(state, 'y'), `y has ${plural(count, 'label')} but ${from}: expected one label per sample.`);
  }
  if (loss === 'logistic') checkProbabilities(state, 'the logistic loss');
  return { kind: 'explicit', values: p.y.values };
}

/** Warnings on b and s that the model does not use. */
function checkUnusedParameters(state: State, hasBias: boolean, shift: boolean): void {
  const { ranges, failed, problems } = state;
  if (ranges.b && !hasBias && !failed.has('model')) {
    problems.warning(CODES.unusedBias, ranges.b.statement, "b has no effect: the model 'f = w·x' has no bias (write 'f = w·x + b' to use one).");
  }
  if (ranges.shift && !shift && !failed.has('model')) {
    problems.warning(CODES.unusedShift, ranges.shift.statement, "s has no effect: the model has no shift (write 'f = w·(x + s) + b' to train one).");
  }
}

/** View axes (1-based in the text, 0-based in the spec). */
function resolveView(state: State, n: number, reliable: boolean): [number, number] {
  const { parsed: p, problems } = state;
  if (!p.view || !reliable) return defaultView(n);
  const [a, b] = p.view.axes;
  for (let k = 0; k < 2; k++) {
    const axis = p.view.axes[k];
    if (axis < 1 || axis > n) problems.error(CODES.badView, p.view.ranges[k], `Expected an axis w1 … w${n} (the dimension is ${n}), found w${axis}.`);
  }
  if (a === b && n >= 2 && a >= 1 && a <= n) problems.error(CODES.badView, p.view.ranges[1], `Expected two different axes, found w${a} twice.`);
  return [a - 1, b - 1];
}

/** The `compare` variants, checked against what needs the whole spec (P, explicit inputs, labels, the hidden layer). */
function resolveCompare(state: State, dim: Dimension, samples: number | undefined, loss: Loss): Variant[] {
  const { parsed: p, problems } = state;
  const { explicitRows, net } = dim;
  const compare: Variant[] = [];
  for (const d of p.compare ?? []) {
    const c = d.variant.changes;
    if (typeof c.batch === 'number' && samples !== undefined && c.batch > samples && d.batchRange) {
      problems.error(CODES.outOfRange, d.batchRange, `batch ${c.batch} is larger than the ${plural(samples, 'sample')}: expected 1 .. ${samples} or 'all'.`);
    }
    if (c.activation !== undefined && c.activation !== 'tanh' && explicitRows && d.activationRange) {
      problems.error(
        CODES.variantNotApplicable,
        d.activationRange,
        `'${c.activation}' swaps the activation of generated inputs, but x is explicit: expected 'tanh' (maps each sigmoid output s to tanh(logit(s))) or generated inputs 'x ~ …'.`,
      );
    }
    if (c.activation === 'tanh' && explicitRows && d.activationRange) checkSigmoidOutputs(state, explicitRows, d.activationRange);
    if (c.loss === 'logistic' && loss !== 'logistic' && p.y) checkProbabilities(state, `the variant '${d.variant.name}'`);
    if (c.hiddenActivation !== undefined && !net)
      problems.error(
        CODES.variantNotApplicable,
        d.variant.range,
        `'hidden ${c.hiddenActivation}' swaps the hidden layer's activation, but this spec has no hidden layer: expected 'h = sigmoid(W·x + c)' and 'f = w·h + b'.`,
      );
    if (net && c.preprocess !== undefined && c.preprocess !== 'none' && c.preprocess !== 'batchnorm')
      problems.error(
        CODES.networkNotSupported,
        d.variant.range,
        `In a network spec preprocessing acts between the layers, on h, and only 'batchnorm' (or 'none') is available there; found '${c.preprocess}'.`,
      );
    compare.push(d.variant);
  }
  return compare;
}

/** Applies the cross-statement rules and defaults; undefined when any error was reported. */
export function resolve(state: State): Spec | undefined {
  const { parsed: p, problems } = state;
  const hasBias = p.model?.hasBias ?? true;
  const shift = p.model?.shift ?? false;
  const dim = resolveDimension(state);
  const { n, net, explicitRows } = dim;
  const samples = resolveSamples(state, dim);
  if (net) checkNetworkSettings(state);
  const loss: Loss = p.loss ?? DEFAULTS.loss;
  const labels = resolveLabels(state, n, samples, explicitRows !== undefined, loss);
  checkUnusedParameters(state, hasBias, shift);
  const biasTrained = hasBias && !(p.b?.fixed ?? false);
  // Batch size against P.
  const batch = p.batch ?? DEFAULTS.batch;
  if (typeof batch === 'number' && samples !== undefined && batch > samples) {
    problems.error(
      CODES.outOfRange,
      valueRange(state, 'batch'),
      `batch = ${batch} is larger than the ${plural(samples, 'sample')}: expected 1 .. ${samples} or 'all'.`,
    );
  }
  const view = resolveView(state, n, dim.reliable);
  const compare = resolveCompare(state, dim, samples, loss);
  if (!problems.hasErrors && labels !== undefined && samples !== undefined) {
    checkWork(state, {
      n,
      P: samples,
      biasTrained,
      shift,
      loss,
      batch,
      shuffle: p.shuffle ?? DEFAULTS.shuffle,
      network: net && p.hiddenLayer ? { d: net.d, trainAll: (p.train ?? 'all') === 'all', hiddenBias: p.hiddenLayer.hiddenBias } : undefined,
      steps: p.steps ?? state.defaultSteps,
      preprocess: p.preprocess ?? DEFAULTS.preprocess,
      compare,
      dimensionKey: dim.sources[0]?.key,
      explicit: explicitRows !== undefined,
    });
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
    steps: p.steps ?? state.defaultSteps,
    preprocess: p.preprocess ?? DEFAULTS.preprocess,
    compare,
    view,
    shift,
    s: shift && p.shift ? p.shift.values : new Array<number>(n).fill(0),
    predict: p.predict ?? 'none',
    lock: p.lock ?? [],
    hide: p.hide ?? [],
    ranges: state.ranges,
    ...(net ? { network: networkSpec(p, net, p.seed ?? DEFAULTS.seed) } : {}),
  };
}

/**
 * Settings a network spec does not support (GG226): a trained shift, and preprocessings other
 * than batch norm (which acts between the layers, on h).
 */
function checkNetworkSettings(state: State): void {
  const { parsed: p, ranges, problems } = state;
  if (p.model?.shift && ranges.model)
    problems.error(
      CODES.networkNotSupported,
      ranges.model.value,
      "A network's neuron reads h: expected 'f = w·h + b' (a trained shift w·(x + s) is for a single neuron).",
    );
  const pre = p.preprocess;
  if (pre !== undefined && pre !== 'none' && pre !== 'batchnorm' && ranges.preprocess) {
    problems.error(
      CODES.networkNotSupported,
      ranges.preprocess.value,
      `In a network spec preprocessing acts between the layers, on h, and only 'batchnorm' (or 'none') is available there; found '${pre}'.`,
    );
  }
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

/** The largest |x| of written-out rows (read only when a network writes W). */
function maxAbs(rows: readonly ArrayLike<number>[]): number {
  let m = 0;
  for (const r of rows) for (let i = 0; i < r.length; i++) m = Math.max(m, Math.abs(r[i]));
  return m;
}
