/**
 * Pointer input on the main plane: the wheel zooms about the pointer, dragging the background pans,
 * dragging the start (or the teacher w*) moves it, and hovering near a path point reports it for
 * the tooltip. Everything is converted to plane coordinates through the drawing's PlaneFrame, so
 * input and picture agree whatever size the panel has.
 */
import type { Bounds, Vec2 } from '../core/scene';
import type { PlaneView } from './planeView';

export type DragTarget = 'start' | 'teacher';

export interface PlaneInputListener {
  /** A new visible part of the plane (zoom or pan). */
  onViewport(view: Bounds): void;
  /** A handle moved to `at` (plane coordinates); `done` on release. */
  onDrag(target: DragTarget, at: Vec2, done: boolean): void;
  /** The pointer is near path entry `k` (null: near none), at SVG pixel `at`. */
  onHover(k: number | null, at: Vec2 | null): void;
  /** A press and release without moving (a click, not a drag) on `target`, at SVG pixel `at`. */
  onClick?(target: Element | null, at: Vec2): void;
}

/** Zoom factor per wheel "line" (deltaY ≈ 100 per notch). */
const WHEEL_ZOOM = 0.0015;
const HOVER_RADIUS = 9;
/** A press that moves less than this (SVG pixels) before its release is a click, not a drag. */
const CLICK_SLOP = 4;

/** `view` scaled by `factor` about the plane point `at` (factor < 1 zooms in). */
export function zoomAbout(view: Bounds, at: Vec2, factor: number): Bounds {
  return {
    xMin: at[0] + (view.xMin - at[0]) * factor,
    xMax: at[0] + (view.xMax - at[0]) * factor,
    yMin: at[1] + (view.yMin - at[1]) * factor,
    yMax: at[1] + (view.yMax - at[1]) * factor,
  };
}

export function panBy(view: Bounds, dx: number, dy: number): Bounds {
  return { xMin: view.xMin + dx, xMax: view.xMax + dx, yMin: view.yMin + dy, yMax: view.yMax + dy };
}

export function attachPlaneInput(container: HTMLElement, plane: PlaneView, listener: PlaneInputListener): void {
  let drag: { kind: 'pan'; from: Vec2; view: Bounds; scale: number } | { kind: DragTarget } | null = null;
  /** Where the press started and on what; `moved` once it went beyond CLICK_SLOP (then it is a drag). */
  let press: { at: Vec2; target: Element | null; moved: boolean } | null = null;

  container.addEventListener(
    'wheel',
    (e) => {
      const f = plane.frame;
      const scene = plane.scene;
      const q = plane.toSvgPixels(e.clientX, e.clientY);
      if (!f || !scene || !q) return;
      e.preventDefault();
      const factor = Math.exp(Math.max(-300, Math.min(300, e.deltaY)) * WHEEL_ZOOM);
      listener.onViewport(zoomAbout(scene.viewport, f.inverse(q), factor));
    },
    { passive: false },
  );

  container.addEventListener('pointerdown', (e) => {
    const f = plane.frame;
    const scene = plane.scene;
    const q = plane.toSvgPixels(e.clientX, e.clientY);
    if (!f || !scene || !q || e.button !== 0) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest('.gg-start')) drag = { kind: 'start' };
    else if (target?.closest('.gg-teacher')) drag = { kind: 'teacher' };
    else drag = { kind: 'pan', from: q, view: scene.viewport, scale: f.scale };
    press = { at: q, target, moved: false };
    container.setPointerCapture(e.pointerId);
    container.classList.add('gg-dragging');
    e.preventDefault();
  });

  container.addEventListener('pointermove', (e) => {
    const f = plane.frame;
    const q = plane.toSvgPixels(e.clientX, e.clientY);
    if (!f || !q) return;
    if (drag === null) {
      listener.onHover(plane.nearestPoint(q[0], q[1], HOVER_RADIUS), q);
      return;
    }
    if (press && !press.moved) {
      if (Math.hypot(q[0] - press.at[0], q[1] - press.at[1]) < CLICK_SLOP) return;
      press.moved = true;
    }
    if (drag.kind === 'pan') {
      const dx = (drag.from[0] - q[0]) / drag.scale;
      const dy = (q[1] - drag.from[1]) / drag.scale;
      if (dx !== 0 || dy !== 0) listener.onViewport(panBy(drag.view, dx, dy));
    } else {
      listener.onDrag(drag.kind, f.inverse(q), false);
    }
  });

  const end = (e: PointerEvent): void => {
    const current = drag;
    const pressed = press;
    drag = null;
    press = null;
    container.classList.remove('gg-dragging');
    if (container.hasPointerCapture(e.pointerId)) container.releasePointerCapture(e.pointerId);
    const f = plane.frame;
    const q = plane.toSvgPixels(e.clientX, e.clientY);
    if (pressed && !pressed.moved) {
      // A click: nothing was dragged, so nothing moves (the start stays exactly where it is).
      if (e.type === 'pointerup') listener.onClick?.(pressed.target, pressed.at);
      return;
    }
    if (current && current.kind !== 'pan' && f && q) listener.onDrag(current.kind, f.inverse(q), true);
  };
  container.addEventListener('pointerup', end);
  container.addEventListener('pointercancel', end);
  container.addEventListener('pointerleave', () => {
    if (drag === null) listener.onHover(null, null);
  });
}
