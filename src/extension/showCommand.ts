import * as vscode from 'vscode';
import { isSpecSelection } from './panel/analyzeText';
import { defaultLessonSource } from './panel/panelManager';
import type { PanelSource } from './panel/panelSource';

export const SHOW_COMMAND = 'gradientGeometry.show';
export const LANGUAGE_ID = 'neuron';

/**
 * What "Show Gradient Geometry" shows, in order: the selection if it holds a valid spec with at
 * least one statement (a selection of comments or blank lines is no spec), the
 * active `neuron` document (or the one whose title-bar button was clicked), a visible `neuron`
 * editor (when the panel itself has focus), else the built-in default lesson.
 */
export function chooseSource(resource?: unknown): PanelSource {
  const editor = vscode.window.activeTextEditor;
  if (editor && !editor.selection.isEmpty) {
    const text = editor.document.getText(editor.selection);
    if (isSpecSelection(text)) {
      const start = editor.selection.start;
      const name = editor.document.uri.path.slice(editor.document.uri.path.lastIndexOf('/') + 1);
      return {
        kind: 'snapshot',
        key: `selection:${editor.document.uri.toString()}`,
        name: `${name} (selection)`,
        text,
        origin: { uri: editor.document.uri, line: start.line, character: start.character },
        role: 'selection',
      };
    }
  }
  if (resource instanceof vscode.Uri) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource.toString());
    if (open?.languageId === LANGUAGE_ID || resource.path.endsWith('.neuron')) return { kind: 'document', uri: resource };
  }
  if (editor?.document.languageId === LANGUAGE_ID) return { kind: 'document', uri: editor.document.uri };
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.languageId === LANGUAGE_ID);
  if (visible) return { kind: 'document', uri: visible.document.uri };
  return defaultLessonSource();
}
