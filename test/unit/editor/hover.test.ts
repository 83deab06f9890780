import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { hoverAt } from '../../../src/core/editor';
import { conditionAfter } from '../../../src/core/editor/hover/conditioning';
import { inputStats } from '../../../src/core/engine/preprocess';
import { buildDataset } from '../../../src/core/engine/dataset';
import { DEFAULT_LESSON } from '../../../src/core/spec/defaults';
import { analyzed, at, textOf } from './helpers';
import { pointAt } from '../../../src/core/analysis/runPath';

/** Three explicit samples; sample 1 at the start: f = 0.5·0.72 − 0.5·0.88 + 0.1 = 0.02, δ = 0.02 − 1 = −0.98. */
const KNOWN = `f = w·x + b
x = [[0.72, 0.88], [0.2, 0.4], [0.9, 0.1]]
y = [1.0, 0.3, 0.5]
w = [0.5, -0.5]
b = 0.1
lr = 0.5   # step size
steps = 50
`;

function hover(text: string, needle: string, delta = 0) {
  const a = analyzed(text);
  return hoverAt(text, at(text, needle, delta), a.parsed, a.analysis);
}

describe('hoverAt', () => {
  it("shows the chain rule with sample 1's numbers on the model line", () => {
    const h = hover(KNOWN, 'f = w');
    assert.ok(h);
    assert.equal(textOf(KNOWN, h.range), 'f = w·x + b');
    const md = h.markdown;
    assert.ok(md.includes('x = [0.72, 0.88], y = 1'), md);
    assert.ok(md.includes('f(x) = w·x + b = [0.5, −0.5]·x + 0.1 = 0.02'), md);
    assert.ok(md.includes('δ = ∂L/∂f = f(x) − y = 0.02 − 1 = −0.98'), md);
    assert.ok(md.includes('∂L/∂w₁ = δ·x₁ = −0.98 × 0.72 = −0.706'), md);
    assert.ok(md.includes('∂L/∂w₂ = δ·x₂ = −0.98 × 0.88 = −0.862'), md);
    assert.ok(md.includes('∂L/∂b = δ = −0.98'), md);
    assert.ok(
      md.includes("has the sign of that sample's δ") && md.includes('Sample 1 here: δ = −0.98 (negative), so its step raises all weights together.'),
      md,
    );
  });

  it('puts a negative label in parentheses: f − (−y)', () => {
    const text = 'f = w·x + b\nx = [[1, 1], [2, 1], [1, 3]]\ny = [-0.5, 1, 2]\nw = [0, 0]\n';
    const md = hover(text, 'f =')!.markdown;
    assert.ok(md.includes('δ = ∂L/∂f = f(x) − y = 0 − (−0.5) = 0.5'), md);
  });

  it("agrees with the engine's δ of the first step on the default lesson", () => {
    const a = analyzed(DEFAULT_LESSON);
    const first = pointAt(a.analysis!.run.path, 0);
    assert.equal(first.batch?.[0], 0);
    const delta = first.deltas![0];
    const h = hoverAt(DEFAULT_LESSON, at(DEFAULT_LESSON, '\nf = w', 1), a.parsed, a.analysis)!;
    const shown = /f\(x\) − y = [^=]+= (−?[\d.]+)/.exec(h.markdown);
    assert.ok(shown, h.markdown);
    assert.ok(Math.abs(Number(shown[1].replace('−', '-')) - delta) <= 5e-3 * Math.abs(delta));
  });

  it('includes an SVG picture of the allowed cone as a base64 data URI', () => {
    const h = hover(DEFAULT_LESSON, '\nf = w', 1)!;
    const m = /!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(h.markdown);
    assert.ok(m, 'no data URI image');
    const svg = Buffer.from(m[1], 'base64').toString('utf8');
    assert.ok(svg.startsWith('<svg') && svg.includes('w₁') && svg.includes('<path'));
    assert.ok(h.markdown.includes('**outside**'));
  });

  it('on x shows the values, the mean and whether all are positive', () => {
    const md = hover(KNOWN, 'x = [[')!.markdown;
    assert.ok(md.includes('x₁ = [0.72, 0.88]'));
    assert.ok(md.includes('Mean m = [0.607, 0.46]'), md); // (0.72+0.2+0.9)/3, (0.88+0.4+0.1)/3
    assert.ok(md.includes('All inputs are **positive**'));
    const gen = hover(DEFAULT_LESSON, 'x ~')!.markdown;
    assert.ok(gen.includes('sigmoid(normal(0, 1))') && gen.includes('(0, 1)'));
  });

  it("on lr shows η against the full-batch bound 2/λmax and Goh's optimal step, naming the ½ convention", () => {
    const a = analyzed(KNOWN);
    const lr = a.analysis!.learningRate;
    const ev = a.analysis!.hessian.eigenvalues;
    const md = hoverAt(KNOWN, at(KNOWN, 'lr'), a.parsed, a.analysis)!.markdown.replace(/\\(.)/g, '$1');
    const fmt = (x: number) => Number(x.toPrecision(3)).toString();
    assert.ok(md.includes(`Full-batch stability bound for gradient descent:** η < 2/λmax = ${fmt(lr.max!)} with λmax = ${fmt(ev[0])}`), md);
    assert.ok(md.includes('Goh') && md.includes(`= ${fmt(lr.optimal!)}`), md);
    assert.ok(md.includes('LeCun') && md.includes('½'));
    // H = (1/P) Σ x̃ x̃ᵀ: its top-left entry is the mean of x₁².
    assert.ok(Math.abs(a.analysis!.hessian.matrix[0][0] - (0.72 ** 2 + 0.2 ** 2 + 0.9 ** 2) / 3) < 1e-12);
  });

  it("on preprocess lists κ per option, matching the engine's compare variants", () => {
    const text = DEFAULT_LESSON.replace('# compare = center, tanh, batch all, momentum(0.9)', 'compare = center, standardize, whiten');
    const a = analyzed(text);
    const spec = a.parsed.spec!;
    const ds = buildDataset(spec);
    const raw = inputStats(ds.raw, ds.P, ds.n);
    for (const v of a.analysis!.variants) {
      const kind = v.name as 'center' | 'standardize' | 'whiten';
      const mine = conditionAfter(kind, raw, spec.biasTrained)!;
      const engine = v.hessian.conditionNumber!;
      assert.ok(Math.abs(mine - engine) <= 1e-6 * engine, `${kind}: ${mine} vs ${engine}`);
    }
    assert.ok(Math.abs(conditionAfter('none', raw, true)! - a.analysis!.hessian.conditionNumber!) < 1e-6 * a.analysis!.hessian.conditionNumber!);
    const md = hoverAt(text, at(text, 'preprocess'), a.parsed, a.analysis)!.markdown;
    assert.ok(md.includes('**none** (this spec)') && md.includes('standardize'));
  });

  it("explains batch, optimizer, loss, w and w* with this spec's numbers", () => {
    assert.ok(hover(DEFAULT_LESSON, 'batch =')!.markdown.includes('B = 1 of P = 64'));
    assert.ok(hover(DEFAULT_LESSON, 'optimizer =')!.markdown.includes('w ← w − η g'));
    assert.ok(hover(DEFAULT_LESSON, 'loss =')!.markdown.includes('½'));
    assert.ok(hover(DEFAULT_LESSON, 'w = [')!.markdown.includes('straight way there [−2.5, 1.5]'));
    assert.ok(hover(DEFAULT_LESSON, 'w* =')!.markdown.includes('w* = [−1, 1]'));
    const mom = DEFAULT_LESSON.replace('optimizer = sgd', 'optimizer = momentum(0.9)');
    assert.ok(hover(mom, 'optimizer =')!.markdown.includes('v ← βv + g'));
  });

  it('still explains a statement when the text has errors, without numbers', () => {
    const text = 'lr = 0.1\nw = [1, 2]\nw* = [1, 2, 3]\n';
    const h = hover(text, 'lr');
    assert.ok(h && h.markdown.includes('Live numbers appear once the spec is valid'));
  });

  it('returns undefined outside statements and in comments', () => {
    assert.equal(hover(KNOWN, '# step'), undefined);
    assert.equal(hover(KNOWN, 'size'), undefined);
  });

  it('escapes document text it quotes', () => {
    const text = 'compare = center\nlr = 0.5 ';
    const md = hover(text, 'compare')!.markdown;
    assert.ok(md.includes('`compare = center`'));
  });
});

describe('the batch hover in a network', () => {
  it("speaks of the output neuron's inputs h, not x (its steps follow the hidden outputs)", () => {
    const text = readFileSync(path.resolve(__dirname, '../../../../examples/network-sigmoid-hidden.neuron'), 'utf8');
    const h = hover(text, '\nbatch =', 1);
    assert.ok(h, 'a hover on batch');
    assert.ok(h.markdown.includes('(1/B) Σ δₚ hₚ'), h.markdown);
    assert.ok(!h.markdown.includes('through one sample x'), h.markdown);
    const single = hover(KNOWN.replace('steps = 50', 'steps = 50\nbatch = 1'), '\nbatch =', 1);
    assert.ok(single?.markdown.includes('(1/B) Σ δₚ xₚ'), single?.markdown);
  });
});
