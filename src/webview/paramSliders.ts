/**
 * Sliders for the run's optimizer's own hyper-parameters (β of heavy-ball and Nesterov momentum,
 * β₁ and β₂ of Adam, ρ of RMSProp …), generated from the registry's parameter descriptors (range,
 * step, label): an optimizer module that gives a parameter a `slider` gets one here. Each slider
 * carries the full-batch stability mark its module states for the current η and λmax (heavy ball:
 * β > ηλmax/2 − 1; Nesterov: β < (2 − ηλmax)/(2(ηλmax − 1))), recomputed with every analysis the
 * panel shows, so moving η moves the β mark and moving β changes the run. Adaptive optimizers have
 * no such mark. A change goes to the panel as an optimizer override, written back like η.
 */
import { formatNumber } from '../core/scene';
import type { ParamBound, ParamSpec } from '../core/optimizers/descriptor';
import { optimizerDescriptor, paramBound, paramValue, withParam } from '../core/optimizers/registry';
import type { Optimizer } from '../core/spec/types';
import { h } from './dom';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Steps of a slider's range, so a value maps to an integer position exactly. */
const positions = (s: NonNullable<ParamSpec['slider']>): number => Math.round((s.max - s.min) / s.step);

/** One parameter's row: name and value, the range input, and its mark. */
interface Row {
  readonly param: ParamSpec;
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  readonly value: HTMLOutputElement;
  readonly marks: SVGSVGElement;
}

/** What the mark says for a value range [min, max]. */
export interface MarkState {
  /** The bound inside the slider's range, or null when every value (or none) is on one side. */
  readonly at: number | null;
  /** Every slider value is stable / none is / the bound splits the range / no mark (adaptive). */
  readonly verdict: 'all' | 'none' | 'split' | 'adaptive';
  /** Whether the current value is stable (null without a mark). */
  readonly stable: boolean | null;
  readonly bound: ParamBound | null;
}

/** Where the stability mark of `param` falls on its slider for optimizer `o`, η and λmax. */
export function markState(o: Optimizer, param: ParamSpec, lr: number, lambdaMax: number | null): MarkState {
  const s = param.slider;
  const bound = lambdaMax !== null && lambdaMax > 0 ? paramBound(o, param.key, lr, lambdaMax) : null;
  if (!s || !bound || !Number.isFinite(lr)) return { at: null, verdict: 'adaptive', stable: null, bound: null };
  const v = paramValue(o, param.key) ?? param.default;
  const stable = bound.side === 'above' ? v > bound.value : v < bound.value;
  const stableAt = (x: number): boolean => (bound.side === 'above' ? x > bound.value : x < bound.value);
  if (stableAt(s.min) && stableAt(s.max)) return { at: null, verdict: 'all', stable, bound };
  if (!stableAt(s.min) && !stableAt(s.max)) return { at: null, verdict: 'none', stable, bound };
  return { at: bound.value, verdict: 'split', stable, bound };
}

export class ParamSliders {
  readonly element = h('div', { className: 'gg-params', testid: 'gg-params', attrs: { role: 'group', 'aria-label': 'Optimizer parameters' } });
  private rows: Row[] = [];
  /** Which optimizer kind the rows were made for. */
  private kind = '';
  private optimizer: Optimizer | null = null;

  constructor(private readonly onChange: (o: Optimizer) => void) {}

  /** Every input (for enabling and disabling with the other controls). */
  get inputs(): HTMLInputElement[] {
    return this.rows.map((r) => r.input);
  }

  /** Shows the sliders of `o` at its values, with the marks for η = `lr` and the Hessian's top eigenvalue. */
  update(o: Optimizer, lr: number, lambdaMax: number | null): void {
    this.optimizer = o;
    if (o.kind !== this.kind) {
      this.kind = o.kind;
      this.rows = optimizerDescriptor(o)
        .params.filter((p) => p.slider)
        .map((p) => this.row(p));
      this.element.replaceChildren(...this.rows.map((r) => r.element));
      this.element.hidden = this.rows.length === 0;
    }
    const title = optimizerDescriptor(o).title;
    for (const r of this.rows) {
      const s = r.param.slider!;
      const v = paramValue(o, r.param.key) ?? r.param.default;
      const position = Math.round((v - s.min) / s.step);
      // Leave the thumb where the user holds it when it already stands for this value.
      if (Math.abs(this.fromPosition(r.param, Number(r.input.value)) - v) > s.step / 2) r.input.value = String(Math.max(0, Math.min(positions(s), position)));
      const mark = markState(o, r.param, lr, lambdaMax);
      const name = `${r.param.symbol} = ${formatNumber(v)}`;
      const note = markText(r.param, mark, title, lr, lambdaMax);
      r.value.textContent = `${name}${mark.stable === false ? ' (unstable)' : ''}`;
      r.value.classList.toggle('gg-unstable', mark.stable === false);
      r.value.title = note;
      r.input.setAttribute('aria-valuetext', `${name}; ${note}`);
      r.input.title = note;
      this.drawMark(r, mark, note);
    }
  }

  private fromPosition(p: ParamSpec, position: number): number {
    const s = p.slider!;
    return Number((s.min + position * s.step).toPrecision(12));
  }

  private row(p: ParamSpec): Row {
    const s = p.slider!;
    const id = `gg-param-${p.key}`;
    const input = h('input', {
      className: 'gg-lr gg-param',
      testid: id,
      attrs: { id, type: 'range', min: '0', max: String(positions(s)), step: '1', 'aria-label': p.label },
    });
    const value = h('output', { className: 'gg-lr-value', testid: `${id}-value`, attrs: { for: id } });
    const marks = document.createElementNS(SVG_NS, 'svg');
    marks.setAttribute('class', 'gg-lr-marks');
    marks.setAttribute('data-testid', `${id}-marks`);
    marks.setAttribute('width', '100%');
    marks.setAttribute('height', '2.2em');
    marks.setAttribute('aria-hidden', 'true');
    input.addEventListener('input', () => {
      if (!this.optimizer) return;
      this.onChange(withParam(this.optimizer, p.key, this.fromPosition(p, Number(input.value))));
    });
    const label = h('label', { className: 'gg-field-name', text: p.label.split(':')[0], attrs: { for: id } });
    const element = h(
      'div',
      { className: 'gg-param-row', testid: `${id}-row` },
      h('div', { className: 'gg-lr-row' }, label, value),
      h('div', { className: 'gg-lr-track' }, input, marks),
    );
    return { param: p, element, input, value, marks };
  }

  /** The bound's line on the slider (red, like η's bound), with its condition as a label. */
  private drawMark(r: Row, mark: MarkState, note: string): void {
    const s = r.param.slider!;
    r.marks.dataset.verdict = mark.verdict;
    if (mark.at === null || !mark.bound) {
      // No line: every value on the slider is stable, none is, or there is no bound (adaptive).
      const words =
        mark.verdict === 'all'
          ? `every ${r.param.symbol} here stable (full batch)`
          : mark.verdict === 'none'
            ? `no ${r.param.symbol} here stable (full batch)`
            : '';
      const text = document.createElementNS(SVG_NS, 'text');
      text.setAttribute('x', '100%');
      text.setAttribute('y', '1em');
      text.setAttribute('text-anchor', 'end');
      text.setAttribute('class', 'gg-lr-mark');
      text.textContent = words;
      r.marks.replaceChildren(...(words ? [text] : []));
      r.marks.setAttribute('height', words ? '1.2em' : '0.4em');
      delete r.marks.dataset.value;
      return;
    }
    const position = (mark.at - s.min) / s.step;
    const x = `${((position / positions(s)) * 100).toFixed(2)}%`;
    const g = document.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', 'gg-lr-mark gg-lr-mark-max');
    g.setAttribute('data-key', 'bound');
    g.setAttribute('data-value', String(mark.at));
    g.setAttribute('data-position', String(position));
    g.setAttribute('data-side', mark.bound.side);
    const line = document.createElementNS(SVG_NS, 'line');
    for (const [a, v] of [
      ['x1', x],
      ['x2', x],
      ['y1', '0'],
      ['y2', '1em'],
    ])
      line.setAttribute(a, v);
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', x);
    // In em of the marks' font size (media/panel.css: larger in presenter mode).
    text.setAttribute('y', '2em');
    text.setAttribute('text-anchor', position > positions(s) * 0.7 ? 'end' : position < positions(s) * 0.3 ? 'start' : 'middle');
    text.textContent = `${mark.bound.side === 'above' ? '>' : '<'} ${formatNumber(mark.at)} stable`;
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = note;
    g.append(title, line, text);
    r.marks.replaceChildren(g);
    r.marks.setAttribute('height', '2.2em');
    r.marks.dataset.value = String(mark.at);
  }
}

/** The mark in words: "full-batch stable for β > 0.35 (β > ηλmax/2 − 1, η = 0.5, λmax = 2.7)". */
export function markText(p: ParamSpec, mark: MarkState, title: string, lr: number, lambdaMax: number | null): string {
  if (mark.verdict === 'adaptive' || !mark.bound) {
    return lambdaMax === null || !(lambdaMax > 0)
      ? `No full-batch stability mark: the Hessian has no positive curvature.`
      : `No stability mark: ${title} is adaptive, so no fixed full-batch bound applies.`;
  }
  const given = `η = ${formatNumber(lr)}, λmax = ${formatNumber(lambdaMax ?? 0)}`;
  const rule = `${mark.bound.formula}; ${given}`;
  if (mark.verdict === 'all') return `Every ${p.symbol} on this slider is stable on the full batch (${rule}).`;
  if (mark.verdict === 'none') return `No ${p.symbol} on this slider is stable on the full batch (${rule}): lower η.`;
  return `Full-batch stable for ${p.symbol} ${mark.bound.side === 'above' ? '>' : '<'} ${formatNumber(mark.bound.value)} (${rule}).`;
}
