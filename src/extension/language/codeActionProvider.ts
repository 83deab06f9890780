// Quick fixes: "did you mean", pad/trim a vector to n, set lr to the optimal step — in .neuron
// files and inside embedded specs (edits mapped back to the document) — and "Insert a neuron:
// annotation" on an unannotated neuron expression.
import * as vscode from 'vscode';
import type { SourceRange } from '../../core/diagnostics';
import {
  editorDiagnostics, embeddedRegions, insertAnnotationEdit, neuronExpressionAt, quickFixes, toDocumentOffset,
  type QuickFix, type TextEdit,
} from '../../core/editor';
import type { AnalysisCache } from './analysisCache';
import { toOffsets, toWorkspaceEdit } from './convert';
import { isNeuronDocument } from './selectors';

function intersects(a: SourceRange, b: SourceRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly cache: AnalysisCache) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    try {
      const wanted = toOffsets(document, range);
      return isNeuronDocument(document) ? this.specActions(document, wanted, context) : this.embeddedActions(document, wanted, context);
    } catch (e) {
      console.error('gradient-geometry: code actions failed:', e);
      return [];
    }
  }

  private toAction(document: vscode.TextDocument, fix: QuickFix, edits: readonly TextEdit[], context: vscode.CodeActionContext): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = toWorkspaceEdit(document, edits);
    action.isPreferred = fix.preferred;
    const code = fix.diagnosticCode;
    if (code) action.diagnostics = context.diagnostics.filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === code);
    return action;
  }

  private specActions(document: vscode.TextDocument, wanted: SourceRange, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const text = document.getText();
    const { parsed, analysis } = this.cache.analyze(text);
    const diagnostics = editorDiagnostics(parsed, analysis).filter((d) => intersects(d.range, wanted));
    return quickFixes(text, parsed, analysis, diagnostics).map((f) => this.toAction(document, f, f.edits, context));
  }

  private embeddedActions(document: vscode.TextDocument, wanted: SourceRange, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const text = document.getText();
    const actions: vscode.CodeAction[] = [];
    const regions = embeddedRegions(text, document.languageId);
    for (const region of regions) {
      const spec = region.spec;
      const { parsed, analysis } = this.cache.analyze(spec.text);
      const mapped = (r: SourceRange) => ({ start: toDocumentOffset(spec, r.start), end: toDocumentOffset(spec, r.end) });
      const diagnostics = editorDiagnostics(parsed, analysis).filter((d) => {
        const m = mapped(d.range);
        return m.start !== undefined && m.end !== undefined && intersects({ start: m.start, end: m.end }, wanted);
      });
      for (const fix of quickFixes(spec.text, parsed, analysis, diagnostics)) {
        // Only edits that land inside the comment text itself, on one line.
        const edits: TextEdit[] = [];
        for (const e of fix.edits) {
          const m = mapped(e.range);
          if (m.start === undefined || m.end === undefined || /[\r\n]/.test(e.newText)) break;
          edits.push({ range: { start: m.start, end: m.end }, newText: e.newText });
        }
        if (edits.length === fix.edits.length) actions.push(this.toAction(document, fix, edits, context));
      }
    }
    const expr = neuronExpressionAt(text, wanted.start);
    if (expr && !regions.some((r) => r.explainsTarget && intersects(r.target, expr.range))) {
      const action = new vscode.CodeAction('Insert a neuron: annotation', vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(document, [insertAnnotationEdit(text, expr, document.languageId)]);
      actions.push(action);
    }
    return actions;
  }
}
