import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostMessage } from '../../src/shared/protocol';
import { isAnalysis, openEditor, useCleanWorkbench, utf8, waitForPost, workspaceUri } from './helpers';

const SPEC = `# write-back test
x ~ sigmoid(normal(0, 1))
samples = 16
w* = [-1, 1]
w = [1.5, -0.5]   # start
lr = 0.5          # step size
steps = 20
`;

let counter = 0;
async function newSpec(): Promise<vscode.TextEditor> {
  const name = `write${Date.now()}-${counter++}.neuron`;
  await vscode.workspace.fs.writeFile(workspaceUri(name), utf8(SPEC));
  return openEditor(name);
}

const isWriteResult = (m: HostMessage): m is Extract<HostMessage, { ok: boolean }> => m.type === 'writeResult';

describe('panel controls written back into the document', () => {
  const gg = useCleanWorkbench();

  it('writes lr, optimizer and a dragged start as one undoable edit, and the panel gets the new analysis', async () => {
    const editor = await newSpec();
    const key = editor.document.uri.toString();
    const first = waitForPost(gg(), key, isAnalysis);
    await vscode.commands.executeCommand('gradientGeometry.show');
    const analysis = await first;
    assert.ok(isAnalysis(analysis) && analysis.writable === true && analysis.spec?.lr === 0.5);
    assert.equal(analysis.statementLines?.lr, 6);

    const answer = waitForPost(gg(), key, isWriteResult);
    const next = waitForPost(gg(), key, (m) => isAnalysis(m) && m.analysis.learningRate.value === 0.7143);
    gg().simulateWebviewMessage(key, {
      type: 'writeSpec',
      version: analysis.version,
      changes: { lr: 0.7143, optimizer: { kind: 'momentum', beta: 0.9 }, start: { axes: [0, 1], values: [1.2, -0.25] } },
    });
    const result = await answer;
    assert.ok(isWriteResult(result) && result.ok, isWriteResult(result) ? result.message : '');
    const text = editor.document.getText();
    assert.ok(text.includes('lr = 0.7143          # step size'), text);
    assert.ok(text.includes('w = [1.2, -0.25]   # start'), text);
    assert.ok(text.endsWith('optimizer = momentum(0.9)\n'), text);
    await next;

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SPEC, 'one undo step restores the text');
  });

  it('refuses to write when the document changed since the picture, and never clobbers the new text', async () => {
    const editor = await newSpec();
    const key = editor.document.uri.toString();
    const first = waitForPost(gg(), key, isAnalysis);
    await vscode.commands.executeCommand('gradientGeometry.show');
    const analysis = await first;
    assert.ok(isAnalysis(analysis));
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# typed meanwhile\n'));
    const typed = editor.document.getText();
    const answer = waitForPost(gg(), key, isWriteResult);
    gg().simulateWebviewMessage(key, { type: 'writeSpec', version: analysis.version, changes: { lr: 2 } });
    const result = await answer;
    assert.ok(isWriteResult(result) && !result.ok);
    assert.match(isWriteResult(result) ? result.message : '', /changed since this picture/);
    assert.equal(editor.document.getText(), typed);
  });

  it('rejects malformed requests at the guard', async () => {
    const editor = await newSpec();
    const key = editor.document.uri.toString();
    await vscode.commands.executeCommand('gradientGeometry.show');
    const before = gg()
      .panels()
      .find((p) => p.key === key)!.rejected;
    gg().simulateWebviewMessage(key, { type: 'writeSpec', version: 1, changes: { lr: -1 } });
    gg().simulateWebviewMessage(key, { type: 'export', format: 'svg', fileName: '../../evil.svg', data: '<svg/>' });
    assert.equal(
      gg()
        .panels()
        .find((p) => p.key === key)!.rejected,
      before + 2,
    );
    assert.equal(editor.document.getText(), SPEC);
  });
});
