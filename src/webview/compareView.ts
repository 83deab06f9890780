/**
 * Compare variants side by side: one small plane per run (the main spec first, then each
 * `compare` entry), each with its own contours, cone and path, all at the same step, so a student
 * sees "sigmoid zig-zags, tanh does not" at a glance. The overlay mode draws them on one plane.
 */
import type { Analysis } from '../core/analysis/types';
import { buildScene, plotAspect, type SceneOptions } from '../core/scene';
import { h } from './dom';
import { PlaneView } from './planeView';
import { MULTIPLE_HEIGHT as HEIGHT, MULTIPLE_WIDTH as WIDTH } from './screenFit';

export class CompareView {
  readonly element = h('div', { className: 'gg-multiples', testid: 'gg-multiples' });
  private views: { plane: PlaneView; runs: number }[] = [];

  /**
   * One plane per run, in step. `mainName` names the main run by what differs (runNames.ts);
   * `own[k]`: variant k trains in its own coordinates (another preprocessing), and its caption says so.
   */
  mount(a: Analysis, step: number, options: SceneOptions, mainName = 'main', own: readonly boolean[] = [], fontScale = 1): void {
    const runs = [a, ...a.variants];
    this.views = [];
    this.element.classList.toggle('gg-multiples-4', runs.length >= 3);
    const cells = runs.map((run, k) => {
      const name = k === 0 ? mainName : run.name;
      const host = h('div', { className: 'gg-multiple-plane' });
      const plane = new PlaneView(host, { width: WIDTH, height: HEIGHT, idPrefix: `gg-m${k}` });
      plane.setFontScale(fontScale);
      const scene = buildScene(run, {
        ...options,
        aspect: plotAspect(WIDTH, HEIGHT),
        variants: false,
        step: Math.min(step, run.run.path.length - 1),
        teacher: null,
        viewport: undefined,
      });
      plane.mount({ ...scene, title: name }, run, { ...options, variants: false });
      this.views.push({ plane, runs: run.run.path.length });
      const coords = k > 0 && own[k - 1] ? ' (its own coordinates)' : '';
      const caption = h('figcaption', { className: `gg-multiple-caption gg-caption-${k === 0 ? 'main' : (k - 1) % 6}`, text: `${name}${coords}` });
      const summary = h('p', { className: 'gg-multiple-sentence', text: run.sentence });
      return h('figure', { className: 'gg-multiple', attrs: { 'data-name': name, title: run.sentence } }, caption, host, summary);
    });
    this.element.replaceChildren(...cells);
  }

  show(step: number): void {
    for (const v of this.views) v.plane.show(Math.min(step, v.runs - 1));
  }
}
