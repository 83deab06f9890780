import * as assert from 'node:assert/strict';
import { completionsAt, LESSON_SNIPPETS } from '../../../src/core/editor';
import { OPTIMIZER_KINDS } from '../../../src/core/optimizers/registry';
import { parseSpec } from '../../../src/core/spec/parse';

function labels(text: string, offset = text.length): string[] {
  return completionsAt(text, offset).items.map((i) => i.label);
}

/** Fills snippet placeholders with their defaults (first choice) and unescapes literals. */
function expandSnippet(body: string): string {
  return body
    .replace(/\$\{\d+\|((?:[^,|\\]|\\.)*)(?:,(?:[^|\\]|\\.)*)*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$},|])/g, '$1');
}

describe('completionsAt', () => {
  it('offers statement names and lesson snippets at the start of a statement', () => {
    const l = labels('lr = 0.1\n');
    for (const name of ['f', 'x ~', 'w*', 'lr', 'optimizer', 'preprocess', 'compare', 'lesson: starter (zig-zag)']) assert.ok(l.includes(name), name);
    const partial = completionsAt('lr = 0.1; opt', 13);
    assert.deepEqual(partial.replace, { start: 10, end: 13 });
  });

  it('offers functions after x ~, optimizers, losses and preprocessing after their names', () => {
    assert.deepEqual(labels('x ~ '), ['sigmoid', 'tanh', 'relu', 'softplus', 'normal', 'uniform']);
    assert.deepEqual(labels('x ~ sigmoid('), ['sigmoid', 'tanh', 'relu', 'softplus', 'normal', 'uniform']);
    assert.deepEqual(labels('optimizer = mo'), [...OPTIMIZER_KINDS]);
    assert.deepEqual(labels('loss = '), ['squared', 'logistic']);
    assert.deepEqual(labels('preprocess = '), ['none', 'center', 'standardize', 'whiten', 'batchnorm', 'layernorm']);
    assert.deepEqual(labels('batch = '), ['1', 'all']);
  });

  it('offers compare variants after =, a comma or +, not inside a term', () => {
    assert.ok(labels('compare = ').includes('batch all'));
    assert.ok(labels('compare = center, ').includes('tanh'));
    assert.ok(labels('compare = center + ').includes('momentum'));
    assert.ok(labels('compare = center, t').includes('tanh'));
    assert.deepEqual(labels('compare = batch 3'), []);
  });

  it('offers nothing inside comments', () => {
    assert.deepEqual(labels('lr = 0.1 # opt'), []);
  });

  it('every lesson snippet expands to a spec without errors', () => {
    for (const s of LESSON_SNIPPETS) {
      const text = expandSnippet(s.insertText);
      const errors = parseSpec(text).diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors, [], `${s.label}:\n${text}`);
    }
  });

  it('every statement snippet expands to a valid statement', () => {
    for (const item of completionsAt('', 0).items.filter((i) => i.kind === 'statement')) {
      const text = expandSnippet(item.insertText);
      // A hidden layer's statements need the layer (and the model reading it) beside them.
      const network = ['hidden', 'W', 'c', 'train'].includes(item.label)
        ? `${text}\nh = sigmoid(W·x + c)\nf = w·h + b`
        : item.label === 'h'
          ? `${text}\nf = w·h + b`
          : undefined;
      const parsed = parseSpec(network ?? (item.label === 'x =' ? `${text}\ny = [1, 0]` : item.label === 'y' ? `${text}\nx = [[1, 2], [3, 4]]` : text));
      assert.deepEqual(
        parsed.diagnostics.filter((d) => d.severity === 'error'),
        [],
        `${item.label}: ${text}`,
      );
    }
  });
});
