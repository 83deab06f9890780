import * as assert from 'node:assert/strict';
import { parseSpec } from '../../src/core/spec/parse';
import { applyEdits, optimizerText, specEdits, specNumber, statementLines } from '../../src/shared/specEdits';

const LESSON = `# a lesson
w* = [-1, 1]    # teacher
w = [1.5, -0.5] # start
lr = 0.5        # step size
batch = 1
`;

function written(text: string, changes: Parameters<typeof specEdits>[1]): string {
  const r = specEdits(text, changes);
  assert.ok(r.ok, r.ok ? '' : r.message);
  return applyEdits(text, r.edits);
}

describe('writing control changes back into the spec text', () => {
  it('replaces only the value of a statement, keeping comments and spacing', () => {
    const out = written(LESSON, { lr: 0.7143 });
    assert.equal(out, LESSON.replace('lr = 0.5 ', 'lr = 0.7143 '));
    assert.equal(parseSpec(out).spec?.lr, 0.7143);
  });

  it('replaces single vector elements for a dragged start or teacher', () => {
    const out = written(LESSON, { start: { axes: [0, 1], values: [1.2, -0.25] }, teacher: { axes: [0, 1], values: [-2, 1.5] } });
    assert.ok(out.includes('w = [1.2, -0.25] # start'));
    assert.ok(out.includes('w* = [-2, 1.5]    # teacher'));
  });

  it('appends statements that were defaults, each on its own line', () => {
    const out = written(LESSON, { optimizer: { kind: 'momentum', beta: 0.9 }, preprocess: 'center', batch: 'all' });
    assert.ok(out.startsWith(LESSON.replace('batch = 1', 'batch = all')));
    assert.ok(out.endsWith('optimizer = momentum(0.9)\npreprocess = center\n'));
    const spec = parseSpec(out).spec!;
    assert.deepEqual(spec.optimizer, { kind: 'momentum', beta: 0.9 });
    assert.equal(spec.batch, 'all');
  });

  it('writes a default start as a whole vector with the other components kept', () => {
    const out = written('f = w·x\nw* = [1, 2, 3]\n', { start: { axes: [0, 2], values: [0.5, -1] } });
    assert.deepEqual(parseSpec(out).spec?.w, [0.5, -0.5, -1]);
  });

  it('refuses when the spec has errors, the batch is too large or there is no teacher', () => {
    assert.equal(specEdits('lr = oops\n', { lr: 1 }).ok, false);
    assert.equal(specEdits(LESSON, { batch: 1000 }).ok, false);
    assert.equal(specEdits('x = [[1, 2], [3, 4]]\ny = [1, 2]\n', { teacher: { axes: [0, 1], values: [1, 1] } }).ok, false);
  });

  it('formats numbers and optimizers the way the spec reads them', () => {
    assert.equal(specNumber(0.714285714), '0.7143');
    assert.equal(specNumber(-0), '0');
    assert.equal(specNumber(1e-7), '1e-7');
    assert.equal(optimizerText({ kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 }), 'adam(0.9, 0.999, 1e-8)');
    for (const t of ['sgd', 'nesterov(0.5)', 'rmsprop(0.9, 1e-8)']) assert.equal(optimizerText(parseSpec(`optimizer = ${t}\n`).spec!.optimizer), t);
  });

  it('finds the one-based line of each statement', () => {
    const lines = statementLines(LESSON, parseSpec(LESSON).spec!);
    assert.deepEqual([lines.teacherW, lines.w, lines.lr, lines.batch], [2, 3, 4, 5]);
  });
});
