// Folding for .neuron files: multi-line bracketed values, comment blocks and # region markers,
// whatever the indentation (the ranges come from src/core/editor/folding.ts).
import * as vscode from 'vscode';
import { foldingRanges, type FoldingKind } from '../../core/editor';

const KINDS: Record<FoldingKind, vscode.FoldingRangeKind> = {
  comment: vscode.FoldingRangeKind.Comment,
  region: vscode.FoldingRangeKind.Region,
};

export class FoldingProvider implements vscode.FoldingRangeProvider {
  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    try {
      return foldingRanges(document.getText()).map((r) => new vscode.FoldingRange(r.start, r.end, r.kind ? KINDS[r.kind] : undefined));
    } catch (e) {
      console.error('gradient-geometry: folding failed:', e);
      return [];
    }
  }
}
