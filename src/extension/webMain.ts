// Entry of dist/web/extension.js (package.json `browser`: vscode.dev, github.dev, the web worker
// extension host): the analysis in a nested Web Worker started from the extension's own URI.
import * as vscode from 'vscode';
import { webWorkerTransportFactory } from './analysis/webWorkerTransport';
import { activateWith } from './extension';

export function activate(context: vscode.ExtensionContext): ReturnType<typeof activateWith> {
  return activateWith(context, (extensionUri) => {
    const script = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'analysisWorker.js').toString(true);
    return { factory: webWorkerTransportFactory(script), script };
  });
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
