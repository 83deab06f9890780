// Completions in .neuron files, and inside `neuron:` annotations and ```neuron fences elsewhere.
import * as vscode from 'vscode';
import { completionsAt, embeddedRegions, toDocumentRange, toSpecOffset, type CompletionEntry, type CompletionKind } from '../../core/editor';
import { toRange } from './convert';
import { holdsSpecs, isNeuronDocument } from './selectors';

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  statement: vscode.CompletionItemKind.Property,
  function: vscode.CompletionItemKind.Function,
  optimizer: vscode.CompletionItemKind.EnumMember,
  loss: vscode.CompletionItemKind.EnumMember,
  preprocess: vscode.CompletionItemKind.EnumMember,
  compare: vscode.CompletionItemKind.Value,
  value: vscode.CompletionItemKind.Value,
  snippet: vscode.CompletionItemKind.Snippet,
};

export const COMPLETION_TRIGGERS = ['=', '~', ',', '+', ' ', '('];

function toItem(entry: CompletionEntry, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem(entry.label, KINDS[entry.kind]);
  item.insertText = entry.isSnippet ? new vscode.SnippetString(entry.insertText) : entry.insertText;
  item.detail = entry.detail;
  if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
  if (entry.sortText) item.sortText = entry.sortText;
  item.range = range;
  return item;
}

export class CompletionProvider implements vscode.CompletionItemProvider {
  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    try {
      // Typing in any Python or Markdown file asks for completions: without the word there is nothing to scan.
      if (!holdsSpecs(document)) return [];
      const text = document.getText();
      const offset = document.offsetAt(position);
      if (isNeuronDocument(document)) {
        const c = completionsAt(text, offset);
        return c.items.map((e) => toItem(e, toRange(document, c.replace)));
      }
      for (const region of embeddedRegions(text, document.languageId)) {
        const specOffset = toSpecOffset(region.spec, offset);
        if (specOffset === undefined || !region.source.some((r) => offset >= r.start && offset <= r.end)) continue;
        const c = completionsAt(region.spec.text, specOffset);
        const range = toRange(document, toDocumentRange(region.spec, c.replace));
        // Whole-lesson snippets are multi-line: they belong in files and fences, not in a comment.
        return c.items.filter((e) => e.kind !== 'snippet' || document.languageId === 'markdown').map((e) => toItem(e, range));
      }
      return [];
    } catch (e) {
      console.error('gradient-geometry: completion failed:', e);
      return [];
    }
  }
}
