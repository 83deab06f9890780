// Language features outside .neuron files, in a real extension host: `neuron:` annotations in a
// Python file, ```neuron fences in Markdown, and an annotation in a notebook cell.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { until, useCleanWorkbench } from '../helpers';
import { codeActions, codeLensTitles, codeOf, diagnosticsOf, fixture, hoverText, positionOf, span, textBecomes } from './fixtures';

const PYTHON = `import numpy as np

# neuron: x ~ sigmoid(normal(0, 1)); w = [1.5, -0.5]; w* = [-1, 1]
out = w @ x + b
h = np.dot(W, a) + c
`;

const MARKDOWN = `# Lesson

\`\`\`neuron
x ~ sigmoid(normal(0, 1))
lr = 5
\`\`\`
`;

describe('language features: Python, Markdown and notebooks', () => {
  const gg = useCleanWorkbench();

  it('hovers an annotated Python expression with the live chain rule and the cone picture', async () => {
    const { document } = await fixture('py', PYTHON);
    assert.equal(document.languageId, 'python');
    const md = await hoverText(document, positionOf(document, 'w @ x'));
    assert.match(md, /Chain rule, sample 1 at the start/);
    assert.match(md, /∂L\/∂w₁ = δ·x₁ = −?[\d.]+ × [\d.]+ = −?[\d.]+/);
    assert.match(md, /data:image\/svg\+xml;base64,/);
    const inComment = await hoverText(document, positionOf(document, 'w* ='));
    assert.match(inComment, /Teacher/);
  });

  it('offers the sign rule and an annotation on an unannotated Python neuron', async () => {
    const { document } = await fixture('py', PYTHON);
    const md = await hoverText(document, positionOf(document, 'np.dot'));
    assert.match(md, /Sign rule/);
    assert.match(md, /Insert a neuron: annotation\]\(command:gradientGeometry\.insertAnnotation\?/);
    const action = (await codeActions(document, new vscode.Range(positionOf(document, 'np.dot'), positionOf(document, 'np.dot')))).find(
      (a) => a.title === 'Insert a neuron: annotation',
    );
    assert.ok(action?.edit && (await vscode.workspace.applyEdit(action.edit)));
    await textBecomes(document, (t) => t.includes('# neuron: x ~ sigmoid(normal(0, 1)); w = [1.5, -0.5]; w* = [-1, 1]\nh = np.dot(W, a) + c'));
  });

  it("inserts an annotation through the hover's command", async () => {
    const { document } = await fixture('py', 'def f(x):\n    return w @ x\n');
    const ok = await vscode.commands.executeCommand<boolean>('gradientGeometry.insertAnnotation', document.uri.toString(), document.getText().indexOf('w @'));
    assert.equal(ok, true);
    await textBecomes(document, (t) => t.startsWith('def f(x):\n    # neuron: f = w·x; x ~ sigmoid'));
  });

  it('puts CodeLens on the annotated expression and opens a panel for the annotation', async () => {
    const { document } = await fixture('py', PYTHON);
    const titles = await codeLensTitles(document.uri);
    assert.ok(titles.includes('Show Gradient Geometry'), titles.join(' | '));
    assert.ok(
      titles.some((t) => t.startsWith('κ = ')),
      titles.join(' | '),
    );
    await vscode.commands.executeCommand('gradientGeometry.showEmbedded', document.uri.toString(), 0);
    const key = `embedded:${document.uri.toString()}#0`;
    await until(
      () =>
        gg()
          .panels()
          .find((p) => p.key === key && p.ready),
      'the annotation panel',
    );
  });

  it('reports annotation diagnostics at their place in the Python file', async () => {
    const { document } = await fixture('py', '# neuron: w = [1, 2]; w* = [1]; optimizer = adamm\nout = w @ x + b\n');
    const d = await diagnosticsOf(document, (x) => x.length >= 2);
    assert.deepEqual(span(d.find((x) => codeOf(x) === 'GG203')!.range), [0, 27, 0, 30]);
    const opt = d.find((x) => codeOf(x) === 'GG210')!;
    assert.deepEqual(span(opt.range), [0, 44, 0, 49]);
    const fix = (await codeActions(document, opt.range)).find((a) => a.title === "Change to 'adam'");
    assert.ok(fix?.edit && (await vscode.workspace.applyEdit(fix.edit)));
    await textBecomes(document, (t) => t.includes('optimizer = adam\n'));
  });

  it('hovers and checks a ```neuron block in Markdown', async () => {
    const { document } = await fixture('md', MARKDOWN);
    assert.equal(document.languageId, 'markdown');
    const md = await hoverText(document, positionOf(document, 'lr = 5'));
    assert.match(md, /Full-batch stability bound for gradient descent:\*\* η < 2\/λmax = /);
    const d = await diagnosticsOf(document, (x) => x.some((y) => codeOf(y) === 'GG403'));
    assert.deepEqual(span(d.find((y) => codeOf(y) === 'GG403')!.range), [4, 5, 4, 6]);
    assert.ok((await codeLensTitles(document.uri)).includes('Show Gradient Geometry'));
  });

  it('hovers an annotation in a notebook cell', async function () {
    const data = new vscode.NotebookData([
      new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, '## A neuron', 'markdown'),
      new vscode.NotebookCellData(
        vscode.NotebookCellKind.Code,
        '# neuron: x ~ sigmoid(normal(0, 1)); w = [1.5, -0.5]; w* = [-1, 1]\nout = w @ x + b\n',
        'python',
      ),
    ]);
    let notebook: vscode.NotebookDocument;
    try {
      notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
    } catch (e) {
      // The built-in ipynb serializer is part of every VS Code build; say so if a host lacks it.
      console.log(`no jupyter-notebook serializer here: ${String(e)}`);
      this.skip();
    }
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(1).document;
    assert.equal(cell.uri.scheme, 'vscode-notebook-cell');
    const md = await hoverText(cell, positionOf(cell, 'w @ x'));
    assert.match(md, /Chain rule, sample 1 at the start/);
    assert.ok((await codeLensTitles(cell.uri)).includes('Show Gradient Geometry'));
  });
});
