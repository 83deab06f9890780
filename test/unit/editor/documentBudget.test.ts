// Issue 11 §1: every embedded spec of a document counts against one analysis budget (GG311), in
// the editor (annotations, fences) and in the Markdown preview, so that a document costs what one
// spec may.
import * as assert from 'node:assert/strict';
import { analyseRegion, embeddedDiagnostics, embeddedHoverAt, embeddedRegions } from '../../../src/core/editor';
import { neuronFigureHtml, fenceOptions } from '../../../src/core/figures';
import { parseSpec } from '../../../src/core/spec/parse';
import { LIMITS } from '../../../src/core/spec/types';
import { AnalysisBudget, estimatedSpecMs } from '../../../src/core/spec/work';

const HEAVY = 'samples = 100000; loss = logistic; steps = 1';
const cost = estimatedSpecMs(parseSpec(HEAVY.replace(/; /g, '\n')).spec!);
const fits = Math.floor(LIMITS.maxAnalysisMs / cost);
const COUNT = fits + 3;

describe('one analysis budget per document (GG311)', () => {
  it('the heavy annotation is accepted alone, and a few of them exceed one document’s budget', () => {
    assert.ok(cost > 0 && cost <= LIMITS.maxAnalysisMs, `one costs ${cost} ms`);
    assert.ok(fits >= 1 && fits < COUNT);
  });

  const python = Array.from({ length: COUNT }, (_, k) => `# neuron: ${HEAVY}; seed = ${k + 1}\nout${k} = w @ x + b\n`).join('\n');

  it('analyses annotations in document order while they fit; the rest are parsed, not analysed, and say why', () => {
    const regions = embeddedRegions(python, 'python');
    assert.equal(regions.length, COUNT);
    assert.deepEqual(
      regions.map((r) => r.analysed),
      Array.from({ length: COUNT }, (_, k) => k < fits),
    );
    let analysed = 0;
    const counting = (text: string) => {
      analysed++;
      return { parsed: parseSpec(text), analysis: undefined };
    };
    const diagnostics = embeddedDiagnostics(python, 'python', counting);
    assert.equal(analysed, fits, 'the analyzer is never asked past the budget');
    const warned = diagnostics.filter((d) => d.code === 'GG311');
    assert.equal(warned.length, COUNT - fits);
    assert.equal(warned[0].range.start, regions[fits].target.start, 'on the first annotation past the budget');
    assert.match(warned[0].message, /analysis budget of 2 s/);
    assert.equal(analyseRegion(regions[COUNT - 1], () => assert.fail('not analysed')).analysis, undefined);
  });

  it('a hover on an annotation past the budget still explains its spec, without numbers from a run', () => {
    const regions = embeddedRegions(python, 'python');
    const last = regions[COUNT - 1];
    const hover = embeddedHoverAt(python, last.source[0].start + 12, 'python', () => assert.fail('not analysed'));
    assert.ok(hover && hover.markdown.length > 0);
  });

  it('the Markdown preview draws figures while one render’s budget lasts, then says why not', () => {
    const budget = new AnalysisBudget(LIMITS.maxAnalysisMs);
    const light = neuronFigureHtml('w = [1, 2]\nsteps = 5', fenceOptions('neuron'), 'f0', 0, budget);
    assert.match(light, /<svg/);
    const html: string[] = [];
    for (let k = 0; k < COUNT; k++)
      html.push(neuronFigureHtml(`${HEAVY.replace(/; /g, '\n')}\nseed = ${k + 1}`, fenceOptions('neuron'), `f${k + 1}`, k, budget));
    const drawn = html.filter((h) => h.includes('<svg')).length;
    assert.ok(drawn >= 1 && drawn < COUNT, `${drawn} of ${COUNT} drawn`);
    assert.match(html[COUNT - 1], /Not drawn: this document&apos;s figures before this one already use the analysis budget of 2 s/);
    assert.ok(budget.spentMs <= LIMITS.maxAnalysisMs);
  });
});
