import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { DEFAULT_LESSON } from '../../core/spec/defaults';
import { persistedDocumentUri } from '../../shared/protocol';
import { GeometryPanel, PANEL_VIEW_TYPE, webviewOptions } from './geometryPanel';
import type { PanelHost } from './geometryPanel';
import type { Settings } from '../config';
import { DEFAULT_LESSON_KEY, panelTitle, sourceKey } from './panelSource';
import type { PanelSource } from './panelSource';

/**
 * Keeps one panel per source, follows edits of the documents shown (live sync), and restores
 * panels after a window reload (the WebviewPanelSerializer).
 */
export class PanelManager extends Disposable implements vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, GeometryPanel>();

  private readonly createdEmitter = this.register(new vscode.EventEmitter<GeometryPanel>());
  readonly onDidCreatePanel = this.createdEmitter.event;

  constructor(private readonly host: PanelHost) {
    super();
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.panels.get(e.document.uri.toString())?.scheduleRefresh();
      }),
    );
    // A document reopened after a close (or restored before its panel) syncs again.
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.panels.get(d.uri.toString())?.refresh()));
  }

  all(): readonly GeometryPanel[] {
    return [...this.panels.values()];
  }

  /** Shows (or reveals) the panel of a source; a new snapshot replaces the text of its panel. */
  show(source: PanelSource): GeometryPanel {
    const existing = this.panels.get(sourceKey(source));
    if (existing) {
      if (source.kind === 'snapshot') existing.setSnapshot(source);
      existing.reveal();
      return existing;
    }
    const webviewPanel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      panelTitle(source),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(this.host.extensionUri),
    );
    return this.adopt(webviewPanel, source);
  }

  /** Called by VS Code after a reload for each panel of ours that was open. The state is untrusted. */
  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const source = await this.restoredSource(state);
    const key = sourceKey(source);
    if (this.panels.has(key)) {
      // Two restored panels for one document: keep the first.
      webviewPanel.dispose();
      return;
    }
    this.adopt(webviewPanel, source);
  }

  private async restoredSource(state: unknown): Promise<PanelSource> {
    const uriText = persistedDocumentUri(state);
    if (uriText !== undefined) {
      try {
        const uri = vscode.Uri.parse(uriText, true);
        // Opening the document makes it available for live sync without showing an editor.
        await vscode.workspace.openTextDocument(uri);
        return { kind: 'document', uri };
      } catch (e) {
        this.host.log.warn(`Could not restore the panel of ${uriText}: ${String(e)}`);
      }
    }
    return defaultLessonSource();
  }

  private adopt(webviewPanel: vscode.WebviewPanel, source: PanelSource): GeometryPanel {
    const panel = new GeometryPanel(webviewPanel, source, this.host);
    const key = panel.key;
    this.panels.set(key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) this.panels.delete(key);
    });
    panel.refresh();
    this.createdEmitter.fire(panel);
    return panel;
  }

  /** Sends changed settings to every panel. */
  settingsChanged(previous: Settings): void {
    for (const panel of this.panels.values()) panel.settingsChanged(previous);
  }

  override dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
    super.dispose();
  }
}

export function defaultLessonSource(): PanelSource {
  return { kind: 'snapshot', key: DEFAULT_LESSON_KEY, name: 'default lesson', text: DEFAULT_LESSON };
}
