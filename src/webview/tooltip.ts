/**
 * The hover tooltip of a path point: that step's numbers and the spec lines that produced it
 * (the start w for step 0; lr, batch and optimizer for every step), drawn as an SVG group so that
 * no inline style is needed.
 */
import type { Analysis } from '../core/analysis/types';
import { compass, formatNumber, type PlaneFrame, type Scene, type Vec2 } from '../core/scene';
import { el, px, type SvgNode } from '../core/scene/svgNodes';
import type { Spec, StatementKey } from '../core/spec/types';
import { optimizerText } from '../shared/specEdits';
import type { Overrides } from './liveModel';
import { entryAt } from '../core/analysis/runPath';
import { createSvg } from './renderTree';

export interface TooltipContext {
  readonly analysis: Analysis;
  readonly spec: Spec | null;
  readonly lines: Partial<Record<StatementKey, number>>;
  readonly overrides: Overrides;
}

function source(ctx: TooltipContext, key: StatementKey, text: string, changed: boolean): string {
  if (changed) return `${text} (changed here)`;
  const line = ctx.lines[key];
  return line !== undefined ? `${text} (line ${line})` : `${text} (default)`;
}

/** The tooltip's text lines for path entry k. */
export function tooltipLines(ctx: TooltipContext, k: number): string[] {
  const a = ctx.analysis;
  const p = entryAt(a.run.path, k);
  if (!p) return [];
  const [i, j] = a.cone.axes;
  const names = a.hessian.parameters;
  const out = [
    `Step ${p.step} · loss ${formatNumber(p.loss)}`,
    `${names[i] ?? 'w1'}, ${names[j] ?? 'w2'} = (${formatNumber(p.w[i])}, ${formatNumber(p.w[j])})`,
  ];
  if (p.update) {
    const dx = p.update[i];
    const dy = p.update[j];
    const coherent = p.signCoherent === null ? '' : p.signCoherent ? ', sign-coherent' : ', mixed signs';
    out.push(`update (${formatNumber(dx)}, ${formatNumber(dy)}) heads ${compass(dx, dy)}${coherent}`);
  } else {
    out.push('end of the path');
  }
  if (p.deltas && p.deltas.length > 0) {
    const pos = p.deltas.filter((d) => d > 0).length;
    const neg = p.deltas.filter((d) => d < 0).length;
    out.push(
      p.deltas.length === 1
        ? `batch: sample ${p.batch?.[0] ?? '?'}, δ = ${formatNumber(p.deltas[0])}`
        : `batch of ${p.deltas.length}: ${pos} with δ > 0, ${neg} with δ < 0`,
    );
  }
  const s = ctx.spec;
  const o = ctx.overrides;
  if (s) {
    if (k === 0) out.push(`from ${source(ctx, 'w', `w = [${s.w.map((v) => formatNumber(v)).join(', ')}]`, o.start !== undefined)}`);
    out.push(`from ${source(ctx, 'lr', `lr = ${formatNumber(a.learningRate.value)}`, o.lr !== undefined)}`);
    out.push(
      `     ${source(ctx, 'batch', `batch = ${o.batch ?? s.batch}`, o.batch !== undefined)}, ${source(ctx, 'optimizer', optimizerText(o.optimizer ?? s.optimizer), o.optimizer !== undefined)}`,
    );
  }
  return out;
}

/** The tooltip group near SVG pixel `at`, kept inside the drawing of size (width, height). */
export function tooltipNode(lines: readonly string[], at: Vec2, width: number, height: number, step: number): SvgNode {
  const w = Math.max(...lines.map((l) => l.length)) * 6.3 + 16;
  const h = lines.length * 15 + 10;
  let x = at[0] + 14;
  let y = at[1] + 14;
  if (x + w > width - 4) x = at[0] - 14 - w;
  if (y + h > height - 4) y = at[1] - 14 - h;
  x = Math.max(4, x);
  y = Math.max(4, y);
  const texts = lines.map((l, k) => el('text', { class: 'gg-tooltip-text', x: px(x + 8), y: px(y + 18 + k * 15), 'font-size': 11.5 }, undefined, l));
  return el('g', { class: 'gg-tooltip', 'data-testid': 'gg-tooltip', 'data-step': step, 'pointer-events': 'none' }, [
    el('circle', { class: 'gg-tooltip-ring', cx: px(at[0]), cy: px(at[1]), r: 7, fill: 'none', 'stroke-width': 2 }),
    el('rect', { class: 'gg-tooltip-box', x: px(x), y: px(y), width: px(w), height: px(h), rx: 3, 'stroke-width': 1 }),
    ...texts,
  ]);
}

/** The tooltip of the path point under the pointer, kept over the plane's redraws. */
export class PlaneTooltip {
  private hover: { k: number; at: Vec2 } | null = null;

  /** Remembers the hovered point (null: none) and draws it. */
  set(
    hover: { k: number; at: Vec2 } | null,
    svg: SVGSVGElement | null,
    scene: Scene | null,
    frame: PlaneFrame | null,
    ctx: TooltipContext | null,
    size: readonly [number, number],
  ): void {
    this.hover = hover;
    this.draw(svg, scene, frame, ctx, size);
  }

  /** Draws the tooltip again into `svg` (after a redraw or a step), or removes it. */
  draw(svg: SVGSVGElement | null, scene: Scene | null, frame: PlaneFrame | null, ctx: TooltipContext | null, size: readonly [number, number]): void {
    svg?.querySelector('.gg-tooltip')?.remove();
    const k = this.hover?.k;
    if (!svg || !ctx || !frame || !scene || k === undefined || !scene.path[k]) return;
    svg.append(createSvg(tooltipNode(tooltipLines(ctx, k), frame.P(scene.path[k]), size[0], size[1], k)));
  }
}
