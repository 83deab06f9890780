// Shared pieces of the language-feature suites: fixture files written into the test workspace,
// and small readers for what VS Code's provider commands return.
import * as vscode from 'vscode';
import { openEditor, until, utf8, workspaceUri } from '../helpers';

let counter = 0;

/** Writes a new file (unique name, given extension) into the workspace and opens it. */
export async function fixture(extension: string, text: string): Promise<vscode.TextEditor> {
  const name = `lang-${Date.now()}-${counter++}.${extension}`;
  await vscode.workspace.fs.writeFile(workspaceUri(name), utf8(text));
  return openEditor(name);
}

/** Offset → position of the first `needle` (plus `delta`) in a document. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const i = document.getText().indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not in ${document.uri.toString()}`);
  return document.positionAt(i + delta);
}

/** The Markdown of every hover at a position, joined. */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

/** Waits until the document has diagnostics from this extension that satisfy `check`. */
export async function diagnosticsOf(document: vscode.TextDocument, check: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  try {
    return await until(() => {
      last = vscode.languages.getDiagnostics(document.uri).filter((x) => x.source === 'gradient-geometry');
      return check(last) ? last : undefined;
    }, `diagnostics of ${document.uri.path} (${document.languageId})`);
  } catch (e) {
    // Say what there was instead: a timeout alone does not tell a wrong diagnostic from none.
    const seen = last.map((d) => `${String(typeof d.code === 'object' ? d.code.value : d.code)} ${d.message}`).join(' | ') || 'none';
    throw new Error(`${e instanceof Error ? e.message : String(e)}; last seen: ${seen}`);
  }
}

/** `[line, character, line, character]` of a range, for compact assertions. */
export function span(r: vscode.Range): [number, number, number, number] {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

export async function codeLensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? [];
  return lenses.map((l) => l.command?.title ?? '');
}

export async function codeActions(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range)) ?? [];
}

/** Waits until a document's text satisfies `check` (edits apply asynchronously). */
export function textBecomes(document: vscode.TextDocument, check: (text: string) => boolean): Promise<string> {
  return until(() => (check(document.getText()) ? document.getText() : undefined), `text of ${document.uri.path}`);
}
