// CodeLens: "Show Gradient Geometry" and a one-line summary (κ, convergence, zig-zag ratio) above
// the model line of a .neuron file, and above every annotated expression or ```neuron fence.
import * as vscode from 'vscode';
import { SHOW_PANEL_TITLE } from '../../core/editor';
import type { AnalysisService } from '../analysis/analysisService';
import { toRange } from './convert';
import { documentSource } from './documents';
import { holdsSpecs } from './selectors';

export const SHOW_COMMAND = 'gradientGeometry.show';
export const SHOW_EMBEDDED_COMMAND = 'gradientGeometry.showEmbedded';

export class CodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly service: AnalysisService) {}

  /** Asks VS Code to re-query the lenses (settings that change the numbers). */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** The lenses of the document's current version, from the analysis worker. */
  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    try {
      if (!holdsSpecs(document)) return [];
      const source = documentSource(document);
      const lenses = await this.service.codeLenses(source);
      if (!lenses || document.version !== source.version) return [];
      return lenses.flatMap((lens) => {
        const range = toRange(document, lens.range);
        const show: vscode.Command =
          lens.index === undefined
            ? { title: SHOW_PANEL_TITLE, command: SHOW_COMMAND, arguments: [document.uri] }
            : { title: SHOW_PANEL_TITLE, command: SHOW_EMBEDDED_COMMAND, arguments: [document.uri.toString(), lens.index] };
        return [new vscode.CodeLens(range, show), new vscode.CodeLens(range, { ...show, title: lens.title })];
      });
    } catch (e) {
      console.error('gradient-geometry: CodeLens failed:', e);
      return [];
    }
  }
}
