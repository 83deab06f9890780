// CodeLens: "Show Gradient Geometry" and a one-line summary (κ, convergence, zig-zag ratio) above
// the model line of a .neuron file, and above every annotated expression or ```neuron fence.
import * as vscode from 'vscode';
import { codeLensErrorSummary, codeLensRange, codeLensSummary, embeddedRegions, SHOW_PANEL_TITLE, type AnalyzedText } from '../../core/editor';
import type { AnalysisCache } from './analysisCache';
import { toRange } from './convert';
import { isNeuronDocument } from './selectors';

export const SHOW_COMMAND = 'gradientGeometry.show';
export const SHOW_EMBEDDED_COMMAND = 'gradientGeometry.showEmbedded';

function summary(a: AnalyzedText): string {
  return a.analysis ? codeLensSummary(a.analysis) : codeLensErrorSummary(a.parsed);
}

export class CodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly cache: AnalysisCache) {}

  /** Asks VS Code to re-query the lenses (settings that change the numbers). */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    try {
      const text = document.getText();
      if (isNeuronDocument(document)) {
        const analyzed = this.cache.analyze(text);
        const range = toRange(document, codeLensRange(analyzed.parsed));
        const show: vscode.Command = { title: SHOW_PANEL_TITLE, command: SHOW_COMMAND, arguments: [document.uri] };
        return [new vscode.CodeLens(range, show), new vscode.CodeLens(range, { ...show, title: summary(analyzed) })];
      }
      return embeddedRegions(text, document.languageId).flatMap((region, index) => {
        const range = toRange(document, region.target);
        const show: vscode.Command = { title: SHOW_PANEL_TITLE, command: SHOW_EMBEDDED_COMMAND, arguments: [document.uri.toString(), index] };
        return [new vscode.CodeLens(range, show), new vscode.CodeLens(range, { ...show, title: summary(this.cache.analyze(region.spec.text)) })];
      });
    } catch (e) {
      console.error('gradient-geometry: CodeLens failed:', e);
      return [];
    }
  }
}
