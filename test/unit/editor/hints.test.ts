import * as assert from 'node:assert/strict';
import { editorDiagnostics, HINT_CODES, semanticHints } from '../../../src/core/editor';
import { DEFAULT_LESSON } from '../../../src/core/spec/defaults';
import { analyzed, textOf } from './helpers';

function hints(text: string) {
  const a = analyzed(text);
  assert.ok(a.parsed.spec, JSON.stringify(a.parsed.diagnostics));
  return semanticHints(a.parsed, a.analysis).map((d) => ({ ...d, text: textOf(text, d.range) }));
}

const BASE = 'f = w·x + b\nx ~ sigmoid(normal(0, 1))\nw* = [-1, 1]\nw = [1.5, -0.5]\nlr = 0.5\n';

describe('semanticHints', () => {
  it('gives none on the default lesson (positive inputs, target outside the cone, stable η)', () => {
    assert.deepEqual(hints(DEFAULT_LESSON), []);
    assert.deepEqual(hints(''), []);
  });

  it('flags mixed-sign inputs on x (GG401, info)', () => {
    const h = hints(BASE.replace('sigmoid', 'tanh'));
    const mixed = h.find((d) => d.code === HINT_CODES.mixedSignInputs);
    assert.ok(mixed);
    assert.equal(mixed.severity, 'info');
    assert.equal(mixed.text, 'tanh(normal(0, 1))');
    assert.match(mixed.message, /no sign constraint here: expect no zig-zag from the sign constraint/);
    assert.match(mixed.message, /See docs\/science\.md, "The sign constraint"\./);
  });

  it('puts the mixed-sign hint on preprocess when centring made the signs mixed', () => {
    const h = hints(BASE + 'preprocess = center\n');
    const mixed = h.find((d) => d.code === HINT_CODES.mixedSignInputs);
    assert.ok(mixed);
    assert.equal(mixed.text, 'center');
    assert.match(mixed.message, /After preprocess = center/);
  });

  it('does not flag explicit samples that each keep one sign', () => {
    const h = hints('x = [[1, 2], [-1, -3], [2, 1]]\ny = [1, 2, 0]\nw = [0, 0]\nlr = 0.05\n');
    assert.equal(
      h.find((d) => d.code === HINT_CODES.mixedSignInputs),
      undefined,
    );
  });

  it('notes a target inside the allowed cone (GG402)', () => {
    const text = BASE.replace('w* = [-1, 1]', 'w* = [1, 1]').replace('w = [1.5, -0.5]', 'w = [-0.5, -0.5]');
    const a = analyzed(text);
    assert.equal(a.analysis!.cone.optimumInside, true);
    const inside = hints(text).find((d) => d.code === HINT_CODES.optimumInsideCone);
    assert.ok(inside);
    assert.equal(inside.text, '[1, 1]');
    assert.match(inside.message, /no zig-zag is expected/);
  });

  it('warns when η is at or above 2/λmax for gradient descent (GG403)', () => {
    const text = BASE.replace('lr = 0.5', 'lr = 2');
    const a = analyzed(text);
    assert.ok(a.analysis!.learningRate.max! < 2);
    const warn = hints(text).find((d) => d.code === HINT_CODES.learningRateUnstable);
    assert.ok(warn);
    assert.equal(warn.severity, 'warning');
    assert.equal(warn.text, '2');
    assert.match(warn.message, /2\/λmax = 1\.34/);
  });

  it("tells momentum's larger stability region apart (GG404) from beyond it (GG403)", () => {
    const mom = BASE.replace('lr = 0.5', 'lr = 2') + 'optimizer = momentum(0.9)\n';
    const h = hints(mom);
    assert.deepEqual(
      h.map((d) => d.code),
      [HINT_CODES.learningRateAboveGradientDescentBound],
    );
    const beyond = hints(BASE.replace('lr = 0.5', 'lr = 3') + 'optimizer = momentum(0.9)\n');
    assert.deepEqual(
      beyond.map((d) => d.code),
      [HINT_CODES.learningRateUnstable],
    );
    assert.match(beyond[0].message, /2 \+ 2β/);
  });

  it('anchors the η warning at the model line when lr is left at its default', () => {
    // Default lr = 0.5 with tiny inputs scaled up: x ~ uniform(0, 10) makes λmax large.
    const text = 'f = w·x + b\nx ~ uniform(0, 10)\n';
    const warn = hints(text).find((d) => d.code === HINT_CODES.learningRateUnstable);
    assert.ok(warn);
    assert.equal(warn.text, 'f = w·x + b');
  });

  it('adds hints to the parser diagnostics, and none while there are errors', () => {
    const bad = analyzed('lr = -1\nx ~ tanh(normal(0, 1))\n');
    const all = editorDiagnostics(bad.parsed, bad.analysis);
    assert.ok(all.length > 0 && all.every((d) => !d.code.startsWith('GG4')));
  });
});
