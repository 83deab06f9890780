import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { DEFAULT_LESSON } from '../../core/spec/defaults';
import { persistedDocumentUri, persistedSnapshot } from '../../shared/protocol';
import type { PersistedSnapshot } from '../../shared/protocol';
import { embeddedSource } from '../language/commands';
import { liveRegionIndex, openDocument } from './specLocation';
import { GeometryPanel, PANEL_VIEW_TYPE, webviewOptions } from './geometryPanel';
import type { PanelHost } from './geometryPanel';
import type { Settings } from '../config';
import { DEFAULT_LESSON_KEY, panelTitle, sourceKey } from './panelSource';
import type { PanelSource } from './panelSource';
import { RestoredAddresses } from './restoredAddresses';

/**
 * Keeps one panel per source, follows edits of the documents shown (live sync), and restores
 * panels after a window reload (the WebviewPanelSerializer).
 */
export class PanelManager extends Disposable implements vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, GeometryPanel>();
  private readonly addresses: RestoredAddresses;

  private readonly createdEmitter = this.register(new vscode.EventEmitter<GeometryPanel>());
  readonly onDidCreatePanel = this.createdEmitter.event;

  constructor(private readonly host: PanelHost) {
    super();
    this.addresses = new RestoredAddresses(host.workspaceState);
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.panels.get(e.document.uri.toString())?.scheduleRefresh();
      }),
    );
    // A document reopened after a close (or restored before its panel) syncs again.
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.panels.get(d.uri.toString())?.refresh()));
    // The cursor on a statement highlights its part of the picture (debounced: arrow keys repeat fast).
    let timer: ReturnType<typeof setTimeout> | undefined;
    this.register({ dispose: () => clearTimeout(timer) });
    this.register(
      vscode.window.onDidChangeTextEditorSelection((e) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (this.isDisposed || e.textEditor.document.isClosed) return;
          const at = e.textEditor.selection.active;
          for (const panel of this.panels.values()) panel.highlightAt(e.textEditor.document, at);
        }, HIGHLIGHT_DELAY_MS);
      }),
    );
  }

  all(): readonly GeometryPanel[] {
    return [...this.panels.values()];
  }

  /** Shows (or reveals) the panel of a source; a new snapshot replaces the text of its panel. */
  show(source: PanelSource): GeometryPanel {
    const existing = this.panels.get(sourceKey(source));
    if (existing) {
      if (source.kind === 'snapshot') {
        if (source.origin) this.addresses.remember(source.origin.uri);
        existing.setSnapshot(source);
      }
      existing.reveal();
      return existing;
    }
    // Opened from the panel's own group (the panel, or an example opened over it, has focus): that
    // column again, not a new group beside it (issue 12, a clean plane).
    const active = vscode.window.tabGroups.activeTabGroup.viewColumn;
    const ours = [...this.panels.values()].some((p) => p.webviewPanel.viewColumn === active);
    const webviewPanel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      panelTitle(source),
      { viewColumn: ours ? active : vscode.ViewColumn.Beside, preserveFocus: true },
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
    const snapshot = persistedSnapshot(state);
    if (snapshot) {
      const restored = this.snapshotSource(snapshot);
      if (restored) return restored;
    }
    const uriText = persistedDocumentUri(state);
    if (uriText !== undefined) {
      try {
        const uri = vscode.Uri.parse(uriText, true);
        if (!this.addresses.trusted(uri)) throw new Error('not an address this extension opened a panel on');
        // Opening the document makes it available for live sync without showing an editor.
        await vscode.workspace.openTextDocument(uri);
        return { kind: 'document', uri };
      } catch (e) {
        this.host.log.warn(`Could not restore the panel of ${uriText}: ${String(e)}`);
      }
    }
    return defaultLessonSource();
  }

  /**
   * A selection's or an annotation's panel from its persisted snapshot: an annotation whose
   * document is open is read again (it may have changed); otherwise the saved text is shown.
   */
  private snapshotSource(snap: PersistedSnapshot): PanelSource | undefined {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(snap.originUri, true);
    } catch (e) {
      this.host.log.warn(`Could not restore a panel of ${snap.originUri.slice(0, 200)}: ${String(e)}`);
      return undefined;
    }
    // An address the extension never opened a panel on is not followed: the saved text is shown
    // without an origin, so nothing opens, reads or writes that address.
    const trusted = this.addresses.trusted(uri);
    if (!trusted) this.host.log.warn(`Restored a panel without its origin ${snap.originUri.slice(0, 200)}: not an address this extension opened a panel on`);
    if (snap.kind === 'embedded' && trusted) {
      const document = openDocument(uri);
      const k = document ? liveRegionIndex(document, snap.text, snap.line, snap.index) : undefined;
      const live = document && k !== undefined ? embeddedSource(document, k) : undefined;
      if (live) return live;
    }
    const key = snap.kind === 'selection' ? `selection:${uri.toString()}` : `embedded:${uri.toString()}#${snap.index ?? 0}`;
    return {
      kind: 'snapshot',
      key,
      name: snap.name,
      text: snap.text,
      ...(trusted ? { origin: { uri, line: snap.line, character: snap.character } } : {}),
      role: snap.kind,
      ...(snap.index !== undefined ? { index: snap.index } : {}),
    };
  }

  private adopt(webviewPanel: vscode.WebviewPanel, source: PanelSource): GeometryPanel {
    const address = source.kind === 'document' ? source.uri : source.kind === 'snapshot' ? source.origin?.uri : undefined;
    if (address) this.addresses.remember(address);
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

/** Delay after the last cursor move before the panel highlights the statement under it. */
const HIGHLIGHT_DELAY_MS = 120;

export function defaultLessonSource(): PanelSource {
  return { kind: 'snapshot', key: DEFAULT_LESSON_KEY, name: 'default lesson', text: DEFAULT_LESSON };
}
