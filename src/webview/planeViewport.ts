/**
 * The main plane's viewport and its drags: zoom and pan (keys, wheel, drag on the background)
 * and dragging the start or the teacher's weights. Each changes the view state and redraws, at
 * once or at the next animation frame (a drag or a wheel moves many times a frame: one redraw).
 */
import type { Bounds, Vec2 } from '../core/scene';
import type { Spec } from '../core/spec/types';
import { panBy, zoomAbout, type DragTarget } from './planeInput';
import type { PlaneView } from './planeView';
import type { ViewState } from './state';

/** What the viewport reads from and does to the panel. */
export interface ViewportPanel {
  readonly state: () => ViewState;
  /** Keeps `state` (saved with the webview's state), without redrawing. */
  readonly setState: (state: ViewState) => void;
  readonly rebuild: () => void;
  /** The main plane, drawn (its scene's viewport is the one on screen). */
  readonly plane: () => PlaneView;
  readonly spec: () => Spec | null;
  /** The document version the overrides apply to. */
  readonly version: () => number;
  /** A finished drag: write the new point back to the spec when the document can be written. */
  readonly dropped: () => void;
}

export class PlaneViewport {
  private pending: number | null = null;

  constructor(private readonly panel: ViewportPanel) {}

  /** The start or the teacher dragged to `at` (plane coordinates); `done`: the drag ended there. */
  drag(target: DragTarget, at: Vec2, done: boolean): void {
    const spec = this.panel.spec();
    if (!spec) return;
    if (spec.lock.includes(target === 'teacher' ? 'teacher' : 'start')) return;
    if (target === 'teacher' && spec.labels.kind !== 'teacher') return;
    // Keep the frame still while dragging, whatever the new path's extent.
    const s = this.panel.state();
    const zoom = s.zoom ?? this.panel.plane().scene?.viewport ?? null;
    const point: Vec2 = [Number(at[0].toPrecision(4)), Number(at[1].toPrecision(4))];
    this.panel.setState({ ...s, zoom, overrides: { ...s.overrides, [target]: point }, overridesVersion: this.panel.version() });
    if (done) {
      if (this.pending !== null) cancelAnimationFrame(this.pending);
      this.pending = null;
      this.panel.rebuild();
      this.panel.dropped();
    } else {
      this.scheduleRebuild();
    }
  }

  /** Shows `view` (null: the analysis's own viewport); `coalesce`: redraw at the next frame. */
  setZoom(view: Bounds | null, coalesce = false): void {
    this.panel.setState({ ...this.panel.state(), zoom: view });
    if (coalesce) this.scheduleRebuild();
    else this.panel.rebuild();
  }

  /** Zooms about the centre of the viewport on screen (factor < 1: in). */
  zoomBy(factor: number): void {
    const v = this.panel.plane().scene?.viewport;
    if (v) this.setZoom(zoomAbout(v, [(v.xMin + v.xMax) / 2, (v.yMin + v.yMax) / 2], factor));
  }

  /** Pans by fractions of the viewport's width and height. */
  panBy(fx: number, fy: number): void {
    const v = this.panel.plane().scene?.viewport;
    if (v) this.setZoom(panBy(v, fx * (v.xMax - v.xMin), fy * (v.yMax - v.yMin)));
  }

  private scheduleRebuild(): void {
    if (this.pending !== null) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = null;
      this.panel.rebuild();
    });
  }
}
