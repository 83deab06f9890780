/**
 * An animated SVG of a run, for slides: the panel's still picture at the last step, with the path
 * (and each compare variant's path) drawn step by step by a CSS animation of stroke-dashoffset.
 *
 * Timing is per step, not per pixel: with K recorded points the keyframe at time k/(K−1) shows the
 * first k segments (their share of the polyline's length), so a zig-zag of short steps takes as long
 * as a straight run of long ones. Each polyline gets `pathLength="1"`, so offsets are fractions.
 *
 * Reduced motion: a `prefers-reduced-motion: reduce` media query turns the animation off and the
 * whole path is shown, as in the still figure. No script; the SVG stays a plain image.
 */
import type { Analysis } from '../analysis/types';
import { buildScene, plotAspect, serializeSvg, sceneToSvgTree, type SvgNode, type ThemeKind } from '../scene';

export interface AnimationOptions {
  readonly theme?: ThemeKind;
  readonly width?: number;
  readonly height?: number;
  /** Seconds for the whole path (default: 20 steps per second, clamped to 2 … 30 s). */
  readonly duration?: number;
  /** Seconds the finished picture holds before the animation repeats (default 2). */
  readonly hold?: number;
  /** At most this many keyframes per path (default 120). */
  readonly maxKeyframes?: number;
}

/** Points of a polyline's `points` attribute. */
function polylinePoints(node: SvgNode): [number, number][] {
  const text = String(node.attrs.points ?? '').trim();
  if (text === '') return [];
  return text.split(/\s+/).map((pair) => {
    const [x, y] = pair.split(',').map(Number);
    return [x, y];
  });
}

/** CSS keyframes that reveal a polyline step by step over `share` of the cycle. */
function keyframes(name: string, pts: readonly [number, number][], share: number, maxFrames: number): string {
  const cum: number[] = [0];
  for (let k = 1; k < pts.length; k++) cum.push(cum[k - 1] + Math.hypot(pts[k][0] - pts[k - 1][0], pts[k][1] - pts[k - 1][1]));
  const total = cum[cum.length - 1] || 1;
  const segments = Math.max(1, pts.length - 1);
  const frames = Math.min(segments, maxFrames);
  const lines: string[] = [];
  for (let f = 0; f <= frames; f++) {
    const k = Math.round((f / frames) * segments);
    const t = (f / frames) * share * 100;
    lines.push(`${t.toFixed(3)}% { stroke-dashoffset: ${(1 - cum[Math.min(k, cum.length - 1)] / total).toFixed(5)}; }`);
  }
  lines.push('100% { stroke-dashoffset: 0; }');
  return `@keyframes ${name} { ${lines.join(' ')} }`;
}

/** Walks the tree; returns the polylines with class gg-path or gg-variant, ghosts left out. */
function animatedPolylines(node: SvgNode, out: SvgNode[] = []): SvgNode[] {
  const cls = String(node.attrs.class ?? '');
  // Ghosts (the whole path drawn faintly behind the moving one) stay as they are.
  if (node.tag === 'polyline' && /\b(gg-path|gg-variant)\b/.test(cls) && !/\bgg-(path|variant)-ghost\b/.test(cls)) out.push(node);
  for (const c of node.children ?? []) animatedPolylines(c, out);
  return out;
}

/** Copies the tree, replacing nodes through `map`. */
function mapTree(node: SvgNode, map: (n: SvgNode) => SvgNode): SvgNode {
  const m = map(node);
  return m.children ? { ...m, children: m.children.map((c) => mapTree(c, map)) } : m;
}

/** The animated SVG document of an analysis' run (and its compare variants). */
export function animatedRunSvg(analysis: Analysis, options: AnimationOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 600;
  const steps = Math.max(1, analysis.run.path.length - 1);
  const duration = options.duration ?? Math.min(30, Math.max(2, steps / 20));
  const hold = options.hold ?? 2;
  const cycle = duration + hold;
  const share = duration / cycle;
  const scene = buildScene(analysis, { aspect: plotAspect(width, height) });
  const tree = sceneToSvgTree(scene, { width, height });

  const rules: string[] = [];
  let index = 0;
  const names = new Map<SvgNode, string>();
  for (const line of animatedPolylines(tree)) {
    const pts = polylinePoints(line);
    if (pts.length < 2) continue;
    const name = `gg-reveal-${index++}`;
    names.set(line, name);
    rules.push(keyframes(name, pts, share, options.maxKeyframes ?? 120));
    rules.push(`.${name} { stroke-dasharray: 1 1; stroke-dashoffset: 0; animation: ${name} ${cycle.toFixed(2)}s linear infinite; }`);
  }
  rules.push(
    `@media (prefers-reduced-motion: reduce) { ${[...names.values()].map((n) => `.${n}`).join(', ') || '.gg-none'} { animation: none; stroke-dasharray: none; } }`,
  );

  const animated = mapTree(tree, (n) => {
    const name = names.get(n);
    if (!name) return n;
    return { ...n, attrs: { ...n.attrs, class: `${String(n.attrs.class)} ${name}`, pathLength: 1 } };
  });
  const style: SvgNode = { tag: 'style', attrs: {}, text: rules.join('\n') };
  const desc: SvgNode = {
    tag: 'desc',
    attrs: {},
    text: `Animated run: ${steps} steps in ${duration.toFixed(1)} s, repeating; shown still when reduced motion is requested.`,
  };
  const kids = animated.children ?? [];
  const title = kids[0]?.tag === 'title' ? [kids[0]] : [];
  const root: SvgNode = { ...animated, attrs: { ...animated.attrs, 'data-animated': 'true' }, children: [...title, desc, style, ...kids.slice(title.length)] };
  return serializeSvg(root, options.theme ?? 'light');
}
