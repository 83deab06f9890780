/**
 * The panel's view: the weight plane (drawn from the shared scene), the readout, the error banner,
 * the play/step/reset controls and the live summary. One seam with the math: `render()` builds the
 * scene of the current analysis at the current step and redraws.
 */
import type { Analysis } from '../core/analysis/types';
import { buildScene, plotAspect, readoutRows, sceneToSvgTree, stepSummary } from '../core/scene';
import type { HostMessage, PanelError } from '../shared/protocol';
import { createSvg } from './renderTree';
import type { ViewState } from './state';
import type { Host } from './vscodeApi';

type AnalysisMessage = Extract<HostMessage, { type: 'analysis' }>;
type ErrorsMessage = Extract<HostMessage, { type: 'specErrors' }>;

/** Drawing size in SVG user units (the element scales to the panel with CSS). */
const WIDTH = 640;
const HEIGHT = 600;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; testid?: string; text?: string; attrs?: Record<string, string> } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.testid) el.dataset.testid = props.testid;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

export interface PanelEnvironment {
  /** Whether the user asked for reduced motion (OS setting or VS Code's body class). */
  readonly reducedMotion: () => boolean;
  readonly requestFrame: (cb: (t: number) => void) => number;
  readonly cancelFrame: (id: number) => void;
}

export class Panel {
  private state: ViewState;
  private analysis: Analysis | null = null;
  private lastVersion = -Infinity;
  private stepsPerSecond = 20;
  private frame: number | null = null;
  private lastTime: number | null = null;
  private carry = 0;
  private firstError: PanelError | null = null;

  private readonly title = h('h1', { className: 'gg-title', testid: 'gg-title', text: 'Gradient Geometry' });
  private readonly play = h('button', { className: 'gg-button', testid: 'gg-play', text: 'Play', attrs: { type: 'button', 'aria-pressed': 'false', title: 'Play the path from the start' } });
  private readonly stepButton = h('button', { className: 'gg-button', testid: 'gg-step', text: 'Step', attrs: { type: 'button', title: 'One step forward' } });
  private readonly reset = h('button', { className: 'gg-button', testid: 'gg-reset', text: 'Reset', attrs: { type: 'button', title: 'Back to the start' } });
  private readonly position = h('span', { className: 'gg-position', testid: 'gg-position', attrs: { 'aria-hidden': 'true' } });
  private readonly eigenToggle = h('input', { testid: 'gg-toggle-eigen', attrs: { type: 'checkbox' } });
  private readonly variantsToggle = h('input', { testid: 'gg-toggle-variants', attrs: { type: 'checkbox' } });
  private readonly errorText = h('span', { className: 'gg-error-text', testid: 'gg-error-text' });
  private readonly reveal = h('button', { className: 'gg-link', testid: 'gg-reveal', text: 'Show in editor', attrs: { type: 'button' } });
  private readonly error = h('div', { className: 'gg-error', testid: 'gg-error', attrs: { role: 'alert' } }, this.errorText, this.reveal);
  private readonly placeholder = h('p', { className: 'gg-placeholder', text: 'Waiting for the analysis…' });
  private readonly figure = h('figure', { className: 'gg-figure', testid: 'gg-figure' }, this.placeholder);
  private readonly sentence = h('p', { className: 'gg-sentence', testid: 'gg-sentence' });
  private readonly list = h('dl', { className: 'gg-list' });
  private readonly convention = h('p', { className: 'gg-convention', testid: 'gg-convention' });
  private readonly readout = h('section', { className: 'gg-readout', testid: 'gg-readout', attrs: { 'aria-label': 'Readout' } }, this.sentence, this.list, this.convention);
  private readonly live = h('p', { className: 'gg-live', testid: 'gg-live', attrs: { 'aria-live': 'polite', role: 'status' } });

  constructor(
    root: HTMLElement,
    private readonly host: Host,
    saved: ViewState,
    private readonly env: PanelEnvironment,
  ) {
    this.state = saved;
    this.error.hidden = true;
    this.eigenToggle.checked = saved.showEigen;
    this.variantsToggle.checked = saved.showVariants;
    const label = (input: HTMLInputElement, text: string): HTMLLabelElement => h('label', { className: 'gg-toggle' }, input, document.createTextNode(` ${text}`));
    const toolbar = h(
      'div',
      { className: 'gg-controls', attrs: { role: 'toolbar', 'aria-label': 'Path animation' } },
      this.play,
      this.stepButton,
      this.reset,
      this.position,
      label(this.eigenToggle, 'Valley axes'),
      label(this.variantsToggle, 'Variants'),
    );
    root.replaceChildren(h('header', { className: 'gg-header' }, this.title, toolbar), this.error, h('div', { className: 'gg-body' }, h('div', { className: 'gg-stage' }, this.figure, this.live), this.readout));
    this.setControlsEnabled(false);

    this.play.addEventListener('click', () => (this.frame === null ? this.startPlaying() : this.pause(true)));
    this.stepButton.addEventListener('click', () => {
      this.pause(false);
      this.goTo(this.currentStep() + 1, true);
    });
    this.reset.addEventListener('click', () => {
      this.pause(false);
      this.goTo(0, true);
    });
    this.eigenToggle.addEventListener('change', () => this.update({ showEigen: this.eigenToggle.checked }));
    this.variantsToggle.addEventListener('change', () => this.update({ showVariants: this.variantsToggle.checked }));
    this.reveal.addEventListener('click', () => {
      if (this.firstError) this.host.post({ type: 'revealError', line: this.firstError.line, column: this.firstError.column });
    });
  }

  showAnalysis(msg: AnalysisMessage): void {
    if (!this.accept(msg)) return;
    this.analysis = msg.analysis;
    this.firstError = null;
    this.error.hidden = true;
    this.figure.classList.remove('gg-stale');
    this.title.textContent = msg.source;
    this.setControlsEnabled(true);
    this.fillReadout(msg.analysis);
    this.update({ documentUri: msg.documentUri, source: msg.source });
    this.announce();
    if (this.state.playing && this.frame === null) this.startPlaying();
  }

  showErrors(msg: ErrorsMessage): void {
    if (!this.accept(msg)) return;
    const first = msg.errors[0] ?? null;
    this.firstError = first;
    this.title.textContent = msg.source;
    this.error.hidden = first === null;
    if (first) this.errorText.textContent = `${msg.source}:${first.line}:${first.column}: ${first.message} (${first.code})${msg.errors.length > 1 ? ` and ${msg.errors.length - 1} more` : ''}. The picture shows the last valid spec.`;
    this.figure.classList.toggle('gg-stale', first !== null && this.analysis !== null);
    this.update({ documentUri: msg.documentUri, source: msg.source });
  }

  applySettings(stepsPerSecond: number): void {
    if (Number.isFinite(stepsPerSecond) && stepsPerSecond > 0) this.stepsPerSecond = Math.min(stepsPerSecond, 1000);
  }

  /** Messages of an older version of the same document lose. */
  private accept(msg: AnalysisMessage | ErrorsMessage): boolean {
    if (msg.documentUri !== this.state.documentUri || msg.source !== this.state.source) this.lastVersion = -Infinity;
    if (msg.version < this.lastVersion) return false;
    this.lastVersion = msg.version;
    return true;
  }

  private lastIndex(): number {
    return Math.max(0, (this.analysis?.run.path.length ?? 1) - 1);
  }

  private currentStep(): number {
    const step = this.state.step;
    return step === null ? this.lastIndex() : Math.min(step, this.lastIndex());
  }

  private goTo(step: number, announce: boolean): void {
    const k = Math.min(Math.max(step, 0), this.lastIndex());
    this.update({ step: k === this.lastIndex() && this.frame === null ? null : k });
    if (announce) this.announce();
  }

  private startPlaying(): void {
    if (!this.analysis) return;
    if (this.env.reducedMotion()) {
      // No animation: show the final state at once.
      this.update({ step: null, playing: false });
      this.announce();
      return;
    }
    if (this.currentStep() >= this.lastIndex()) this.update({ step: 0 });
    this.lastTime = null;
    this.carry = 0;
    this.update({ playing: true, step: this.currentStep() });
    this.setPlayButton(true);
    this.frame = this.env.requestFrame(this.tick);
  }

  private readonly tick = (time: number): void => {
    this.frame = null;
    if (!this.state.playing) return;
    if (this.lastTime !== null) this.carry += ((time - this.lastTime) / 1000) * this.stepsPerSecond;
    this.lastTime = time;
    const advance = Math.floor(this.carry);
    if (advance > 0) {
      this.carry -= advance;
      const next = Math.min(this.currentStep() + advance, this.lastIndex());
      this.update({ step: next });
      if (next >= this.lastIndex()) {
        this.pause(true);
        return;
      }
    }
    this.frame = this.env.requestFrame(this.tick);
  };

  private pause(announce: boolean): void {
    if (this.frame !== null) this.env.cancelFrame(this.frame);
    this.frame = null;
    this.setPlayButton(false);
    if (this.state.playing) this.update({ playing: false });
    if (announce) this.announce();
  }

  private setPlayButton(playing: boolean): void {
    this.play.textContent = playing ? 'Pause' : 'Play';
    this.play.setAttribute('aria-pressed', String(playing));
  }

  private setControlsEnabled(enabled: boolean): void {
    for (const b of [this.play, this.stepButton, this.reset]) b.disabled = !enabled;
  }

  /** Changes the state, saves it, and redraws. */
  private update(change: Partial<ViewState>): void {
    this.state = { ...this.state, ...change };
    this.host.saveState(this.state);
    this.render();
  }

  private render(): void {
    const a = this.analysis;
    if (!a) return;
    const step = this.currentStep();
    const scene = buildScene(a, { step, aspect: plotAspect(WIDTH, HEIGHT), eigen: this.state.showEigen, variants: this.state.showVariants });
    const svg = createSvg(sceneToSvgTree(scene, { width: WIDTH, height: HEIGHT }));
    const old = this.figure.querySelector('svg');
    if (old) old.replaceWith(svg);
    else this.figure.replaceChildren(svg);
    this.position.textContent = `step ${step} / ${this.lastIndex()}`;
    this.stepButton.disabled = step >= this.lastIndex();
  }

  private announce(): void {
    if (this.analysis) this.live.textContent = stepSummary(this.analysis, this.currentStep());
  }

  private fillReadout(a: Analysis): void {
    this.sentence.textContent = a.sentence;
    const items: Node[] = [];
    for (const row of readoutRows(a)) {
      const dt = h('dt', { text: row.label });
      const dd = h('dd', { text: row.value, attrs: { 'data-key': row.key } });
      if (row.hint) dd.title = row.hint;
      items.push(h('div', { className: 'gg-row', attrs: { 'data-key': row.key } }, dt, dd));
    }
    this.list.replaceChildren(...items);
    this.convention.textContent = `Step sizes assume: ${a.learningRate.convention}`;
  }
}
