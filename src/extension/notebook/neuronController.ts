/**
 * Runs `neuron` cells of Jupyter notebooks without a kernel: executing a cell outputs its spec as
 * NOTEBOOK_MIME (the notebook renderer draws it) with a text/plain fallback (the analysis'
 * sentence, or the located errors) for viewers without the extension, such as GitHub's.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import { documentSource } from '../language/documents';
import { NOTEBOOK_MIME, type NotebookFigure } from '../../shared/notebookMime';

export const NEURON_CONTROLLER_ID = 'gradientGeometry.neuronCells';
export const JUPYTER_NOTEBOOK_TYPE = 'jupyter-notebook';

/** The output of one neuron cell: the figure for the renderer and its plain-text stand-in. */
export function neuronCellOutput(figure: NotebookFigure, plainText: string): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.json(figure, NOTEBOOK_MIME), vscode.NotebookCellOutputItem.text(plainText)]);
}

export function registerNeuronController(service: AnalysisService): vscode.Disposable {
  const controller = vscode.notebooks.createNotebookController(NEURON_CONTROLLER_ID, JUPYTER_NOTEBOOK_TYPE, 'Gradient Geometry (neuron cells)');
  controller.supportedLanguages = ['neuron'];
  controller.supportsExecutionOrder = true;
  controller.description = 'Draws neuron cells; no kernel needed';
  controller.detail = 'Runs only cells in the neuron language.';
  let order = 0;

  const run = async (cell: vscode.NotebookCell): Promise<void> => {
    const execution = controller.createNotebookCellExecution(cell);
    execution.executionOrder = ++order;
    execution.start(Date.now());
    const spec = cell.document.getText();
    const result = await service.panel(documentSource(cell.document, 'spec'));
    const title = `cell ${cell.index + 1}`;
    let ok = true;
    let plain = 'Gradient Geometry figure (the Gradient Geometry extension draws it in VS Code).';
    if (result?.kind === 'errors') {
      ok = false;
      plain = ['This neuron spec has errors:', ...result.errors.map((e) => `line ${e.line}, column ${e.column}: ${e.code} ${e.message}`)].join('\n');
    } else if (result?.kind === 'analysis') {
      plain = `${result.payload.analysis.sentence}\n${plain}`;
    }
    await execution.replaceOutput(neuronCellOutput({ spec, title }, plain));
    execution.end(ok, Date.now());
  };

  controller.executeHandler = async (cells) => {
    // In cell order, one at a time: the analysis service answers one request after another anyway.
    for (const cell of cells) if (cell.kind === vscode.NotebookCellKind.Code) await run(cell);
  };

  // A notebook whose code cells are all neuron cells prefers this controller to a kernel.
  const prefer = (notebook: vscode.NotebookDocument): void => {
    if (notebook.notebookType !== JUPYTER_NOTEBOOK_TYPE) return;
    const code = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
    if (code.length > 0 && code.every((c) => c.document.languageId === 'neuron'))
      controller.updateNotebookAffinity(notebook, vscode.NotebookControllerAffinity.Preferred);
  };
  vscode.workspace.notebookDocuments.forEach(prefer);
  return vscode.Disposable.from(controller, vscode.workspace.onDidOpenNotebookDocument(prefer));
}
