// Live diagnostics as the user types: the parser's diagnostics and the semantic hints for .neuron
// documents, and the same for every `neuron:` annotation and ```neuron fence in other documents.
import * as vscode from 'vscode';
import { editorDiagnostics, embeddedDiagnostics } from '../../core/editor';
import { Disposable } from '../disposable';
import type { AnalysisCache } from './analysisCache';
import { toDiagnostic } from './convert';
import { isEmbeddedDocument, isNeuronDocument } from './selectors';

/** Delay after the last keystroke; short, so diagnostics feel live, long enough to skip mid-word states. */
const DEBOUNCE_MS = 120;

export class DiagnosticsProvider extends Disposable {
  readonly collection = this.register(vscode.languages.createDiagnosticCollection('gradientGeometry'));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly cache: AnalysisCache) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.update(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('gradientGeometry')) for (const d of vscode.workspace.textDocuments) this.update(d);
    }));
    this.register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    for (const d of vscode.workspace.textDocuments) this.update(d);
  }

  /** Diagnostics of a document now (tests and the code-action provider use this too). */
  compute(document: vscode.TextDocument): vscode.Diagnostic[] | undefined {
    const text = document.getText();
    if (isNeuronDocument(document)) {
      const { parsed, analysis } = this.cache.analyze(text);
      return editorDiagnostics(parsed, analysis).map((d) => toDiagnostic(document, d));
    }
    if (isEmbeddedDocument(document)) {
      return embeddedDiagnostics(text, document.languageId, this.cache.analyze).map((d) => toDiagnostic(document, d));
    }
    return undefined;
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.update(document);
    }, DEBOUNCE_MS));
  }

  private update(document: vscode.TextDocument): void {
    if (this.isDisposed || document.isClosed) return;
    try {
      const diagnostics = this.compute(document);
      if (diagnostics) this.collection.set(document.uri, diagnostics);
      else this.collection.delete(document.uri);
    } catch (e) {
      // A bug in a check must not silence the editor: keep the last diagnostics and say why.
      console.error(`gradient-geometry: diagnostics failed for ${document.uri.toString()}:`, e);
    }
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.collection.delete(uri);
  }
}
