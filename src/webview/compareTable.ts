/**
 * The comparison at a glance: one row per run (the main run first, each named by what differs,
 * runNames.ts), with its key numbers (zig-zag ratio, steps to converge, sign-coherent share, κ),
 * the colour it is drawn in, and a switch between the overlaid plane and side-by-side planes. When a
 * variant's preprocessing changes the weights' coordinates, the table says so (each run is then
 * drawn in its own coordinates, side by side).
 */
import type { Analysis } from '../core/analysis/types';
import { mainRunName, readoutRows } from '../core/scene';
import type { Spec } from '../core/spec/types';
import { button, h } from './dom';

/** Whether the variant of index k trains in other weight coordinates than the main run (another preprocessing). */
export function ownCoordinates(spec: Spec | null, k: number): boolean {
  const p = spec?.compare[k]?.changes.preprocess;
  return p !== undefined && p !== spec?.preprocess;
}

/** Whether any variant trains in other coordinates than the main run. */
export function coordinatesDiffer(spec: Spec | null, a: Analysis): boolean {
  return a.variants.some((_, k) => ownCoordinates(spec, k));
}

function steps(a: Analysis): string {
  if (a.run.diverged) return a.run.divergedAt !== null ? `diverged after ${a.run.divergedAt}` : 'diverged';
  const c = a.run.convergedAt;
  return c !== null && Number.isFinite(c) ? String(c) : `not in ${a.run.stepsRun}`;
}

export class CompareTable {
  readonly element: HTMLElement;
  private readonly body = h('tbody');
  private readonly note = h('p', { className: 'gg-note', testid: 'gg-compare-note' });
  readonly layoutButton = button('Side by side', 'gg-compare-side', 'Show each run on its own plane, in step', 'gg-button gg-secondary gg-small');

  constructor(onLayout: (mode: 'overlay' | 'side') => void) {
    const head = h('tr', {}, ...['Run', 'Zig-zag', 'Steps to converge', 'Sign-coherent', 'κ'].map((t) => h('th', { text: t, attrs: { scope: 'col' } })));
    const table = h('table', { className: 'gg-compare-table', testid: 'gg-compare-table' }, h('thead', {}, head), this.body);
    this.element = h(
      'section',
      { className: 'gg-compare', testid: 'gg-compare', attrs: { 'aria-label': 'Compared runs' } },
      h('div', { className: 'gg-compare-head' }, h('h2', { className: 'gg-subtitle', text: 'Compared runs, in step' }), this.layoutButton),
      table,
      this.note,
    );
    this.element.hidden = true;
    this.layoutButton.addEventListener('click', () => onLayout(this.layoutButton.dataset.mode === 'side' ? 'side' : 'overlay'));
  }

  /** The runs of `a` (hidden without variants); `layout` is the one on screen. */
  show(a: Analysis, spec: Spec | null, layout: 'overlay' | 'side'): void {
    this.element.hidden = a.variants.length === 0;
    if (a.variants.length === 0) {
      this.body.replaceChildren();
      return;
    }
    const runs = [a, ...a.variants];
    const rows = runs.map((run, k) => {
      const r = new Map(readoutRows(run).map((row) => [row.key, row.value]));
      const name = k === 0 ? mainRunName(spec) : run.name;
      const own = k > 0 && ownCoordinates(spec, k - 1);
      const swatch = h('span', { className: `gg-run-swatch ${k === 0 ? 'gg-run-main' : `gg-run-${(k - 1) % 6}`}`, attrs: { 'aria-hidden': 'true' } });
      return h(
        'tr',
        { attrs: { 'data-run': name } },
        h('th', { attrs: { scope: 'row' } }, swatch, document.createTextNode(` ${name}${own ? ' *' : ''}`)),
        h('td', { text: r.get('zigzag') ?? '—', attrs: { 'data-key': 'zigzag' } }),
        h('td', { text: steps(run), attrs: { 'data-key': 'converge' } }),
        h('td', { text: r.get('coherent') ?? '—', attrs: { 'data-key': 'coherent' } }),
        h('td', { text: r.get('kappa') ?? '—', attrs: { 'data-key': 'kappa' } }),
      );
    });
    this.body.replaceChildren(...rows);
    const differ = coordinatesDiffer(spec, a);
    this.note.textContent = differ
      ? `* Preprocessing changes the weights' coordinates: ${layout === 'side' ? 'each run is drawn on its own plane, in its own coordinates, with its own optimum.' : 'on one plane these paths are drawn in other coordinates than the axes; choose side by side.'}`
      : `Every path moves in step: the same step on each, each with its own current point and optimum.`;
    const next = layout === 'side' ? 'overlay' : 'side';
    this.layoutButton.dataset.mode = next;
    this.layoutButton.textContent = next === 'side' ? 'Side by side' : 'Overlaid';
    this.layoutButton.title = next === 'side' ? 'Show each run on its own plane, in step' : 'Draw every run on one plane';
  }
}
