/**
 * Between the picture and the spec's lines (both ways):
 *
 * - Picture → editor: clicking a part of the plane (or Enter on it when focused) asks the host to
 *   select the statement that set it: the start marker → `w`; the optimum marker and the teacher
 *   ring → `w*` (or `y` when the labels are written out); the allowed-direction cone → `x`, and a
 *   per-sample arrow → its row of `x`; the batch-step arrow → `batch`; the start point of the path
 *   → `w`; every later path point and the update arrow → `lr` (the step size is what puts each
 *   point where it is: θₖ₊₁ = θₖ − η·g; the optimizer and the batch decide g's direction, and the
 *   tooltip names all three); the compared paths → `compare`. Enter on the plane itself reveals
 *   the statement of the current point.
 * - Editor → picture: the host says which statement the cursor is on (`highlight`); the figure gets
 *   `data-highlight` with the part (the stylesheet emphasises it, whatever remounts happen
 *   underneath) and a polite live-region note names it.
 */
import type { Spec, StatementKey } from '../core/spec/types';
import type { WebviewMessage } from '../shared/protocol';
import { h } from './dom';

export type PicturePart = 'start' | 'optimum' | 'cone' | 'path' | 'contours' | 'variants' | 'axes';

/** Which part of the picture each statement sets, and how the note names it. */
export const HIGHLIGHT_PARTS: Partial<Record<StatementKey, { readonly part: PicturePart; readonly label: string }>> = {
  w: { part: 'start', label: 'the start marker' },
  b: { part: 'start', label: 'the start marker' },
  teacherW: { part: 'optimum', label: 'the optimum and the teacher w*' },
  teacherB: { part: 'optimum', label: 'the optimum and the teacher w*' },
  y: { part: 'optimum', label: 'the optimum' },
  x: { part: 'cone', label: 'the allowed-direction cone' },
  samples: { part: 'cone', label: 'the allowed-direction cone' },
  seed: { part: 'cone', label: 'the allowed-direction cone' },
  shift: { part: 'cone', label: 'the allowed-direction cone' },
  lr: { part: 'path', label: 'the path' },
  optimizer: { part: 'path', label: 'the path' },
  batch: { part: 'path', label: 'the path' },
  steps: { part: 'path', label: 'the path' },
  shuffle: { part: 'path', label: 'the path' },
  preprocess: { part: 'contours', label: 'the loss contours' },
  loss: { part: 'contours', label: 'the loss contours' },
  model: { part: 'contours', label: 'the loss contours' },
  compare: { part: 'variants', label: 'the compared paths' },
  view: { part: 'axes', label: "the plane's axes" },
};

/** How a statement reads in messages. */
export function statementName(key: StatementKey): string {
  return key === 'teacherW' ? 'w*' : key === 'teacherB' ? 'b*' : key === 'model' ? 'f' : key;
}

/** A statement to reveal (a zero-based row of written inputs, for a sample). */
export interface Reveal {
  readonly key: StatementKey;
  readonly row?: number;
}

export interface NavigationContext {
  post(message: WebviewMessage): void;
  /** One-based lines of the statements written in the spec. */
  lines(): Partial<Record<StatementKey, number>>;
  spec(): Spec | null;
  /** The path index shown now. */
  step(): number;
  /** The path index near SVG pixel (x, y), or null. */
  nearest(x: number, y: number): number | null;
  status(ok: boolean, message: string): void;
}

/** Focusable, labelled parts of a freshly mounted plane: [selector, key of data-nav, label]. */
const FOCUSABLE: readonly (readonly [string, string, string])[] = [
  ['.gg-start', 'start', 'Start point: show the w statement in the editor'],
  ['.gg-optimum', 'optimum', 'Optimum: show the w* statement in the editor'],
  ['.gg-teacher', 'optimum', 'Teacher w*: show its statement in the editor'],
  ['[data-layer="under"]', 'cone', 'Allowed-direction cone: show the x statement in the editor'],
];

export class Navigation {
  /** Says which part the editor's statement is (polite live region, also visible). */
  readonly note = h('p', { className: 'gg-nav-note', testid: 'gg-nav-note', attrs: { 'aria-live': 'polite', role: 'status' } });

  constructor(
    private readonly figure: HTMLElement,
    private readonly ctx: NavigationContext,
  ) {
    this.note.hidden = true;
    figure.insertAdjacentElement('afterend', this.note);
    figure.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof Element ? e.target : null;
      const reveal = target === figure ? this.pointReveal(this.ctx.step()) : this.revealFor(target, null);
      if (!reveal) return;
      e.preventDefault();
      this.reveal(reveal);
    });
  }

  /** After each mount: the markers and the cone become focusable buttons (Enter reveals their statement). */
  decorate(svg: SVGSVGElement | null): void {
    if (!svg) return;
    const focused = document.activeElement?.getAttribute('data-nav') ?? null;
    for (const [selector, nav, label] of FOCUSABLE) {
      svg.querySelectorAll(selector).forEach((el) => {
        el.setAttribute('tabindex', '0');
        el.setAttribute('role', 'button');
        el.setAttribute('aria-label', label);
        el.setAttribute('data-nav', nav);
      });
    }
    // A remount replaced the focused marker: focus its successor, so the keyboard user stays put.
    if (focused !== null) (svg.querySelector(`[data-nav="${focused}"]`) as SVGElement | null)?.focus();
  }

  /** A click on the plane at SVG pixel `at` (not a drag): reveal the statement of what was clicked. */
  activate(target: Element | null, at: readonly [number, number] | null): void {
    const reveal = this.revealFor(target, at);
    if (reveal) this.reveal(reveal);
  }

  /** The editor's cursor is on statement `key` (null: on none). */
  highlight(key: StatementKey | null): void {
    const part = key === null ? undefined : HIGHLIGHT_PARTS[key];
    if (!part || key === null) {
      delete this.figure.dataset.highlight;
      this.note.textContent = '';
      this.note.hidden = true;
      return;
    }
    this.figure.dataset.highlight = part.part;
    const line = this.ctx.lines()[key];
    this.note.textContent = `Editor: ${statementName(key)}${line !== undefined ? ` (line ${line})` : ''} sets ${part.label}, highlighted.`;
    this.note.hidden = false;
  }

  /** What a click or Enter on `target` (at SVG pixel `at`, for path points) reveals. */
  revealFor(target: Element | null, at: readonly [number, number] | null): Reveal | null {
    const spec = this.ctx.spec();
    const optimumKey: StatementKey = spec && spec.labels.kind !== 'teacher' ? 'y' : 'teacherW';
    const sample = target?.closest('[data-sample]');
    if (sample) {
      const p = Number(sample.getAttribute('data-sample'));
      const explicit = spec?.inputs.kind === 'explicit';
      return Number.isInteger(p) && p >= 0 && explicit ? { key: 'x', row: p } : { key: 'x' };
    }
    if (target?.closest('.gg-start')) return { key: 'w' };
    if (target?.closest('.gg-optimum, .gg-teacher')) return { key: optimumKey };
    if (target?.closest('.gg-batch')) return { key: 'batch' };
    if (target?.closest('.gg-update')) return { key: 'lr' };
    if (target?.closest('.gg-variants')) return { key: 'compare' };
    const k = at ? this.ctx.nearest(at[0], at[1]) : null;
    if (k !== null) return this.pointReveal(k);
    if (target?.closest('[data-layer="under"], .gg-cone')) return { key: 'x' };
    return null;
  }

  /** Path entry k: the start → w; any later point → lr. */
  private pointReveal(k: number): Reveal {
    return k === 0 ? { key: 'w' } : { key: 'lr' };
  }

  private reveal(r: Reveal): void {
    if (this.ctx.lines()[r.key] === undefined) {
      this.ctx.status(false, `${statementName(r.key)} is not written in the spec: it has its default value.`);
      return;
    }
    this.ctx.post(r.row === undefined ? { type: 'revealStatement', key: r.key } : { type: 'revealStatement', key: r.key, row: r.row });
  }
}
