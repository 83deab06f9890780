// Export from the panel, end to end through the host: the webview's 'export' request opens VS
// Code's own save dialog (a quick input holding the proposed path), accepting it writes the file
// through vscode.workspace.fs, and the panel hears the outcome. Runs in the Node and the web
// worker extension hosts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostMessage } from '../../src/shared/protocol';
import { isAnalysis, useCleanWorkbench, utf8, waitForPost, workspaceUri } from './helpers';

const SPEC = 'x ~ sigmoid(normal(0, 1))\nsamples = 8\nw* = [-1, 1]\nw = [1.5, -0.5]\nsteps = 10\n';
const isExportResult = (m: HostMessage): m is Extract<HostMessage, { type: 'exportResult' }> => m.type === 'exportResult';

describe('export from the panel through the save dialog and workspace.fs', function () {
  this.timeout(60_000);
  const gg = useCleanWorkbench();
  // Desktop VS Code would open the native dialog, which a test cannot answer: ask for VS Code's own.
  const files = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('files');
  before(() => files().update('simpleDialog.enable', true, vscode.ConfigurationTarget.Global));
  after(() => files().update('simpleDialog.enable', undefined, vscode.ConfigurationTarget.Global));

  it('writes the exported SVG where the dialog proposes (beside the spec), and reports it to the panel', async () => {
    const name = `export-${Date.now()}`;
    await vscode.workspace.fs.writeFile(workspaceUri(`${name}.neuron`), utf8(SPEC));
    const document = await vscode.workspace.openTextDocument(workspaceUri(`${name}.neuron`));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    const key = document.uri.toString();
    const shown = waitForPost(gg(), key, isAnalysis);
    await vscode.commands.executeCommand('gradientGeometry.show');
    await shown;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" data-test="${name}"/>`;
    const result = waitForPost(gg(), key, isExportResult, { timeoutMs: 30_000 });
    assert.ok(gg().simulateWebviewMessage(key, { type: 'export', format: 'svg', fileName: `${name}.svg`, data: svg }));
    // The dialog is a quick input whose value is the proposed path: accept it until the result arrives.
    let settled = false;
    void result.finally(() => (settled = true)).catch(() => undefined);
    while (!settled) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await Promise.race([result.catch(() => undefined), new Promise((r) => setTimeout(r, 250))]);
    }
    const outcome = await result;
    assert.ok(isExportResult(outcome));
    assert.equal(outcome.ok, true, outcome.message);
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(`${name}.svg`)));
    assert.equal(written, svg);
  });
});
