/**
 * The extension's side of the notebook renderer's messages: "Open in panel" opens the output's
 * spec as an untitled neuron document beside the notebook, with its panel; "rendered" reports are
 * passed on (the extension-host tests read them).
 */
import * as vscode from 'vscode';
import { NOTEBOOK_RENDERER_ID, isRendererMessage, type RendererMessage } from '../../shared/notebookMime';
import { SHOW_COMMAND } from '../showCommand';

export type RenderedReport = Extract<RendererMessage, { type: 'rendered' }>;

export function registerRendererMessages(onRendered: (report: RenderedReport) => void): vscode.Disposable {
  const messaging = vscode.notebooks.createRendererMessaging(NOTEBOOK_RENDERER_ID);
  return messaging.onDidReceiveMessage(async ({ message }) => {
    if (!isRendererMessage(message)) return;
    if (message.type === 'rendered') {
      onRendered(message);
      return;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'neuron', content: message.spec });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    await vscode.commands.executeCommand(SHOW_COMMAND, document.uri);
  });
}
