/**
 * A network's strip beside the plane (core/scene/networkScene.ts): per hidden unit the signs of
 * its incoming-weight gradient row ∂L/∂Wⱼ at the shown step (a symbol and words, not colour
 * alone), the hidden outputs' signs and cone there, and the output weights' curvature, each
 * labelled with its step. Hidden for a single neuron. Updated with every frame while playing.
 */
import type { Analysis } from '../core/analysis/types';
import { networkStrip, ROW_SIGN_TEXT } from '../core/scene';
import { h } from './dom';

export class NetworkView {
  readonly element = h('section', { className: 'gg-network', testid: 'gg-network', attrs: { 'aria-label': 'Hidden layer at the shown step' } });
  private readonly cone = h('p', { className: 'gg-network-line', testid: 'gg-network-cone' });
  private readonly rows = h('ul', {
    className: 'gg-network-rows',
    testid: 'gg-network-rows',
    attrs: { 'aria-label': "Sign of each hidden unit's gradient row ∂L/∂Wⱼ" },
  });
  private readonly curvature = h('p', { className: 'gg-network-line', testid: 'gg-network-curvature' });
  private analysis: Analysis | null = null;
  private lastStep = -1;

  constructor() {
    this.element.hidden = true;
    this.element.append(this.cone, this.rows, this.curvature);
  }

  mount(a: Analysis): void {
    this.analysis = a.network ? a : null;
    this.element.hidden = this.analysis === null;
    this.lastStep = -1;
  }

  /** The strip at path entry `entry`; only the DOM that changed is touched. */
  show(entry: number): void {
    const a = this.analysis;
    if (!a) return;
    const strip = networkStrip(a, entry);
    if (!strip || strip.step === this.lastStep) return;
    this.lastStep = strip.step;
    this.cone.textContent = strip.cone;
    this.curvature.textContent = strip.curvature;
    if (strip.rows.length === 0) {
      this.rows.replaceChildren(h('li', { className: 'gg-network-frozen', text: 'W and c frozen (train = output)' }));
      return;
    }
    this.rows.replaceChildren(
      ...strip.rows.map((r) =>
        h(
          'li',
          { className: `gg-network-row gg-sign-${r.signs}`, attrs: { title: r.label } },
          h('span', { className: 'gg-network-unit', text: `W${r.unit}` }),
          h('span', { className: 'gg-network-symbol', text: ROW_SIGN_TEXT[r.signs].symbol, attrs: { 'aria-label': r.label } }),
        ),
      ),
    );
  }
}
