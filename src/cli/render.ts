/**
 * `gradient-geometry render FILE -o OUT.svg [--theme KIND] [--step N] [--width W] [--height H]
 * [--per-sample] [--animate [--duration S]]`: the panel's weight-plane picture as a standalone SVG,
 * drawn by the same scene code (buildScene → sceneToSvgTree → renderSvg), so the CLI's figure and
 * the panel agree; `--animate` draws the run step by step (core/figures/animatedSvg.ts).
 * Exit codes: 0 written, 1 the spec has errors, 2 usage error, unreadable input or unwritable output.
 */
import { writeFileSync } from 'node:fs';
import { analyzeSpec } from '../core/analysis/analyze';
import { animatedRunSvg } from '../core/figures';
import { buildScene, plotAspect, renderSvg, THEME_KINDS, type ThemeKind } from '../core/scene';
import { LIMITS } from '../core/spec/types';
import { readSpecFile } from './specFile';

export const RENDER_USAGE = `  gradient-geometry render FILE -o OUT.svg [--theme light|dark|high-contrast|high-contrast-light]
                    [--step N] [--width W] [--height H] [--per-sample] [--animate [--duration S]]
                                            draw the weight plane as a standalone SVG; --animate draws
                                            the run step by step (CSS, still under reduced motion)`;

interface Io {
  out(text: string): void;
  err(text: string): void;
}

interface RenderArgs {
  readonly file: string;
  readonly output: string;
  readonly theme: ThemeKind;
  readonly step?: number;
  readonly width: number;
  readonly height: number;
  readonly perSample: boolean;
  /** An animated SVG of the run (docs/figures.md). */
  readonly animate: boolean;
  /** Seconds for the whole animated path (default: 20 steps per second, 2 … 30 s). */
  readonly duration?: number;
}

/** Parses the arguments after `render`; a string is the usage error. */
export function parseRenderArgs(args: readonly string[]): RenderArgs | string {
  let file: string | undefined;
  let output: string | undefined;
  let theme: ThemeKind = 'light';
  let step: number | undefined;
  let width = 640;
  let height = 600;
  let perSample = false;
  let animate = false;
  let duration: number | undefined;
  const integer = (v: string | undefined, name: string, lo: number, hi: number): number | string => {
    const n = Number(v);
    return v !== undefined && /^\d+$/.test(v) && n >= lo && n <= hi ? n : `${name} expects a whole number ${lo} … ${hi}, found ${v ?? 'nothing'}`;
  };
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const value = args[k + 1];
    if (a === '-o' || a === '--output') {
      if (value === undefined) return `${a} expects a file name`;
      output = value;
      k++;
    } else if (a === '--theme') {
      if (!THEME_KINDS.includes(value as ThemeKind)) return `--theme expects one of ${THEME_KINDS.join(', ')}, found ${value ?? 'nothing'}`;
      theme = value as ThemeKind;
      k++;
    } else if (a === '--step' || a === '--width' || a === '--height') {
      const n = integer(value, a, a === '--step' ? 0 : 160, a === '--step' ? LIMITS.maxSteps : 4000);
      if (typeof n === 'string') return n;
      if (a === '--step') step = n;
      else if (a === '--width') width = n;
      else height = n;
      k++;
    } else if (a === '--per-sample') {
      perSample = true;
    } else if (a === '--animate') {
      animate = true;
    } else if (a === '--duration') {
      const d = Number(value);
      if (value === undefined || !/^\d+(\.\d+)?$/.test(value) || !(d >= 0.5 && d <= 600)) return `--duration expects seconds 0.5 … 600, found ${value ?? 'nothing'}`;
      duration = d;
      k++;
    } else if (a.startsWith('-')) {
      return `unknown option ${a}`;
    } else if (file === undefined) {
      file = a;
    } else {
      return `unexpected argument ${a}`;
    }
  }
  if (file === undefined) return 'render expects a .neuron FILE';
  if (output === undefined) return 'render expects -o OUT.svg';
  if (duration !== undefined && !animate) return '--duration needs --animate';
  if (animate && (step !== undefined || perSample)) return '--animate draws the whole run: leave out --step and --per-sample';
  return { file, output, theme, step, width, height, perSample, animate, duration };
}

export function runRender(args: readonly string[], io: Io): number {
  const parsed = parseRenderArgs(args);
  if (typeof parsed === 'string') {
    io.err(`gradient-geometry render: ${parsed}\nUsage:\n${RENDER_USAGE}`);
    return 2;
  }
  const read = readSpecFile(parsed.file, io);
  if ('exit' in read) return read.exit;
  const result = read.parsed;
  if (result.spec === undefined) return 1;
  const analysis = analyzeSpec(result.spec);
  if (parsed.animate) {
    const svg = animatedRunSvg(analysis, { theme: parsed.theme, width: parsed.width, height: parsed.height, duration: parsed.duration });
    try {
      writeFileSync(parsed.output, svg);
    } catch (e) {
      io.err(`gradient-geometry: cannot write ${parsed.output}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      return 2;
    }
    io.out(`${parsed.output}: ${parsed.file}, animated run of ${analysis.run.path.length - 1} steps, ${parsed.theme} theme (still under reduced motion)`);
    return 0;
  }
  const scene = buildScene(analysis, { step: parsed.step, aspect: plotAspect(parsed.width, parsed.height), perSample: parsed.perSample, batchStep: parsed.perSample });
  const svg = renderSvg(scene, parsed.theme, { width: parsed.width, height: parsed.height });
  try {
    writeFileSync(parsed.output, svg);
  } catch (e) {
    io.err(`gradient-geometry: cannot write ${parsed.output}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return 2;
  }
  io.out(`${parsed.output}: ${analysis.name === 'main' ? parsed.file : analysis.name}, step ${scene.current} of ${scene.path.length - 1}, ${parsed.theme} theme`);
  return 0;
}
