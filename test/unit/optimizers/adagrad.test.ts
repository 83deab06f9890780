/**
 * AdaGrad, added through the registry alone (src/core/optimizers/adagrad.ts and one line in
 * registry.ts): its update against a hand computation, its spec syntax and located errors, its
 * analysis (adaptive: no fixed bound), and the sign constraint it keeps with positive inputs.
 */
import * as assert from 'node:assert/strict';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import { formatDiagnostic, LineIndex } from '../../../src/core/diagnostics';
import { hoverAt } from '../../../src/core/editor';
import { createStepper } from '../../../src/core/optimizers/registry';
import { parseSpec } from '../../../src/core/spec/parse';
import { pathPoints } from '../../../src/core/analysis/runPath';

const LESSON = 'x ~ sigmoid(normal(0, 1))\nsamples = 64\nw* = [-1, 1]\nw = [1.5, -0.5]\nlr = 0.1\nbatch = 1\nsteps = 200\n';

/** The diagnostics of `text` as `file:line:col: severity code: message`. */
function located(text: string): string[] {
  const index = new LineIndex(text);
  return parseSpec(text).diagnostics.map((d) => formatDiagnostic('t.neuron', index, d));
}

describe('AdaGrad (through the registry)', () => {
  it('steps s ← s + g², Δ = −η g/(√s + ε), as computed by hand', () => {
    const eps = 1e-8;
    const s = createStepper({ kind: 'adagrad', eps }, 0.1, 2);
    const u = new Float64Array(2);
    s.step([2, -1], u);
    // s = [4, 1]: Δ = −0.1·[2/(2 + ε), −1/(1 + ε)]
    assert.ok(Math.abs(u[0] - -0.2 / (2 + eps)) < 1e-15 && Math.abs(u[1] - 0.1 / (1 + eps)) < 1e-15, String(u));
    s.step([1, 3], u);
    // s = [5, 10]: Δ = −0.1·[1/(√5 + ε), 3/(√10 + ε)]
    assert.ok(Math.abs(u[0] - -0.1 / (Math.sqrt(5) + eps)) < 1e-15 && Math.abs(u[1] - -0.3 / (Math.sqrt(10) + eps)) < 1e-15, String(u));
    // The same gradient again moves less: the accumulated squares only grow.
    const before = Math.abs(u[0]);
    s.step([1, 3], u);
    assert.ok(Math.abs(u[0]) < before);
  });

  it('parses adagrad and adagrad(ε), with ε = 1e-8 by default', () => {
    assert.deepEqual(parseSpec(`${LESSON}optimizer = adagrad\n`).spec?.optimizer, { kind: 'adagrad', eps: 1e-8 });
    assert.deepEqual(parseSpec(`${LESSON}optimizer = adagrad(1e-6)\n`).spec?.optimizer, { kind: 'adagrad', eps: 1e-6 });
    assert.deepEqual(parseSpec(`${LESSON}compare = adagrad + lr 0.5\n`).spec?.compare[0].changes, { optimizer: { kind: 'adagrad', eps: 1e-8 }, lr: 0.5 });
  });

  it('reports a wrong ε, too many arguments and a misspelling at their line and column', () => {
    const head = LESSON.split('\n').length; // the optimizer line (one-based)
    assert.deepEqual(located(`${LESSON}optimizer = adagrad(0)\n`), [`t.neuron:${head}:21: error GG207: Expected ε > 0 for adagrad, found 0.`]);
    const [many] = located(`${LESSON}optimizer = adagrad(1e-6, 2)\n`);
    assert.match(many, new RegExp(`^t\\.neuron:${head}:13: error GG\\d+: Expected at most 1 \\(ε\\) for adagrad, found 2\\.$`));
    const [typo] = located(`${LESSON}optimizer = adagrd\n`);
    assert.match(typo, new RegExp(`^t\\.neuron:${head}:13: error GG\\d+: Unknown optimizer 'adagrd': expected one of .*adagrad.*Did you mean 'adagrad'\\?`));
  });

  it('has no fixed bound: max null, stable null, and a reason', () => {
    const a = analyzeSpec(parseSpec(`${LESSON}optimizer = adagrad\n`).spec!);
    assert.equal(a.learningRate.max, null);
    assert.equal(a.learningRate.stable, null);
    assert.match(a.learningRate.maxReason ?? '', /AdaGrad .*no fixed step-size bound/);
    assert.match(a.learningRate.convention, /AdaGrad divides each coordinate/);
  });

  it('keeps the sign constraint: sigmoid inputs, batch 1 → 100 % sign-coherent updates, and the sentence says why', () => {
    const a = analyzeSpec(parseSpec(`${LESSON}optimizer = adagrad\n`).spec!);
    assert.ok(a.run.path.length > 100);
    assert.equal(a.run.signCoherentFraction, 1);
    for (const p of pathPoints(a.run.path).slice(1)) if (p.signCoherent !== null) assert.equal(p.signCoherent, true);
    assert.match(a.sentence, /AdaGrad divides each coordinate by the root of its accumulated squared gradients: steps shrink over time/);
  });

  it('has hovers on optimizer and lr', () => {
    const text = `${LESSON}optimizer = adagrad\n`;
    const parsed = parseSpec(text);
    const analysis = analyzeSpec(parsed.spec!);
    const at = (word: string): string => hoverAt(text, text.indexOf(word) + 1, parsed, analysis)?.markdown ?? '';
    assert.match(at('optimizer'), /\*\*AdaGrad\*\* \(ε = 1×10⁻⁸\)/);
    assert.match(at('lr'), /No fixed step-size bound/);
  });
});
