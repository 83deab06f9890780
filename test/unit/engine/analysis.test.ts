import * as assert from 'node:assert/strict';
import { analyzeSpec, buildProblem } from '../../../src/core/analysis/analyze';
import { allowedCone } from '../../../src/core/analysis/allowedCone';
import { lossGrid } from '../../../src/core/analysis/lossGrid';
import { amplification } from '../../../src/core/analysis/stability';
import { buildDataset } from '../../../src/core/engine/dataset';
import { explicitSpec, makeSpec, variant } from './fixture';
import { pointAt } from '../../../src/core/analysis/runPath';

describe('allowed cone', () => {
  const cone = (rows: number[][], to: [number, number] | null = null) => allowedCone(rows.flat(), rows.length, 2, [0, 1], to);

  it('positive samples span a sector; the north-west lies outside, the north-east inside', () => {
    const c = cone(
      [
        [1, 0.2],
        [0.3, 1],
        [0.6, 0.6],
      ],
      [-1, 1],
    );
    assert.equal(c.kind, 'sector');
    assert.equal(c.optimumInside, false);
    assert.ok(Math.abs(c.openingDegrees - (Math.atan2(1, 0.3) - Math.atan2(0.2, 1)) * (180 / Math.PI)) < 1e-9);
    assert.equal(
      cone(
        [
          [1, 0.2],
          [0.3, 1],
        ],
        [1, 1],
      ).optimumInside,
      true,
    );
    assert.equal(
      cone(
        [
          [1, 0.2],
          [0.3, 1],
        ],
        [-1, -1],
      ).optimumInside,
      true,
      'the opposite nappe counts',
    );
  });

  it('samples around the origin leave no constraint; collinear samples give a line; zeros give none', () => {
    assert.equal(
      cone([
        [1, 0.1],
        [-1, 0.1],
        [0, -1],
      ]).kind,
      'plane',
    );
    const line = cone(
      [
        [1, 1],
        [-2, -2],
        [3, 3],
      ],
      [2, 2],
    );
    assert.equal(line.kind, 'line');
    assert.equal(line.optimumInside, true);
    assert.equal(
      cone([
        [0, 0],
        [0, 0],
      ]).kind,
      'none',
    );
  });
});

describe('loss grid', () => {
  for (const loss of ['squared', 'logistic'] as const) {
    it(`matches the full-data loss at grid points (${loss})`, () => {
      const spec = makeSpec({ loss });
      const obj = buildProblem(spec);
      const held = [0.2, 0.4, 0.1];
      const g = lossGrid(obj, { axes: [0, 1], held, heldAt: 'start', bounds: { u0: -2, u1: 2, v0: -1, v1: 3 }, nx: 5, ny: 4 });
      assert.equal(g.values.length, 20);
      for (const [c, r] of [
        [0, 0],
        [4, 3],
        [2, 1],
      ]) {
        const direct = obj.lossAt([g.xs[c], g.ys[r], 0.1]);
        assert.ok(Math.abs(g.values[r * 5 + c] - direct) < 1e-12 * (1 + direct));
      }
      assert.ok(g.levels.every((v, k) => v > g.min && (k === 0 || v > g.levels[k - 1])));
    });
  }

  it('covers the start and the optimum, held at the optimum', () => {
    const a = analyzeSpec(makeSpec());
    const g = a.contours;
    assert.equal(g.heldAt, 'optimum');
    assert.equal(g.xs.length, 48);
    for (const [u, v] of [
      [1.5, -0.5],
      [a.optimum!.w[0], a.optimum!.w[1]],
    ]) {
      assert.ok(u > g.xs[0] && u < g.xs[47] && v > g.ys[0] && v < g.ys[47]);
    }
  });
});

describe('preprocessing and variants', () => {
  it('centres, standardises and whitens with the data set statistics', () => {
    const c = analyzeSpec(makeSpec({ preprocess: 'center', steps: 0 }));
    assert.ok(c.inputs.mean.every((m) => Math.abs(m) < 1e-15));
    const s = analyzeSpec(makeSpec({ preprocess: 'standardize', steps: 0 }));
    assert.ok(s.inputs.std.every((v) => Math.abs(v - 1) < 1e-12));
    const w = analyzeSpec(makeSpec({ preprocess: 'whiten', steps: 0, hasBias: false, biasTrained: false }));
    const m = w.inputs.secondMoment;
    assert.ok(Math.abs(m[0][0] - 1) < 1e-9 && Math.abs(m[1][1] - 1) < 1e-9 && Math.abs(m[0][1]) < 1e-9);
    assert.ok(Math.abs((w.hessian.conditionNumber ?? 0) - 1) < 1e-6);
  });

  it('keeps the labels of the raw inputs when preprocessing', () => {
    assert.deepEqual(buildDataset(makeSpec({ preprocess: 'whiten' })).y, buildDataset(makeSpec()).y);
  });

  it('analyses every compare variant by name, without nested variants', () => {
    const spec = makeSpec({
      compare: [
        variant('center', { preprocess: 'center' }),
        variant('tanh', { activation: 'tanh' }),
        variant('batch all', { batch: 'all' }),
        variant('optimizer momentum(0.9)', { optimizer: { kind: 'momentum', beta: 0.9 } }),
      ],
    });
    const a = analyzeSpec(spec);
    assert.equal(a.name, 'main');
    assert.deepEqual(
      a.variants.map((v) => v.name),
      ['center', 'tanh', 'batch all', 'optimizer momentum(0.9)'],
    );
    assert.ok(a.variants.every((v) => v.variants.length === 0));
    assert.equal(a.variants[1].inputs.allPositive, false);
    assert.ok(a.variants[1].run.signCoherentFraction < 1);
    assert.equal(pointAt(a.variants[2].run.path, 0).batch?.length, 64);
    assert.equal(analyzeSpec(spec, { variants: false }).variants.length, 0);
  });

  it('maps explicit sigmoid outputs s to tanh(logit(s)) for the tanh variant', () => {
    const a = analyzeSpec(
      explicitSpec(
        [
          [0.25, 0.75],
          [0.5, 0.9],
        ],
        { compare: [variant('tanh', { activation: 'tanh' })], steps: 1 },
      ),
    );
    // tanh(logit(s)) = (2s − 1)/(2s² − 2s + 1): 0.25 → −0.8, 0.5 → 0, 0.75 → 0.8, 0.9 → 0.8/0.82.
    const [m1, m2] = a.variants[0].inputs.mean;
    assert.ok(Math.abs(m1 - -0.4) < 1e-15, String(m1));
    assert.ok(Math.abs(m2 - (0.8 + 0.8 / 0.82) / 2) < 1e-15, String(m2));
  });
});

describe('stability factors', () => {
  it('gradient descent: |1 − ηλ|; heavy ball: stable iff ηλ < 2 + 2β', () => {
    assert.equal(amplification({ kind: 'sgd' }, 0.5, 3), 0.5);
    const m = { kind: 'momentum', beta: 0.9 } as const;
    assert.ok(amplification(m, 3.79, 1)! < 1);
    assert.ok(amplification(m, 3.81, 1)! > 1);
    assert.equal(amplification({ kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 1, 1), null);
  });

  it('reports 2/λmax, Goh and LeCun step sizes and states the ½ convention', () => {
    const a = analyzeSpec(makeSpec({ steps: 0 }));
    const [hi] = a.hessian.eigenvalues;
    const lo = a.hessian.eigenvalues[2];
    assert.equal(a.learningRate.max, 2 / hi);
    assert.equal(a.learningRate.optimal, 2 / (lo + hi));
    assert.equal(a.learningRate.lecunOptimal, 1 / hi);
    assert.match(a.learningRate.convention, /without the ½ every bound halves/);
  });
});

describe('sentence', () => {
  it('explains the default lesson with the cone, the optimum direction and the zig-zag', () => {
    const s = analyzeSpec(makeSpec({ steps: 2000 })).sentence;
    assert.match(
      s,
      /^All inputs are positive, so every update points north-east or south-west; the optimum lies to the north-west, outside that cone, so the path zig-zags \(\d+\.\d× the straight distance\) and converges after \d+ steps\.$/,
    );
  });

  it('covers mixed-sign inputs', () => {
    const s = analyzeSpec(makeSpec({ preprocess: 'center', steps: 500 })).sentence;
    assert.match(s, /both signs/);
  });
});
