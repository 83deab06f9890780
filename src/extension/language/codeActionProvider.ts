// Quick fixes: "did you mean", pad/trim a vector to n, set lr to the optimal step — in .neuron
// files and inside embedded specs (edits mapped back to the document) — and "Insert a neuron:
// annotation" on an unannotated neuron expression. The analysis worker computes them.
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import type { CodeActionData } from '../analysis/protocol';
import { toOffsets, toWorkspaceEdit } from './convert';
import { documentSource } from './documents';

export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly service: AnalysisService) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    try {
      const source = documentSource(document);
      const fixes = await this.service.codeActions(source, toOffsets(document, range));
      if (!fixes || document.version !== source.version) return [];
      return fixes.map((f) => this.toAction(document, f, context));
    } catch (e) {
      console.error('gradient-geometry: code actions failed:', e);
      return [];
    }
  }

  private toAction(document: vscode.TextDocument, fix: CodeActionData, context: vscode.CodeActionContext): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = toWorkspaceEdit(document, fix.edits);
    if (fix.preferred !== undefined) action.isPreferred = fix.preferred;
    const code = fix.diagnosticCode;
    if (code) action.diagnostics = context.diagnostics.filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === code);
    return action;
  }
}
