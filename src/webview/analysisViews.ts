/**
 * What draws one analysis at one step: the main plane in its figure, the side-by-side planes, the
 * charts, the readout with its sentence, the key numbers and a network's strip. `mount` draws a
 * new analysis for the first frame after an edit and leaves what that frame does not show to an
 * idle moment (idleWork.ts): the main plane while the side-by-side planes hide it, and the charts
 * while they are below the visible part of the page. `show(step)` moves the step-dependent parts,
 * once per animation frame. The panel (panel.ts) decides what to draw; this module only draws it.
 */
import type { Analysis, LossGrid } from '../core/analysis/types';
import { buildScene, type Bounds, type SceneOptions } from '../core/scene';
import { ChartsView } from './chartsView';
import { CompareView } from './compareView';
import { h } from './dom';
import { IdleWork } from './idleWork';
import { KEYBOARD_HELP } from './keyboard';
import { KeyNumbersView } from './keyNumbersView';
import { NetworkView } from './networkView';
import { PlaneView } from './planeView';
import { ReadoutView } from './readoutView';
import { PLANE_HEIGHT, PLANE_WIDTH } from './screenFit';

/** One analysis to draw, and how. */
export interface Drawing {
  readonly analysis: Analysis;
  /** The path entry on screen. */
  readonly step: number;
  /** The main plane's scene options (its step is `step`). */
  readonly options: SceneOptions;
  /** Side by side: one small plane per run, the main plane hidden. */
  readonly side: boolean;
  /** The main plane's zoomed viewport, whose contours are computed afresh; null: the analysis's own. */
  readonly zoom: Bounds | null;
  /** The charts draw the compared runs too. */
  readonly showVariants: boolean;
  /** The main run's name, and whether each variant trains in its own coordinates (the side-by-side captions). */
  readonly mainName: string;
  readonly ownCoordinates: readonly boolean[];
  /** The side-by-side planes' label font scale. */
  readonly multiplesScale: number;
}

/** What the views need from the panel. */
export interface ViewsEnvironment {
  /** The loss grid of a zoomed viewport (liveModel.ts), or null for the analysis's own contours. */
  zoomedGrid(a: Analysis, zoom: Bounds): LossGrid | null;
  /** A new main plane was mounted (the panel makes its parts keyboard-navigable). */
  planeMounted(svg: SVGSVGElement | null): void;
  /** The main plane moved to another step after the frame that drew it (the tooltip follows). */
  planeMoved(): void;
}

export class AnalysisViews {
  readonly placeholder = h('p', { className: 'gg-placeholder', testid: 'gg-placeholder', text: 'Waiting for the analysis…' });
  readonly planeHost = h('div', { className: 'gg-plane-host', testid: 'gg-plane-host' }, this.placeholder);
  readonly figure = h(
    'figure',
    { className: 'gg-figure', testid: 'gg-figure', attrs: { tabindex: '0', 'aria-label': `Weight plane. Keys: ${KEYBOARD_HELP}` } },
    this.planeHost,
  );
  private readonly mainPlane = new PlaneView(this.planeHost, { width: PLANE_WIDTH, height: PLANE_HEIGHT, idPrefix: 'gg' });
  readonly multiples = new CompareView();
  readonly charts = new ChartsView();
  readonly readout = new ReadoutView();
  readonly keys = new KeyNumbersView();
  /** A network's hidden layer at the shown step (networkView.ts); hidden for one neuron. */
  readonly network = new NetworkView();
  private readonly idle = new IdleWork();
  /** Whether the part of the page below the one screen (the charts) is in view; until known, yes. */
  private chartsInView = true;
  private shown = 0;

  constructor(private readonly env: ViewsEnvironment) {}

  /** The main plane, drawn first if it waits for an idle moment (exports, zoom and drags read it). */
  get plane(): PlaneView {
    this.idle.flush('plane');
    return this.mainPlane;
  }

  /** The main plane as it is on the page now (hover and clicks: they only reach a plane on screen). */
  get planeOnScreen(): PlaneView {
    return this.mainPlane;
  }

  /** Follows whether `below` (the part of the page that holds the charts) is in view. */
  watchBelow(below: Element): void {
    new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) this.chartsInView = last.isIntersecting;
    }).observe(below);
  }

  /** Draws `d` for the next frame; what that frame does not show follows when the page is idle. */
  mount(d: Drawing): void {
    const a = d.analysis;
    this.shown = d.step;
    this.idle.cancel('plane');
    if (d.side)
      this.idle.add('plane', () => {
        this.mountPlane(a, d.options, d.zoom);
        if (this.shown !== d.step) {
          this.mainPlane.show(this.shown);
          this.env.planeMoved();
        }
      });
    else this.mountPlane(a, d.options, d.zoom);
    this.multiples.element.hidden = !d.side;
    this.figure.hidden = d.side;
    if (d.side) this.multiples.mount(a, d.step, { ...d.options, viewport: undefined }, d.mainName, d.ownCoordinates, d.multiplesScale);
    else this.multiples.element.replaceChildren();
    this.idle.cancel('charts');
    if (this.chartsInView) this.charts.mount(a, d.step, d.showVariants);
    else this.idle.add('charts', () => this.charts.mount(a, this.shown, d.showVariants));
    this.readout.show(a);
    this.keys.show(a);
    this.network.mount(a);
  }

  /** Per frame: moves the step-dependent parts to path entry `step`. */
  show(step: number): void {
    this.shown = step;
    this.mainPlane.show(step);
    this.charts.show(step);
    this.network.show(step);
    if (!this.multiples.element.hidden) this.multiples.show(step);
  }

  /** The main plane for analysis `a`: its scene at `options`, with the contours of the `zoom` viewport. */
  private mountPlane(a: Analysis, options: SceneOptions, zoom: Bounds | null): void {
    const zoomed = zoom ? this.env.zoomedGrid(a, zoom) : null;
    const scene = buildScene(zoomed ? { ...a, contours: zoomed } : a, options);
    this.mainPlane.mount(scene, a, options);
    this.env.planeMounted(this.mainPlane.element);
    this.figure.classList.toggle('gg-has-teacher', scene.teacher !== null);
  }
}
