/**
 * The panel's view: the weight plane with its overlays, the timeline, the charts, the controls,
 * the readout and the exports. One seam with the math: `rebuild()` turns the current analysis (the
 * host's, or the core's on the spec with the panel's overrides) into a scene and mounts it;
 * `showStep()` moves only the parts that depend on the step, once per animation frame.
 */
import type { Analysis } from '../core/analysis/types';
import { buildScene, mainRunName, type SceneOptions } from '../core/scene';
import type { StatementKey, Spec } from '../core/spec/types';
import { MAX_ANIMATION_STEPS_PER_SECOND, type HostMessage, type PanelError } from '../shared/protocol';
import { AnalysisViews } from './analysisViews';
import { ControlsView } from './controlsView';
import { button, h, setUnavailable } from './dom';
import { ExportControls, type ExportSource } from './exportControls';
import { attachKeyboard } from './keyboard';
import { layOutPanel } from './panelLayout';
import { Navigation } from './navigation';
import { LiveModel, type Overrides } from './liveModel';
import { OverlayToggles } from './overlayToggles';
import { carryOverrides, withOverrides, writeRequest } from './pendingOverrides';
import { attachPlaneInput } from './planeInput';
import { PlaneViewport } from './planeViewport';
import { CompareTable, ownCoordinates } from './compareTable';
import { applyLocks, PredictView, teachingClasses } from './teachingView';
import type { ViewState } from './state';
import { Timeline, type TimelineEnvironment } from './timeline';
import { PlaneTooltip } from './tooltip';
import { StepCaption } from './stepCaption';
import { compareLayout, sceneOptions, type CompareLayout } from './sceneChoice';
import type { Host } from './vscodeApi';
import { PLANE_HEIGHT, PLANE_WIDTH, ScreenFit } from './screenFit';

type AnalysisMessage = Extract<HostMessage, { type: 'analysis' }>;
type ErrorsMessage = Extract<HostMessage, { type: 'specErrors' }>;

const WIDTH = PLANE_WIDTH;
const HEIGHT = PLANE_HEIGHT;

export type PanelEnvironment = TimelineEnvironment;

export class Panel {
  private state: ViewState;
  private readonly live = new LiveModel();
  private analysis: Analysis | null = null;
  private spec: Spec | null = null;
  private lines: Partial<Record<StatementKey, number>> = {};
  private writable = false;
  private version = 0;
  private lastVersion = -Infinity;
  private settingsSpeed = 20;
  private firstError: PanelError | null = null;
  /** The spec's own η (not an override): with the curvature, it fixes the learning-rate slider's scale. */
  private specRate = 0;

  private readonly title = h('h1', { className: 'gg-title', testid: 'gg-title', text: 'Gradient Geometry' });
  private readonly timeline: Timeline;
  private readonly errorText = h('span', { className: 'gg-error-text', testid: 'gg-error-text' });
  private readonly reveal = button('Show in editor', 'gg-reveal', 'Reveal the error in the editor', 'gg-link');
  private readonly error = h('div', { className: 'gg-error', testid: 'gg-error', attrs: { role: 'alert' } }, this.errorText, this.reveal);
  /** The plane, the side-by-side planes, the charts, the readout, the key numbers and the network strip (analysisViews.ts). */
  private readonly views = new AnalysisViews({
    zoomedGrid: (a, zoom) => this.live.zoomedGrid(a, this.state.overrides, zoom),
    planeMounted: (svg) => this.nav.decorate(svg),
    planeMoved: () => this.tooltip.draw(...this.tooltipParts()),
  });
  /** Zoom, pan and drags on the main plane (planeViewport.ts). */
  private readonly viewport = new PlaneViewport({
    state: () => this.state,
    setState: (state) => this.save(state),
    rebuild: () => this.rebuild(),
    plane: () => this.views.plane,
    spec: () => this.spec,
    version: () => this.version,
    dropped: () => {
      if (this.writable) this.writeBack();
    },
  });
  /** The caption under the plane and the screen reader's announcement of the step (stepCaption.ts). */
  private readonly stepCaption = new StepCaption();
  private readonly compareTable = new CompareTable((mode) => this.chooseLayout(mode));
  /** The user picked the compare layout in this panel: no automatic side by side any more. */
  private layoutChosen = false;
  private readonly controls: ControlsView;
  private readonly toggles: OverlayToggles;
  private readonly status = h('p', { className: 'gg-status', testid: 'gg-status', attrs: { 'aria-live': 'polite' } });
  private readonly exports = new ExportControls(
    { picture: () => this.exportPicture(), post: (m) => this.host.post(m), status: (ok, m) => this.showResult(ok, m) },
    { width: WIDTH, height: HEIGHT },
  );
  private readonly tooltip = new PlaneTooltip();
  /** Picture ↔ spec lines: clicks and Enter reveal a statement; the editor's cursor highlights a part. */
  private readonly nav: Navigation;
  /** Teaching (teachingView.ts): the predict-then-reveal box, presenter mode, the step on screen. */
  private readonly predict = new PredictView(() => this.showStep(this.timeline.step));
  private presenter = false;
  private shown = 0;
  /** Sizes the plane to one screen and keeps its labels readable (screenFit.ts). */
  private readonly screenFit: ScreenFit;

  constructor(
    root: HTMLElement,
    private readonly host: Host,
    saved: ViewState,
    env: PanelEnvironment,
  ) {
    this.state = saved;
    this.error.hidden = true;
    this.timeline = new Timeline(env, {
      onStep: (k, announce) => {
        // Predict-then-reveal: no step past an open question.
        const stop = this.predictStop(this.shown, k);
        if (stop !== null) {
          this.timeline.goTo(stop, true);
          this.predict.focus();
          return;
        }
        // Playing pauses at an open question.
        if (this.timeline.isPlaying && this.predict.enabled && this.predict.hides(k)) this.timeline.pause(false);
        this.save({ step: k });
        this.showStep(k);
        if (announce) this.announce();
      },
      onPlaying: (playing) => this.save({ playing, step: this.timeline.step }),
      onSpeed: (speed) => this.save({ speed }),
    });
    if (saved.speed !== null) this.timeline.setSpeed(saved.speed);
    this.controls = new ControlsView({
      onOverrides: (change) => this.setOverrides({ ...this.state.overrides, ...change }),
      onWrite: () => this.writeBack(),
      onDiscard: () => this.setOverrides({}),
    });
    this.toggles = new OverlayToggles(
      saved,
      (key, on) => this.save({ [key]: on }, true),
      (mode) => this.chooseLayout(mode),
    );
    const t = this.timeline;
    const layout = layOutPanel(root, {
      title: this.title,
      toolbar: [t.play, t.back, t.forward, t.reset, t.position, t.speed],
      scrub: t.scrub,
      error: this.error,
      figure: this.views.figure,
      multiples: this.views.multiples.element,
      caption: this.stepCaption.caption,
      sentence: this.views.readout.sentence,
      keyNumbers: this.views.keys.element,
      predict: this.predict.element,
      controls: this.controls.element,
      network: this.views.network.element,
      compareTable: this.compareTable.element,
      liveRegion: this.stepCaption.liveRegion,
      charts: this.views.charts.element,
      toggles: this.toggles.element,
      readout: this.views.readout.element,
      exports: this.exports.element,
      status: this.status,
    });
    // Below the one screen: while it is out of view, the charts wait for an idle moment after an edit.
    this.views.watchBelow(layout.more);
    this.setUnavailable('Waiting for the analysis…');
    this.reveal.addEventListener('click', () => {
      if (this.firstError) this.host.post({ type: 'revealError', line: this.firstError.line, column: this.firstError.column });
    });
    attachKeyboard(document, {
      togglePlay: () => t.toggle(),
      stepBy: (d) => t.stepBy(d),
      goToStart: () => t.goTo(0, true),
      goToEnd: () => t.goTo(t.lastStep, true),
      zoom: (factor) => this.viewport.zoomBy(factor),
      resetZoom: () => this.viewport.setZoom(null),
      pan: (dx, dy) => this.viewport.panBy(dx, dy),
    });
    attachPlaneInput(this.views.planeHost, this.views.planeOnScreen, {
      onViewport: (view) => this.viewport.setZoom(view, true),
      onDrag: (target, at, done) => this.viewport.drag(target, at, done),
      onHover: (k, at) => this.tooltip.set(k === null || at === null ? null : { k, at }, ...this.tooltipParts()),
      onClick: (target, at) => this.nav.activate(target, at),
    });
    // Theme changes repaint the canvas strip (its colours are read from CSS).
    this.nav = new Navigation(this.views.figure, {
      post: (m) => this.host.post(m),
      lines: () => this.lines,
      spec: () => this.spec,
      step: () => this.timeline.step,
      nearest: (x, y) => this.views.planeOnScreen.nearestPoint(x, y, 9),
      status: (ok, m) => this.showResult(ok, m),
    });
    new MutationObserver(() => this.views.charts.paintStrip()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    // One screen: the plane takes the height the rest leaves (screenFit.ts).
    this.screenFit = new ScreenFit({
      screen: layout.screen,
      rail: layout.rail,
      scrubRow: layout.scrubRow,
      multiples: this.views.multiples.element,
      presenter: () => this.presenter,
      fontScaleChanged: (scale) => {
        this.views.planeOnScreen.setFontScale(scale.plane);
        this.rebuild();
      },
    });
    this.screenFit.fit();
  }

  showAnalysis(msg: AnalysisMessage): void {
    if (!this.accept(msg)) return;
    const sameDocument = msg.documentUri === this.state.documentUri && msg.source === this.state.source;
    this.version = msg.version;
    this.spec = msg.spec ?? null;
    this.lines = msg.statementLines ?? {};
    this.writable = msg.writable === true;
    this.specRate = msg.spec?.lr ?? msg.analysis.learningRate.value;
    this.live.setBase(msg.analysis, msg.spec);
    // Another document starts before its answer (step 0), not where the last one stopped.
    if (!sameDocument) this.save({ step: null, playing: false });
    const carried = carryOverrides(this.state, this.spec, sameDocument, this.version);
    this.save(carried.change);
    if (carried.message !== null) this.showResult(true, carried.message);
    this.setUnavailable(null);
    this.firstError = null;
    this.error.hidden = true;
    this.views.figure.classList.remove('gg-stale');
    this.title.textContent = msg.source;
    this.save({ documentUri: msg.documentUri, source: msg.source, snapshot: msg.snapshot });
    this.rebuild();
    this.announce();
    if (this.state.playing && !this.timeline.isPlaying) this.timeline.start();
  }

  showErrors(msg: ErrorsMessage): void {
    if (!this.accept(msg)) return;
    const first = msg.errors[0] ?? null;
    this.firstError = first;
    this.title.textContent = msg.source;
    this.error.hidden = first === null;
    const picture = this.analysis !== null;
    if (first)
      this.errorText.textContent = `${msg.source}:${first.line}:${first.column}: ${first.message} (${first.code})${msg.errors.length > 1 ? ` and ${msg.errors.length - 1} more` : ''}. ${picture ? 'The picture shows the last valid spec.' : 'Fix the error to see the picture.'}`;
    this.views.figure.classList.toggle('gg-stale', first !== null && picture);
    if (!picture) {
      // Nothing to show or act on yet: say so, and keep every control off until an analysis comes.
      this.views.placeholder.textContent = first ? 'No picture yet: fix the error in the spec to see it.' : 'Waiting for the analysis…';
      this.setUnavailable(first ? 'Fix the error in the spec first: there is no picture yet.' : 'Waiting for the analysis…');
    }
    this.save({ documentUri: msg.documentUri, source: msg.source, snapshot: msg.snapshot });
  }

  applySettings(stepsPerSecond: number, presenter = this.presenter): void {
    const changed = presenter !== this.presenter;
    this.presenter = presenter;
    teachingClasses(document.body, this.spec, this.predict.enabled && this.predict.hides(this.shown), presenter);
    // Presenter mode: labels on the plane 1.5× (every one at least 14 px on a projector).
    if (changed) this.screenFit.presenterChanged();
    this.screenFit.soon();
    if (!(Number.isFinite(stepsPerSecond) && stepsPerSecond > 0)) return;
    this.settingsSpeed = Math.min(stepsPerSecond, MAX_ANIMATION_STEPS_PER_SECOND);
    if (this.state.speed === null) this.timeline.setSpeed(this.settingsSpeed);
  }

  /** The editor's cursor is on statement `key` (null: none): highlight its part of the picture. */
  highlight(key: StatementKey | null): void {
    this.nav.highlight(key);
  }

  /** The host's answer to a write or an export. */
  showResult(ok: boolean, message: string): void {
    this.status.textContent = message;
    this.status.classList.toggle('gg-status-error', !ok);
  }

  /** Messages of an older version of the same document lose. */
  private accept(msg: AnalysisMessage | ErrorsMessage): boolean {
    if (msg.documentUri !== this.state.documentUri || msg.source !== this.state.source) this.lastVersion = -Infinity;
    if (msg.version < this.lastVersion) return false;
    this.lastVersion = msg.version;
    return true;
  }

  private save(change: Partial<ViewState>, redraw = false): void {
    this.state = { ...this.state, ...change };
    this.host.saveState(this.state);
    if (redraw) this.rebuild();
  }

  private sceneOptions(a: Analysis, step: number): SceneOptions {
    return sceneOptions(a, this.spec, this.state, this.layout(a), step);
  }

  private layout(a: Analysis): CompareLayout {
    return compareLayout(a, this.spec, this.state, this.layoutChosen);
  }

  private chooseLayout(mode: 'overlay' | 'side'): void {
    this.layoutChosen = true;
    this.save({ compare: mode }, true);
  }

  /** Recomputes (if controls changed) and remounts everything for the current analysis. */
  private rebuild(): void {
    const a = this.live.analysis(this.state.overrides);
    if (!a) return;
    const predicting = this.spec?.predict === 'quadrant';
    if (a !== this.analysis || predicting !== this.predict.enabled) this.predict.reset(a, predicting);
    this.analysis = a;
    const last = Math.max(0, a.run.path.length - 1);
    // Before the answer: a new picture starts at step 0 with the next update drawn (a
    // predict-then-reveal lesson with its question open), never on the finished run.
    const step = this.state.step === null ? 0 : Math.min(this.state.step, last);
    const options = this.sceneOptions(a, step);
    const side = this.layout(a) === 'side';
    this.views.mount({
      analysis: a,
      step,
      options,
      side,
      zoom: this.state.zoom,
      showVariants: this.state.showVariants,
      mainName: mainRunName(this.spec),
      ownCoordinates: a.variants.map((_, k) => ownCoordinates(this.spec, k)),
      multiplesScale: this.screenFit.scales.multiples,
    });
    this.compareTable.show(a, this.spec, side ? 'side' : 'overlay');
    this.toggles.layout.value = side ? 'side' : 'overlay';
    this.controls.update(this.spec, a, this.state.overrides, this.writable, this.specRate);
    applyLocks(this.controls.element, this.spec);
    this.toggles.setHasVariants(a.variants.length > 0);
    this.timeline.setPath(last, step);
    this.showStep(step);
    this.screenFit.soon();
  }

  /** Per frame: only the step-dependent parts. */
  private showStep(step: number): void {
    this.shown = step;
    this.showCaption(step);
    this.predict.show(step);
    teachingClasses(document.body, this.spec, this.predict.enabled && this.predict.hides(step), this.presenter);
    this.views.show(step);
    this.tooltip.draw(...this.tooltipParts());
  }

  /** The caption's text at path entry k (an open question is asked, not answered). */
  private captionText(k: number): string {
    return this.stepCaption.text(this.analysis, k, this.predict.enabled && this.predict.hides(k));
  }

  private showCaption(k: number): void {
    this.stepCaption.show(this.captionText(k));
  }

  private announce(): void {
    this.stepCaption.announce(this.captionText(this.timeline.step));
  }

  /** With a reason: no analysis to act on, every control off (disabled, aria-disabled, the reason as tooltip). Null: back on. */
  private setUnavailable(reason: string | null): void {
    const t = this.timeline;
    for (const c of [t.play, t.back, t.forward, t.reset, t.scrub, t.speed, ...this.toggles.controls, ...this.exports.buttons, this.compareTable.layoutButton])
      setUnavailable(c, reason);
    if (reason !== null) this.controls.setUnavailable(reason);
  }

  private setOverrides(o: Overrides): void {
    this.save(withOverrides(o, this.version), true);
  }

  private writeBack(): void {
    const request = writeRequest(this.spec, this.writable, this.state.overrides, this.version);
    if (!request) return;
    this.host.post(request);
    this.showResult(true, 'Writing to the spec…');
  }

  /** The first step in [from, to) whose update is still to be predicted, or null. */
  private predictStop(from: number, to: number): number | null {
    if (!this.predict.enabled) return null;
    for (let k = from; k < to; k++) if (this.predict.hides(k)) return k;
    return null;
  }

  /** What the tooltip is drawn into and from: the plane, its scene and frame, the numbers, the plane's size. */
  private tooltipParts(): Parameters<PlaneTooltip['draw']> {
    const a = this.analysis;
    const ctx = a ? { analysis: a, spec: this.spec, lines: this.lines, overrides: this.state.overrides } : null;
    const plane = this.views.planeOnScreen;
    return [plane.element, plane.scene, plane.frame, ctx, [WIDTH, HEIGHT]];
  }

  /** The picture to export: the current step's scene in the plane's viewport, with its contours. */
  private exportPicture(): ReturnType<ExportSource['picture']> {
    const a = this.analysis;
    const base = this.views.plane.scene;
    if (!a || !base) return null;
    const scene = buildScene(a, { ...this.sceneOptions(a, this.timeline.step), viewport: base.viewport });
    return { scene: { ...scene, contours: base.contours }, analysis: a, source: this.state.source };
  }
}
