// AdaGrad, added through the optimizer registry alone, in the real VS Code: a spec with
// `optimizer = adagrad` gets its optimizer and lr hovers (vscode.executeHoverProvider) and a panel
// analysis with no fixed bound and 100 % sign-coherent updates on sigmoid inputs with batch 1.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { isAnalysis, useCleanWorkbench, waitForPost, workspaceUri } from '../helpers';
import { fixture, hoverText } from './fixtures';

/** The position of the statement matching `re` at a line start. */
function statementAt(document: vscode.TextDocument, re: RegExp): vscode.Position {
  const m = new RegExp(re.source, 'm').exec(document.getText());
  if (!m) throw new Error(`${re} not in ${document.uri.toString()}`);
  return document.positionAt(m.index);
}

describe('language features: AdaGrad (registered, not special-cased)', function () {
  this.timeout(120_000);
  const gg = useCleanWorkbench();

  it('optimizer = adagrad: hovers on optimizer and lr, and a panel analysis without a fixed bound', async () => {
    const base = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('sigmoid-northwest.neuron')));
    const text = base.replace(/^optimizer\s*=.*$/m, 'optimizer = adagrad').replace(/^batch\s*=.*$/m, 'batch = 1');
    assert.match(text, /^optimizer = adagrad$/m);
    const { document } = await fixture('neuron', text);
    const posted = waitForPost(gg(), document.uri.toString(), isAnalysis);
    await vscode.commands.executeCommand('gradientGeometry.show');
    const message = await posted;
    assert.ok(isAnalysis(message));
    assert.deepEqual(message.spec?.optimizer, { kind: 'adagrad', eps: 1e-8 });
    const lr = message.analysis.learningRate;
    assert.equal(lr.max, null);
    assert.equal(lr.stable, null);
    assert.match(lr.maxReason ?? '', /AdaGrad/);
    assert.equal(message.analysis.run.signCoherentFraction, 1);
    assert.match(message.analysis.sentence, /AdaGrad divides each coordinate by the root of its accumulated squared gradients/);
    const opt = await hoverText(document, statementAt(document, /^optimizer\s*=/));
    assert.match(opt, /AdaGrad/);
    assert.match(opt, /accumulated squared gradients/);
    const rate = await hoverText(document, statementAt(document, /^lr\s*=/));
    assert.match(rate, /No fixed step-size bound/);
  });
});
