// A soak test in the real extension host (issue 11 §2): 1,000 rapid edits of the largest lesson
// with its panel open end in the right picture, and the host's memory is flat (measured after a
// settle at the start and at the end). The webview's own memory is measured by the e2e layer's
// page, not here.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { isAnalysis, openEditor, useCleanWorkbench, waitForPost, workspaceUri } from './helpers';

const EDITS = 1000;

/** Host heap after letting queued work finish (V8 collects on its own; no --expose-gc here). */
async function settledHeap(): Promise<number> {
  await new Promise((r) => setTimeout(r, 1500));
  return process.memoryUsage().heapUsed;
}

describe('soak: 1,000 rapid edits with the panel open', function () {
  this.timeout(600_000);
  const gg = useCleanWorkbench();

  it('ends in the picture of the final text, with the host heap flat', async () => {
    const lesson = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('learning-rate.neuron')));
    const name = `soak-${Date.now()}.neuron`;
    await vscode.workspace.fs.writeFile(workspaceUri(name), Buffer.from(lesson, 'utf8'));
    const editor = await openEditor(name);
    const document = editor.document;
    const key = document.uri.toString();
    const first = waitForPost(gg(), key, isAnalysis);
    await vscode.commands.executeCommand('gradientGeometry.show');
    await first;
    // A few rounds first, so the start is measured warm (caches, JIT, the worker up).
    const lrLine = (): vscode.Range => {
      const m = /^lr = [^\s#]+/m.exec(document.getText());
      assert.ok(m, 'the lesson has an lr statement');
      return new vscode.Range(document.positionAt(m.index), document.positionAt(m.index + m[0].length));
    };
    const edit = async (k: number): Promise<void> => {
      const e = new vscode.WorkspaceEdit();
      e.replace(document.uri, lrLine(), `lr = ${(0.5 + (k % 97) / 100).toFixed(2)}`);
      assert.ok(await vscode.workspace.applyEdit(e));
    };
    for (let k = 0; k < 20; k++) await edit(k);
    const before = await settledHeap();
    for (let k = 0; k < EDITS; k++) await edit(k);
    const finalLr = Number((0.5 + ((EDITS - 1) % 97) / 100).toFixed(2));
    // The last edit's picture (it may have arrived already: the panel keeps what it posted in test mode).
    const message = await waitForPost(gg(), key, (m) => isAnalysis(m) && m.version === document.version && m.analysis.learningRate.value === finalLr, { timeoutMs: 120_000, includePast: true });
    assert.ok(isAnalysis(message));
    assert.equal(message.spec?.lr, finalLr, 'the picture is of the final text');
    const after = await settledHeap();
    const growth = (after - before) / 1048576;
    console.log(`    soak: host heap ${(before / 1048576).toFixed(0)} → ${(after / 1048576).toFixed(0)} MB after ${EDITS} edits`);
    assert.ok(growth < 64, `the host heap grew by ${growth.toFixed(0)} MB over ${EDITS} edits`);
  });
});
