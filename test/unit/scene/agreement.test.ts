// Issue 9: every number the scene shows says what it is computed from, and two numbers on one
// screen never contradict (κ vs the λ labels, the two sign-coherent shares, the step-size bounds,
// the caption's step, a blown-up run's framing).
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { parseSpec } from '../../../src/core/spec/parse';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import type { Analysis, LearningRateInfo } from '../../../src/core/analysis/types';
import { buildScene, learningRateScale, planeFrame, plotAspect, readoutRows, renderSvg, sceneToSvgTree, signStrip, stepSummary } from '../../../src/core/scene';
import { directionBetween, offViewMark, rayToEdge } from '../../../src/core/scene/framing';
import { conditionOf, planeSpectrum } from '../../../src/core/scene/planeSpectrum';
import { makeFixture } from './fixture';
import { kappaShown, nodes, ratioAgrees, textOf } from './shownNumbers';
import { pointAt } from '../../../src/core/analysis/runPath';

const root = path.resolve(__dirname, '../../../..');
const examples = readdirSync(path.join(root, 'examples'))
  .filter((f) => f.endsWith('.neuron'))
  .sort();
const BLOW_UP = readFileSync(path.join(root, 'test/webview/fixtures/momentum-minibatch-blowup.neuron'), 'utf8');

function analyse(text: string): Analysis {
  const parsed = parseSpec(text);
  assert.ok(parsed.spec, JSON.stringify(parsed.diagnostics));
  return analyzeSpec(parsed.spec);
}

/** κ shown on the plane = ratio of the λ shown, and "all trained parameters" when the plane is a slice. */
function checkKappa(a: Analysis, where: string): void {
  const scene = buildScene(a, { aspect: plotAspect(640, 600) });
  const shown = kappaShown(sceneToSvgTree(scene, { width: 640, height: 600 }));
  assert.ok(shown, `${where}: a κ label`);
  assert.ok(!/NaN|undefined|Infinity/.test(shown.text), `${where}: ${shown.text}`);
  if (shown.plane !== null && shown.lambdaMax !== null && shown.lambdaMin !== null) {
    assert.ok(
      ratioAgrees(shown.plane, shown.lambdaMax, shown.lambdaMin),
      `${where}: κ ${shown.plane} vs ${shown.lambdaMax}/${shown.lambdaMin} (${shown.text})`,
    );
  }
  const whole = a.hessian.parameters.length === 2;
  if (whole) {
    assert.equal(shown.all, undefined, `${where}: one κ when the plane is the whole Hessian`);
    assert.ok(
      shown.lambdaLabels.every((l) => !l.includes('plane')),
      `${where}: ${shown.lambdaLabels}`,
    );
  } else {
    assert.ok(shown.all !== undefined, `${where}: κ of all trained parameters shown beside the plane's (${shown.text})`);
    assert.ok(
      shown.lambdaLabels.every((l) => l.startsWith('plane λ')),
      `${where}: the λ labels are the plane's (${shown.lambdaLabels})`,
    );
    // Cauchy interlacing: the full κ is never below the plane's.
    if (shown.all !== null && shown.plane !== null) assert.ok(shown.all >= shown.plane * (1 - 0.01), `${where}: κ all ${shown.all} ≥ κ plane ${shown.plane}`);
    const full = a.hessian.conditionNumber;
    if (full !== null && shown.all !== null) assert.ok(Math.abs(shown.all / full - 1) < 0.01, `${where}: κ all ${shown.all} is the Hessian's ${full}`);
  }
}

describe('numbers that agree (issue 9)', () => {
  describe('κ of the plane and of all trained parameters', () => {
    it("computes the plane block's spectrum and says when it is the whole Hessian", () => {
      const a = makeFixture();
      const s = planeSpectrum(a, [0, 1])!;
      assert.equal(s.whole, true);
      assert.ok(Math.abs(s.kappa! - a.hessian.conditionNumber!) < 1e-9 * s.kappa!);
      const H = [
        [2, 0.5, 1],
        [0.5, 1, 0.2],
        [1, 0.2, 1],
      ];
      const three = { ...a, hessian: { ...a.hessian, parameters: ['w1', 'w2', 'b'], matrix: H, conditionNumber: 30 } } as Analysis;
      const t = planeSpectrum(three, [0, 1])!;
      assert.equal(t.whole, false);
      assert.equal(t.allKappa, 30);
      assert.ok(Math.abs(t.kappa! - t.values[0] / t.values[1]) < 1e-12 * t.kappa!);
      assert.equal(conditionOf(1, 0), null);
      assert.equal(conditionOf(1, 1e-13), null);
      assert.equal(conditionOf(2, 1), 2);
    });

    it('labels a slice "κ of the plane … · κ of all trained parameters …" with the plane\'s λ, data-* holding the numbers', () => {
      const a = analyse(readFileSync(path.join(root, 'examples/sigmoid-northwest.neuron'), 'utf8'));
      const tree = sceneToSvgTree(buildScene(a));
      const k = nodes(tree).find((n) => n.attrs['data-testid'] === 'gg-kappa')!;
      const text = textOf(k);
      if (a.hessian.parameters.length > 2) {
        assert.match(text, /^κ of the plane [\d.]+ · κ of all trained parameters [\d.]+$/);
        assert.equal(k.attrs['data-same'], 'false');
      }
      const ratio = Number(k.attrs['data-lambda-max']) / Number(k.attrs['data-lambda-min']);
      assert.ok(Math.abs(Number(k.attrs['data-kappa']) / ratio - 1) < 2e-3, `data-kappa ${k.attrs['data-kappa']} vs ${ratio}`);
    });

    for (const file of examples) {
      it(`κ shown = ratio of the λ shown on ${file}`, () => checkKappa(analyse(readFileSync(path.join(root, 'examples', file), 'utf8')), file));
    }

    it('property: for random small specs, κ labels agree with the λ labels and name what they are from', () => {
      const spec = fc
        .record({
          n: fc.integer({ min: 2, max: 4 }),
          bias: fc.boolean(),
          samples: fc.integer({ min: 3, max: 40 }),
          seed: fc.integer({ min: 0, max: 500 }),
          act: fc.constantFrom('sigmoid', 'relu', 'tanh', 'identity'),
          dist: fc.constantFrom('normal(0, 1)', 'normal(0.5, 1)', 'uniform(0, 1)'),
          loss: fc.constantFrom('squared', 'logistic'),
          preprocess: fc.constantFrom('none', 'center', 'standardize'),
          view: fc.integer({ min: 0, max: 3 }),
        })
        .map((r) => {
          const w = Array.from({ length: r.n }, (_, i) => (i % 2 === 0 ? 0.5 : -0.3));
          const j = 1 + (r.view % (r.n - 1));
          return [
            r.bias ? 'f = w·x + b' : 'f = w·x',
            `x ~ ${r.act}(${r.dist})`,
            `samples = ${r.samples}`,
            `seed = ${r.seed}`,
            `w = [${w.join(', ')}]`,
            `loss = ${r.loss}`,
            'steps = 20',
            `preprocess = ${r.preprocess}`,
            `view = w1, w${j + 1}`,
            '',
          ].join('\n');
        });
      fc.assert(
        fc.property(spec, (text) => {
          const parsed = parseSpec(text);
          if (!parsed.spec) return;
          checkKappa(analyzeSpec(parsed.spec), `generated:\n${text}`);
        }),
        { numRuns: 60 },
      );
    });
  });

  describe("step-size bounds: the optimizer's own, full batch", () => {
    const base = makeFixture().learningRate;
    const momentum: LearningRateInfo = { ...base, max: 1.9 * base.gradientDescentMax!, maxFormula: '(2 + 2β)/λmax', stable: true };
    const adam: LearningRateInfo = { ...base, max: null, maxFormula: null, maxReason: 'adaptive optimizer: no linear bound', stable: null };

    it("marks the slider at the optimizer's bound with its formula, and at plain gradient descent's 2/λmax when different", () => {
      const gd = learningRateScale(base).marks;
      assert.deepEqual(
        gd.map((m) => m.key),
        ['max', 'optimal'],
      );
      assert.match(gd[0].label, /^2\/λmax = [\d.]+ \(full batch\)$/);
      const hb = learningRateScale(momentum).marks;
      assert.deepEqual(
        hb.map((m) => m.key),
        ['max', 'gdMax', 'optimal'],
      );
      assert.match(hb[0].label, /^\(2 \+ 2β\)\/λmax = [\d.]+ \(full batch\)$/);
      assert.match(hb[1].label, /^plain GD 2\/λmax = [\d.]+ \(full batch\)$/);
      const ad = learningRateScale(adam).marks;
      assert.ok(!ad.some((m) => m.key === 'max'), 'no bound mark for an adaptive optimizer');
    });

    it('reads the bound in the table; "(unstable)" only when stable is false; adaptive says there is no bound', () => {
      const rows = (lr: LearningRateInfo) => Object.fromEntries(readoutRows({ ...makeFixture(), learningRate: lr }).map((r) => [r.key, r]));
      const hb = rows(momentum);
      assert.equal(hb.max.label, 'Stability limit (2 + 2β)/λmax (full batch)');
      assert.match(hb.gdMax.label, /2\/λmax \(full batch\)/);
      assert.doesNotMatch(hb.lr.value, /unstable/);
      const ad = rows(adam);
      assert.equal(ad.max.value, 'no fixed step-size bound (adaptive)');
      assert.doesNotMatch(ad.lr.value, /unstable/);
      assert.match(rows({ ...base, value: 99, stable: false }).lr.value, /\(unstable\)$/);
      assert.equal(rows(base).gdMax, undefined, 'one bound row when the optimizer is plain gradient descent');
    });
  });

  describe('sign-coherent updates and sign-coherent gradients', () => {
    it('the table names both, each from its own field', () => {
      const a = makeFixture({ batch: 'all' });
      const run = { ...a.run, signCoherentFraction: 0.457, gradientSignCoherentFraction: 0.883 };
      const rows = Object.fromEntries(readoutRows({ ...a, run }).map((r) => [r.key, r]));
      assert.equal(rows.coherent.label, 'Sign-coherent updates');
      assert.equal(rows.coherent.value, '45.7 %');
      assert.equal(rows.coherentGradients.label, 'Sign-coherent gradients');
      assert.equal(rows.coherentGradients.value, '88.3 %');
    });

    it('the strip quotes the share over all steps, not only its drawn columns', () => {
      const a = makeFixture({ batch: 2, steps: 60 });
      const thinned = signStrip(a, 7);
      assert.equal(thinned.columns, 7);
      assert.equal(thinned.gradientShare, a.run.gradientSignCoherentFraction);
      // An analysis without the field: the same count, over all steps.
      const { gradientSignCoherentFraction: _, ...older } = a.run;
      void _;
      assert.equal(signStrip({ ...a, run: older as Analysis['run'] }, 7).gradientShare, a.run.gradientSignCoherentFraction);
    });
  });

  describe('the step caption', () => {
    it("says the entry's own step of the run's stepsRun, and the direction of that step's update", () => {
      const a = makeFixture({ steps: 30 });
      for (const k of [0, 7, 29]) {
        const s = stepSummary(a, k);
        assert.match(s, new RegExp(`^Step ${k} of 30: `));
        const u = pointAt(a.run.path, k).update!;
        assert.ok(s.includes(`next update heads ${u[1] > 0 ? 'north' : 'south'}-${u[0] > 0 ? 'east' : 'west'}`), s);
      }
      assert.match(stepSummary(a, 30), /^Step 30 of 30: .*end of the path\.$/);
    });
  });

  describe('a run that blows up', () => {
    const a = analyse(BLOW_UP);

    it('keeps the start, the optimum and the cone readable and marks where the path leaves the view', () => {
      const scene = buildScene(a, { aspect: plotAspect(640, 600) });
      const f = planeFrame(scene.viewport, { width: 640, height: 600 });
      const s = f.P(scene.start!);
      const o = f.P(scene.optimum!);
      assert.ok(Math.hypot(s[0] - o[0], s[1] - o[1]) > 80, `start and optimum ${Math.hypot(s[0] - o[0], s[1] - o[1])} px apart`);
      assert.ok(scene.viewport.xMax - scene.viewport.xMin < 20, `viewport ${JSON.stringify(scene.viewport)}`);
      assert.equal(scene.offView.length, 1);
      const m = scene.offView[0];
      assert.equal(m.name, null);
      const v = scene.viewport;
      const onEdge = [m.edge[0] - v.xMin, v.xMax - m.edge[0], m.edge[1] - v.yMin, v.yMax - m.edge[1]].some((d) => Math.abs(d) < 1e-9 * (v.xMax - v.xMin));
      assert.ok(onEdge, 'the mark sits on the edge of the view');
      const svg = renderSvg(scene);
      assert.match(svg, new RegExp(`path leaves the view after ${m.step} steps [→↗↑↖←↙↓↘]`));
      assert.ok(!/NaN|Infinity|undefined/.test(svg));
    });

    it('applies to compare variants overlaid on the plane', () => {
      const b = analyse(`${BLOW_UP}\ncompare = batch all\n`);
      const scene = buildScene(b, { aspect: 1 });
      assert.ok(scene.viewport.xMax - scene.viewport.xMin < 20, 'a blown-up main path does not stretch the overlay');
      for (const p of [scene.path, ...scene.variants.map((x) => x.points)]) assert.ok(p.every((q) => Number.isFinite(q[0]) && Number.isFinite(q[1])));
    });

    it('leaves a run that stays near the optimum framed as before, with no off-view mark', () => {
      const scene = buildScene(makeFixture());
      assert.equal(scene.offView.length, 0);
    });

    it('finds the edge crossing of huge or non-finite-bound segments with finite numbers', () => {
      const v = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
      assert.deepEqual(
        directionBetween([0, 0], [1e308, 1e308])!.map((x) => Number(x.toFixed(6))),
        [0.707107, 0.707107],
      );
      assert.deepEqual(rayToEdge(v, [0, 0], [1, 0]), [1, 0]);
      const m = offViewMark(v, {
        name: null,
        colorIndex: null,
        points: [
          [0, 0],
          [0.5, 0],
          [-1e300, 1e300],
        ],
        entries: 3,
        lastUpdate: null,
      })!;
      assert.equal(m.step, 2);
      assert.ok(m.edge.every(Number.isFinite));
      const overflow = offViewMark(v, {
        name: 'x',
        colorIndex: 0,
        points: [
          [0, 0],
          [0.2, 0.1],
        ],
        entries: 5,
        lastUpdate: [0, -3],
      })!;
      assert.equal(overflow.step, 2);
      assert.deepEqual(overflow.edge, [0.2, -1]);
      assert.equal(
        offViewMark(v, {
          name: null,
          colorIndex: null,
          points: [
            [0, 0],
            [0.5, 0.5],
          ],
          entries: 2,
          lastUpdate: null,
        }),
        null,
      );
    });
  });
});
