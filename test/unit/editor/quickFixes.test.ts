import * as assert from 'node:assert/strict';
import { editorDiagnostics, optimalLearningRateFix, quickFixes, resizeEdits, suggestionFix } from '../../../src/core/editor';
import { parseSpec } from '../../../src/core/spec/parse';
import { analyzed, applyEdits } from './helpers';

function fixesFor(text: string) {
  const a = analyzed(text);
  return quickFixes(text, a.parsed, a.analysis, editorDiagnostics(a.parsed, a.analysis));
}

describe('quick fixes', () => {
  it('applies a "did you mean" suggestion to the misspelled word only', () => {
    const text = 'optimizer = momentun(0.9)\nlrr = 0.1\n';
    const fixes = fixesFor(text);
    assert.deepEqual(
      fixes.map((f) => f.title),
      ["Change to 'momentum'", "Change to 'lr'"],
    );
    const fixed = fixes.reduce((t, f) => applyEdits(t, f.edits), text);
    assert.equal(fixed, 'optimizer = momentum(0.9)\nlr = 0.1\n');
    assert.deepEqual(parseSpec(fixed).diagnostics, []);
  });

  it('offers no suggestion fix for diagnostics without one', () => {
    assert.equal(suggestionFix({ code: 'GG105', severity: 'error', message: 'x', range: { start: 0, end: 1 } }), undefined);
  });

  it('pads a short vector with zeros and trims a long one to the dimension n', () => {
    const short = 'w = [1, 2, 3]\nw* = [1]\n';
    const pad = fixesFor(short)[0];
    assert.equal(pad.title, 'Pad w* with zeros to n = 3');
    assert.equal(applyEdits(short, pad.edits), 'w = [1, 2, 3]\nw* = [1, 0, 0]\n');
    const long = 'w = [1,2]\nx = [0.5, 0.2, 0.1]';
    const fixes = fixesFor(long);
    assert.equal(fixes[0].title, 'Trim x to n = 2');
    assert.equal(applyEdits(long, fixes[0].edits), 'w = [1,2]\nx = [0.5, 0.2]');
    assert.equal(fixes[1].title, 'Resize w to n = 3 (the length of x)');
    assert.equal(applyEdits(long, fixes[1].edits), 'w = [1, 2, 0]\nx = [0.5, 0.2, 0.1]');
  });

  it('resizes every row of a matrix', () => {
    const text = 'x = [[1,2],[3,4]]\nw=[1,2,3]\ny = [1, 2]';
    const fixes = fixesFor(text);
    const fixed = applyEdits(text, fixes[0].edits);
    assert.equal(fixed, 'x = [[1, 2, 0],[3, 4, 0]]\nw=[1,2,3]\ny = [1, 2]');
    assert.deepEqual(
      parseSpec(fixed).diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    const a = analyzed(text);
    assert.deepEqual(resizeEdits(text, a.parsed.ranges.w!, 3), []);
  });

  it("sets lr to Goh's optimal step when η is above the bound, and the result is stable", () => {
    const text = 'x ~ sigmoid(normal(0, 1))\nlr = 2\n';
    const fixes = fixesFor(text);
    const fix = fixes.find((f) => f.title.startsWith('Set lr'));
    assert.ok(fix, JSON.stringify(fixes));
    assert.equal(fix.diagnosticCode, 'GG403');
    const fixed = applyEdits(text, fix.edits);
    const after = analyzed(fixed);
    assert.ok(after.analysis!.learningRate.value < after.analysis!.learningRate.max!);
    assert.ok(Math.abs(after.analysis!.learningRate.value - after.analysis!.learningRate.optimal!) <= 5e-3 * after.analysis!.learningRate.optimal!); // three significant digits
    assert.deepEqual(
      fixesFor(fixed).filter((f) => f.title.startsWith('Set lr')),
      [],
    );
  });

  it('adds an lr line when the spec has none', () => {
    const text = 'x ~ uniform(0, 10)';
    const a = analyzed(text);
    const fix = optimalLearningRateFix(text, a.parsed, a.analysis)!;
    const fixed = applyEdits(text, fix.edits);
    assert.match(fixed, /^x ~ uniform\(0, 10\)\nlr = [\d.e-]+\n$/);
    assert.equal(parseSpec(fixed).spec?.lr, Number(/lr = (\S+)/.exec(fixed)![1]));
  });

  it("never offers a step outside the run optimizer's own bound: Nesterov gets half its bound, adaptive optimizers nothing", () => {
    const text = 'optimizer = nesterov(0.9)\nbatch = all\nlr = 1.2\n';
    const a = analyzed(text);
    const lr = a.analysis!.learningRate;
    assert.ok(lr.optimal! >= lr.max!, "Goh's GD step is beyond Nesterov's bound here");
    const fix = optimalLearningRateFix(text, a.parsed, a.analysis)!;
    assert.match(fix.title, /^Set lr to half the full-batch bound \(2 \+ 2β\)\/\(\(1 \+ 2β\)λmax\) = /);
    const after = analyzed(applyEdits(text, fix.edits)).analysis!;
    assert.equal(after.learningRate.stable, true);
    const adam = 'optimizer = adam\nlr = 1.2\n';
    assert.equal(optimalLearningRateFix(adam, analyzed(adam).parsed, analyzed(adam).analysis), undefined);
  });
});
