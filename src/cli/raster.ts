/**
 * SVG → pixels with resvg (@resvg/resvg-js: Rust's resvg with prebuilt binaries from npm, no
 * browser). Loaded on first use, so `analyze` and SVG output work where its binary is missing.
 *
 * Fonts: resvg draws text only with fonts it was given. The figures ask for `system-ui, …,
 * sans-serif`; the first sans-serif family found among FONT_CANDIDATES (Debian: fonts-dejavu-core,
 * fonts-liberation) is loaded from its files and used for every generic family — fast (one file
 * instead of scanning every system font for each frame) and the same on every machine that has it.
 * Without one, the system's fonts are scanned; `fontWarning` says when none was found.
 */
import { existsSync } from 'node:fs';
import type { Resvg as ResvgClass, ResvgRenderOptions } from '@resvg/resvg-js';

/** Sans-serif fonts tried in order: [family, regular file, italic file]. */
const FONT_CANDIDATES: readonly (readonly [string, string, string])[] = [
  ['DejaVu Sans', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf'],
  ['Liberation Sans', '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf'],
  ['DejaVu Sans', '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf', '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Oblique.ttf'],
  ['Arial', '/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Italic.ttf'],
  ['Arial', 'C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\ariali.ttf'],
];

/** Pixels of one rendered picture: RGBA, row-major. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/** Turns SVG documents into PNG bytes or RGBA pixels with one font setup. */
export interface Rasterizer {
  png(svg: string): Uint8Array;
  pixels(svg: string): Pixels;
  /** Set when no known font file was found (text then depends on the system's fonts). */
  readonly fontWarning: string | null;
}

/** The resvg rasterizer, or why it is not available here. */
export function createRasterizer(background: string): Rasterizer | string {
  let Resvg: typeof ResvgClass;
  try {
    // Required here, not imported: a native module, loaded only when a picture is rasterised.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Resvg = (require('@resvg/resvg-js') as typeof import('@resvg/resvg-js')).Resvg;
  } catch (e) {
    return `PNG and GIF need the npm package @resvg/resvg-js, which did not load on ${process.platform}-${process.arch} (${(e as Error).message.split('\n')[0]}); SVG output works without it`;
  }
  const found = FONT_CANDIDATES.find(([, regular]) => existsSync(regular));
  const font: NonNullable<ResvgRenderOptions['font']> = found
    ? { loadSystemFonts: false, fontFiles: [found[1], found[2]].filter((f) => existsSync(f)), defaultFontFamily: found[0], sansSerifFamily: found[0] }
    : { loadSystemFonts: true };
  const options: ResvgRenderOptions = { font, background, fitTo: { mode: 'original' }, logLevel: 'off' };
  const render = (svg: string) => new Resvg(svg, options).render();
  return {
    png: (svg) => render(svg).asPng(),
    pixels: (svg) => {
      const image = render(svg);
      return { width: image.width, height: image.height, rgba: image.pixels };
    },
    fontWarning: found
      ? null
      : 'no known sans-serif font file found (on Debian: apt-get install fonts-dejavu-core); text is drawn with whatever system fonts resvg finds, if any',
  };
}
