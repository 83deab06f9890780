/**
 * One interactive figure in a notebook output: the title, the analysis' sentence, the key
 * numbers, the weight plane with its path and cone (the panel's PlaneView over the shared scene),
 * a step slider with play/pause, and the spec. A spec that cannot be drawn shows its located
 * problems instead. Everything is built as DOM nodes with text content (never innerHTML), so text
 * from the notebook can never become markup.
 */
import { analyzeSpec } from '../core/analysis/analyze';
import type { Analysis } from '../core/analysis/types';
import { locatedProblems } from '../core/figures';
import { buildScene, plotAspect, stepSummary } from '../core/scene';
import { parseSpec } from '../core/spec/parse';
import type { NotebookFigure, RendererMessage } from '../shared/notebookMime';
import { button, h } from '../webview/dom';
import { KeyNumbersView } from '../webview/keyNumbersView';
import { PlaneView } from '../webview/planeView';

const WIDTH = 480;
const HEIGHT = 420;
/** Playing takes at most about this many frames, whatever the path's length. */
const PLAY_FRAMES = 200;
const FRAME_MS = 50;
const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/** What the figure reports after drawing (see RendererMessage 'rendered'). */
export type FigureReport = Omit<Extract<RendererMessage, { type: 'rendered' }>, 'type' | 'outputId'>;

export class FigureView {
  readonly element = h('section', { className: 'gg-nb', testid: 'gg-nb-figure' });
  private plane: PlaneView | null = null;
  private analysis: Analysis | null = null;
  private slider: HTMLInputElement | null = null;
  private stepText: HTMLElement | null = null;
  private playButton: HTMLButtonElement | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private reportValue: FigureReport;

  /**
   * @param idPrefix unique per output (SVG ids such as the clip path must not clash in one notebook)
   * @param onOpenInPanel shown as a button when the extension can open the spec in its panel
   */
  constructor(
    private readonly figure: NotebookFigure,
    private readonly idPrefix: string,
    private readonly onChange: () => void,
    onOpenInPanel?: () => void,
  ) {
    const title = figure.title?.trim() || 'neuron spec';
    this.element.setAttribute('aria-label', `Gradient Geometry: ${title}`);
    this.element.append(h('h3', { className: 'gg-nb-title', text: `Gradient Geometry: ${title}` }));
    this.reportValue = { title, pathPoints: 0, conePolygons: 0, step: 0, lastStep: 0, sentence: '', problems: [] };
    this.draw(title);
    const actions = h('div', { className: 'gg-nb-controls' });
    if (onOpenInPanel) {
      const open = button(
        'Open in panel',
        'gg-nb-open',
        'Open this spec in the Gradient Geometry panel (every control, compare variants, exports)',
        'gg-nb-secondary',
      );
      open.addEventListener('click', onOpenInPanel);
      actions.append(open);
    }
    const source = h('details', { className: 'gg-nb-source' }, h('summary', { text: 'spec' }), h('pre', { text: figure.spec }));
    this.element.append(source);
    if (actions.childElementCount > 0) this.element.append(actions);
  }

  get report(): FigureReport {
    return this.reportValue;
  }

  private draw(title: string): void {
    const parsed = parseSpec(this.figure.spec);
    if (!parsed.spec) {
      this.showProblems(locatedProblems(this.figure.spec, parsed.diagnostics), title);
      return;
    }
    let analysis: Analysis;
    try {
      analysis = analyzeSpec(parsed.spec);
    } catch (e) {
      this.showProblems([`Could not draw this spec: ${e instanceof Error ? e.message : String(e)}`], title);
      return;
    }
    this.analysis = analysis;
    const last = Math.max(0, analysis.run.path.length - 1);
    const keys = new KeyNumbersView();
    keys.show(analysis);
    const planeHost = h('div', { className: 'gg-nb-plane', testid: 'gg-nb-plane' });
    const caption = h('p', { className: 'gg-nb-sentence', testid: 'gg-nb-sentence', text: analysis.sentence });
    this.element.append(caption, keys.element, planeHost, this.controls(last));
    const options = { aspect: plotAspect(WIDTH, HEIGHT) };
    this.plane = new PlaneView(planeHost, { width: WIDTH, height: HEIGHT, idPrefix: this.idPrefix });
    this.plane.mount(buildScene(analysis, options), analysis, options);
    const svg = this.plane.element;
    svg?.setAttribute('role', 'img');
    svg?.setAttribute('aria-label', `Weight plane: loss contours, the allowed cone and the path. ${analysis.sentence}`);
    this.reportValue = { ...this.reportValue, pathPoints: analysis.run.path.length, lastStep: last, sentence: analysis.sentence };
    this.showStep(Math.min(this.figure.step ?? last, last));
  }

  private controls(last: number): HTMLElement {
    const play = button('Play', 'gg-nb-play', 'Play the run from the current step (Pause stops it)');
    play.setAttribute('aria-pressed', 'false');
    play.addEventListener('click', () => (this.timer === undefined ? this.play() : this.pause()));
    const slider = h('input', { testid: 'gg-nb-step', attrs: { type: 'range', min: '0', max: String(last), step: '1', 'aria-label': 'Step' } });
    // The notebook binds some of these keys itself (and would take the focus away): the slider's keys stay with the slider.
    slider.addEventListener('keydown', (e) => {
      if (SLIDER_KEYS.has(e.key)) e.stopPropagation();
    });
    slider.addEventListener('input', () => {
      this.pause();
      this.showStep(Number(slider.value));
    });
    const stepText = h('output', { className: 'gg-nb-step', testid: 'gg-nb-step-text', attrs: { 'aria-live': 'polite' } });
    this.slider = slider;
    this.stepText = stepText;
    this.playButton = play;
    return h('div', { className: 'gg-nb-controls' }, play, slider, stepText);
  }

  /** Moves the picture to path entry `k`. */
  showStep(k: number): void {
    const a = this.analysis;
    if (!a || !this.plane || !this.slider || !this.stepText) return;
    const last = a.run.path.length - 1;
    const step = Math.min(Math.max(0, Math.round(k)), Math.max(0, last));
    this.plane.show(step);
    this.slider.value = String(step);
    const summary = stepSummary(a, step);
    this.slider.setAttribute('aria-valuetext', summary);
    this.stepText.textContent = this.timer === undefined ? summary : `Step ${a.run.path.length > 0 ? a.run.path.step[step] : step} of ${a.run.stepsRun}`;
    const cones = this.plane.element?.querySelectorAll('.gg-cone-fill').length ?? 0;
    this.reportValue = { ...this.reportValue, step, conePolygons: cones };
    this.onChange();
  }

  private play(): void {
    const a = this.analysis;
    if (!a || !this.slider || !this.playButton) return;
    const last = a.run.path.length - 1;
    if (Number(this.slider.value) >= last) this.showStep(0);
    const stride = Math.max(1, Math.ceil(last / PLAY_FRAMES));
    // Silent while playing (20 updates a second); pausing announces where the run stopped.
    this.stepText?.setAttribute('aria-live', 'off');
    this.playButton.textContent = 'Pause';
    this.playButton.setAttribute('aria-pressed', 'true');
    this.timer = setInterval(() => {
      const next = Number(this.slider?.value ?? last) + stride;
      if (next >= last) {
        this.pause();
        this.showStep(last);
      } else this.showStep(next);
    }, FRAME_MS);
  }

  pause(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.playButton) {
      this.playButton.textContent = 'Play';
      this.playButton.setAttribute('aria-pressed', 'false');
    }
    const a = this.analysis;
    this.stepText?.setAttribute('aria-live', 'polite');
    if (a && this.stepText && this.slider) this.stepText.textContent = stepSummary(a, Number(this.slider.value));
  }

  private showProblems(problems: readonly string[], title: string): void {
    const box = h(
      'div',
      { className: 'gg-nb-error', testid: 'gg-nb-error', attrs: { role: 'alert' } },
      h('p', { text: 'This neuron spec has errors:' }),
      h('pre', { testid: 'gg-nb-problems', text: problems.join('\n') }),
    );
    this.element.append(box);
    this.reportValue = { ...this.reportValue, title, problems: [...problems] };
  }

  dispose(): void {
    this.pause();
  }
}
