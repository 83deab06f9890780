import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { Settings } from '../config';
import { buildWebviewHtml, makeNonce } from '../../shared/webviewHtml';
import { packBatches } from '../../shared/batchWire';
import { MAX_PERSISTED_SPEC_CHARS } from '../../shared/protocol';
import type { HostMessage, PanelRequest, PersistedSnapshot } from '../../shared/protocol';
import type { SourceRange } from '../../core/diagnostics';
import type { StatementKey } from '../../core/spec/types';
import type { AnalysisService, DocumentSource } from '../analysis/analysisService';
import type { StatementSpans } from '../analysis/protocol';
import { dataFilesOf, documentSource } from '../language/documents';
import { PanelMessenger } from './messenger';
import { saveExport, writeSpecChanges } from './panelRequests';
import { panelTitle, sourceKey, sourceName } from './panelSource';
import type { PanelSource } from './panelSource';
import { locateSpec, openDocument, sourceDocumentUri } from './specLocation';

export const PANEL_VIEW_TYPE = 'gradientGeometry.panel';

/**
 * Versions of snapshot texts, increasing across panels: a panel restored under a key that an
 * earlier panel used never names a version the analysis worker already holds another text for.
 */
let snapshotVersions = 0;

/** Only the built bundle and the static assets are loadable in the webview. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** What the panel needs from its owner. */
export interface PanelHost {
  readonly extensionUri: vscode.Uri;
  /** The workspace's memento: the addresses of the panels this extension opened (restoredAddresses.ts). */
  readonly workspaceState: vscode.Memento;
  readonly log: vscode.LogOutputChannel;
  settings(): Settings;
  /** The one analysis service: the panel, diagnostics, hovers and CodeLens share its analyses. */
  readonly analysis: AnalysisService;
  /** Test mode: messengers keep the messages they posted (extension.ts). */
  readonly keepPosted?: boolean;
}

type AnalysisMessage = Extract<HostMessage, { type: 'analysis' }>;
type ErrorsMessage = Extract<HostMessage, { type: 'specErrors' }>;

/**
 * One webview panel showing one source. It keeps the last good analysis and the current errors,
 * and sends both to the webview whenever the webview (re)loads, so that the picture survives
 * hiding, errors and reloads.
 */
export class GeometryPanel extends Disposable {
  private readonly messenger: PanelMessenger;
  private lastAnalysis: AnalysisMessage | undefined;
  private currentErrors: ErrorsMessage | undefined;
  /** Version of the newest text analysed; an older one never replaces it. */
  private analysedVersion = -1;
  /** Version of the newest text sent to the analysis service. */
  private requestedVersion = -1;
  private requestedStamp = 0;
  /** Cursor moves: only the newest one's answer is shown. */
  private highlightRequest = 0;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  /** The statement last highlighted from the editor (re-sent when the page reloads). */
  private highlighted: StatementKey | null = null;
  /** The statement ranges of the last located text, so cursor moves in one version ask once. */
  private rangesCache: { key: string; version: number; text: string; ranges: StatementSpans } | undefined;

  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    private source: PanelSource,
    private readonly host: PanelHost,
  ) {
    super();
    this.messenger = this.register(new PanelMessenger(webviewPanel.webview, host.log, host.keepPosted ?? false));
    this.register(this.messenger.onReady(() => this.sendAll()));
    this.register(this.messenger.onRevealError((at) => void this.revealError(at.line, at.column)));
    this.register(this.messenger.onRequest((request) => void this.handleRequest(request)));
    this.register(this.messenger.onRevealStatement((at) => void this.revealStatement(at.key, at.row)));
    this.register(
      webviewPanel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden the page is dropped while hidden and says `ready` again when shown.
        if (!webviewPanel.visible) this.messenger.markNotReady();
      }),
    );
    this.register(webviewPanel.onDidDispose(() => this.dispose()));
    webviewPanel.webview.options = webviewOptions(host.extensionUri);
    webviewPanel.title = panelTitle(source);
    webviewPanel.webview.html = this.html();
  }

  get key(): string {
    return sourceKey(this.source);
  }

  get currentSource(): PanelSource {
    return this.source;
  }

  get documentUri(): vscode.Uri | undefined {
    return this.source.kind === 'document' ? this.source.uri : undefined;
  }

  get channel(): PanelMessenger {
    return this.messenger;
  }

  /** Shows a new snapshot text (a new selection) in this panel. */
  setSnapshot(source: Extract<PanelSource, { kind: 'snapshot' }>): void {
    this.source = source;
    this.highlighted = null;
    this.webviewPanel.title = panelTitle(source);
    this.refresh();
  }

  /** Re-analyses after the live-update delay; only the last call of a burst runs. */
  scheduleRefresh(): void {
    if (this.debounce !== undefined) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      this.refresh();
    }, this.host.settings().liveUpdateDelay);
  }

  /** Asks the analysis service for the source's current text and sends the result when it comes. */
  refresh(): void {
    void this.analyse();
  }

  private async analyse(): Promise<void> {
    if (this.isDisposed) return;
    const current = this.currentText();
    if (current === undefined) return;
    // The same version again is new only when the data files it reads changed (dataFiles.ts).
    const stamp = current.dataStamp ?? 0;
    if (current.version < this.requestedVersion || (current.version === this.requestedVersion && stamp === this.requestedStamp)) return;
    this.requestedVersion = current.version;
    this.requestedStamp = stamp;
    const source = this.source;
    // The worker packs the message (analysisWire.ts): batches and δₚ travel as typed arrays.
    const result = await this.host.analysis.panel(current);
    // Undefined: a newer version replaced this one before it was analysed.
    if (result === undefined || this.isDisposed || source !== this.source || current.version < this.analysedVersion) return;
    this.analysedVersion = current.version;
    const common = { version: current.version, source: sourceName(this.source), ...this.uriField(), ...this.snapshotField() };
    if (result.kind === 'analysis') {
      // Consecutive batches travel as their first indices (batchWire.ts: 1.5 MB less for learning-rate).
      this.lastAnalysis = {
        type: 'analysis',
        ...common,
        ...result.payload,
        analysis: packBatches(result.payload.analysis),
        writable: this.source.kind === 'document',
      };
      this.currentErrors = undefined;
      void this.messenger.post(this.lastAnalysis);
    } else {
      // Keep the last good picture; the webview shows the first error over it.
      this.currentErrors = { type: 'specErrors', ...common, errors: result.errors };
      void this.messenger.post(this.currentErrors);
    }
  }

  /** Settings changed: send the view's settings, and redo the analysis if the default steps changed. */
  settingsChanged(previous: Settings): void {
    const now = this.host.settings();
    if (now.animationStepsPerSecond !== previous.animationStepsPerSecond || now.presenterMode !== previous.presenterMode)
      void this.messenger.post(this.settingsMessage());
    if (now.defaultSteps !== previous.defaultSteps) {
      this.analysedVersion = -1;
      this.requestedVersion = -1;
      this.refresh();
    }
  }

  reveal(): void {
    this.webviewPanel.reveal(undefined, true);
  }

  private measureRequest = 0;

  /**
   * The webview's viewport in CSS pixels, measured once the workbench's layout has reached it;
   * undefined when the webview cannot answer within `timeoutMs` (not loaded, hidden).
   */
  async measureViewport(timeoutMs = 3000): Promise<{ width: number; height: number } | undefined> {
    const id = ++this.measureRequest;
    if (!this.messenger.isReady) {
      // Just revealed: the page may still be loading.
      const ready = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => (sub.dispose(), resolve(false)), timeoutMs);
        const sub = this.messenger.onReady(() => (clearTimeout(timer), sub.dispose(), resolve(true)));
      });
      if (!ready) return undefined;
    }
    return new Promise((resolve) => {
      const done = (size: { width: number; height: number } | undefined): void => {
        clearTimeout(timer);
        answer.dispose();
        resolve(size);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      const answer = this.messenger.onViewport((v) => {
        if (v.id === id) done({ width: v.width, height: v.height });
      });
      void this.messenger.post({ type: 'measure', id }).then((sent) => {
        if (!sent) done(undefined);
      });
    });
  }

  override dispose(): void {
    if (this.isDisposed) return;
    if (this.debounce !== undefined) clearTimeout(this.debounce);
    this.host.analysis.close(this.snapshotKey);
    this.host.analysis.close(`located:${this.key}`);
    this.disposeEmitter.fire();
    super.dispose();
    this.webviewPanel.dispose();
  }

  private uriField(): { documentUri?: string } {
    return this.source.kind === 'document' ? { documentUri: this.source.uri.toString() } : {};
  }

  /** What the serializer needs to restore a selection's or an annotation's picture (kept by the webview). */
  private snapshotField(): { snapshot?: PersistedSnapshot } {
    const s = this.source;
    if (s.kind !== 'snapshot' || !s.role || !s.origin || s.text.length > MAX_PERSISTED_SPEC_CHARS) return {};
    const snapshot: PersistedSnapshot = {
      kind: s.role,
      name: s.name.slice(0, 300),
      text: s.text,
      originUri: s.origin.uri.toString(),
      line: s.origin.line,
      character: s.origin.character,
      ...(s.role === 'embedded' ? { index: s.index ?? 0 } : {}),
    };
    return { snapshot };
  }

  /** The statement ranges of a located spec text, from the analysis service (one request per version). */
  private async statementRanges(document: vscode.TextDocument, text: string): Promise<StatementSpans | undefined> {
    // A document shown whole shares the panel's analysis; a located part (selection, annotation) has its own key.
    const whole = this.source.kind === 'document' && text.length === document.getText().length;
    const ref: DocumentSource = whole
      ? documentSource(document, 'spec')
      : {
          key: `located:${this.key}`,
          version: document.version,
          languageId: 'neuron',
          defaultSteps: this.host.settings().defaultSteps,
          kind: 'spec',
          text: () => text,
        };
    const c = this.rangesCache;
    if (c && c.key === ref.key && c.version === ref.version && c.text.length === text.length) return c.ranges;
    const ranges = await this.host.analysis.statements(ref);
    if (ranges) this.rangesCache = { key: ref.key, version: ref.version, text, ranges };
    return ranges;
  }

  /**
   * The editor's cursor moved to `position` of `document`: if that is this panel's spec, post the
   * statement under the cursor (null: none) when it changed.
   */
  highlightAt(document: vscode.TextDocument, position: vscode.Position): void {
    void this.highlight(document, position);
  }

  private async highlight(document: vscode.TextDocument, position: vscode.Position): Promise<void> {
    if (this.isDisposed) return;
    const uri = sourceDocumentUri(this.source);
    if (!uri || uri.toString() !== document.uri.toString()) return;
    const request = ++this.highlightRequest;
    const located = locateSpec(this.source, document);
    const offset = located?.toSpec(position);
    let key: StatementKey | null = null;
    if (located && offset !== undefined) {
      const ranges = await this.statementRanges(document, located.text);
      if (!ranges) return;
      key = statementAt(located.text, ranges, offset);
    }
    if (request !== this.highlightRequest || this.isDisposed || key === this.highlighted) return;
    this.highlighted = key;
    void this.messenger.post({ type: 'highlight', key });
  }

  /** Selects statement `key` (a sample row of written inputs, when given) of this panel's spec in an editor. */
  private async revealStatement(key: StatementKey, row: number | undefined): Promise<void> {
    const uri = sourceDocumentUri(this.source);
    const fail = (message: string): void => void this.messenger.post({ type: 'revealResult', ok: false, message });
    if (!uri) return fail('This picture is not from a file (the default lesson): open a lesson to go to its lines.');
    try {
      const document = openDocument(uri) ?? (await vscode.workspace.openTextDocument(uri));
      const located = locateSpec(this.source, document);
      if (!located) return fail(`The spec of this picture is no longer in ${sourceName(this.source)}.`);
      const range = (await this.statementRanges(document, located.text))?.[key];
      if (!range) return fail(`${key === 'teacherW' ? 'w*' : key} is not written in the spec: it has its default value.`);
      const target = located.toDocument((row !== undefined ? range.rows?.[row] : undefined) ?? range.statement);
      if (!target) return fail(`Could not find ${key} in the editor.`);
      const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
      const editor = await vscode.window.showTextDocument(document, {
        viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
        preserveFocus: false,
        selection: new vscode.Selection(target.start, target.end),
      });
      editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (e) {
      this.host.log.error(`Could not reveal ${key} in ${uri.toString()}: ${String(e)}`);
      fail(`Could not open ${sourceName(this.source)}.`);
    }
  }

  private settingsMessage(): HostMessage {
    const s = this.host.settings();
    return { type: 'settings', animationStepsPerSecond: s.animationStepsPerSecond, presenterMode: s.presenterMode };
  }

  /**
   * The page (re)loaded: everything it shows, posted at once (VS Code delivers a webview's messages
   * in the order posted), without waiting for each delivery in turn.
   */
  private sendAll(): void {
    void this.messenger.post(this.settingsMessage());
    if (this.lastAnalysis) void this.messenger.post(this.lastAnalysis);
    if (this.currentErrors) void this.messenger.post(this.currentErrors);
    if (this.highlighted !== null) void this.messenger.post({ type: 'highlight', key: this.highlighted });
  }

  /** The analysis service's key of this panel's snapshot text. */
  private get snapshotKey(): string {
    return `snapshot:${this.key}`;
  }

  /** The source's current version for the analysis service. */
  private currentText(): DocumentSource | undefined {
    const defaultSteps = this.host.settings().defaultSteps;
    if (this.source.kind === 'snapshot') {
      const { text, origin } = this.source;
      // The worker keeps the analysis when a new snapshot version brings the same text. A selection
      // or annotation reads its data files relative to the document it came from.
      return {
        key: this.snapshotKey,
        version: ++snapshotVersions,
        languageId: 'neuron',
        defaultSteps,
        kind: 'spec',
        text: () => text,
        ...(origin ? dataFilesOf(origin.uri, () => text) : {}),
      };
    }
    const key = this.source.uri.toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    // A closed document keeps its last picture; it syncs again once reopened.
    return document ? documentSource(document, 'spec') : undefined;
  }

  private html(): string {
    const webview = this.webviewPanel.webview;
    const asset = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, ...segments)).toString();
    return buildWebviewHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: asset('dist', 'webview.js'),
      styleUri: asset('dist', 'panel.css'),
      title: panelTitle(this.source),
    });
  }

  /** A validated request from the webview: write control changes into the document, or save an export. */
  private async handleRequest(request: PanelRequest): Promise<void> {
    if (request.type === 'writeSpec') {
      const result =
        this.source.kind === 'document'
          ? await writeSpecChanges(this.source.uri, request.version, request.changes)
          : { ok: false, message: 'This picture is not from a file: open a .neuron file to write changes back.' };
      if (!result.ok) this.host.log.warn(`writeSpec: ${result.message}`);
      await this.messenger.post({ type: 'writeResult', ...result });
    } else {
      const result = await saveExport(request.format, request.fileName, request.data, this.documentUri);
      await this.messenger.post({ type: 'exportResult', ...result });
    }
  }

  /** Shows the error's place in an editor (line and column are one-based, from the untrusted webview). */
  private async revealError(line: number, column: number): Promise<void> {
    let uri: vscode.Uri;
    let at: vscode.Position;
    if (this.source.kind === 'document') {
      uri = this.source.uri;
      at = new vscode.Position(line - 1, column - 1);
    } else if (this.source.origin) {
      const o = this.source.origin;
      uri = o.uri;
      at = new vscode.Position(o.line + line - 1, line === 1 ? o.character + column - 1 : column - 1);
    } else {
      return;
    }
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const position = document.validatePosition(at);
      const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
      const editor = await vscode.window.showTextDocument(document, {
        viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
        preserveFocus: false,
        selection: new vscode.Range(position, position),
      });
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (e) {
      this.host.log.error(`Could not reveal ${uri.toString()}:${line}:${column}: ${String(e)}`);
    }
  }
}

/**
 * The statement at `offset` of `text`: the one whose range holds it, else one on the same line
 * (the cursor after a value or in its trailing comment), the nearest on that line; null: none.
 */
export function statementAt(text: string, ranges: Partial<Record<StatementKey, { readonly statement: SourceRange }>>, offset: number): StatementKey | null {
  const entries = Object.entries(ranges) as [StatementKey, { readonly statement: SourceRange }][];
  for (const [key, r] of entries) if (offset >= r.statement.start && offset <= r.statement.end) return key;
  // The cursor's line: [lineStart, lineEnd).
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const next = text.indexOf('\n', offset);
  const lineEnd = next < 0 ? text.length : next;
  let best: StatementKey | null = null;
  let distance = Infinity;
  for (const [key, r] of entries) {
    if (r.statement.start > lineEnd || r.statement.end < lineStart) continue;
    const d = offset < r.statement.start ? r.statement.start - offset : offset - r.statement.end;
    if (d < distance) {
      distance = d;
      best = key;
    }
  }
  return best;
}
