// Folding for .neuron files: multi-line bracketed values, comment blocks and # region markers,
// whatever the indentation (the ranges come from src/core/editor/folding.ts, computed by the
// analysis worker: a linear scan, but about 140 ms for an 8 MB spec on the host's thread).
import * as vscode from 'vscode';
import type { FoldingKind } from '../../core/editor';
import type { AnalysisService } from '../analysis/analysisService';
import { documentSource } from './documents';

const KINDS: Record<FoldingKind, vscode.FoldingRangeKind> = {
  comment: vscode.FoldingRangeKind.Comment,
  region: vscode.FoldingRangeKind.Region,
};

export class FoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly service: AnalysisService) {}

  async provideFoldingRanges(document: vscode.TextDocument): Promise<vscode.FoldingRange[]> {
    try {
      const ranges = await this.service.folding(documentSource(document, 'spec'));
      return (ranges ?? []).map((r) => new vscode.FoldingRange(r.start, r.end, r.kind ? KINDS[r.kind] : undefined));
    } catch (e) {
      console.error('gradient-geometry: folding failed:', e);
      return [];
    }
  }
}
