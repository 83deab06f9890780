/**
 * The three numbers a student reads first, beside the sentence: the zig-zag ratio, how many steps
 * the run took to converge (or "diverged after N steps"), and κ of all trained parameters. The full
 * readout below repeats them with everything else; these are its own rows (readoutRows), so the
 * two never disagree.
 */
import type { Analysis } from '../core/analysis/types';
import { readoutRows } from '../core/scene';
import { h } from './dom';

/** The readout rows shown as key numbers, with their short labels. */
export const KEY_NUMBERS: readonly (readonly [key: string, label: string])[] = [
  ['zigzag', 'Zig-zag ratio'],
  ['converge', 'Converged after'],
  ['kappa', 'κ'],
];

export class KeyNumbersView {
  readonly element = h('dl', { className: 'gg-keys', testid: 'gg-key-numbers', attrs: { 'aria-label': 'Key numbers' } });

  show(a: Analysis): void {
    const rows = new Map(readoutRows(a).map((r) => [r.key, r]));
    const items = KEY_NUMBERS.map(([key, label]) => {
      const row = rows.get(key);
      let name = label;
      let value = row?.value ?? '—';
      if (key === 'converge') {
        const steps = a.run.convergedAt;
        if (a.run.diverged) [name, value] = ['Diverged', a.run.divergedAt !== null ? `after ${a.run.divergedAt} steps` : 'yes'];
        else if (steps === null || !Number.isFinite(steps)) [name, value] = ['Converged', `not within ${a.run.stepsRun} steps`];
        else value = `${steps} step${steps === 1 ? '' : 's'}`;
      }
      // A network's κ is the output weights' Hessian at step 0, not all its parameters'.
      if (key === 'kappa' && row) name = a.network ? 'κ (output weights, step 0)' : 'κ (all parameters)';
      const dd = h('dd', { text: value });
      if (row?.hint) dd.title = row.hint;
      return h(
        'div',
        { className: `gg-key${key === 'converge' && a.run.diverged ? ' gg-key-alert' : ''}`, testid: `gg-key-${key}` },
        h('dt', { text: name }),
        dd,
      );
    });
    this.element.replaceChildren(...items);
  }
}
