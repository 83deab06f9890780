// The `lr` and `optimizer` hovers as VS Code shows them (vscode.executeHoverProvider) quote the
// analysis' own step-size bound: the run's optimizer's full-batch bound learningRate.max with its
// formula, no bound for adaptive optimizers, and the run's divergence from its facts (issue 9).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Analysis } from '../../../src/core/analysis/types';
import { analyzeText } from '../../../src/core/editor';
import { num } from '../../../src/core/editor/text/format';
import { isAnalysis, useCleanWorkbench, waitForPost, workspaceUri } from '../helpers';
import { fixture, hoverText } from './fixtures';

const SHOW = 'gradientGeometry.show';

/** Hover Markdown as a reader sees it: backslash escapes and entities removed. */
function plain(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The bound quoted after "stability bound for …:** η < <formula> = <number>". */
function quotedBound(md: string): { formula: string; text: string } | undefined {
  const m = /stability bound for [^:]*:\*\* η < (.+?) = (−?[\d.]+(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?)/.exec(plain(md));
  return m ? { formula: m[1], text: m[2] } : undefined;
}

async function sigmoidNorthwest(): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('sigmoid-northwest.neuron')));
}

/** The position of the statement matching `re` at a line start (not a mention in a comment). */
function statementAt(document: vscode.TextDocument, re: RegExp): vscode.Position {
  const m = new RegExp(re.source, 'm').exec(document.getText());
  if (!m) throw new Error(`${re} not in ${document.uri.toString()}`);
  return document.positionAt(m.index);
}

function withOptimizer(text: string, optimizer: string): string {
  return text.replace(/^optimizer\s*=.*$/m, `optimizer = ${optimizer}`);
}

const EXAMPLES = ['sigmoid-northwest.neuron', 'tanh.neuron', 'batch-vs-full.neuron', 'correlated-inputs.neuron', 'learned-shift.neuron', 'relu-inputs.neuron'];

describe('language features: step-size bounds in hovers', function () {
  this.timeout(120_000);
  const gg = useCleanWorkbench();

  it("nesterov(0.9), batch all, lr 1.2: the lr hover quotes the Nesterov bound ≈ 0.91 that the panel's analysis holds", async () => {
    const text = (await sigmoidNorthwest())
      .replace(/^optimizer\s*=.*$/m, 'optimizer = nesterov(0.9)')
      .replace(/^batch\s*=.*$/m, 'batch = all')
      .replace(/^lr\s*=.*$/m, 'lr = 1.2');
    const { document } = await fixture('neuron', text);
    const posted = waitForPost(gg(), document.uri.toString(), isAnalysis);
    await vscode.commands.executeCommand(SHOW);
    const message = await posted;
    assert.ok(isAnalysis(message));
    const lr = message.analysis.learningRate;
    const lmax = message.analysis.hessian.eigenvalues[0];
    assert.ok(lr.max !== null && Math.abs(lr.max - 3.8 / (2.8 * lmax)) < 1e-12 * lr.max, `max ${lr.max} is (2 + 2β)/((1 + 2β)λmax)`);
    assert.ok(Math.abs(lr.max - 0.91) < 0.01, `≈ 0.91, got ${lr.max}`);
    const md = await hoverText(document, statementAt(document, /^lr\s*=/));
    const q = quotedBound(md);
    assert.ok(q, md);
    assert.equal(q.formula, '(2 + 2β)/((1 + 2β)λmax)');
    assert.equal(q.text, num(lr.max));
    assert.ok(!plain(md).includes(num(3.8 / lmax)), `quotes the heavy-ball bound: ${md}`);
    assert.ok(plain(md).includes('at or above'), md);
    assert.ok(plain(md).includes(`η < 2/λmax = ${num(lr.gradientDescentMax!)}`), "plain GD's bound, labelled");
    // The bounds section of the science notes, resolved to the shipped document.
    assert.match(md, /\]\([^)]*docs\/science\.md#(?:L\d+|step-size-bounds-for-each-optimizer)\)/);
    const opt = await hoverText(document, statementAt(document, /^optimizer\s*=/));
    assert.equal(quotedBound(opt)?.text, num(lr.max), opt);
  });

  it("on examples under sgd, momentum, nesterov and adam: the hovers quote the analysis' bound, and none for adam", async () => {
    for (const name of EXAMPLES) {
      const base = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(name)));
      for (const optimizer of ['sgd', 'momentum(0.9)', 'nesterov(0.5)', 'adam']) {
        const text = withOptimizer(base, optimizer);
        const analysis: Analysis | undefined = analyzeText(text).analysis;
        assert.ok(analysis, `${name} with ${optimizer}`);
        const lr = analysis.learningRate;
        const { document } = await fixture('neuron', text);
        for (const statement of [/^lr\s*=/, /^optimizer\s*=/]) {
          const md = await hoverText(document, statementAt(document, statement));
          const what = `${name} with ${optimizer}, hover on ${statement}:\n${plain(md)}`;
          const q = quotedBound(md);
          if (optimizer === 'adam') {
            assert.equal(q, undefined, what);
            assert.ok(!/\bstable\b|stability region/i.test(plain(md)) && plain(md).includes('No fixed step-size bound'), what);
          } else {
            assert.ok(lr.max !== null && q, what);
            assert.equal(q.formula, lr.maxFormula, what);
            assert.equal(q.text, num(lr.max), what);
          }
          if (analysis.run.diverged) assert.ok(plain(md).includes(`diverged at step ${analysis.run.divergedAt}`), what);
        }
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
    }
  });

  it('a momentum run with batches of 4 that blows up: the lr hover says it diverged, never "stable"', async () => {
    const text =
      'f = w·x + b\nx ~ relu(normal(0.5, 1))\nsamples = 48\nseed = 5\nw = [0.8, 0.1, -0.6]\nw* = [-0.7, 0.4, 1.2]\nb* = 0.3\noptimizer = momentum(0.8)\nlr = 0.3\nbatch = 4\nsteps = 300\nview = w1, w3\n';
    const analysis = analyzeText(text).analysis!;
    assert.equal(analysis.run.diverged, true);
    const { document } = await fixture('neuron', text);
    const md = plain(await hoverText(document, statementAt(document, /^lr\s*=/)));
    assert.ok(md.includes(`diverged at step ${analysis.run.divergedAt}`), md);
    assert.ok(!/\bstable\b|every eigen-direction shrinks/.test(md), md);
    assert.equal(quotedBound(md)?.text, num(analysis.learningRate.max!), md);
  });
});
