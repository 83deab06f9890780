import * as vscode from 'vscode';

/** Context key set once the student has edited a spec (the walkthrough's "change one thing" step). */
export const SPEC_EDITED_CONTEXT = 'gradientGeometry.specEdited';

/** Sets `gradientGeometry.specEdited` at the first content change of a `neuron` document. */
export function watchFirstSpecEdit(): vscode.Disposable {
  const watcher = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.languageId !== 'neuron' || e.contentChanges.length === 0) return;
    void vscode.commands.executeCommand('setContext', SPEC_EDITED_CONTEXT, true);
    watcher.dispose();
  });
  return watcher;
}
