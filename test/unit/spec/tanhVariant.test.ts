/** The `compare = tanh` variant of written-out inputs: tanh(logit(s)), and GG220 outside (0, 1). */
import * as assert from 'node:assert/strict';
import { applyVariant, tanhOfLogit } from '../../../src/core/analysis/variants';
import { LineIndex } from '../../../src/core/diagnostics';
import { rawInputs } from '../../../src/core/engine/dataset';
import { Rng } from '../../../src/core/engine/random';
import { parseSpec } from '../../../src/core/spec/parse';
import { makeSpec, variant } from '../engine/fixture';
import { valid } from './helpers';

const logitTanh = (s: number): number => Math.tanh(Math.log(s / (1 - s)));

describe('tanh variant of written-out inputs', () => {
  it('draws tanh(logit(s)) = (2s − 1)/(2s² − 2s + 1), equal to Math.tanh(Math.log(s/(1 − s))) within 1e-15', () => {
    const rng = new Rng(7, 0);
    const samples = [1e-300, 1e-12, 1e-6, 0.001, 0.1, 0.25, 0.3, 0.5 - 1e-12, 0.5, 0.5 + 1e-12, 0.7, 0.75, 0.9, 0.999, 1 - 1e-9, 1 - 2 ** -53];
    for (let k = 0; k < 10_000; k++) samples.push(rng.uniform() ** (1 + 20 * rng.uniform()));
    for (const s of samples) {
      if (!(s > 0 && s < 1)) continue;
      const t = tanhOfLogit(s);
      assert.ok(Math.abs(t - logitTanh(s)) <= 1e-15, `s = ${s}: ${t} vs ${logitTanh(s)}`);
      assert.ok(Math.abs(t - (2 * s - 1) / (2 * s * s - 2 * s + 1)) <= 1e-15, `s = ${s}: closed form`);
    }
    assert.equal(tanhOfLogit(0.5), 0);
    assert.equal(tanhOfLogit(0.25), -0.8);
    assert.equal(tanhOfLogit(0.75), 0.8);
  });

  it('is the same function of the same z as the tanh variant of generated inputs', () => {
    const generated = makeSpec({ samples: 32, seed: 3 });
    const s = rawInputs(generated);
    const rows = Array.from({ length: 32 }, (_, p) => [s[2 * p], s[2 * p + 1]]);
    const explicit = makeSpec({ samples: 32, inputs: { kind: 'explicit', rows } });
    const fromGenerated = rawInputs(applyVariant(generated, variant('tanh', { activation: 'tanh' })));
    const fromExplicit = rawInputs(applyVariant(explicit, variant('tanh', { activation: 'tanh' })));
    for (let k = 0; k < s.length; k++) {
      assert.ok(Math.abs(fromExplicit[k] - fromGenerated[k]) <= 1e-15, `k = ${k}: ${fromExplicit[k]} vs tanh(z) = ${fromGenerated[k]}`);
    }
  });

  it('accepts written-out inputs strictly inside (0, 1)', () => {
    const spec = valid('x = [[0.2, 0.7], [0.5, 0.999]]\ny = [1, 0]\ncompare = center, tanh');
    assert.deepEqual(
      spec.compare.map((v) => v.name),
      ['center', 'tanh'],
    );
  });

  it('reports GG220 at the variant when a written-out input is not a sigmoid output, with its line and column', () => {
    const text = 'x = [[0.2, 0.7],\n     [0.5, 1.2]]\ny = [1, 0]\ncompare = center, tanh';
    const r = parseSpec(text);
    assert.equal(r.spec, undefined);
    assert.equal(r.diagnostics.length, 1, JSON.stringify(r.diagnostics));
    const d = r.diagnostics[0];
    assert.equal(d.code, 'GG220');
    assert.equal(d.severity, 'error');
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(d.range.start), { line: 3, column: 18 });
    assert.deepEqual(lines.positionAt(d.range.end), { line: 3, column: 22 });
    assert.match(d.message, /tanh variant of written-out inputs needs sigmoid outputs in \(0, 1\)/);
    assert.match(d.message, /row 2 of x has 1\.2 at position 2/);
  });

  it('rejects 0, 1 and negative inputs too, once per variant, and leaves generated inputs alone', () => {
    for (const bad of ['0', '1', '-0.3']) {
      const text = `x = [[${bad}, 0.5]]\ny = [1]\ncompare = tanh + lr 0.1`;
      const d = parseSpec(text).diagnostics;
      assert.deepEqual(
        d.map((x) => [x.code, text.slice(x.range.start, x.range.end)]),
        [['GG220', 'tanh']],
        bad,
      );
    }
    valid('x ~ relu(normal(0, 1))\ncompare = tanh');
  });
});
