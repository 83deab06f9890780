import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkAnalysisMessage } from '../../src/shared/analysisWire';
import { asReceived } from '../../src/shared/batchWire';
import { closeAll, isAnalysis, isErrors, openEditor, panelFor, replaceInDocument, until, useCleanWorkbench, utf8, waitForPost, workspaceUri } from './helpers';

const SHOW = 'gradientGeometry.show';
const DEFAULT_KEY = 'gradientGeometry:default-lesson';

const SMALL_SPEC = `# a small lesson for the tests
x ~ sigmoid(normal(0, 1))
samples = 16
seed = 2
w* = [-1, 1]
w = [1.5, -0.5]
lr = 0.5
steps = 20
`;

let fileCounter = 0;
/** A new .neuron file in the workspace, so tests never share (or dirty) a document. */
async function newSpecFile(text = SMALL_SPEC): Promise<vscode.TextEditor> {
  const name = `t${Date.now()}-${fileCounter++}.neuron`;
  await vscode.workspace.fs.writeFile(workspaceUri(name), utf8(text));
  return openEditor(name);
}

describe('Gradient Geometry in a real extension host', () => {
  const gg = useCleanWorkbench();

  it('registers the command and the neuron language', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(SHOW), 'gradientGeometry.show is registered');
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('neuron'));
    const editor = await openEditor('sigmoid-northwest.neuron');
    assert.equal(editor.document.languageId, 'neuron');
  });

  it('opens a panel titled after the active .neuron document, and the webview receives its analysis', async () => {
    const editor = await openEditor('sigmoid-northwest.neuron');
    const key = editor.document.uri.toString();
    const posted = waitForPost(gg(), key, isAnalysis);
    await vscode.commands.executeCommand(SHOW);
    const panel = panelFor(gg(), key);
    assert.ok(panel, 'a panel exists for the document');
    assert.equal(panel.title, 'Gradient Geometry: sigmoid-northwest.neuron');
    assert.equal(panel.documentUri, key);
    const message = await posted;
    assert.ok(isAnalysis(message));
    assert.equal(message.source, 'sigmoid-northwest.neuron');
    assert.equal(message.documentUri, key);
    assert.equal(message.analysis.dimension, 2);
    assert.equal(message.analysis.inputs.allPositive, true, 'sigmoid inputs are all positive');
    // The handshake happened: the webview said ready, and got the settings first.
    assert.equal(panelFor(gg(), key)?.ready, true);
    assert.equal(panelFor(gg(), key)?.posted[0]?.type, 'settings');
  });

  it('keeps one panel per document and reveals it again', async () => {
    const first = await openEditor('sigmoid-northwest.neuron');
    await vscode.commands.executeCommand(SHOW);
    await vscode.commands.executeCommand(SHOW);
    assert.equal(
      gg()
        .panels()
        .filter((p) => p.key === first.document.uri.toString()).length,
      1,
    );
    const second = await openEditor('tanh.neuron');
    await vscode.commands.executeCommand(SHOW);
    const keys = gg()
      .panels()
      .map((p) => p.key)
      .sort();
    assert.deepEqual(keys, [first.document.uri.toString(), second.document.uri.toString()].sort());
    await openEditor('sigmoid-northwest.neuron');
    await vscode.commands.executeCommand(SHOW);
    assert.equal(gg().panels().length, 2, 'showing the first document again reuses its panel');
  });

  it('sends the picture again when a hidden panel is shown again (its page was dropped)', async () => {
    const editor = await openEditor('sigmoid-northwest.neuron');
    const key = editor.document.uri.toString();
    const first = waitForPost(gg(), key, isAnalysis);
    await vscode.commands.executeCommand(SHOW);
    const shown = await first;
    assert.ok(isAnalysis(shown));
    // Cover the panel with an editor in its group: without retained context the webview is dropped.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('tanh.neuron')), { viewColumn: vscode.ViewColumn.Two });
    await until(() => panelFor(gg(), key)?.visible === false || undefined, 'the panel to be hidden');
    assert.equal(panelFor(gg(), key)?.ready, false);
    const again = waitForPost(gg(), key, (m) => isAnalysis(m) && m.version === shown.version);
    await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand(SHOW);
    await again;
    assert.equal(panelFor(gg(), key)?.ready, true);
  });

  it('shows a selection that holds a valid spec, even in another language', async () => {
    const notes = workspaceUri('notes.md');
    await vscode.workspace.fs.writeFile(notes, utf8(`# Notes\n\nSome prose first.\n\n${SMALL_SPEC}\nMore prose.\n`));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    const start = editor.document.getText().indexOf('# a small lesson');
    const end = editor.document.getText().indexOf('More prose.');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
    const key = `selection:${notes.toString()}`;
    const posted = waitForPost(gg(), key, isAnalysis);
    await vscode.commands.executeCommand(SHOW);
    const panel = panelFor(gg(), key);
    assert.ok(
      panel,
      `a selection panel exists (panels: ${gg()
        .panels()
        .map((p) => p.key)
        .join(', ')})`,
    );
    assert.equal(panel.title, 'Gradient Geometry: notes.md (selection)');
    const message = await posted;
    assert.ok(isAnalysis(message) && message.documentUri === undefined);
    assert.equal(message.analysis.samples, 16);
  });

  it('uses the active neuron document when the selection is not a spec', async () => {
    const editor = await openEditor('inside-cone.neuron');
    // "sigmoid" alone is not a spec.
    const at = editor.document.getText().indexOf('sigmoid(');
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + 7));
    await vscode.commands.executeCommand(SHOW);
    assert.deepEqual(
      gg()
        .panels()
        .map((p) => p.key),
      [editor.document.uri.toString()],
    );
  });

  it('falls back to the built-in default lesson without a neuron editor', async () => {
    await closeAll();
    const posted = waitForPost(gg(), DEFAULT_KEY, isAnalysis);
    await vscode.commands.executeCommand(SHOW);
    const panel = panelFor(gg(), DEFAULT_KEY);
    assert.ok(panel);
    assert.equal(panel.title, 'Gradient Geometry: default lesson');
    const message = await posted;
    assert.ok(isAnalysis(message));
    assert.equal(message.analysis.inputs.allPositive, true);
    assert.equal(message.analysis.cone.optimumInside, false, 'the default lesson targets the north-west, outside the cone');
  });

  it('re-analyses on edits and posts the newer version to the webview', async () => {
    const editor = await newSpecFile();
    const key = editor.document.uri.toString();
    const first = waitForPost(gg(), key, isAnalysis);
    await vscode.commands.executeCommand(SHOW);
    const before = await first;
    assert.ok(isAnalysis(before));
    assert.equal(before.analysis.learningRate.value, 0.5);

    const after = waitForPost(gg(), key, (m) => isAnalysis(m) && m.version === editor.document.version);
    await replaceInDocument(editor.document, /lr = 0\.5/, 'lr = 0.2');
    const message = await after;
    assert.ok(isAnalysis(message));
    assert.ok(message.version > before.version);
    assert.equal(message.analysis.learningRate.value, 0.2);
  });

  it('debounces a burst of edits: only the latest version is analysed', async () => {
    const editor = await newSpecFile();
    const key = editor.document.uri.toString();
    const first = waitForPost(gg(), key, isAnalysis);
    await vscode.commands.executeCommand(SHOW);
    await first;
    // A generous delay, so that a slow machine still counts the five edits as one burst.
    const config = vscode.workspace.getConfiguration('gradientGeometry');
    await config.update('liveUpdateDelay', 1500, vscode.ConfigurationTarget.Global);
    const countBefore = panelFor(gg(), key)?.posted.filter(isAnalysis).length ?? 0;
    try {
      for (const steps of [21, 22, 23, 24, 25]) await replaceInDocument(editor.document, /steps = \d+/, `steps = ${steps}`);
      const finalVersion = editor.document.version;
      const last = await waitForPost(gg(), key, (m) => isAnalysis(m) && m.version === finalVersion);
      assert.ok(isAnalysis(last));
      assert.equal(last.analysis.run.stepsRun, 25);
      const analyses = panelFor(gg(), key)?.posted.filter(isAnalysis) ?? [];
      assert.equal(analyses.length - countBefore, 1, `one analysis for five quick edits (versions: ${analyses.map((a) => a.version).join(', ')})`);
    } finally {
      await config.update('liveUpdateDelay', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('keeps the last good picture while the spec has errors, and recovers', async () => {
    const editor = await newSpecFile();
    const key = editor.document.uri.toString();
    const first = waitForPost(gg(), key, isAnalysis);
    await vscode.commands.executeCommand(SHOW);
    const good = await first;

    const errorsPosted = waitForPost(gg(), key, isErrors);
    await replaceInDocument(editor.document, /lr = 0\.5/, 'lr = oops');
    const errors = await errorsPosted;
    assert.ok(isErrors(errors));
    assert.ok(errors.errors.length >= 1);
    const lrLine = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('lr ='));
    assert.equal(errors.errors[0]?.line, lrLine + 1, `the first error is on the lr line: ${JSON.stringify(errors.errors[0])}`);
    const analysesSoFar = panelFor(gg(), key)?.posted.filter(isAnalysis) ?? [];
    assert.equal(analysesSoFar.at(-1), good, 'no new picture was sent while the spec is broken');

    const fixed = waitForPost(gg(), key, isAnalysis);
    await replaceInDocument(editor.document, /lr = oops/, 'lr = 0.3');
    const recovered = await fixed;
    assert.ok(isAnalysis(recovered));
    assert.equal(recovered.analysis.learningRate.value, 0.3);
  });

  it('reveals an error position in the editor when the webview asks', async () => {
    const editor = await newSpecFile();
    const key = editor.document.uri.toString();
    const first = waitForPost(gg(), key, isAnalysis);
    await vscode.commands.executeCommand(SHOW);
    await first;
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    assert.ok(gg().simulateWebviewMessage(key, { type: 'revealError', line: 5, column: 3 }));
    const selection = await until(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === key && active.selection.active.line === 4 ? active.selection : undefined;
    }, 'the editor to reveal line 5');
    assert.equal(selection.active.character, 2);
  });

  it('ignores malformed messages from the webview', async () => {
    const editor = await newSpecFile();
    const key = editor.document.uri.toString();
    await vscode.commands.executeCommand(SHOW);
    const before = panelFor(gg(), key)?.rejected ?? 0;
    for (const bad of [
      null,
      'ready',
      { type: 'revealError', line: -1, column: 1 },
      { type: 'revealError', line: '2', column: 1 },
      { type: 'runCode', code: '1' },
      { type: 'log', level: 'warn', text: 'x' },
    ]) {
      gg().simulateWebviewMessage(key, bad);
    }
    assert.equal((panelFor(gg(), key)?.rejected ?? 0) - before, 6);
  });

  it('sends changed settings to open panels', async () => {
    await openEditor('sigmoid-northwest.neuron');
    const key = workspaceUri('sigmoid-northwest.neuron').toString();
    const first = waitForPost(gg(), key, isAnalysis);
    await vscode.commands.executeCommand(SHOW);
    await first;
    const config = vscode.workspace.getConfiguration('gradientGeometry');
    const posted = waitForPost(gg(), key, (m) => m.type === 'settings' && m.animationStepsPerSecond === 42);
    await config.update('animationStepsPerSecond', 42, vscode.ConfigurationTarget.Global);
    try {
      await posted;
    } finally {
      await config.update('animationStepsPerSecond', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('applies the defaultSteps setting to a spec without a steps statement', async () => {
    const editor = await newSpecFile(SMALL_SPEC.replace('steps = 20\n', ''));
    const key = editor.document.uri.toString();
    const config = vscode.workspace.getConfiguration('gradientGeometry');
    await config.update('defaultSteps', 7, vscode.ConfigurationTarget.Global);
    try {
      const posted = waitForPost(gg(), key, isAnalysis);
      await vscode.commands.executeCommand(SHOW);
      const message = await posted;
      assert.ok(isAnalysis(message));
      // Each run's path travels in typed columns (src/shared/analysisWire.ts, batchWire.ts): read them as the webview does.
      const { path } = checkAnalysisMessage(asReceived(message)).analysis.run;
      assert.ok(path.length >= 1 && path.length <= 8, `at most 7 steps (path of ${path.length})`);
    } finally {
      await config.update('defaultSteps', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
