/**
 * What the host does for the panel's requests (validated by the protocol guard first):
 *
 * - writeSpec: the control changes become ONE WorkspaceEdit (one undo step) that replaces only the
 *   value ranges the parser reports (or appends a missing statement). It is refused when the
 *   document's version is not the one the panel's picture came from, so text typed meanwhile is
 *   never overwritten; VS Code itself also refuses an edit whose document changed in between.
 * - export: a save dialog, then `workspace.fs.writeFile`; never a browser download.
 */
import * as vscode from 'vscode';
import type { ExportFormat, SpecChanges } from '../../shared/protocol';
import { specEdits } from '../../shared/specEdits';

export interface RequestResult {
  readonly ok: boolean;
  readonly message: string;
}

const LABELS: Record<keyof SpecChanges, string> = { lr: 'lr', batch: 'batch', optimizer: 'optimizer', preprocess: 'preprocess', start: 'w', teacher: 'w*' };

/** Writes `changes` into the open document `uri`, if it is still at `version`. */
export async function writeSpecChanges(uri: vscode.Uri, version: number, changes: SpecChanges): Promise<RequestResult> {
  const key = uri.toString();
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  if (!document) return { ok: false, message: `${name} is not open: open it to write changes back.` };
  const changed = { ok: false, message: `${name} changed since this picture was drawn: nothing was written. Try again on the new picture.` };
  if (document.version !== version) return changed;
  const result = specEdits(document.getText(), changes);
  if (!result.ok) return { ok: false, message: result.message };
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.replace(uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  // Checked again right before applying: nothing above awaited, but the edit must match this exact text.
  if (document.version !== version) return changed;
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) return changed;
  const what = (Object.keys(changes) as (keyof SpecChanges)[]).map((k) => LABELS[k]).join(', ');
  return { ok: true, message: `Wrote ${what} to ${name} (one edit: undo it in the editor).` };
}

const FILTERS: Record<ExportFormat, Record<string, string[]>> = {
  svg: { 'SVG image': ['svg'] },
  png: { 'PNG image': ['png'] },
  csv: { 'CSV table': ['csv'] },
  json: { JSON: ['json'] },
};

/** Decodes base64 without Node's Buffer (the same code works in a web extension host). */
function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Asks where to save an export (starting next to `near`, when given) and writes it. */
export async function saveExport(format: ExportFormat, fileName: string, data: string, near: vscode.Uri | undefined): Promise<RequestResult> {
  const folder = near ? vscode.Uri.joinPath(near, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
    filters: FILTERS[format],
    saveLabel: 'Export',
    title: `Export ${format.toUpperCase()} from Gradient Geometry`,
  });
  if (!target) return { ok: false, message: 'Export cancelled.' };
  try {
    const bytes = format === 'png' ? fromBase64(data) : new TextEncoder().encode(data);
    await vscode.workspace.fs.writeFile(target, bytes);
    return { ok: true, message: `Saved ${target.scheme === 'file' ? target.fsPath : target.toString()}.` };
  } catch (e) {
    return { ok: false, message: `Could not save ${target.toString()}: ${e instanceof Error ? e.message : String(e)}` };
  }
}
