/**
 * `gradient-geometry render FILE -o OUT [--format svg|png|gif] [--theme KIND] [--step N]
 * [--width W] [--height H] [--per-sample] [--animate [--duration S] [--frames N]]`: the panel's
 * weight-plane picture, drawn by the same scene code (buildScene → sceneToSvgTree → renderSvg), so
 * the CLI's figure and the panel agree. SVG as it is; PNG and GIF rasterised by resvg (raster.ts).
 * `--animate` draws the run step by step: a CSS-animated SVG (core/figures/animatedSvg.ts) or an
 * animated GIF (gif.ts).
 * Exit codes: 0 written, 1 the spec has errors, 2 usage error, unreadable input or unwritable output.
 */
import { analyzeSpec } from '../core/analysis/analyze';
import { animatedRunSvg } from '../core/figures';
import { buildScene, PALETTES, plotAspect, renderSvg, THEME_KINDS, type ThemeKind } from '../core/scene';
import { LIMITS } from '../core/spec/types';
import { DEFAULT_FRAMES, MAX_FRAMES, MAX_GIF_SIDE, runGif, stillGif } from './gif';
import { EXIT, parseCommand, usageError, wantsHelp, writeOutput, type Io } from './io';
import { createRasterizer } from './raster';
import { readSpecFile } from './specFile';

export const FORMATS = ['svg', 'png', 'gif'] as const;
export type Format = (typeof FORMATS)[number];

export const RENDER_USAGE = `  gradient-geometry render FILE -o OUT [--format svg|png|gif]
                    [--theme light|dark|high-contrast|high-contrast-light] [--step N]
                    [--width W] [--height H] [--per-sample]
                    [--animate [--duration S] [--frames N]]`;

export const RENDER_HELP = `Usage:
${RENDER_USAGE}

Draw the weight plane of a .neuron spec as the panel does (the same scene code): SVG, PNG, or an
animated GIF of the run.

Arguments:
  FILE                 the spec; - reads standard input

Options:
  -o, --output OUT     the file to write (required); - writes to standard output
  --format FORMAT      svg, png or gif; default: from OUT's extension (.svg, .png, .gif), else svg
  --theme KIND         ${THEME_KINDS.join(', ')} (default light)
  --step N             draw the cone and arrows at step N (default: the last step); not with --animate
  --width W            picture width in pixels, 160 … 4000 (default 640; GIF at most ${MAX_GIF_SIDE})
  --height H           picture height in pixels, 160 … 4000 (default 600; GIF at most ${MAX_GIF_SIDE})
  --per-sample         draw the per-sample steps and the batch step at the current point
  --animate            draw the run step by step: SVG (a CSS animation, still under reduced
                       motion) or GIF (frames); not for PNG
  --duration S         seconds for the whole run, 0.5 … 600 (default: 20 steps a second, 2 … 30 s);
                       the finished picture then holds 2 s before the loop restarts
  --frames N           GIF frames, 2 … ${MAX_FRAMES} (default ${DEFAULT_FRAMES}, never more than the run's steps + 1)
  -h, --help           show this help

Exit codes: 0 written, 1 the spec has errors (file:line:col: … on stderr), 2 usage error,
unreadable input, unwritable output, or PNG/GIF asked for where the rasteriser cannot load.`;

/** What `render` was asked to do. */
export interface RenderArgs {
  readonly file: string;
  readonly output: string;
  readonly format: Format;
  readonly theme: ThemeKind;
  readonly step?: number;
  readonly width: number;
  readonly height: number;
  readonly perSample: boolean;
  /** An animated SVG or GIF of the run (docs/figures.md, docs/cli.md). */
  readonly animate: boolean;
  /** Seconds for the whole animated path (default: 20 steps per second, 2 … 30 s). */
  readonly duration?: number;
  /** GIF frames (default DEFAULT_FRAMES). */
  readonly frames?: number;
}

/** A whole number in lo … hi, or the usage error. */
function integer(value: string, name: string, lo: number, hi: number): number | string {
  const n = Number(value);
  return /^\d+$/.test(value) && n >= lo && n <= hi ? n : `${name} expects a whole number ${lo} … ${hi}, found ${value}`;
}

/** The format `--format` names, or the one OUT's extension implies (svg when it implies none). */
function formatOf(output: string, explicit: string | undefined): { format: Format } | string {
  const ext = /\.(svg|png|gif)$/i.exec(output)?.[1].toLowerCase() as Format | undefined;
  if (explicit === undefined) return { format: ext ?? 'svg' };
  if (!FORMATS.includes(explicit as Format)) return `--format expects one of ${FORMATS.join(', ')}, found ${explicit}`;
  if (ext !== undefined && ext !== explicit) return `--format ${explicit} contradicts the output name ${output}`;
  return { format: explicit as Format };
}

/** Parses the arguments after `render`; a string is the usage error. */
export function parseRenderArgs(args: readonly string[]): RenderArgs | string {
  const parsed = parseCommand(args, {
    output: { type: 'string', short: 'o' },
    format: { type: 'string' },
    theme: { type: 'string' },
    step: { type: 'string' },
    width: { type: 'string' },
    height: { type: 'string' },
    'per-sample': { type: 'boolean' },
    animate: { type: 'boolean' },
    duration: { type: 'string' },
    frames: { type: 'string' },
  });
  if (typeof parsed === 'string') return parsed;
  const v = parsed.values as Record<string, string | undefined> & { 'per-sample'?: boolean; animate?: boolean };
  const [file, ...extra] = parsed.positionals;
  if (extra.length > 0) return `unexpected argument '${extra[0]}'`;
  if (file === undefined) return 'render expects a .neuron FILE (or - for standard input)';
  if (v.output === undefined) return 'render expects -o OUT (.svg, .png or .gif; - for standard output)';
  const chosen = formatOf(v.output, v.format);
  if (typeof chosen === 'string') return chosen;
  const { format } = chosen;

  const theme = v.theme ?? 'light';
  if (!THEME_KINDS.includes(theme as ThemeKind)) return `--theme expects one of ${THEME_KINDS.join(', ')}, found ${theme}`;
  const numbers: Record<'step' | 'width' | 'height' | 'frames', number | undefined> = { step: undefined, width: 640, height: 600, frames: undefined };
  const ranges = { step: [0, LIMITS.maxSteps], width: [160, 4000], height: [160, 4000], frames: [2, MAX_FRAMES] } as const;
  for (const name of ['step', 'width', 'height', 'frames'] as const) {
    const value = v[name];
    if (value === undefined) continue;
    const n = integer(value, `--${name}`, ranges[name][0], ranges[name][1]);
    if (typeof n === 'string') return n;
    numbers[name] = n;
  }
  let duration: number | undefined;
  if (v.duration !== undefined) {
    const d = Number(v.duration);
    if (!/^\d+(\.\d+)?$/.test(v.duration) || !(d >= 0.5 && d <= 600)) return `--duration expects seconds 0.5 … 600, found ${v.duration}`;
    duration = d;
  }
  const animate = v.animate === true;
  const perSample = v['per-sample'] === true;
  if (duration !== undefined && !animate) return '--duration needs --animate';
  if (numbers.frames !== undefined && !(animate && format === 'gif')) return '--frames is for an animated GIF (--animate with a .gif output or --format gif)';
  if (animate && (numbers.step !== undefined || perSample)) return '--animate draws the whole run: leave out --step and --per-sample';
  if (animate && format === 'png') return '--animate writes SVG or GIF, not PNG (a PNG is one still picture)';
  if (format === 'gif' && (numbers.width! > MAX_GIF_SIDE || numbers.height! > MAX_GIF_SIDE)) return `a GIF is at most ${MAX_GIF_SIDE} × ${MAX_GIF_SIDE} pixels`;
  return {
    file,
    output: v.output,
    format,
    theme: theme as ThemeKind,
    step: numbers.step,
    width: numbers.width!,
    height: numbers.height!,
    perSample,
    animate,
    duration,
    frames: numbers.frames,
  };
}

export function runRender(args: readonly string[], io: Io): number {
  if (wantsHelp(args)) {
    io.out(RENDER_HELP);
    return EXIT.ok;
  }
  const parsed = parseRenderArgs(args);
  if (typeof parsed === 'string') return usageError(io, 'render', parsed, RENDER_USAGE);
  const read = readSpecFile(parsed.file, io);
  if ('exit' in read) return read.exit;
  const spec = read.parsed.spec;
  if (spec === undefined) return EXIT.spec;
  const analysis = analyzeSpec(spec);
  const { output, theme, width, height, format } = parsed;
  const size = `${width} × ${height}`;

  const raster = format === 'svg' ? null : createRasterizer(PALETTES[theme].background);
  if (typeof raster === 'string') {
    io.err(`gradient-geometry render: ${raster}`);
    return EXIT.usage;
  }
  if (raster?.fontWarning) io.err(`gradient-geometry render: ${raster.fontWarning}`);

  let data: string | Uint8Array;
  let summary: string;
  if (parsed.animate && raster) {
    const gif = runGif(analysis, { theme, width, height, duration: parsed.duration, frames: parsed.frames }, raster);
    data = gif.bytes;
    summary = `${parsed.file}, animated run of ${analysis.run.path.length - 1} steps in ${gif.frames} frames (${gif.delayMs} ms each), ${theme} theme, GIF ${size}`;
  } else if (parsed.animate) {
    data = animatedRunSvg(analysis, { theme, width, height, duration: parsed.duration });
    summary = `${parsed.file}, animated run of ${analysis.run.path.length - 1} steps, ${theme} theme (still under reduced motion)`;
  } else {
    const scene = buildScene(analysis, { step: parsed.step, aspect: plotAspect(width, height), perSample: parsed.perSample, batchStep: parsed.perSample });
    const svg = renderSvg(scene, theme, { width, height });
    data = raster ? (format === 'gif' ? stillGif(svg, raster) : raster.png(svg)) : svg;
    summary = `${analysis.name === 'main' ? parsed.file : analysis.name}, step ${scene.current} of ${scene.path.length - 1}, ${theme} theme${raster ? `, ${format.toUpperCase()} ${size}` : ''}`;
  }
  const code = writeOutput(output, data, io);
  if (code === EXIT.ok && output !== '-') io.out(`${output}: ${summary}`);
  return code;
}
