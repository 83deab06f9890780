/**
 * Below the plane: the loss-versus-step chart (log scale, SVG from the shared core) and the sign
 * strip (one column per step, one row per weight, drawn into a canvas pixel by pixel so that long
 * runs and many weights stay cheap). Each has a cursor at the current step that moves per frame.
 */
import type { Analysis } from '../core/analysis/types';
import { formatNumber, lossChart, signStrip, type LossChart, type SignStrip } from '../core/scene';
import { h } from './dom';
import { PATH_MIN_PIXELS } from './planeView';
import { createSvg } from './renderTree';

const SVG_NS = 'http://www.w3.org/2000/svg';
const CHART_WIDTH = 640;
const CHART_HEIGHT = 170;

/** "#rrggbb" or "rgb(r, g, b)" → [r, g, b]; black when unreadable. */
function parseColour(text: string): [number, number, number] {
  const t = text.trim();
  const hex = /^#([0-9a-f]{6})$/i.exec(t);
  if (hex) return [0, 2, 4].map((k) => parseInt(hex[1].slice(k, k + 2), 16)) as [number, number, number];
  const rgb = /^rgba?\((\d+)[, ]+(\d+)[, ]+(\d+)/i.exec(t);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return [0, 0, 0];
}

export class ChartsView {
  readonly element: HTMLElement;
  private readonly chartHost = h('div', { className: 'gg-chart-host' });
  private readonly canvas = h('canvas', { className: 'gg-sign-canvas', testid: 'gg-sign-strip', attrs: { role: 'img' } });
  private readonly stripCursor = document.createElementNS(SVG_NS, 'svg');
  private readonly cursorLine = document.createElementNS(SVG_NS, 'line');
  private readonly stripLabels = h('div', { className: 'gg-sign-rows', attrs: { 'aria-hidden': 'true' } });
  private readonly stripCaption = h('p', { className: 'gg-caption', testid: 'gg-sign-caption' });
  private chart: LossChart | null = null;
  private chartCursor: Element | null = null;
  private strip: SignStrip | null = null;
  private analysis: Analysis | null = null;
  /** The strip's colours and the theme they were read in (reading CSS forces a style pass: once per theme, not per edit). */
  private colours: { theme: string; pos: number[]; neg: number[]; zero: number[] } | null = null;

  constructor() {
    this.stripCursor.setAttribute('class', 'gg-sign-cursor');
    this.stripCursor.setAttribute('aria-hidden', 'true');
    this.stripCursor.setAttribute('width', '100%');
    this.stripCursor.setAttribute('height', '100%');
    this.cursorLine.setAttribute('class', 'gg-strip-cursor');
    this.cursorLine.setAttribute('y1', '0');
    this.cursorLine.setAttribute('y2', '100%');
    this.cursorLine.setAttribute('stroke-width', '2');
    this.stripCursor.append(this.cursorLine);
    const legend = h(
      'span',
      { className: 'gg-legend-inline' },
      h('span', { className: 'gg-swatch gg-swatch-pos' }),
      document.createTextNode(' ∂L/∂wᵢ > 0  '),
      h('span', { className: 'gg-swatch gg-swatch-neg' }),
      document.createTextNode(' ∂L/∂wᵢ < 0'),
    );
    this.element = h(
      'section',
      { className: 'gg-charts', attrs: { 'aria-label': 'Loss and gradient signs over the steps' } },
      h('h2', { className: 'gg-subtitle', text: 'Loss per step' }),
      this.chartHost,
      h('h2', { className: 'gg-subtitle' }, document.createTextNode('Sign of each batch-gradient component per step  '), legend),
      h('div', { className: 'gg-sign-wrap' }, this.stripLabels, h('div', { className: 'gg-sign-box' }, this.canvas, this.stripCursor)),
      this.stripCaption,
    );
  }

  /** Redraws both for a new analysis (also after a theme change: the strip's colours come from CSS). */
  mount(analysis: Analysis, step: number, variants: boolean): void {
    this.analysis = analysis;
    this.chart = lossChart(analysis, CHART_WIDTH, CHART_HEIGHT, step, variants, PATH_MIN_PIXELS);
    const svg = createSvg(this.chart.tree);
    this.chartHost.replaceChildren(svg);
    this.chartCursor = svg.querySelector('[data-testid="gg-chart-cursor"]');
    this.strip = signStrip(analysis);
    this.paintStrip();
    this.show(step);
  }

  /** The sign colours of the current theme (VS Code's theme is the body's classes and the root's CSS variables). */
  private themeColours(): { pos: number[]; neg: number[]; zero: number[] } {
    const theme = `${document.body.className}|${document.documentElement.getAttribute('style') ?? ''}|${document.body.getAttribute('style') ?? ''}`;
    if (this.colours?.theme !== theme) {
      const css = getComputedStyle(document.body);
      const colour = (name: string): number[] => [...parseColour(css.getPropertyValue(name))];
      this.colours = { theme, pos: colour('--gg-sign-pos'), neg: colour('--gg-sign-neg'), zero: colour('--gg-gridline') };
    }
    return this.colours;
  }

  /** Repaints the strip in the current theme's colours. */
  paintStrip(): void {
    const s = this.strip;
    if (!s) return;
    const rowHeight = Math.max(1, Math.min(12, Math.floor(96 / Math.max(1, s.rows))));
    const width = Math.max(1, s.columns);
    const height = Math.max(1, s.rows * rowHeight);
    this.canvas.width = width;
    this.canvas.height = height;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const { pos, neg, zero } = this.themeColours();
    const image = ctx.createImageData(width, height);
    const data = image.data;
    for (let c = 0; c < s.columns; c++) {
      for (let r = 0; r < s.rows; r++) {
        const sign = s.signs[c * s.rows + r];
        const rgb = sign > 0 ? pos : sign < 0 ? neg : zero;
        for (let y = r * rowHeight; y < (r + 1) * rowHeight; y++) {
          const o = (y * width + c) * 4;
          data[o] = rgb[0];
          data[o + 1] = rgb[1];
          data[o + 2] = rgb[2];
          data[o + 3] = 255;
        }
      }
    }
    ctx.putImageData(image, 0, 0);
    this.canvas.dataset.columns = String(s.columns);
    this.canvas.dataset.rows = String(s.rows);
    this.canvas.dataset.rowHeight = String(rowHeight);
    this.canvas.dataset.uniformShare = String(s.uniformShare);
    this.canvas.dataset.gradientShare = String(s.gradientShare);
    const a = this.analysis;
    const n = a?.dimension ?? s.rows;
    const steps = a ? a.run.stepsRun : s.columns;
    const thinned = s.columns < steps ? `; ${s.columns} of them drawn` : '';
    // The caption quotes the analysis's share over all steps (not only the drawn columns) under its own name.
    const pct = `${formatNumber(s.gradientShare * 100, 3)} %`;
    this.canvas.setAttribute('aria-label', `Sign strip: ${s.columns} columns × ${s.rows} weights; sign-coherent gradients ${pct} of the ${steps} steps`);
    const shown = s.rows < n ? `; first ${s.rows} of ${n} weights drawn` : '';
    this.stripCaption.textContent = `Sign-coherent gradients: ${pct} of the ${steps} steps push every weight the same way (one sign in every component of the batch gradient${shown}${thinned}).${a?.inputs.allPositive ? ' All inputs are positive: a one-sample gradient δ·x has the sign of δ in every component.' : ''}`;
    this.stripCaption.dataset.share = String(s.gradientShare);
    this.stripLabels.replaceChildren(
      ...(s.rows <= 8
        ? s.names.map((name) => h('span', { text: name }))
        : [h('span', { text: s.names[0] }), h('span', { text: '⋮' }), h('span', { text: s.names[s.names.length - 1] })]),
    );
    this.stripLabels.dataset.rows = String(s.rows <= 8 ? s.rows : 3);
  }

  /** Moves both cursors to path entry `step`. */
  show(step: number): void {
    const a = this.analysis;
    if (!a) return;
    const path = a.run.path;
    const at = path.length > 0 ? path.step[Math.max(0, Math.min(step, path.length - 1))] : 0;
    if (this.chart && this.chartCursor) {
      const x = String(this.chart.stepX(at));
      this.chartCursor.setAttribute('x1', x);
      this.chartCursor.setAttribute('x2', x);
      this.chartCursor.setAttribute('data-step', String(at));
    }
    const s = this.strip;
    if (s && s.columns > 0) {
      const total = Math.max(1, a.run.path.length - 1);
      const x = `${((Math.min(step, total) / total) * 100).toFixed(2)}%`;
      this.cursorLine.setAttribute('x1', x);
      this.cursorLine.setAttribute('x2', x);
    }
  }
}
