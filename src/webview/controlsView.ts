/**
 * The controls that change the run: learning rate (a log-scale slider marked at the optimizer's own
 * full-batch bound, at plain gradient descent's 2/λmax when different, and at the optimal step,
 * with "snap to optimal"; adaptive optimizers have no bound), the optimizer's own parameters (β, β₁,
 * β₂, ρ: paramSliders.ts, each with its stability mark), batch size, optimizer and preprocessing —
 * the optimizer and preprocessing lists from their registries. A change goes to
 * the panel at once as an override (the picture follows immediately); "Write to spec" sends the
 * overrides to the host, which edits the document.
 */
import { noBoundWhy } from '../core/network/wording';
import type { Analysis } from '../core/analysis/types';
import { learningRateScale, SLIDER_STEPS, formatNumber, type LearningRateScale } from '../core/scene';
import { defaultOptimizer, OPTIMIZER_KINDS } from '../core/optimizers/registry';
import { PREPROCESS_LIST } from '../core/registry/preprocessings';
import type { Optimizer, Preprocess, Spec } from '../core/spec/types';
import { optimizerText } from '../shared/specEdits';
import { button, h, select, setUnavailable } from './dom';
import { hasOverrides, type Overrides } from './liveModel';
import { ParamSliders } from './paramSliders';

export interface ControlsListener {
  onOverrides(change: Overrides): void;
  onWrite(): void;
  onDiscard(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Every registered optimizer at its defaults, in registry order. */
const OPTIMIZERS: readonly Optimizer[] = OPTIMIZER_KINDS.map(defaultOptimizer);

export class ControlsView {
  readonly element: HTMLElement;
  private readonly lr = h('input', {
    className: 'gg-lr',
    testid: 'gg-lr',
    attrs: { type: 'range', min: '0', max: String(SLIDER_STEPS), step: '1', 'aria-label': 'Learning rate η (log scale)', list: 'gg-lr-ticks' },
  });
  private readonly lrTicks = h('datalist', { attrs: { id: 'gg-lr-ticks' } });
  private readonly lrValue = h('output', { className: 'gg-lr-value', testid: 'gg-lr-value' });
  /** The run's optimizer's own full-batch bound, or "no fixed step-size bound (adaptive)". */
  private readonly lrBound = h('p', { className: 'gg-lr-bound gg-note', testid: 'gg-lr-bound' });
  private readonly marks = document.createElementNS(SVG_NS, 'svg');
  private readonly snap = button(
    'Snap to optimal',
    'gg-snap',
    "Set η to Goh's optimal step for full-batch gradient descent, 2/(λmin+λmax)",
    'gg-button gg-secondary',
  );
  private readonly batch = select('gg-batch', 'Batch size', []);
  private readonly optimizer = select('gg-optimizer', 'Optimizer', []);
  private readonly preprocess = select(
    'gg-preprocess',
    'Preprocessing',
    PREPROCESS_LIST.map((p) => [p.kind, p.kind]),
  );
  private readonly write = button('Write to spec', 'gg-write', 'Write these values into the .neuron file (one undoable edit)');
  private readonly discard = button('Discard changes', 'gg-discard', 'Back to the values in the spec', 'gg-button gg-secondary');
  private readonly note = h('p', { className: 'gg-note', testid: 'gg-controls-note' });
  private scale: LearningRateScale | null = null;
  /** What the scale was made from: it changes only when these do, never with η itself. */
  private scaleKey = '';
  private optimizers: Optimizer[] = [...OPTIMIZERS];
  /** β, β₁, β₂, ρ … of the run's optimizer, each with its stability mark. */
  private readonly params = new ParamSliders((optimizer) => this.listener.onOverrides({ optimizer }));

  constructor(private readonly listener: ControlsListener) {
    this.marks.setAttribute('class', 'gg-lr-marks');
    this.marks.setAttribute('data-testid', 'gg-lr-marks');
    this.marks.setAttribute('width', '100%');
    this.marks.setAttribute('height', '3em');
    this.marks.setAttribute('aria-hidden', 'true');
    const field = (text: string, control: HTMLElement): HTMLLabelElement =>
      h('label', { className: 'gg-field' }, h('span', { className: 'gg-field-name', text }), control);
    this.element = h(
      'section',
      { className: 'gg-controls-panel', testid: 'gg-controls', attrs: { 'aria-label': 'Run settings' } },
      h('div', { className: 'gg-lr-row' }, h('label', { className: 'gg-field-name', text: 'Learning rate η', attrs: { for: 'gg-lr-input' } }), this.lrValue),
      h('div', { className: 'gg-lr-track' }, this.lr, this.lrTicks, this.marks),
      this.lrBound,
      this.params.element,
      h('div', { className: 'gg-row-buttons' }, this.snap),
      h('div', { className: 'gg-fields' }, field('Batch size', this.batch), field('Optimizer', this.optimizer), field('Preprocessing', this.preprocess)),
      h('div', { className: 'gg-row-buttons' }, this.write, this.discard),
      this.note,
    );
    this.lr.id = 'gg-lr-input';
    this.lr.addEventListener('input', () => {
      if (this.scale) this.listener.onOverrides({ lr: this.scale.fromPosition(Number(this.lr.value)) });
    });
    this.snap.addEventListener('click', () => {
      const optimal = this.snapValue;
      if (optimal !== null) this.listener.onOverrides({ lr: optimal });
    });
    this.batch.addEventListener('change', () => this.listener.onOverrides({ batch: this.batch.value === 'all' ? 'all' : Number(this.batch.value) }));
    this.optimizer.addEventListener('change', () => this.listener.onOverrides({ optimizer: this.optimizers[Number(this.optimizer.value)] }));
    this.preprocess.addEventListener('change', () => this.listener.onOverrides({ preprocess: this.preprocess.value as Preprocess }));
    this.write.addEventListener('click', () => this.listener.onWrite());
    this.discard.addEventListener('click', () => this.listener.onDiscard());
  }

  private snapValue: number | null = null;

  /** Every control of the view, for `setUnavailable`. */
  private get controls(): (HTMLButtonElement | HTMLInputElement | HTMLSelectElement)[] {
    return [this.lr, ...this.params.inputs, this.snap, this.batch, this.optimizer, this.preprocess, this.write, this.discard];
  }

  /** No analysis to act on (yet): every control disabled, and why. */
  setUnavailable(reason: string): void {
    for (const c of this.controls) setUnavailable(c, reason);
    this.note.textContent = reason;
  }

  /**
   * Shows the values of `spec` with `overrides` applied, and the bounds of `analysis`. The slider's
   * scale comes from the curvature (2/λmax, the optimal step) and `specRate`, the spec's own η, so
   * moving η (dragging, snapping) never moves the scale or its marks.
   */
  update(spec: Spec | null, analysis: Analysis, overrides: Overrides, writable: boolean, specRate: number): void {
    for (const c of this.controls) setUnavailable(c, null);
    const lr = analysis.learningRate;
    // Nine digits: the panel's own re-analysis may differ from the host's in the last bits.
    const key = JSON.stringify(
      [lr.max, lr.gradientDescentMax ?? null, lr.optimal, specRate]
        .map((v) => (v === null ? null : v.toPrecision(9)))
        .concat(lr.convention, lr.maxFormula ?? ''),
    );
    if (!this.scale || key !== this.scaleKey) {
      this.scale = learningRateScale(lr, specRate);
      this.scaleKey = key;
      this.drawMarks(this.scale, lr.convention);
    }
    // Leave the thumb where the user holds it when it already stands for this η.
    if (this.scale.fromPosition(Number(this.lr.value)) !== lr.value) this.lr.value = String(this.scale.toPosition(lr.value));
    this.lr.setAttribute('aria-valuetext', `η = ${formatNumber(lr.value)}`);
    this.lrValue.textContent = `η = ${formatNumber(lr.value)}${lr.stable === false ? ' (unstable)' : ''}`;
    this.lrValue.classList.toggle('gg-unstable', lr.stable === false);
    this.lrBound.textContent =
      lr.max !== null && Number.isFinite(lr.max)
        ? `Full-batch bound for this optimizer: η < ${lr.maxFormula ?? '2/λmax'} = ${formatNumber(lr.max)}${lr.stable === false ? ' (η is not below it)' : ''}.`
        : lr.stable === null
          ? `No fixed step-size bound (${noBoundWhy(lr.maxReason)}).`
          : `No full-batch bound: ${lr.maxReason ?? 'no positive curvature'}.`;
    this.snapValue = lr.optimal !== null && lr.optimal > 0 ? Number(lr.optimal.toPrecision(4)) : null;

    const dirty = hasOverrides(overrides);
    if (spec) {
      this.fillBatch(spec.samples, overrides.batch ?? spec.batch);
      const optimizer = overrides.optimizer ?? spec.optimizer;
      this.fillOptimizer(optimizer);
      this.params.update(optimizer, lr.value, analysis.hessian.eigenvalues[0] ?? null);
      this.preprocess.value = overrides.preprocess ?? spec.preprocess;
      for (const c of [this.lr, ...this.params.inputs, this.batch, this.optimizer, this.preprocess]) c.disabled = false;
      this.snap.disabled = this.snapValue === null;
      this.write.disabled = !dirty || !writable;
    } else {
      for (const c of [this.lr, ...this.params.inputs, this.snap, this.batch, this.optimizer, this.preprocess, this.write])
        setUnavailable(c, 'The host sent no spec: the controls are read-only.');
    }
    this.discard.disabled = !dirty;
    this.note.textContent = !spec
      ? 'The host sent no spec: the controls are read-only.'
      : dirty
        ? writable
          ? 'Changed here, not yet in the spec.'
          : 'Changed here. This picture has no file to write to (open a .neuron file).'
        : '';
  }

  private drawMarks(scale: LearningRateScale, convention: string): void {
    const nodes: Element[] = [];
    this.lrTicks.replaceChildren(...scale.marks.map((m) => h('option', { attrs: { value: String(m.position), label: m.label } })));
    scale.marks.forEach((m, k) => {
      const x = `${((m.position / SLIDER_STEPS) * 100).toFixed(2)}%`;
      const g = document.createElementNS(SVG_NS, 'g');
      g.setAttribute('class', `gg-lr-mark gg-lr-mark-${m.key}`);
      g.setAttribute('data-key', m.key);
      g.setAttribute('data-value', String(m.value));
      g.setAttribute('data-position', String(m.position));
      const line = document.createElementNS(SVG_NS, 'line');
      for (const [a, v] of [
        ['x1', x],
        ['x2', x],
        ['y1', '0'],
        ['y2', '1em'],
      ])
        line.setAttribute(a, v);
      // In em of the marks' font size (media/panel.css: larger in presenter mode), a row per mark.
      const text = document.createElementNS(SVG_NS, 'text');
      text.setAttribute('x', x);
      text.setAttribute('y', `${2 + k}em`);
      text.setAttribute('text-anchor', m.position > SLIDER_STEPS * 0.7 ? 'end' : m.position < SLIDER_STEPS * 0.3 ? 'start' : 'middle');
      text.textContent = m.label;
      const title = document.createElementNS(SVG_NS, 'title');
      title.textContent = m.hint;
      g.append(title, line, text);
      nodes.push(g);
    });
    this.marks.replaceChildren(...nodes);
    this.marks.setAttribute('height', `${1.4 + scale.marks.length}em`);
    this.marks.setAttribute('data-min', String(scale.min));
    this.marks.setAttribute('data-max', String(scale.max));
    this.lr.title = `Log scale from ${formatNumber(scale.min)} to ${formatNumber(scale.max)}. Bounds assume ${convention}`;
  }

  private fillBatch(samples: number, value: number | 'all'): void {
    const sizes = new Set<number>([1]);
    for (let b = 2; b < samples; b *= 2) sizes.add(b);
    if (typeof value === 'number') sizes.add(value);
    const options = [...sizes]
      .filter((b) => b <= samples)
      .sort((a, b) => a - b)
      .map((b): [string, string] => [String(b), b === 1 ? '1 sample' : String(b)]);
    options.push(['all', `all (${samples})`]);
    if (this.batch.options.length !== options.length || [...this.batch.options].some((o, k) => o.value !== options[k][0])) {
      this.batch.replaceChildren(...options.map(([v, t]) => h('option', { text: t, attrs: { value: v } })));
    }
    this.batch.value = String(value);
  }

  private fillOptimizer(current: Optimizer): void {
    const text = optimizerText(current);
    this.optimizers = OPTIMIZERS.some((o) => optimizerText(o) === text) ? [...OPTIMIZERS] : [...OPTIMIZERS, current];
    const labels = this.optimizers.map((o) => optimizerText(o));
    if (this.optimizer.options.length !== labels.length || [...this.optimizer.options].some((o, k) => o.textContent !== labels[k])) {
      this.optimizer.replaceChildren(...labels.map((t, k) => h('option', { text: t, attrs: { value: String(k) } })));
    }
    this.optimizer.value = String(labels.indexOf(text));
  }
}
