import * as vscode from 'vscode';

/**
 * The document addresses this extension has opened panels on, kept in the workspace's memento
 * (host side, out of the webview's reach). A panel restored after a reload carries its address in
 * the webview's state, which a page could have rewritten; the serializer opens, reads or writes
 * only an address with a scheme documents come from that is in this list or inside one of the
 * workspace's folders (the memento's last write may not survive a window reload, and a document
 * of the user's own workspace is what a panel shows anyway). Never `command:`, `https:`, or a file
 * outside the workspace such as ~/.bashrc.
 */
const KEY = 'gradientGeometry.panelAddresses';
/** Most addresses remembered (the newest kept). */
const MAX_ADDRESSES = 200;
/** Schemes of documents a panel can follow: local, remote, virtual workspaces, notebooks and unsaved files. */
const SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs', 'vscode-userdata', 'untitled', 'vscode-notebook-cell', 'vscode-test-web']);

export class RestoredAddresses {
  constructor(private readonly memento: vscode.Memento) {}

  private list(): string[] {
    const v = this.memento.get<unknown>(KEY);
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  }

  /** Remembers an address the extension itself opened a panel on. */
  remember(uri: vscode.Uri): void {
    if (!SCHEMES.has(uri.scheme)) return;
    const text = uri.toString();
    const list = this.list().filter((s) => s !== text);
    list.push(text);
    void this.memento.update(KEY, list.slice(-MAX_ADDRESSES));
  }

  /** Whether a restored address is one the extension produced or in the workspace, with an allowed scheme. */
  trusted(uri: vscode.Uri): boolean {
    return SCHEMES.has(uri.scheme) && (this.list().includes(uri.toString()) || vscode.workspace.getWorkspaceFolder(uri) !== undefined);
  }
}
