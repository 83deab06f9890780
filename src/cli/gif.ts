/**
 * An animated GIF of a run, for slides and learning platforms that take no SVG: still pictures of
 * the weight plane at evenly spaced steps (buildScene once, sceneAtStep per frame, renderSvg — the
 * same scene code as the panel and `render`), rasterised by resvg and encoded by gifenc.
 *
 * Bounded by design: at most MAX_FRAMES frames of at most MAX_GIF_SIDE pixels a side. Timing
 * follows the animated SVG (core/figures/animatedSvg.ts): the run takes `duration` seconds (default
 * 20 steps per second, 2 … 30 s), then the last frame holds HOLD_MS before the loop restarts.
 *
 * Size: one palette for the whole GIF, taken from the last frame (it shows the whole path, so every
 * colour a frame uses), with index 255 kept transparent; each later frame marks the pixels that did
 * not change as transparent over the previous one, so only the new segment and the moving arrows
 * cost bytes.
 */
import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import type { Analysis } from '../core/analysis/types';
import { buildScene, plotAspect, renderSvg, sceneAtStep, type ThemeKind } from '../core/scene';
import type { Rasterizer } from './raster';

/** Most frames a GIF may have (`--frames`). */
export const MAX_FRAMES = 200;
/** Default number of frames (fewer when the run has fewer recorded points). */
export const DEFAULT_FRAMES = 60;
/** Most pixels on either side of a GIF. */
export const MAX_GIF_SIDE = 1280;
/** How long the finished picture stays before the loop restarts, ms. */
export const HOLD_MS = 2000;
/** GIF delays are in hundredths of a second, and browsers slow anything under 20 ms down to 100 ms. */
const MIN_DELAY_MS = 20;

export interface GifOptions {
  readonly theme: ThemeKind;
  readonly width: number;
  readonly height: number;
  /** Seconds for the whole run (default: 20 steps per second, 2 … 30 s). */
  readonly duration?: number;
  /** Frames, 2 … MAX_FRAMES (default DEFAULT_FRAMES); never more than the run's points. */
  readonly frames?: number;
}

export interface RunGif {
  readonly bytes: Uint8Array;
  readonly frames: number;
  /** The path steps the frames show, in order. */
  readonly steps: readonly number[];
  readonly delayMs: number;
}

/** Evenly spaced path indices 0 … last, `count` of them at most, without repeats. */
export function frameSteps(last: number, count: number): number[] {
  if (last <= 0) return [0];
  const n = Math.max(2, Math.min(count, last + 1));
  const steps: number[] = [];
  for (let f = 0; f < n; f++) {
    const k = Math.round((f * last) / (n - 1));
    if (steps[steps.length - 1] !== k) steps.push(k);
  }
  return steps;
}

export function runGif(analysis: Analysis, options: GifOptions, raster: Rasterizer): RunGif {
  const { theme, width, height } = options;
  const last = Math.max(0, analysis.run.path.length - 1);
  const steps = frameSteps(last, options.frames ?? DEFAULT_FRAMES);
  const duration = options.duration ?? Math.min(30, Math.max(2, last / 20));
  const delayMs = Math.max(MIN_DELAY_MS, Math.round((duration * 1000) / Math.max(1, steps.length - 1) / 10) * 10);

  const base = buildScene(analysis, { aspect: plotAspect(width, height) });
  const layout = { width, height };
  const svgAt = (step: number) => renderSvg(sceneAtStep(base, analysis, step), theme, layout);

  const final = raster.pixels(svgAt(steps[steps.length - 1]));
  const palette = quantize(final.rgba, 255);
  const transparentIndex = palette.length;
  palette.push([0, 0, 0]);

  const gif = GIFEncoder();
  let previous: Uint8Array | null = null;
  steps.forEach((step, f) => {
    const image = f === steps.length - 1 ? final : raster.pixels(svgAt(step));
    const index = applyPalette(image.rgba, palette);
    const delay = f === steps.length - 1 ? delayMs + HOLD_MS : delayMs;
    if (previous === null) {
      gif.writeFrame(index, image.width, image.height, { palette, delay, repeat: 0 });
    } else {
      const frame = new Uint8Array(index.length);
      for (let i = 0; i < index.length; i++) frame[i] = index[i] === previous[i] ? transparentIndex : index[i];
      // dispose 1: keep the previous frame, draw this one's opaque pixels over it.
      gif.writeFrame(frame, image.width, image.height, { delay, transparent: true, transparentIndex, dispose: 1 });
    }
    previous = index;
  });
  gif.finish();
  return { bytes: gif.bytes(), frames: steps.length, steps, delayMs };
}

/** A one-frame GIF of a still picture (`render -o still.gif` without --animate). */
export function stillGif(svg: string, raster: Rasterizer): Uint8Array {
  const image = raster.pixels(svg);
  const palette = quantize(image.rgba, 256);
  const gif = GIFEncoder();
  gif.writeFrame(applyPalette(image.rgba, palette), image.width, image.height, { palette });
  gif.finish();
  return gif.bytes();
}
