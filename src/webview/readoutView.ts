/**
 * The readout beside the picture: the plain sentence, then the numbers (readoutRows: steps to
 * converge, zig-zag ratio, sign-coherent updates and gradients, reversals, κ of all trained
 * parameters and of the plane, the optimizer's full-batch bound, the optimal steps, and when the
 * run diverged, the direction that blew up), then the loss convention behind the step-size bounds.
 */
import type { Analysis } from '../core/analysis/types';
import { readoutRows } from '../core/scene';
import { h } from './dom';

export class ReadoutView {
  /** The plain sentence about the run; the panel places it beside the plane, with the step caption. */
  readonly sentence = h('p', { className: 'gg-sentence', testid: 'gg-sentence' });
  private readonly list = h('dl', { className: 'gg-list' });
  private readonly convention = h('p', { className: 'gg-convention', testid: 'gg-convention' });
  readonly element = h(
    'section',
    { className: 'gg-readout', testid: 'gg-readout', attrs: { 'aria-label': 'Readout' } },
    h('h2', { className: 'gg-subtitle', text: 'Readout' }),
    this.list,
    this.convention,
  );

  show(a: Analysis): void {
    this.sentence.textContent = a.sentence;
    this.element.classList.toggle('gg-diverged', a.run.diverged);
    const items: Node[] = [];
    for (const row of readoutRows(a)) {
      const dt = h('dt', { text: row.label });
      const dd = h('dd', { text: row.value, attrs: { 'data-key': row.key } });
      if (row.hint) dd.title = row.hint;
      items.push(
        h('div', { className: `gg-row${row.key === 'divergence' || row.key === 'blowup' ? ' gg-row-alert' : ''}`, attrs: { 'data-key': row.key } }, dt, dd),
      );
    }
    this.list.replaceChildren(...items);
    this.convention.textContent = `Step sizes assume: ${a.learningRate.convention}`;
  }
}
