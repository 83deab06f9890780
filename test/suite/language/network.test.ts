// A network spec in the real VS Code (issue 14 §2): the hover on the hidden layer states the run's
// network facts (the same numbers the panel's analysis holds), and bad network statements get
// located diagnostics with their codes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { isAnalysis, useCleanWorkbench, waitForPost, workspaceUri } from '../helpers';
import { codeOf, diagnosticsOf, fixture, hoverText, span } from './fixtures';

/** The position of the statement matching `re` at a line start (not a mention in a comment). */
function statementAt(document: vscode.TextDocument, re: RegExp): vscode.Position {
  const m = new RegExp(re.source, 'm').exec(document.getText());
  if (!m) throw new Error(`${re} not in ${document.uri.toString()}`);
  return document.positionAt(m.index);
}

describe('language features: a network spec', function () {
  this.timeout(120_000);
  const gg = useCleanWorkbench();

  it("the h hover states the hidden outputs' signs and the curvature at the last step, as the panel's analysis has them", async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('network-sigmoid-hidden.neuron')));
    const { document } = await fixture('neuron', text);
    const posted = waitForPost(gg(), document.uri.toString(), isAnalysis);
    await vscode.commands.executeCommand('gradientGeometry.show');
    const message = await posted;
    assert.ok(isAnalysis(message));
    const net = message.analysis.network;
    assert.ok(net, 'the analysis has the network');
    assert.equal(net.hidden, 2);
    assert.equal(net.allPositiveShare, 1);
    const md = (await hoverText(document, statementAt(document, /^h = sigmoid/))).replace(/\\(.)/g, '$1');
    assert.match(md, /Hidden outputs all positive at 100 % of the steps/);
    const last = net.steps[net.steps.length - 1];
    assert.ok(md.includes(`Curvature of the output weights at step ${last.step}`), md);
    assert.ok(md.includes(`one sign: ${Math.round(100 * (net.rowSignCoherentShare ?? 0))} %`), md);
  });

  it('W with the wrong number of rows, and f = w·h without a hidden layer: GG225 and GG224 where written', async () => {
    const { document } = await fixture('neuron', 'hidden = 3\nh = sigmoid(W·x + c)\nW = [[1, 2], [3, 4]]\nf = w·h + b\n');
    const d = await diagnosticsOf(document, (ds) => ds.some((x) => codeOf(x) === 'GG225'));
    const shape = d.find((x) => codeOf(x) === 'GG225')!;
    assert.deepEqual(span(shape.range), [2, 4, 2, 20]);
    assert.match(shape.message, /W has 2 rows but hidden = 3 \(line 1\): expected 3 rows/);
    const { document: alone } = await fixture('neuron', 'x ~ normal(0, 1)\nf = w·h + b\n');
    const m = await diagnosticsOf(alone, (ds) => ds.some((x) => codeOf(x) === 'GG224'));
    assert.deepEqual(span(m.find((x) => codeOf(x) === 'GG224')!.range), [1, 4, 1, 11]);
  });
});
