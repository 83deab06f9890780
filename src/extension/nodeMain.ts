// Entry of dist/extension.js (package.json `main`: desktop VS Code, code-server, Codespaces): the
// analysis in a worker_threads worker.
import * as vscode from 'vscode';
import { nodeTransportFactory } from './analysis/nodeTransport';
import { activateWith } from './extension';

export function activate(context: vscode.ExtensionContext): ReturnType<typeof activateWith> {
  return activateWith(context, (extensionUri) => {
    const script = vscode.Uri.joinPath(extensionUri, 'dist', 'analysisWorker.js').fsPath;
    return { factory: nodeTransportFactory(script), script };
  });
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
