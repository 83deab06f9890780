import * as assert from 'node:assert/strict';
import { hoverAt } from '../../../src/core/editor';
import { analyzed, at } from './helpers';

/** Sample 1 at the start: x + s = [0.82, 0.68]; f = 0.5·0.82 − 0.5·0.68 + 0.1 = 0.17, δ = 0.17 − 1 = −0.83. */
const SHIFTED = `f = w·(x + s) + b
x = [[0.72, 0.88], [0.2, 0.4], [0.9, 0.1]]
y = [1.0, 0.3, 0.5]
w = [0.5, -0.5]
s = [0.1, -0.2]
b = 0.1
steps = 20
`;

describe('hovers of the shifted model f = w·(x + s) + b', () => {
  it('shows the chain rule for w and s with the shifted input', () => {
    const a = analyzed(SHIFTED);
    const h = hoverAt(SHIFTED, at(SHIFTED, 'f = w'), a.parsed, a.analysis);
    assert.ok(h);
    const md = h.markdown;
    assert.ok(md.includes('**Neuron** f = w·(x + s) + b'), md);
    assert.ok(md.includes('x + s = [0.82, 0.68]'), md);
    assert.match(md, /∂L\/∂w₁ = δ·\(x₁ \+ s₁\) = −0\.83 × 0\.82/);
    assert.match(md, /∂L\/∂s₂ = δ·w₂ = −0\.83 × −0\.5 = 0\.415/);
  });

  it('hovers the s statement', () => {
    const a = analyzed(SHIFTED);
    const h = hoverAt(SHIFTED, at(SHIFTED, 's = ['), a.parsed, a.analysis);
    assert.ok(h?.markdown.includes('∂L/∂sᵢ = δ·wᵢ'));
  });
});
