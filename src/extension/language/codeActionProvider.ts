// Quick fixes: "did you mean", pad/trim a vector to n, set lr to the optimal step — in .neuron
// files and inside embedded specs (edits mapped back to the document) — and "Insert a neuron:
// annotation" on an unannotated neuron expression. The analysis worker computes them.
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import type { CodeActionData } from '../analysis/protocol';
import { insertAnnotationEdit, neuronExpressionAt } from '../../core/editor';
import { toOffsets, toWorkspaceEdit } from './convert';
import { documentSource } from './documents';
import { holdsSpecs, isEmbeddedDocument } from './selectors';

export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly service: AnalysisService) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    try {
      if (!holdsSpecs(document)) return isEmbeddedDocument(document) ? this.insertAnnotation(document, range, context) : [];
      const source = documentSource(document);
      const fixes = await this.service.codeActions(source, toOffsets(document, range));
      if (!fixes || document.version !== source.version) return [];
      return fixes.map((f) => this.toAction(document, f, context));
    } catch (e) {
      console.error('gradient-geometry: code actions failed:', e);
      return [];
    }
  }

  /**
   * A document that never says "neuron" has no spec to fix; the one action left is the annotation
   * for a neuron expression under the cursor, found on its line here (the worker is not started).
   */
  private insertAnnotation(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const text = document.getText();
    const expression = neuronExpressionAt(text, document.offsetAt(range.start));
    if (!expression) return [];
    return [this.toAction(document, { title: 'Insert a neuron: annotation', edits: [insertAnnotationEdit(text, expression, document.languageId)] }, context)];
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
