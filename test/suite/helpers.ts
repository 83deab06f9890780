import * as vscode from 'vscode';
import type { GradientGeometryApi, PanelInfo } from '../../src/extension/api';
import type { HostMessage } from '../../src/shared/protocol';
import { scaledWait } from './suiteResults';

export const EXTENSION_ID = 'gradient-geometry.gradient-geometry';

export async function api(): Promise<GradientGeometryApi> {
  const ext = vscode.extensions.getExtension<GradientGeometryApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

/** UTF-8 bytes of `text` (no Buffer: the suite also runs in the web worker extension host). */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The workspace folder the runner opened (a copy of examples/ plus fixtures). */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function openEditor(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function panelFor(a: GradientGeometryApi, key: string): PanelInfo | undefined {
  return a.panels().find((p) => p.key === key);
}

/**
 * Waits for a message posted to a panel's webview that matches, counting those already posted
 * when `includePast` is set. Event-driven: no sleeps.
 */
export function waitForPost(
  a: GradientGeometryApi,
  key: string,
  match: (m: HostMessage) => boolean,
  { timeoutMs = 20_000, includePast = false } = {},
): Promise<HostMessage> {
  const limit = scaledWait(timeoutMs);
  return new Promise((resolve, reject) => {
    if (includePast) {
      const past = panelFor(a, key)?.posted.find(match);
      if (past) return resolve(past);
    }
    const timer = setTimeout(() => {
      sub.dispose();
      const seen =
        panelFor(a, key)
          ?.posted.map((m) => m.type)
          .join(', ') ?? 'no panel';
      reject(new Error(`no matching message for ${key} within ${limit} ms (posted: ${seen})`));
    }, limit);
    const sub = a.onDidPost((e) => {
      if (e.key === key && match(e.message)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(e.message);
      }
    });
  });
}

/** Resolves when `check` holds, re-checking on every VS Code event the extension posts or after a short tick. */
export async function until<T>(check: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + scaledWait(timeoutMs);
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function isAnalysis(m: HostMessage): m is Extract<HostMessage, { type: 'analysis' }> {
  return m.type === 'analysis';
}

export function isErrors(m: HostMessage): m is Extract<HostMessage, { type: 'specErrors' }> {
  return m.type === 'specErrors';
}

/** Replaces the first match of `pattern` in the document. */
export async function replaceInDocument(document: vscode.TextDocument, pattern: RegExp, replacement: string): Promise<void> {
  const text = document.getText();
  const m = pattern.exec(text);
  if (!m) throw new Error(`${pattern} not found in ${document.uri.toString()}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(m.index), document.positionAt(m.index + m[0].length)), replacement);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the edit was not applied');
}

/**
 * The shared setup of a suite that drives the workbench; call it inside `describe`. Activates the
 * extension in before() and, after each test, saves what the test edited (so closing never asks)
 * and closes editors and panels. Returns the extension's API, available once before() has run.
 */
export function useCleanWorkbench(): () => GradientGeometryApi {
  let gg: GradientGeometryApi | undefined;

  before(async () => {
    gg = await api();
  });

  afterEach(async () => {
    // Any saved file (file: here, vscode-test-web: in the web host), never an untitled one.
    for (const d of vscode.workspace.textDocuments) if (d.isDirty && !d.isUntitled) await d.save();
    await closeAll();
  });

  return () => {
    if (!gg) throw new Error('the extension is not active yet (useCleanWorkbench runs in before())');
    return gg;
  };
}
