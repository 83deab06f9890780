import * as assert from 'node:assert/strict';
import {
  embeddedDiagnostics,
  embeddedHoverAt,
  embeddedRegions,
  fencedBlocks,
  findAnnotations,
  insertAnnotationEdit,
  neuronExpressionAt,
  neuronExpressionsInLine,
  toDocumentRange,
  toSpecOffset,
} from '../../../src/core/editor';
import { applyEdits, at, textOf } from './helpers';

const PY = `import numpy as np

# neuron: x ~ sigmoid(normal(0, 1)); w = [0.5, -0.5]; w* = [-1, 1]
out = w @ x + b
s = "# neuron: not a comment"
h = np.dot(W, h) + c
`;

describe('neuron: annotations', () => {
  it('finds a standalone annotation and the code on the next line', () => {
    const [a, ...rest] = findAnnotations(PY, 'python');
    assert.equal(rest.length, 0, 'a # inside a string is not a comment');
    assert.equal(a.spec.text, ' x ~ sigmoid(normal(0, 1)); w = [0.5, -0.5]; w* = [-1, 1]');
    assert.equal(textOf(PY, a.expression!), 'out = w @ x + b');
    assert.equal(textOf(PY, a.neuron!.range), 'w @ x + b');
    assert.equal(textOf(PY, a.comments[0]), '# neuron: x ~ sigmoid(normal(0, 1)); w = [0.5, -0.5]; w* = [-1, 1]');
  });

  it('maps spec offsets to document offsets and back', () => {
    const a = findAnnotations(PY, 'python')[0];
    const docW = at(PY, 'w = [0.5');
    const specW = toSpecOffset(a.spec, docW)!;
    assert.equal(a.spec.text.slice(specW, specW + 3), 'w =');
    assert.deepEqual(toDocumentRange(a.spec, { start: specW, end: specW + 3 }), { start: docW, end: docW + 3 });
    assert.equal(toSpecOffset(a.spec, 0), undefined);
  });

  it('reads same-line annotations, merged comment lines, and skips blank lines and plain comments', () => {
    const js = `const f = w.dot(x) + b; // neuron: w = [1, 2]; w* = [2, 1]
// neuron: x ~ relu(normal(0, 1))
// neuron: lr = 0.1

// the forward pass
y = x @ W.T
`;
    const [same, merged] = findAnnotations(js, 'javascript');
    assert.equal(textOf(js, same.expression!), 'const f = w.dot(x) + b;');
    assert.equal(same.neuron?.form, 'dot');
    assert.equal(merged.spec.text, ' x ~ relu(normal(0, 1))\n lr = 0.1\nf = w·x');
    assert.equal(textOf(js, merged.expression!), 'y = x @ W.T');
    // The synthesised model line (no bias in x @ W.T) maps to the annotated code.
    const tail = merged.spec.text.indexOf('f = w·x');
    assert.deepEqual(toDocumentRange(merged.spec, { start: tail, end: tail + 7 }), merged.expression);
  });

  it('uses the markers of the language: -- for Lua, % for MATLAB, all of them when unknown', () => {
    assert.equal(findAnnotations('-- neuron: lr = 0.2\nz = w * x', 'lua').length, 1);
    assert.equal(findAnnotations('% neuron: lr = 0.2\nz = W * x + b;', 'matlab').length, 1);
    assert.equal(findAnnotations('# neuron: lr = 0.2\nz = 1', 'javascript').length, 0);
    assert.equal(findAnnotations('% neuron: lr = 0.2\nz = 1', 'unknown-language').length, 1);
  });
});

describe('neuron expressions', () => {
  it('recognises the usual spellings', () => {
    const cases: [string, string, string, boolean][] = [
      ['out = w @ x + b', 'w', 'x', true],
      ['z = x @ W.T + b', 'W.T', 'x', true],
      ['z = np.dot(w, x) + b', 'w', 'x', true],
      ['z = F.linear(x, W, b)', 'W', 'x', true],
      ['z = torch.nn.functional.linear(x, self.weight)', 'self.weight', 'x', false],
      ['z = torch.matmul(x, W1.t()) + self.bias', 'W1.t()', 'x', true],
      ['z = theta.dot(features)', 'theta', 'features', false],
    ];
    for (const [line, weights, input, hasBias] of cases) {
      const [e] = neuronExpressionsInLine(line);
      assert.ok(e, line);
      assert.deepEqual([e.weights, e.input, e.hasBias], [weights, input, hasBias], line);
    }
  });

  it('ignores products without weight-like operands and decorators', () => {
    assert.deepEqual(neuronExpressionsInLine('c = a @ b + d'), []);
    assert.deepEqual(neuronExpressionsInLine('@app.route("/")'), []);
    assert.deepEqual(neuronExpressionsInLine('z = np.dot(u, v)'), []);
    assert.deepEqual(
      neuronExpressionsInLine('F.linear(x, W, None)').map((e) => e.hasBias),
      [false],
    );
  });

  it('finds the expression under an offset only', () => {
    const text = 'a = 1\nz = w @ x + b\n';
    assert.equal(neuronExpressionAt(text, at(text, '@'))?.weights, 'w');
    assert.equal(neuronExpressionAt(text, 2), undefined);
  });
});

describe('Markdown fences', () => {
  const MD =
    '# Lesson\n\n```neuron\nx ~ sigmoid(normal(0, 1))\nlr = 5\n```\n\n~~~python\n# neuron: w = [1, 2, 3]; w* = [1]\nout = x @ W.T + b\n~~~\n\n````\nunclosed';

  it('finds fenced blocks with their languages, including tildes and unclosed ones', () => {
    const blocks = fencedBlocks(MD);
    assert.deepEqual(
      blocks.map((b) => b.language),
      ['neuron', 'python', ''],
    );
    assert.equal(textOf(MD, blocks[0].content), 'x ~ sigmoid(normal(0, 1))\nlr = 5');
    assert.equal(textOf(MD, blocks[2].content), 'unclosed');
    assert.equal(textOf('```neuron\n```\n', fencedBlocks('```neuron\n```\n')[0].content), '');
    const crlf = '```neuron\r\nlr = 1\r\n```\r\n';
    assert.equal(textOf(crlf, fencedBlocks(crlf)[0].content), 'lr = 1');
  });

  it('reports diagnostics of ```neuron blocks and of annotations in other blocks at document ranges', () => {
    const d = embeddedDiagnostics(MD, 'markdown').map((x) => [x.code, textOf(MD, x.range)]);
    assert.deepEqual(d, [
      ['GG403', '5'],
      ['GG203', '[1]'],
    ]);
  });

  it('hovers inside a ```neuron block with the spec hover, mapped to the document', () => {
    const h = embeddedHoverAt(MD, at(MD, 'lr = 5'), 'markdown')!;
    assert.equal(textOf(MD, h.range), 'lr = 5');
    assert.match(h.markdown, /Full-batch stability bound for gradient descent:\*\* η < 2\/λmax = /);
    assert.equal(embeddedHoverAt(MD, at(MD, 'Lesson'), 'markdown'), undefined);
  });
});

describe('embedded hovers', () => {
  it('explains the annotated expression with the live chain rule', () => {
    const h = embeddedHoverAt(PY, at(PY, 'w @ x'), 'python')!;
    assert.equal(textOf(PY, h.range), 'out = w @ x + b');
    assert.match(h.markdown, /∂L\/∂w₁ = δ·x₁ = −?[\d.]+ × [\d.]+ = /);
    assert.match(h.markdown, /data:image\/svg\+xml;base64,/);
  });

  it('explains a statement inside the annotation comment', () => {
    const h = embeddedHoverAt(PY, at(PY, 'w* = [-1'), 'python')!;
    assert.equal(textOf(PY, h.range), 'w* = [-1, 1]');
    assert.match(h.markdown, /Teacher/);
  });

  it('gives the general sign rule on an unannotated expression, with the link the provider builds', () => {
    const h = embeddedHoverAt(PY, at(PY, 'np.dot'), 'python', undefined, () => '[Insert a neuron: annotation](command:x)')!;
    assert.equal(textOf(PY, h.range), 'np.dot(W, h) + c');
    assert.match(h.markdown, /Sign rule/);
    assert.match(h.markdown, /\[Insert a neuron: annotation\]\(command:x\)/);
    assert.ok(h.markdown.includes('`W`·`h` + `c`'));
  });

  it('inserts an annotation above the expression with the same indentation and marker', () => {
    const text = 'def f(x):\n    return w @ x\n';
    const expr = neuronExpressionAt(text, at(text, '@'))!;
    const edited = applyEdits(text, [insertAnnotationEdit(text, expr, 'python')]);
    assert.equal(edited, 'def f(x):\n    # neuron: f = w·x; x ~ sigmoid(normal(0, 1)); w = [1.5, -0.5]; w* = [-1, 1]\n    return w @ x\n');
    const regions = embeddedRegions(edited, 'python');
    assert.equal(regions.length, 1);
    assert.deepEqual(embeddedDiagnostics(edited, 'python'), []);
    const ts = 'const z = W @ x + b;\n';
    assert.match(applyEdits(ts, [insertAnnotationEdit(ts, neuronExpressionAt(ts, 12)!, 'typescript')]), /^\/\/ neuron: x ~/);
  });
});
