import * as assert from 'node:assert/strict';
import {
  blowUp,
  buildScene,
  learningRateScale,
  lossChart,
  pathCsv,
  pathJson,
  sceneToSvgTree,
  signStrip,
  SLIDER_STEPS,
  type SvgNode,
} from '../../../src/core/scene';
import { makeFixture } from './fixture';

function find(node: SvgNode, pred: (n: SvgNode) => boolean): SvgNode[] {
  return [...(pred(node) ? [node] : []), ...(node.children ?? []).flatMap((c) => find(c, pred))];
}

describe('charts, overlays and exports of the scene', () => {
  const a = makeFixture();

  it('sign strip: positive inputs with batch 1 give one sign per column', () => {
    const s = signStrip(a);
    assert.equal(s.columns, a.run.path.length - 1);
    assert.equal(s.rows, 2);
    for (let c = 0; c < s.columns; c++) assert.equal(s.signs[c * 2], s.signs[c * 2 + 1], `column ${c}`);
    assert.equal(s.uniformShare, 1);
    assert.ok(signStrip(makeFixture({ inputs: 'centered' })).uniformShare < 1);
    assert.equal(signStrip(a, 10).columns, 10, 'long runs are sampled to the width');
  });

  it('loss chart: one polyline per run on a log axis, cursor at the step', () => {
    const c = lossChart(makeFixture({ variants: true }), 600, 160, 7);
    assert.equal(find(c.tree, (n) => n.tag === 'polyline').length, 3);
    const cursor = find(c.tree, (n) => n.attrs['data-testid'] === 'gg-chart-cursor')[0];
    assert.equal(cursor.attrs.x1, c.stepX(7));
    assert.ok(Number(c.tree.attrs['data-decades']) >= 1);
    assert.ok(c.stepX(0) < c.stepX(60));
  });

  it('loss chart thinned at 0.5 px: first and last kept, every point within 0.5 px of a drawn one, same points at 0', () => {
    const fx = makeFixture({ variants: true });
    const pointsOf = (c: ReturnType<typeof lossChart>) =>
      find(c.tree, (n) => n.tag === 'polyline').map((n) =>
        String(n.attrs.points)
          .split(' ')
          .map((p) => p.split(',').map(Number)),
      );
    const full = pointsOf(lossChart(fx, 600, 160, 7));
    assert.deepEqual(pointsOf(lossChart(fx, 600, 160, 7, true, 0)), full);
    const thin = pointsOf(lossChart(fx, 600, 160, 7, true, 0.5));
    assert.equal(thin.length, full.length);
    full.forEach((line, i) => {
      const drawn = thin[i];
      assert.ok(drawn.length <= line.length);
      assert.deepEqual(drawn[0], line[0]);
      assert.deepEqual(drawn[drawn.length - 1], line[line.length - 1]);
      // Rounded to the attribute's precision: allow its last digit.
      for (const p of line)
        assert.ok(
          drawn.some((d) => Math.hypot(d[0] - p[0], d[1] - p[1]) <= 0.5 + 0.02),
          `point ${p} of line ${i}`,
        );
    });
  });

  it('learning-rate scale: marks at 2/λmax and the optimal step, log positions that round-trip', () => {
    const s = learningRateScale(a.learningRate);
    const max = s.marks.find((m) => m.key === 'max')!;
    const opt = s.marks.find((m) => m.key === 'optimal')!;
    assert.equal(max.value, a.learningRate.max);
    assert.equal(opt.value, a.learningRate.optimal);
    assert.ok(opt.position < max.position && max.position <= SLIDER_STEPS);
    assert.ok(Math.abs(s.fromPosition(max.position) / a.learningRate.max! - 1) < 0.01);
    assert.match(opt.hint, /Goh/);
    assert.match(opt.hint, /½/);
  });

  it('per-sample steps chain to the batch step, and the scene draws them', () => {
    const withRows = makeFixture({ batch: 'all' });
    const scene = buildScene(withRows, { step: 3, perSample: true });
    assert.equal(scene.perSample.length, 12);
    const end = scene.perSample[scene.perSample.length - 1].to;
    assert.ok(scene.batchStep);
    assert.ok(
      Math.hypot(end[0] - scene.batchStep!.to[0], end[1] - scene.batchStep!.to[1]) < 1e-9 * (1 + Math.hypot(...end)),
      'the chain ends at the batch step',
    );
    const tree = sceneToSvgTree(scene);
    assert.equal(find(tree, (n) => typeof n.attrs['data-sample'] === 'number').length, 12);
    assert.equal(buildScene(withRows, { step: 3 }).perSample.length, 0, 'off by default');
  });

  it('exports the path as CSV and JSON with every row and no NaN', () => {
    const csv = pathCsv(a);
    const lines = csv.trim().split('\n');
    assert.equal(lines.length, a.run.path.length + 1);
    assert.equal(lines[0], 'step,w1,w2,b,loss,grad_w1,grad_w2,update_w1,update_w2,sign_coherent,angle_to_optimum_deg');
    assert.ok(!/NaN|Infinity/.test(csv));
    const json = JSON.parse(pathJson(a));
    assert.equal(json.path.length, a.run.path.length);
  });

  it('names the direction that blew up, and nothing when the run did not diverge', () => {
    assert.equal(blowUp(a), null);
    const v = [Math.SQRT1_2, Math.SQRT1_2];
    const diverged = {
      ...a,
      learningRate: { ...a.learningRate, value: 10 },
      run: {
        ...a.run,
        diverged: true,
        divergence: {
          reason: 'runaway' as const,
          cause: 'step-size' as const,
          message: 'ran away',
          directions: [{ eigenvalue: 0.5, vector: v, factor: 4 }],
          batchCurvature: null,
          startLoss: 1,
          endLoss: 1e9,
        },
      },
    };
    assert.match(blowUp(diverged)!, /^north-east–south-west \(λ = 0\.5\): ×4 per step, because η = 10 ≥ 2\/λmax = [\d.]+ \(full batch\)$/);
  });
});
