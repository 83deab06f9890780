// Offsets → positions, core severities → VS Code's, core Markdown → MarkdownString. Nothing else.
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic, SourceRange } from '../../core/diagnostics';
import type { TextEdit } from '../../core/editor';

export function toRange(document: vscode.TextDocument, r: SourceRange): vscode.Range {
  return new vscode.Range(document.positionAt(r.start), document.positionAt(r.end));
}

export function toOffsets(document: vscode.TextDocument, r: vscode.Range): SourceRange {
  return { start: document.offsetAt(r.start), end: document.offsetAt(r.end) };
}

const SEVERITY: Record<CoreDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The source label on every diagnostic this extension reports. */
export const DIAGNOSTIC_SOURCE = 'gradient-geometry';

export function toDiagnostic(document: vscode.TextDocument, d: CoreDiagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(document, d.range), d.message, SEVERITY[d.severity]);
  out.code = d.code;
  out.source = DIAGNOSTIC_SOURCE;
  return out;
}

/** The core diagnostic a VS Code diagnostic came from (code, range, message and suggestion). */
export function fromDiagnostic(document: vscode.TextDocument, d: vscode.Diagnostic, suggestion?: string): CoreDiagnostic {
  const severity = d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info';
  return {
    code: String(typeof d.code === 'object' ? d.code.value : (d.code ?? '')),
    severity,
    message: d.message,
    range: toOffsets(document, d.range),
    suggestion,
  };
}

export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, toRange(document, e.range), e.newText);
  return edit;
}

/** Commands a hover may link to; nothing else in a hover is trusted. */
export const HOVER_COMMANDS = ['gradientGeometry.insertAnnotation'];

/** Core Markdown (document text already escaped) as a MarkdownString that allows only our commands. */
export function toMarkdown(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.supportHtml = false;
  return md;
}
