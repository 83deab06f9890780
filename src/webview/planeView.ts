/**
 * One weight-plane drawing in the page. `mount` builds the whole SVG from the shared scene (when
 * the analysis, the zoom or a toggle changes); `show(step)` moves only what depends on the step:
 * the cone group, the arrows group and the reveal of the path (stroke-dasharray over a polyline
 * that already holds every step, but for points within half a pixel of the last one drawn). Used for the main plane and for each small multiple.
 */
import type { Analysis } from '../core/analysis/types';
import {
  coneLayer,
  movingLayer,
  pathLengths,
  planeFrame,
  revealDash,
  sceneAtStep,
  sceneToSvgTree,
  variantStep,
  type PlaneFrame,
  type Scene,
  type SceneOptions,
} from '../core/scene';
import { createSvg } from './renderTree';

/** Polyline thinning (SvgLayout.minPathPixels): a path point closer than this to the last one drawn is left out. */
export const PATH_MIN_PIXELS = 0.5;

export interface PlaneSize {
  readonly width: number;
  readonly height: number;
  readonly idPrefix: string;
  /** Label font scale (presenter mode: larger). */
  readonly fontScale?: number;
}

export class PlaneView {
  private svg: SVGSVGElement | null = null;
  private under: Element | null = null;
  private over: Element | null = null;
  private pathEl: Element | null = null;
  private lengths: Float64Array = new Float64Array(0);
  /** Each overlaid variant's strong polyline and the cumulative lengths of its points (the race). */
  private variantLines: { el: Element; lengths: Float64Array; entries: number }[] = [];
  private fontScale = 1;
  private base: Scene | null = null;
  private analysis: Analysis | null = null;
  private options: SceneOptions = {};
  private frameInfo: PlaneFrame | null = null;
  /** Pixel coordinates of every path point, for hit-testing (x, y interleaved). */
  private pixels: Float64Array = new Float64Array(0);
  /** The path entry whose cone and moving layers are in the DOM (mount draws them at the scene's own step). */
  private layersAt: number | null = null;

  constructor(
    private readonly host: Element,
    private readonly size: PlaneSize,
  ) {}

  get element(): SVGSVGElement | null {
    return this.svg;
  }

  get scene(): Scene | null {
    return this.base;
  }

  get frame(): PlaneFrame | null {
    return this.frameInfo;
  }

  /** The label font scale for the next mount (presenter mode). */
  setFontScale(scale: number): void {
    this.fontScale = scale;
  }

  /** Builds the whole drawing of `scene` (made by buildScene from `analysis` with `options`). */
  mount(scene: Scene, analysis: Analysis, options: SceneOptions): void {
    this.base = scene;
    this.analysis = analysis;
    this.options = options;
    // Path points within half a pixel of the last one drawn are left out of the polylines; the
    // reveal, the hover and the timeline keep every step.
    const layout = {
      width: this.size.width,
      height: this.size.height,
      idPrefix: this.size.idPrefix,
      pathMode: 'full' as const,
      minPathPixels: PATH_MIN_PIXELS,
      fontScale: this.fontScale,
    };
    const svg = createSvg(sceneToSvgTree(scene, layout)) as SVGSVGElement;
    this.frameInfo = planeFrame(scene.viewport, layout);
    this.lengths = pathLengths(scene.path, this.frameInfo, PATH_MIN_PIXELS, scene.current);
    this.pixels = new Float64Array(scene.path.length * 2);
    scene.path.forEach((p, k) => {
      const q = this.frameInfo!.P(p);
      this.pixels[2 * k] = q[0];
      this.pixels[2 * k + 1] = q[1];
    });
    this.under = svg.querySelector('[data-layer="under"]');
    this.over = svg.querySelector('[data-layer="over"]');
    this.pathEl = svg.querySelector('.gg-path');
    const f = this.frameInfo;
    this.variantLines = scene.variants.flatMap((v) => {
      const line = svg.querySelector(`.gg-variants polyline[data-name="${CSS.escape(v.name)}"]`);
      return line ? [{ el: line, lengths: pathLengths(v.points, f, PATH_MIN_PIXELS, variantStep(scene, v.points.length)), entries: v.points.length }] : [];
    });
    if (this.svg) this.svg.replaceWith(svg);
    else this.host.replaceChildren(svg);
    this.svg = svg;
    this.layersAt = scene.current;
  }

  /** Moves the picture to path entry `step`: only the moving layers and the path's reveal change. */
  show(step: number): Scene | null {
    const base = this.base;
    const a = this.analysis;
    const f = this.frameInfo;
    if (!base || !a || !f || !this.under || !this.over) return null;
    const scene = sceneAtStep(base, a, step, this.options);
    // The layers of this very step are drawn already (just mounted, or the same step again): the
    // same scene would give the same nodes.
    if (step !== this.layersAt) {
      this.under.replaceChildren(...Array.from(createSvg(coneLayer(scene, f, this.fontScale)).childNodes));
      this.over.replaceChildren(...Array.from(createSvg(movingLayer(scene, f, this.fontScale)).childNodes));
      this.layersAt = step;
    }
    for (const v of this.variantLines) {
      const k = variantStep(scene, v.entries);
      if (v.lengths.length > 0) v.el.setAttribute('stroke-dasharray', revealDash(v.lengths[k], v.lengths[v.lengths.length - 1]));
      v.el.setAttribute('data-step', String(k));
    }
    if (this.pathEl && scene.path.length > 0) {
      this.pathEl.setAttribute('stroke-dasharray', revealDash(this.lengths[scene.current], this.lengths[this.lengths.length - 1]));
      this.pathEl.setAttribute('data-points', String(scene.current + 1));
    }
    return scene;
  }

  /** The path index nearest to pixel (x, y) of the SVG's own coordinates, within `radius` px. */
  nearestPoint(x: number, y: number, radius: number): number | null {
    let best = -1;
    let bestD = radius * radius;
    const px = this.pixels;
    for (let k = 0; k < px.length / 2; k++) {
      const dx = px[2 * k] - x;
      const dy = px[2 * k + 1] - y;
      const d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = k;
      }
    }
    return best >= 0 ? best : null;
  }

  /** Client (CSS pixel) coordinates → the SVG's own pixel coordinates (the drawing scales with the panel). */
  toSvgPixels(clientX: number, clientY: number): [number, number] | null {
    const svg = this.svg;
    if (!svg) return null;
    const r = svg.getBoundingClientRect();
    if (!(r.width > 0) || !(r.height > 0)) return null;
    return [((clientX - r.left) / r.width) * this.size.width, ((clientY - r.top) / r.height) * this.size.height];
  }
}
