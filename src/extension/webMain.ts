// The web worker extension host's role of dist/extension.js (vscode.dev, github.dev; main.ts picks
// it): the analysis in a nested Web Worker running the same bundle from the extension's own URI.
import * as vscode from 'vscode';
import { webWorkerTransportFactory } from './analysis/webWorkerTransport';
import { activateWith } from './extension';

export function activate(context: vscode.ExtensionContext): ReturnType<typeof activateWith> {
  return activateWith(context, (extensionUri) => {
    const script = vscode.Uri.joinPath(extensionUri, 'dist', 'extension.js').toString(true);
    return { factory: webWorkerTransportFactory(script), script };
  });
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
