// In a real extension host: which text "Show Gradient Geometry" uses for a selection, restoring
// selection and annotation panels after a reload (the serializer with the webview's state), going
// from a part of the picture to its statement ('revealStatement') and from the cursor to the part
// ('highlight'), and the manifest's localised strings as VS Code exposes them.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GradientGeometryApi } from '../../src/extension/api';
import { checkAnalysisMessage } from '../../src/shared/analysisWire';
import { asReceived } from '../../src/shared/batchWire';
import type { HostMessage, PersistedSnapshot } from '../../src/shared/protocol';
import { closeAll, EXTENSION_ID, isAnalysis, openEditor, panelFor, until, useCleanWorkbench, waitForPost, workspaceUri } from './helpers';

const SHOW = 'gradientGeometry.show';
const DEFAULT_KEY = 'gradientGeometry:default-lesson';

const SPEC = `# navigation fixture
x = [[0.7, 0.2],
     [0.1, 0.9],
     [0.5, 0.5]]
y = [1, 0, 0.5]
w = [1.5, -0.5]   # the start
lr = 0.5
steps = 20
`;

const PYTHON = `import numpy as np

# neuron: x ~ sigmoid(normal(0, 1)); samples = 12; w = [1.5, -0.5]; w* = [-1, 1]
out = w @ x + b
`;

let counter = 0;
async function newFile(extension: string, text: string): Promise<vscode.TextEditor> {
  const name = `nav-${Date.now()}-${counter++}.${extension}`;
  await vscode.workspace.fs.writeFile(workspaceUri(name), Buffer.from(text, 'utf8'));
  return openEditor(name);
}

type Analysis = Extract<HostMessage, { type: 'analysis' }>;
const analysisOf = async (gg: GradientGeometryApi, key: string, match: (m: Analysis) => boolean = () => true): Promise<Analysis> =>
  // As the webview reads it: each run's path in typed columns (batches unpacked, batchWire.ts), checked (src/shared/analysisWire.ts).
  checkAnalysisMessage(asReceived((await waitForPost(gg, key, (m) => isAnalysis(m) && match(m), { includePast: true })) as Analysis));

/** The text the active editor has selected, once it is in `document` and matches `check`. */
async function selectedText(document: vscode.TextDocument, check: (text: string) => boolean, what: string): Promise<string> {
  return until(() => {
    const e = vscode.window.activeTextEditor;
    if (e?.document.uri.toString() !== document.uri.toString()) return undefined;
    const text = e.document.getText(e.selection);
    return check(text) ? text : undefined;
  }, what);
}

describe('selection, restore and spec-line navigation in a real extension host', () => {
  const gg = useCleanWorkbench();

  describe('what the command shows for a selection', () => {
    it('a selection of comments only is no spec: the active neuron document is shown', async () => {
      const editor = await newFile('neuron', SPEC);
      editor.selection = new vscode.Selection(0, 0, 0, editor.document.lineAt(0).text.length);
      await vscode.commands.executeCommand(SHOW);
      assert.deepEqual(
        gg()
          .panels()
          .map((p) => p.key),
        [editor.document.uri.toString()],
      );
    });

    it('a selection of comments or blank lines in another language falls back to the default lesson', async () => {
      const editor = await newFile('md', '# Notes\n\n   \n\n# more\n');
      editor.selection = new vscode.Selection(1, 0, 3, 0);
      await vscode.commands.executeCommand(SHOW);
      assert.deepEqual(
        gg()
          .panels()
          .map((p) => p.key),
        [DEFAULT_KEY],
      );
      await closeAll();
      const again = await vscode.window.showTextDocument(editor.document);
      again.selection = new vscode.Selection(0, 0, 4, 6);
      await vscode.commands.executeCommand(SHOW);
      assert.deepEqual(
        gg()
          .panels()
          .map((p) => p.key),
        [DEFAULT_KEY],
        'Markdown headings read as # comments: still no statement',
      );
    });

    it('a selection with one statement is a spec', async () => {
      const editor = await newFile('md', 'Try this:\n\nlr = 0.2\n');
      editor.selection = new vscode.Selection(2, 0, 2, 8);
      await vscode.commands.executeCommand(SHOW);
      assert.deepEqual(
        gg()
          .panels()
          .map((p) => p.key),
        [`selection:${editor.document.uri.toString()}`],
      );
    });
  });

  describe('restoring after a reload (the serializer)', () => {
    it('restores a selection panel from the snapshot its webview kept: same name, same picture', async () => {
      const editor = await newFile('md', `# Notes\n\n${SPEC}\nMore prose.\n`);
      const text = editor.document.getText();
      editor.selection = new vscode.Selection(editor.document.positionAt(text.indexOf('x = [[')), editor.document.positionAt(text.indexOf('More prose.')));
      const key = `selection:${editor.document.uri.toString()}`;
      await vscode.commands.executeCommand(SHOW);
      const shown = await analysisOf(gg(), key);
      const snapshot = shown.snapshot;
      assert.ok(snapshot, 'the analysis carries the snapshot for the webview state');
      assert.equal(snapshot.kind, 'selection');
      assert.equal(snapshot.name, `${editor.document.uri.path.split('/').pop()} (selection)`);
      assert.equal(snapshot.line, 3);
      await closeAll();
      assert.equal(panelFor(gg(), key), undefined);

      const restoredKey = await gg().restorePanel({ kind: 'gradientGeometry.view', step: 4, snapshot });
      assert.equal(restoredKey, key);
      const restored = await analysisOf(gg(), key);
      assert.equal(panelFor(gg(), key)?.title, `Gradient Geometry: ${snapshot.name}`);
      assert.equal(restored.analysis.samples, 3);
      assert.deepEqual(restored.analysis.run.path.theta, shown.analysis.run.path.theta, 'the same run');
      assert.deepEqual(restored.snapshot, snapshot, 'kept again for the next reload');
    });

    it('restores an annotation panel from the live annotation when its document is open, else from the saved text', async () => {
      const editor = await newFile('py', PYTHON);
      await vscode.commands.executeCommand('gradientGeometry.showEmbedded', editor.document.uri.toString(), 0);
      const key = `embedded:${editor.document.uri.toString()}#0`;
      const shown = await analysisOf(gg(), key);
      assert.equal(shown.analysis.samples, 12);
      const snapshot = shown.snapshot as PersistedSnapshot;
      assert.equal(snapshot.kind, 'embedded');
      assert.equal(snapshot.index, 0);
      // The panel goes (a reload), and the annotation is edited meanwhile.
      await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
      await until(() => panelFor(gg(), key) === undefined || undefined, 'the panel to close');
      const edit = new vscode.WorkspaceEdit();
      const at = editor.document.getText().indexOf('samples = 12');
      edit.replace(
        editor.document.uri,
        new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'samples = 12'.length)),
        'samples = 20',
      );
      assert.ok(await vscode.workspace.applyEdit(edit));

      assert.equal(await gg().restorePanel({ snapshot }), key);
      const live = await analysisOf(gg(), key);
      assert.equal(live.analysis.samples, 20, 'the live annotation, not the saved text');
      assert.match(panelFor(gg(), key)?.title ?? '', /:3 \(neuron\)$/);

      // A document that is not open: the saved text.
      await closeAll();
      const elsewhere = { ...snapshot, originUri: workspaceUri('not-open', 'gone.py').toString() };
      const fallbackKey = await gg().restorePanel({ snapshot: elsewhere });
      assert.equal(fallbackKey, `embedded:${elsewhere.originUri}#0`);
      const saved = await analysisOf(gg(), fallbackKey);
      assert.equal(saved.analysis.samples, 12, 'the saved text');
    });

    it('opens only addresses the extension opened a panel on or in the workspace: a rewritten documentUri restores the default lesson and opens nothing', async () => {
      // A file outside every workspace folder (like ~/.bashrc), never shown by the extension.
      const secret = vscode.Uri.file(path.join(os.tmpdir(), `gg-never-shown-${Date.now()}.neuron`));
      await vscode.workspace.fs.writeFile(secret, new TextEncoder().encode('lr = 0.2\n'));
      for (const documentUri of [secret.toString(), 'command:workbench.action.quit', 'https://example.com/x.neuron']) {
        assert.equal(await gg().restorePanel({ kind: 'gradientGeometry.view', documentUri }), DEFAULT_KEY, documentUri);
        assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === documentUri), `${documentUri} was not opened`);
        await closeAll();
        await until(() => panelFor(gg(), DEFAULT_KEY) === undefined || undefined, 'the default panel to close');
      }
      // The same address once the extension has shown it: restored.
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(secret), {
        viewColumn: vscode.ViewColumn.One,
        preview: false,
      });
      await vscode.commands.executeCommand(SHOW);
      await analysisOf(gg(), editor.document.uri.toString());
      await closeAll();
      assert.equal(await gg().restorePanel({ kind: 'gradientGeometry.view', documentUri: secret.toString() }), secret.toString());
    });

    it('treats the state as untrusted: malformed or oversized snapshots restore the default lesson', async () => {
      const bad = [
        { snapshot: { kind: 'selection', name: 'x', text: 'lr = 0.1', originUri: 'file:///a.md', line: -3, character: 0 } },
        { snapshot: { kind: 'selection', name: 'x', text: 'x'.repeat(1_000_001), originUri: 'file:///a.md', line: 0, character: 0 } },
        { snapshot: { kind: 'shell', name: 'x', text: 'lr = 0.1', originUri: 'file:///a.md', line: 0, character: 0 } },
        { snapshot: { kind: 'selection', name: 'x', text: 'lr = 0.1', originUri: 'not a uri', line: 0, character: 0 } },
      ];
      for (const state of bad) {
        assert.equal(await gg().restorePanel(state), DEFAULT_KEY, JSON.stringify(state).slice(0, 120));
        await closeAll();
        await until(() => panelFor(gg(), DEFAULT_KEY) === undefined || undefined, 'the default panel to close');
      }
    });
  });

  describe('picture → spec line (revealStatement)', () => {
    it('selects the statement of a document panel, and a row of written inputs', async () => {
      const editor = await newFile('neuron', SPEC);
      const key = editor.document.uri.toString();
      await vscode.commands.executeCommand(SHOW);
      await analysisOf(gg(), key);
      await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
      assert.ok(gg().simulateWebviewMessage(key, { type: 'revealStatement', key: 'lr' }));
      await selectedText(editor.document, (t) => t === 'lr = 0.5', 'lr = 0.5 selected');
      assert.ok(gg().simulateWebviewMessage(key, { type: 'revealStatement', key: 'x', row: 1 }));
      await selectedText(editor.document, (t) => t === '[0.1, 0.9]', 'row 2 of x selected');
      assert.ok(gg().simulateWebviewMessage(key, { type: 'revealStatement', key: 'w' }));
      const w = await selectedText(editor.document, (t) => t.startsWith('w = '), 'w selected');
      assert.equal(w, 'w = [1.5, -0.5]', 'the statement, without its comment');
    });

    it('maps a selection panel and an annotation panel back into their documents', async () => {
      const notes = await newFile('md', `# Notes\n\nprose ${SPEC}`);
      const text = notes.document.getText();
      notes.selection = new vscode.Selection(notes.document.positionAt(text.indexOf('x = [[')), notes.document.positionAt(text.length));
      const selKey = `selection:${notes.document.uri.toString()}`;
      await vscode.commands.executeCommand(SHOW);
      await analysisOf(gg(), selKey);
      gg().simulateWebviewMessage(selKey, { type: 'revealStatement', key: 'lr' });
      await selectedText(notes.document, (t) => t === 'lr = 0.5', 'lr selected in the Markdown file');

      const py = await newFile('py', PYTHON);
      await vscode.commands.executeCommand('gradientGeometry.showEmbedded', py.document.uri.toString(), 0);
      const embKey = `embedded:${py.document.uri.toString()}#0`;
      await analysisOf(gg(), embKey);
      gg().simulateWebviewMessage(embKey, { type: 'revealStatement', key: 'teacherW' });
      await selectedText(py.document, (t) => t === 'w* = [-1, 1]', 'w* selected inside the comment');
    });

    it('answers with a status when there is nothing to reveal, and rejects unknown keys', async () => {
      await closeAll();
      await vscode.commands.executeCommand(SHOW);
      await analysisOf(gg(), DEFAULT_KEY);
      const answer = waitForPost(gg(), DEFAULT_KEY, (m) => m.type === 'revealResult');
      gg().simulateWebviewMessage(DEFAULT_KEY, { type: 'revealStatement', key: 'lr' });
      const m = await answer;
      assert.ok(m.type === 'revealResult' && !m.ok && /not from a file/.test(m.message));

      const editor = await newFile('neuron', 'lr = 0.3\n');
      const key = editor.document.uri.toString();
      await vscode.commands.executeCommand(SHOW);
      await analysisOf(gg(), key);
      const unwritten = waitForPost(gg(), key, (x) => x.type === 'revealResult');
      gg().simulateWebviewMessage(key, { type: 'revealStatement', key: 'optimizer' });
      const u = await unwritten;
      assert.ok(u.type === 'revealResult' && /optimizer is not written in the spec/.test(u.message));
      const before = panelFor(gg(), key)?.rejected ?? 0;
      for (const bad of [
        { type: 'revealStatement', key: 'w*' },
        { type: 'revealStatement', key: 'toString' },
        { type: 'revealStatement', key: 'x', row: -2 },
      ])
        gg().simulateWebviewMessage(key, bad);
      assert.equal((panelFor(gg(), key)?.rejected ?? 0) - before, 3);
    });
  });

  describe('spec line → picture (highlight)', () => {
    it('posts the statement under the cursor (debounced), and null off every statement', async () => {
      const editor = await newFile('neuron', SPEC);
      const key = editor.document.uri.toString();
      await vscode.commands.executeCommand(SHOW);
      await analysisOf(gg(), key);
      const lineOf = (prefix: string): number =>
        editor.document
          .getText()
          .split('\n')
          .findIndex((l) => l.startsWith(prefix));

      let next = waitForPost(gg(), key, (m) => m.type === 'highlight' && m.key === 'lr');
      editor.selection = new vscode.Selection(lineOf('lr ='), 3, lineOf('lr ='), 3);
      await next;
      // Inside a multi-line value: its statement.
      next = waitForPost(gg(), key, (m) => m.type === 'highlight' && m.key === 'x');
      editor.selection = new vscode.Selection(2, 8, 2, 8);
      await next;
      // In the trailing comment of w: still w.
      next = waitForPost(gg(), key, (m) => m.type === 'highlight' && m.key === 'w');
      const wLine = lineOf('w =');
      editor.selection = new vscode.Selection(wLine, editor.document.lineAt(wLine).text.length, wLine, editor.document.lineAt(wLine).text.length);
      await next;
      next = waitForPost(gg(), key, (m) => m.type === 'highlight' && m.key === null);
      editor.selection = new vscode.Selection(0, 2, 0, 2);
      await next;
      // A burst of moves posts once, for where the cursor ends.
      const count = (): number => (panelFor(gg(), key)?.posted ?? []).filter((m) => m.type === 'highlight').length;
      const before = count();
      next = waitForPost(gg(), key, (m) => m.type === 'highlight' && m.key === 'steps');
      for (const prefix of ['y =', 'w =', 'lr =', 'steps =']) editor.selection = new vscode.Selection(lineOf(prefix), 0, lineOf(prefix), 0);
      await next;
      assert.equal(count() - before, 1, 'one highlight for a burst of cursor moves');
    });

    it('highlights from an annotation in another language', async () => {
      const py = await newFile('py', PYTHON);
      await vscode.commands.executeCommand('gradientGeometry.showEmbedded', py.document.uri.toString(), 0);
      const key = `embedded:${py.document.uri.toString()}#0`;
      await analysisOf(gg(), key);
      const editor = await vscode.window.showTextDocument(py.document, vscode.ViewColumn.One);
      const at = py.document.positionAt(py.document.getText().indexOf('w* = ') + 1);
      const next = waitForPost(gg(), key, (m) => m.type === 'highlight' && m.key === 'teacherW');
      editor.selection = new vscode.Selection(at, at);
      await next;
    });
  });

  describe('the manifest as VS Code exposes it', () => {
    it('shows the localised display name, command title and category (package.nls.json)', () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext);
      const pkg = ext.packageJSON as { displayName: string; contributes: { commands: { command: string; title: string; category: string }[] } };
      const show = pkg.contributes.commands.find((c) => c.command === SHOW);
      assert.deepEqual(
        { displayName: pkg.displayName, title: show?.title, category: show?.category },
        { displayName: 'Gradient Geometry', title: 'Show Gradient Geometry', category: 'Gradient Geometry' },
      );
    });
  });
});
