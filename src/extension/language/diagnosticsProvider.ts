// Live diagnostics as the user types: the parser's diagnostics and the semantic hints for .neuron
// documents, and the same for every `neuron:` annotation and ```neuron fence in other documents.
// They come from the analysis worker (analysis/analysisService.ts) and are published when the
// answer for the document's current version arrives; an answer for an older version is dropped.
import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { AnalysisService } from '../analysis/analysisService';
import { toDiagnostic } from './convert';
import { documentKey, documentSource } from './documents';
import { holdsSpecs } from './selectors';

/** Delay after the last keystroke; short, so diagnostics feel live, long enough to skip mid-word states. */
const DEBOUNCE_MS = 120;

export class DiagnosticsProvider extends Disposable {
  readonly collection = this.register(vscode.languages.createDiagnosticCollection('gradientGeometry'));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly service: AnalysisService) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((d) => void this.update(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('gradientGeometry')) for (const d of vscode.workspace.textDocuments) void this.update(d);
      }),
    );
    this.register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    for (const d of vscode.workspace.textDocuments) void this.update(d);
  }

  /** Analyses every open document again (a data file it reads changed). */
  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) void this.update(d);
  }

  /** Diagnostics of a document's current version (undefined: not ours, or a newer version came first). */
  async compute(document: vscode.TextDocument): Promise<vscode.Diagnostic[] | undefined> {
    if (!holdsSpecs(document)) return undefined;
    const source = documentSource(document);
    const found = await this.service.diagnostics(source);
    if (!found || document.isClosed || document.version !== source.version) return undefined;
    return found.map((d) => toDiagnostic(document, d));
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    // Tell the service now, so a heavy analysis of the previous version stops at once.
    if (holdsSpecs(document)) this.service.versionChanged(documentSource(document).key, document.version);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.update(document);
      }, DEBOUNCE_MS),
    );
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    if (this.isDisposed || document.isClosed) return;
    if (!holdsSpecs(document)) {
      // Not ours, or no longer mentions a spec (its last annotation deleted): nothing to show or keep.
      if (this.collection.has(document.uri)) {
        this.collection.delete(document.uri);
        this.service.close(documentKey(document.uri, 'embedded'));
      }
      return;
    }
    try {
      const diagnostics = await this.compute(document);
      // Undefined: a newer version is on its way; keep what is shown until it arrives.
      if (diagnostics && !this.isDisposed) this.collection.set(document.uri, diagnostics);
    } catch (e) {
      // A bug in a check must not silence the editor: keep the last diagnostics and say why.
      console.error(`gradient-geometry: diagnostics failed for ${document.uri.toString()}:`, e);
    }
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.collection.delete(uri);
    this.service.close(documentKey(uri, 'spec'));
    this.service.close(documentKey(uri, 'embedded'));
  }
}
