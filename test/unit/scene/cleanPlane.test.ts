import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { buildScene, mainRunName, planeFrame, sceneToSvgTree, type SvgNode } from '../../../src/core/scene';
import { intersects, LabelPlacer, textSize, type Box } from '../../../src/core/scene/labelPlacement';
import { staticLabels } from '../../../src/core/scene/planeLabels';
import { EXAMPLES, loadLesson } from '../lessons/lesson';

const LAYOUT = { width: 640, height: 600 };

/** Every text node of a tree with its estimated box (text-anchor start, as the placed labels are drawn). */
function placedTexts(node: SvgNode, out: { text: string; box: Box }[] = []): { text: string; box: Box }[] {
  const cls = String(node.attrs.class ?? '');
  if (node.tag === 'text' && /gg-plane-label/.test(cls) && !/gg-kappa-text|gg-offview-label/.test(cls)) {
    const size = Number(node.attrs['font-size']);
    const text = node.text ?? '';
    const { w, h } = textSize(text, size);
    out.push({ text, box: { x: Number(node.attrs.x) - 1, y: Number(node.attrs.y) - size * 0.95, w, h } });
  }
  for (const k of node.children ?? []) placedTexts(k, out);
  return out;
}

describe('a clean plane (issue 12 §8)', () => {
  const files = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.neuron'))
    .sort();

  it('places labels clear of each other and inside the plot', () => {
    const placer = new LabelPlacer({ x: 0, y: 0, w: 200, h: 200 }, null);
    const a = placer.place('optimum', 12, [100, 100]);
    const b = placer.place('start', 12, [100, 100]);
    const c = placer.place('another label', 12, [102, 98]);
    for (const [p, q] of [
      [a, b],
      [a, c],
      [b, c],
    ])
      assert.ok(!intersects(p.box, q.box), 'no two boxes meet');
    for (const p of [a, b, c]) assert.ok(p.box.x >= 0 && p.box.y >= 0 && p.box.x + p.box.w <= 200 && p.box.y + p.box.h <= 200);
  });

  for (const fontScale of [1, 1.5]) {
    it(`no two placed labels of any example overlap, at three steps (font scale ${fontScale})`, () => {
      for (const file of files) {
        const a = loadLesson(file).main;
        const last = a.run.path.length - 1;
        for (const step of [0, 3, Math.round(last / 2)]) {
          const scene = buildScene(a, { step, aspect: 624 / 544, perSample: true, batchStep: true, fan: true });
          const texts = placedTexts(sceneToSvgTree(scene, { ...LAYOUT, fontScale }));
          for (let i = 0; i < texts.length; i++) {
            for (let j = i + 1; j < texts.length; j++)
              assert.ok(!intersects(texts[i].box, texts[j].box), `${file} step ${step}: "${texts[i].text}" × "${texts[j].text}"`);
          }
        }
      }
    });
  }

  it('the legend sits in a corner that does not cover the cone at the step drawn, when one exists', () => {
    for (const file of files) {
      const a = loadLesson(file).main;
      if (a.variants.length === 0) continue;
      const scene = buildScene(a, { step: 0, aspect: 624 / 544 });
      const f = planeFrame(scene.viewport, LAYOUT);
      const legend = staticLabels(scene, f).legend;
      assert.ok(legend, file);
      const inPlot = legend.x >= f.plot.x && legend.y >= f.plot.y && legend.x + legend.w <= f.plot.x + f.plot.w && legend.y + legend.h <= f.plot.y + f.plot.h;
      assert.ok(inPlot, `${file}: the legend is inside the plot`);
    }
  });

  it('names the main run by what its variants change', () => {
    assert.equal(mainRunName(loadLesson('batch-vs-full.neuron').spec), 'batch 1');
    assert.equal(mainRunName(loadLesson('correlated-inputs.neuron').spec), 'no preprocessing');
    assert.equal(mainRunName(loadLesson('batch-sizes.neuron').spec), 'batch 1');
    assert.equal(mainRunName(loadLesson('inside-cone.neuron').spec), 'main', 'no variants');
  });

  it('draws the fan: every per-sample step inside the cone, their mean the batch step, outside it when the δₚ have mixed signs', () => {
    const full = loadLesson('batch-vs-full.neuron').variant('batch all');
    let outside = 0;
    for (let step = 0; step < 40; step++) {
      const scene = buildScene(full, { step, fan: true, batchStep: true });
      const fan = scene.fan ?? [];
      assert.ok(fan.length > 1, `step ${step}: a fan`);
      for (const s of fan) {
        const d = [s.to[0] - s.from[0], s.to[1] - s.from[1]];
        assert.ok(Math.sign(d[0]) === Math.sign(d[1]) || d[0] === 0 || d[1] === 0, 'positive inputs: each per-sample step is NE or SW, inside the cone');
      }
      const m = scene.fanMean!;
      const b = scene.batchStep!;
      const ms = scene.fanScale ?? 1;
      const bs = scene.perSampleScale;
      for (const k of [0, 1])
        assert.ok(
          Math.abs((m.to[k] - m.from[k]) / ms - (b.to[k] - b.from[k]) / bs) < 1e-9 + 1e-6 * Math.abs((b.to[k] - b.from[k]) / bs),
          'the mean is the batch step',
        );
      const md = [m.to[0] - m.from[0], m.to[1] - m.from[1]];
      if (Math.sign(md[0]) !== Math.sign(md[1])) outside++;
    }
    assert.ok(outside > 0, 'the full batch leaves the cone');
    assert.deepEqual(buildScene(loadLesson('sigmoid-northwest.neuron').main, { step: 0, fan: true }).fan, [], 'batch 1: no fan');
  });
});
