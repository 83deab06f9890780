// Wires the extension together: the analysis service, the command, the panels, their serializer
// and the settings; in test mode, the hooks the extension-host tests read. Runtime-neutral: the
// host roles of dist/extension.js (nodeMain.ts, webMain.ts; main.ts picks one) pass in the analysis worker.
import * as vscode from 'vscode';
import type { GradientGeometryApi, PublicApi } from './api';
import { AnalysisService } from './analysis/analysisService';
import { DataFiles, setDataFiles } from './analysis/dataFiles';
import { inProcessTransportFactory } from './analysis/inProcessTransport';
import type { TransportFactory } from './analysis/transport';
import { CONFIG_SECTION, readSettings } from './config';
import { PANEL_VIEW_TYPE, webviewOptions } from './panel/geometryPanel';
import { PanelManager } from './panel/panelManager';
import { SHOW_COMMAND, chooseSource } from './showCommand';
import { registerLanguageFeatures } from './language';
import { registerOpenLessonCommand, registerPresenterCommand, watchFirstSpecEdit } from './lessons';
import { extendMarkdownIt } from './markdown/neuronFences';
import { registerNotebooks, type RenderedReport } from './notebook';
import type { HostMessage } from '../shared/protocol';

/** The analysis worker a host role chose (nodeMain.ts, webMain.ts); no factory: analyse on the host's thread. */
export interface AnalysisWorkerChoice {
  readonly factory: TransportFactory | undefined;
  readonly script: string;
}

/** Activation shared by the Node host's role and the web worker host's role. */
export function activateWith(context: vscode.ExtensionContext, worker: (extensionUri: vscode.Uri) => AnalysisWorkerChoice): GradientGeometryApi | PublicApi {
  const log = vscode.window.createOutputChannel('Gradient Geometry', { log: true });
  context.subscriptions.push(log);
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  let settings = readSettings();
  const { factory: transport, script: workerScript } = worker(context.extensionUri);
  if (!transport) log.warn(`${workerScript} is missing: analysing on the extension host's thread.`);
  const analysis = new AnalysisService(transport ?? inProcessTransportFactory, (m) => log.info(m));
  context.subscriptions.push({ dispose: () => analysis.dispose() });
  // Data files specs name (csv("…"), npy("…")): read through workspace.fs, watched; a change analyses again.
  const files = new DataFiles();
  setDataFiles(files);
  context.subscriptions.push(files, { dispose: () => setDataFiles(undefined) });
  const manager = new PanelManager({
    extensionUri: context.extensionUri,
    workspaceState: context.workspaceState,
    log,
    settings: () => settings,
    analysis,
    keepPosted: testMode,
  });
  context.subscriptions.push(manager);
  context.subscriptions.push(registerLanguageFeatures(analysis, (source) => manager.show(source), files.onDidChange));
  // Notebooks: neuron cells run without a kernel; the renderer's reports are kept for the tests.
  const rendered: RenderedReport[] = [];
  context.subscriptions.push(
    registerNotebooks(analysis, (r) => {
      if (testMode && rendered.push(r) > 50) rendered.shift();
    }),
  );
  context.subscriptions.push(files.onDidChange(() => manager.all().forEach((p) => p.refresh())));
  context.subscriptions.push(
    registerOpenLessonCommand(context.extensionUri, () => manager.show(chooseSource())),
    watchFirstSpecEdit(),
    registerPresenterCommand(() => manager.all(), context.workspaceState),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_COMMAND, (resource?: unknown) => {
      manager.show(chooseSource(resource));
    }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, manager),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(CONFIG_SECTION)) return;
      const previous = settings;
      settings = readSettings();
      manager.settingsChanged(previous);
    }),
  );

  // Other extensions get the Markdown plugin only; the hooks below exist for the test suite.
  if (!testMode) return { extendMarkdownIt };
  const postEmitter = new vscode.EventEmitter<{ key: string; message: HostMessage }>();
  context.subscriptions.push(postEmitter);
  context.subscriptions.push(
    manager.onDidCreatePanel((panel) => {
      const key = panel.key;
      panel.channel.onDidPost((message) => postEmitter.fire({ key, message }));
    }),
  );
  return {
    panels: () =>
      manager.all().map((p) => ({
        key: p.key,
        title: p.webviewPanel.title,
        documentUri: p.documentUri?.toString(),
        ready: p.channel.isReady,
        visible: p.webviewPanel.visible,
        posted: [...p.channel.posted],
        rejected: p.channel.rejected,
      })),
    onDidPost: postEmitter.event,
    simulateWebviewMessage: (key, message) => {
      const panel = manager.all().find((p) => p.key === key);
      panel?.channel.receive(message);
      return panel !== undefined;
    },
    restorePanel: async (state) => {
      // What VS Code does after a window reload: a panel of our view type and the state its webview saved.
      const webviewPanel = vscode.window.createWebviewPanel(
        PANEL_VIEW_TYPE,
        'Gradient Geometry',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        webviewOptions(context.extensionUri),
      );
      await manager.deserializeWebviewPanel(webviewPanel, state);
      return manager.all().find((p) => p.webviewPanel === webviewPanel)?.key;
    },
    extendMarkdownIt,
    analysisStats: () => analysis.stats(),
    notebookRenders: () => [...rendered],
  };
}
