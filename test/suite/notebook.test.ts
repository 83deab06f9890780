import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzeSpec } from '../../src/core/analysis/analyze';
import { parseSpec } from '../../src/core/spec/parse';
import { NOTEBOOK_MIME, NOTEBOOK_RENDERER_ID, readNotebookFigure } from '../../src/shared/notebookMime';
import type { GradientGeometryApi } from '../../src/extension/api';
import { EXTENSION_ID, api, closeAll, until, workspaceUri } from './helpers';

const CONTROLLER_ID = 'gradientGeometry.neuronCells';

const CELL_SPEC = `x ~ sigmoid(normal(0, 1))
samples = 12
seed = 4
w* = [-1, 1]
w = [1.5, -0.5]
lr = 0.4
steps = 40
`;

/** The sentence and path length the analysis gives a spec (what the picture must show). */
function expected(spec: string): { sentence: string; pathPoints: number } {
  const parsed = parseSpec(spec);
  assert.ok(parsed.spec, 'the spec is valid');
  const a = analyzeSpec(parsed.spec);
  return { sentence: a.sentence, pathPoints: a.run.path.length };
}

/** The renderer's report for the output drawn with `title`. */
function report(gg: GradientGeometryApi, title: string, what = `the renderer to draw "${title}"`) {
  return until(() => [...gg.notebookRenders()].reverse().find((r) => r.title === title), what, 60_000);
}

let counter = 0;

describe('notebooks: the renderer and the neuron cell controller', function () {
  this.timeout(120_000);
  let gg: GradientGeometryApi;

  before(async () => {
    gg = await api();
  });
  afterEach(closeAll);

  it('declares the renderer for its MIME type', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const renderers =
      (ext?.packageJSON as { contributes?: { notebookRenderer?: { id: string; mimeTypes: string[]; entrypoint: string }[] } }).contributes?.notebookRenderer ??
      [];
    const ours = renderers.find((r) => r.id === NOTEBOOK_RENDERER_ID);
    assert.ok(ours, 'contributes.notebookRenderer has the Gradient Geometry renderer');
    assert.deepEqual(ours.mimeTypes, [NOTEBOOK_MIME]);
    assert.equal(ours.entrypoint, './dist/webview.js');
  });

  it('a saved .ipynb whose outputs have the MIME type opens and the renderer draws the picture, and located errors for a bad spec', async () => {
    // The fixture was written by the Python helper (python/gradient_geometry); copied so each run opens a fresh file.
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'test', 'suite', 'fixtures', 'figure-outputs.ipynb'));
    const uri = workspaceUri(`figures-${Date.now()}-${counter++}.ipynb`);
    await vscode.workspace.fs.writeFile(uri, bytes);
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    assert.equal(notebook.notebookType, 'jupyter-notebook');
    const output = notebook.cellAt(1).outputs[0];
    const item = output.items.find((i) => i.mime === NOTEBOOK_MIME);
    assert.ok(item, `the saved output keeps ${NOTEBOOK_MIME}`);
    const read = readNotebookFigure(JSON.parse(new TextDecoder().decode(item.data)));
    assert.ok('figure' in read, 'the saved data is a figure');
    await vscode.window.showNotebookDocument(notebook);

    const drawn = await report(gg, 'six sigmoid samples');
    const want = expected(read.figure.spec);
    assert.deepEqual(drawn.problems, []);
    assert.equal(drawn.sentence, want.sentence, 'the picture is captioned with the analysis sentence');
    assert.equal(drawn.pathPoints, want.pathPoints, 'the whole path is drawn');
    assert.equal(drawn.lastStep, want.pathPoints - 1);
    assert.equal(drawn.step, drawn.lastStep, 'the picture opens at the last step');
    assert.ok(drawn.conePolygons > 0, 'the allowed cone is drawn at that step');

    const bad = await report(gg, 'a spec with errors');
    assert.equal(bad.pathPoints, 0, 'no picture for a spec with errors');
    assert.ok(bad.problems.length > 0);
    for (const p of bad.problems) assert.match(p, /^line \d+, column \d+: GG\d{3} /, 'each problem is located');
  });

  it('a neuron cell runs through the controller without a kernel: its output has the MIME type, the spec and a text fallback, and is drawn', async () => {
    // A file in the workspace (not an untitled notebook), saved at the end so that closing never asks.
    const cell = (source: string): unknown => ({
      cell_type: 'code',
      execution_count: null,
      metadata: { vscode: { languageId: 'neuron' } },
      outputs: [],
      source: source.split(/(?<=\n)/),
    });
    const ipynb = { cells: [cell(CELL_SPEC), cell('lr = -1\nsteps = 0\n')], metadata: {}, nbformat: 4, nbformat_minor: 5 };
    const uri = workspaceUri(`cells-${Date.now()}-${counter++}.ipynb`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(ipynb)));
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    assert.equal(notebook.cellAt(0).document.languageId, 'neuron');
    await vscode.commands.executeCommand('notebook.selectKernel', { id: CONTROLLER_ID, extension: EXTENSION_ID });
    await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 0, end: 2 }], document: notebook.uri });
    await until(() => notebook.cellAt(1).executionSummary?.success !== undefined, 'both cells to finish', 60_000);

    const first = notebook.cellAt(0);
    assert.equal(first.executionSummary?.success, true);
    assert.equal(first.outputs.length, 1);
    const items = first.outputs[0].items;
    assert.deepEqual(
      items.map((i) => i.mime),
      [NOTEBOOK_MIME, 'text/plain'],
    );
    const payload = JSON.parse(new TextDecoder().decode(items[0].data));
    assert.deepEqual(payload, { spec: CELL_SPEC, title: 'cell 1' });
    const want = expected(CELL_SPEC);
    assert.ok(new TextDecoder().decode(items[1].data).startsWith(want.sentence), 'the text fallback starts with the sentence');

    const drawn = await report(gg, 'cell 1');
    assert.equal(drawn.sentence, want.sentence);
    assert.equal(drawn.pathPoints, want.pathPoints);
    assert.ok(drawn.conePolygons > 0);

    const failed = notebook.cellAt(1);
    assert.equal(failed.executionSummary?.success, false, 'a spec with errors fails its cell');
    const text = new TextDecoder().decode(failed.outputs[0].items.find((i) => i.mime === 'text/plain')?.data ?? new Uint8Array());
    assert.match(text, /^This neuron spec has errors:\nline 1, column \d+: GG\d{3} /);
    assert.ok(await notebook.save(), 'the notebook with its outputs is saved');
  });
});
