import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { hoverAt } from '../../../src/core/editor';
import { analyzed, at } from './helpers';

/** The model-line hover of a spec text. */
function modelHover(text: string): string {
  const a = analyzed(text);
  const h = hoverAt(text, at(text, 'f = w'), a.parsed, a.analysis);
  assert.ok(h, 'a hover on the model line');
  return h.markdown;
}

function signRuleOf(md: string): string {
  const line = md.split('\n\n').find((p) => p.startsWith('**Sign rule.**'));
  assert.ok(line, `a sign-rule paragraph in\n${md}`);
  return line;
}

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

describe('model hover: the sign rule describes the whole data set', () => {
  it('tanh inputs (examples/tanh.neuron): mixed signs, no sign constraint, and nothing that contradicts the run', () => {
    const text = readFileSync(path.join(EXAMPLES, 'tanh.neuron'), 'utf8');
    const md = modelHover(text);
    const rule = signRuleOf(md);
    assert.match(rule, /mixed signs/);
    assert.match(rule, /No sign constraint/);
    assert.match(rule, /\d+ of 64 samples have components of both signs/);
    assert.doesNotMatch(rule, /Every component of x is negative/);
    assert.doesNotMatch(rule, /one direction together/);
    // The run wanders (≈ 1.58×): the hover must not promise "no zig-zag expected".
    assert.doesNotMatch(md, /no zig-zag expected/);
    assert.match(md, /forces no zig-zag; the path still wanders \(this run: 1\.6× the straight distance\), from the noise of single-sample steps/);
    assert.match(md, /path length ÷ straight distance 1\.6×/);
  });

  it('counts the samples of mixed sign exactly', () => {
    // Sample 1 is all negative, sample 2 all positive, sample 3 mixed.
    const text = 'f = w·x + b\nx = [[-1, -2], [1, 2], [1, -1]]\ny = [0, 1, 0]\nw = [0.1, 0.1]\nlr = 0.1\nsteps = 5\n';
    const rule = signRuleOf(modelHover(text));
    assert.match(rule, /1 of 3 samples have components of both signs/);
    assert.match(rule, /No sign constraint/);
  });

  it('all positive inputs (sigmoid): the constraint holds for every sample, with sample 1 as the example', () => {
    const text = 'f = w·x + b\nx = [[0.72, 0.88], [0.1, 0.5]]\ny = [1, 0]\nw = [0.5, -0.5]\nb = 0.1\n';
    const rule = signRuleOf(modelHover(text));
    assert.match(rule, /Every component of x is positive in all 2 samples/);
    assert.match(rule, /Sample 1 here: δ = −0\.98 \(negative\), so its step raises all weights together\./);
  });

  it('all negative inputs: one direction together, and sample 1 with δ < 0 lowers the weights', () => {
    const text = 'f = w·x + b\nx = [[-0.72, -0.88], [-0.1, -0.5]]\ny = [1, 0]\nw = [0.5, -0.5]\nb = 0.1\n';
    const rule = signRuleOf(modelHover(text));
    assert.match(rule, /Every component of x is negative in all 2 samples/);
    assert.match(rule, /one direction together/);
    // f = 0.5·(−0.72) − 0.5·(−0.88) + 0.1 = 0.18, δ = 0.18 − 1 = −0.82; ∂L/∂w = δx > 0, the step lowers.
    assert.match(rule, /δ = −0\.82 \(negative\), so its step lowers all weights together/);
  });

  it('samples each of one sign but of different signs keep the constraint sample by sample', () => {
    const text = 'f = w·x + b\nx = [[-1, -2], [1, 2], [3, 1]]\ny = [0, 1, 0]\nw = [0.1, 0.1]\n';
    const rule = signRuleOf(modelHover(text));
    assert.match(rule, /Each sample's components share one sign/);
  });

  it('the sigmoid lesson (outside the cone) states its measured zig-zag ratio', () => {
    const text = readFileSync(path.join(EXAMPLES, 'sigmoid-northwest.neuron'), 'utf8');
    const md = modelHover(text);
    assert.match(signRuleOf(md), /Every component of x is positive in all \d+ samples/);
    assert.match(
      md,
      /lies \*\*outside\*\* it: no single step can head there, so the path must alternate between the cone's sides \(this run: [\d.]+× the straight distance\)/,
    );
  });
});
