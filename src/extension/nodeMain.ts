// The Node extension host's role of dist/extension.js (desktop VS Code, code-server, Codespaces;
// main.ts picks it): the analysis in a worker_threads worker running the same bundle.
import * as vscode from 'vscode';
import { nodeTransportFactory } from './analysis/nodeTransport';
import { activateWith } from './extension';

export function activate(context: vscode.ExtensionContext): ReturnType<typeof activateWith> {
  return activateWith(context, (extensionUri) => {
    const script = vscode.Uri.joinPath(extensionUri, 'dist', 'extension.js').fsPath;
    return { factory: nodeTransportFactory(script), script };
  });
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
