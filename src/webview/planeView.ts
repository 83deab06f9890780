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
  /** The path's cumulative lengths along its polyline as drawn (the reveal); worked out when first needed. */
  private lengths: Float64Array | null = null;
  /** Each overlaid variant's strong polyline, its points and (when first needed) their cumulative lengths (the race). */
  private variantLines: { el: Element; points: Scene['path']; lengths: Float64Array | null }[] = [];
  private fontScale = 1;
  private base: Scene | null = null;
  private analysis: Analysis | null = null;
  private options: SceneOptions = {};
  private frameInfo: PlaneFrame | null = null;
  /** Pixel coordinates of every path point, for hit-testing (x, y interleaved); worked out at the first hover. */
  private pixels: Float64Array | null = null;
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
    // The tree holds the reveal at the scene's own step: the lengths and the hover's pixels wait
    // until another step or a hover needs them.
    this.lengths = null;
    this.pixels = null;
    this.under = svg.querySelector('[data-layer="under"]');
    this.over = svg.querySelector('[data-layer="over"]');
    this.pathEl = svg.querySelector('.gg-path');
    this.variantLines = scene.variants.flatMap((v) => {
      const line = svg.querySelector(`.gg-variants polyline[data-name="${CSS.escape(v.name)}"]`);
      return line ? [{ el: line, points: v.points, lengths: null }] : [];
    });
    if (this.svg) this.svg.replaceWith(svg);
    else this.host.replaceChildren(svg);
    this.svg = svg;
    this.layersAt = scene.current;
  }

  /**
   * Moves the picture to path entry `step`: only the moving layers and the path's reveal change.
   * Everything it draws depends on the step alone, so the step already drawn (just mounted, or
   * shown again) is left as it is.
   */
  show(step: number): void {
    const base = this.base;
    const a = this.analysis;
    const f = this.frameInfo;
    if (!base || !a || !f || !this.under || !this.over || step === this.layersAt) return;
    const scene = sceneAtStep(base, a, step, this.options);
    this.under.replaceChildren(...Array.from(createSvg(coneLayer(scene, f, this.fontScale)).childNodes));
    this.over.replaceChildren(...Array.from(createSvg(movingLayer(scene, f, this.fontScale)).childNodes));
    this.layersAt = step;
    for (const v of this.variantLines) {
      // Lengths along the polyline as mounted (its points thinned around the mounted scene's step).
      const lengths = (v.lengths ??= pathLengths(v.points, f, PATH_MIN_PIXELS, variantStep(base, v.points.length)));
      const k = variantStep(scene, v.points.length);
      if (lengths.length > 0) v.el.setAttribute('stroke-dasharray', revealDash(lengths[k], lengths[lengths.length - 1]));
      v.el.setAttribute('data-step', String(k));
    }
    if (this.pathEl && scene.path.length > 0) {
      const lengths = (this.lengths ??= pathLengths(base.path, f, PATH_MIN_PIXELS, base.current));
      this.pathEl.setAttribute('stroke-dasharray', revealDash(lengths[scene.current], lengths[lengths.length - 1]));
      this.pathEl.setAttribute('data-points', String(scene.current + 1));
    }
  }

  /** The path index nearest to pixel (x, y) of the SVG's own coordinates, within `radius` px. */
  nearestPoint(x: number, y: number, radius: number): number | null {
    let best = -1;
    let bestD = radius * radius;
    const px = this.hoverPixels();
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

  /** Pixel coordinates of every path point (x, y interleaved), worked out at the first hover after a mount. */
  private hoverPixels(): Float64Array {
    if (this.pixels) return this.pixels;
    const path = this.base?.path ?? [];
    const f = this.frameInfo;
    const px = new Float64Array(f ? path.length * 2 : 0);
    if (f)
      path.forEach((p, k) => {
        const q = f.P(p);
        px[2 * k] = q[0];
        px[2 * k + 1] = q[1];
      });
    this.pixels = px;
    return px;
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
