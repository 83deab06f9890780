/**
 * Compare variants side by side: one small plane per run (the main spec first, then each
 * `compare` entry), each with its own contours, cone and path, all at the same step, so a student
 * sees "sigmoid zig-zags, tanh does not" at a glance. The overlay mode draws them on one plane.
 */
import type { Analysis } from '../core/analysis/types';
import { buildScene, plotAspect, type SceneOptions } from '../core/scene';
import { h } from './dom';
import { PlaneView } from './planeView';

const WIDTH = 340;
const HEIGHT = 320;

export class CompareView {
  readonly element = h('div', { className: 'gg-multiples', testid: 'gg-multiples' });
  private views: { plane: PlaneView; runs: number }[] = [];

  mount(a: Analysis, step: number, options: SceneOptions): void {
    const runs = [a, ...a.variants];
    this.views = [];
    const cells = runs.map((run, k) => {
      const host = h('div', { className: 'gg-multiple-plane' });
      const plane = new PlaneView(host, { width: WIDTH, height: HEIGHT, idPrefix: `gg-m${k}` });
      const scene = buildScene(run, { ...options, aspect: plotAspect(WIDTH, HEIGHT), variants: false, step: Math.min(step, run.run.path.length - 1), teacher: null, viewport: undefined });
      plane.mount({ ...scene, title: k === 0 ? 'main' : run.name }, run, { ...options, variants: false });
      this.views.push({ plane, runs: run.run.path.length });
      const caption = h('figcaption', { className: `gg-multiple-caption gg-caption-${k === 0 ? 'main' : (k - 1) % 6}`, text: k === 0 ? 'main' : run.name });
      const summary = h('p', { className: 'gg-multiple-sentence', text: run.sentence });
      return h('figure', { className: 'gg-multiple', attrs: { 'data-name': k === 0 ? 'main' : run.name } }, caption, host, summary);
    });
    this.element.replaceChildren(...cells);
  }

  show(step: number): void {
    for (const v of this.views) v.plane.show(Math.min(step, v.runs - 1));
  }
}
