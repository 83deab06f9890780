// The two commands the language features own: insert a `neuron:` annotation above an expression
// (linked from hovers), and open the panel for an embedded spec (from its CodeLens).
import * as vscode from 'vscode';
import { embeddedRegions, insertAnnotationEdit, neuronExpressionAt } from '../../core/editor';
import type { PanelSource } from '../panel/panelSource';
import { toWorkspaceEdit } from './convert';
import { SHOW_COMMAND, SHOW_EMBEDDED_COMMAND } from './codeLensProvider';
import { INSERT_ANNOTATION_COMMAND } from './hoverProvider';

/** Opens a panel for a source; provided by the extension's panel manager. */
export type ShowSource = (source: PanelSource) => unknown;

function findDocument(uri: unknown): vscode.TextDocument | undefined {
  const key = uri instanceof vscode.Uri ? uri.toString() : typeof uri === 'string' ? uri : undefined;
  return key === undefined ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** Inserts the default annotation above the neuron expression at `offset`; false when there is none. */
export async function insertAnnotation(uri: unknown, offset: unknown): Promise<boolean> {
  const document = findDocument(uri);
  if (!document || typeof offset !== 'number') return false;
  const text = document.getText();
  const expr = neuronExpressionAt(text, offset);
  if (!expr) return false;
  return vscode.workspace.applyEdit(toWorkspaceEdit(document, [insertAnnotationEdit(text, expr, document.languageId)]));
}

/** The panel source of embedded spec number `index` of an open document (a snapshot of its text), or undefined. */
export function embeddedSource(document: vscode.TextDocument, index: number): PanelSource | undefined {
  const region = embeddedRegions(document.getText(), document.languageId)[index];
  if (!region) return undefined;
  const start = document.positionAt(region.spec.segments[0]?.docStart ?? region.target.start);
  const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1) || document.uri.toString();
  return {
    kind: 'snapshot',
    key: `embedded:${document.uri.toString()}#${index}`,
    name: `${name}:${start.line + 1} (neuron)`,
    text: region.spec.text,
    origin: { uri: document.uri, line: start.line, character: start.character },
    role: 'embedded',
    index,
  };
}

/** Opens the panel for embedded spec number `index` of a document, as a snapshot of its text. */
export async function showEmbedded(uri: unknown, index: unknown, showSource: ShowSource | undefined): Promise<boolean> {
  const document = findDocument(uri);
  if (!document || typeof index !== 'number') return false;
  const source = embeddedSource(document, index);
  if (!source) return false;
  if (!showSource) {
    await vscode.commands.executeCommand(SHOW_COMMAND);
    return true;
  }
  showSource(source);
  return true;
}

export function registerCommands(showSource: ShowSource | undefined): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(INSERT_ANNOTATION_COMMAND, insertAnnotation),
    vscode.commands.registerCommand(SHOW_EMBEDDED_COMMAND, (uri: unknown, index: unknown) => showEmbedded(uri, index, showSource)),
  );
}
