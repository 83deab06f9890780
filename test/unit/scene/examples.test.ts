import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseSpec } from '../../../src/core/spec/parse';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import { buildScene, renderSvg, sceneToSvgTree, THEME_KINDS, type SvgNode } from '../../../src/core/scene';

const dir = path.resolve(__dirname, '../../../../examples');
const examples = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.neuron'))
      .sort()
  : [];

function count(node: SvgNode, pred: (n: SvgNode) => boolean): number {
  return (pred(node) ? 1 : 0) + (node.children ?? []).reduce((s, c) => s + count(c, pred), 0);
}

describe('scenes of the example lessons (parser → engine → scene)', () => {
  it('finds the examples', () => assert.ok(examples.length >= 4, `examples in ${dir}`));

  for (const file of examples) {
    it(`draws ${file} with contours, path and cone, and no NaN in any theme`, () => {
      const parsed = parseSpec(readFileSync(path.join(dir, file), 'utf8'));
      assert.ok(parsed.spec, `${file} parses`);
      const analysis = analyzeSpec(parsed.spec);
      for (const step of [0, Math.floor(analysis.run.path.length / 3), analysis.run.path.length]) {
        const scene = buildScene(analysis, { step });
        assert.ok(scene.contours.length >= 3, 'contours');
        assert.ok(scene.path.length >= 2, 'path');
        assert.ok(scene.cone, 'cone');
        if (analysis.inputs.allPositive) {
          assert.equal(scene.cone.kind, 'sector');
          assert.ok(
            scene.cone.edges.every((e) => e[0] >= 0 && e[1] >= 0),
            'positive inputs: the + nappe lies in the first quadrant',
          );
        }
        const tree = sceneToSvgTree(scene);
        assert.ok(count(tree, (n) => n.attrs.class === 'gg-contour') >= 3);
        for (const theme of THEME_KINDS) assert.ok(!/NaN|Infinity/.test(renderSvg(scene, theme)));
      }
    });
  }
});
