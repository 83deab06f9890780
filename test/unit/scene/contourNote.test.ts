// Contours that are not the exact loss of the run say so on the plane (issue 11 §1: "a sampled
// loss for large P, labelled as such"): a logistic grid drawn from a sample of the data, and a
// network's loss over w with W and c as at step 0 while they train.
import * as assert from 'node:assert/strict';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import { buildScene, planeFrame, sceneToSvgTree, type SvgNode } from '../../../src/core/scene';
import { intersects } from '../../../src/core/scene/labelPlacement';
import { staticLabels, wrapText } from '../../../src/core/scene/planeLabels';
import { parseSpec } from '../../../src/core/spec/parse';
import { EXAMPLES, loadLesson } from '../lessons/lesson';
import { readdirSync } from 'node:fs';

const SAMPLED = `f = w·x + b
x ~ sigmoid(normal(0, 1))
samples = 20000
w* = [-1, 1]
w = [1.5, -0.5]
loss = logistic
lr = 0.5
batch = 1
steps = 50
`;

function texts(node: SvgNode, testid: string, inside = false, out: string[] = []): string[] {
  const here = inside || node.attrs['data-testid'] === testid;
  if (here && node.tag === 'text') out.push(node.text ?? '');
  for (const k of node.children ?? []) texts(k, testid, here, out);
  return out;
}

describe('the contours note', () => {
  it('says how many samples a sampled logistic grid used, on the plane and in its label', () => {
    const a = analyzeSpec(parseSpec(SAMPLED).spec!);
    const sampled = a.contours.sampled;
    assert.ok(sampled && sampled.used < sampled.of && sampled.of === 20000, JSON.stringify(sampled));
    const scene = buildScene(a, { aspect: 1 });
    assert.equal(scene.contourNote, `contours from ${sampled.used.toLocaleString('en-US')} of 20,000 samples`);
    const svg = sceneToSvgTree(scene, { width: 640, height: 600 });
    assert.deepEqual(texts(svg, 'gg-contour-note'), [scene.contourNote]);
    assert.ok(String(svg.attrs['aria-label']).includes(scene.contourNote!));
  });

  it("says a network's contours hold W and c at step 0 only while they train", () => {
    for (const file of ['network-sigmoid-hidden.neuron', 'network-tanh-hidden.neuron'])
      assert.equal(buildScene(loadLesson(file).main, {}).contourNote, 'contours: W, c as at step 0', file);
    assert.equal(buildScene(loadLesson('network-batchnorm.neuron').main, {}).contourNote, undefined, 'train = output: the contours are exact');
  });

  it('is absent where the contours are the exact loss (every single-neuron example)', () => {
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.neuron') && !f.startsWith('network-'))) {
      const scene = buildScene(loadLesson(file).main, {});
      assert.equal(scene.contourNote, undefined, file);
      assert.deepEqual(texts(sceneToSvgTree(scene, { width: 640, height: 600 }), 'gg-contour-note'), [], file);
    }
  });

  it('sits inside the plot, clear of every other label and of κ, at any size and font scale', () => {
    const analyses = [analyzeSpec(parseSpec(SAMPLED).spec!), loadLesson('network-sigmoid-hidden.neuron').main, loadLesson('network-tanh-hidden.neuron').main];
    for (const a of analyses)
      for (const [width, height] of [
        [640, 600],
        [360, 340],
        [1230, 630],
        [300, 520],
      ])
        for (const fontScale of [1, 1.5]) {
          const scene = buildScene(a, { aspect: (width - 16) / (height - 56) });
          const f = planeFrame(scene.viewport, { width, height });
          const labels = staticLabels(scene, f, fontScale);
          const note = labels.contourNote!;
          const what = `${scene.contourNote} at ${width}×${height}, scale ${fontScale}`;
          assert.ok(note, what);
          const { plot } = f;
          assert.ok(
            note.box.x >= plot.x &&
              note.box.y >= plot.y &&
              note.box.x + note.box.w <= plot.x + plot.w + 0.5 &&
              note.box.y + note.box.h <= plot.y + plot.h + 0.5,
            what,
          );
          const others = labels.boxes.filter((b) => b !== note.box);
          for (const b of others) assert.ok(!intersects(b, note.box), `${what}: meets ${JSON.stringify(b)}`);
          assert.equal(note.lines.join(' '), scene.contourNote, what);
        }
  });

  it('wraps at spaces to the width given, never splitting a word', () => {
    assert.deepEqual(wrapText('contours: W, c as at step 0', 12, 1000), ['contours: W, c as at step 0']);
    const lines = wrapText('contours from 434 of 20,000 samples', 12, 80);
    assert.equal(lines.join(' '), 'contours from 434 of 20,000 samples');
    assert.ok(lines.length > 2 && lines.every((l) => !l.startsWith(' ') && !l.endsWith(' ')));
  });
});
