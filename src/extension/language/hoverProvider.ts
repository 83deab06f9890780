// Hovers: the spec hovers in .neuron files; annotated expressions, annotation comments, ```neuron
// fences and unannotated neuron expressions elsewhere.
import * as vscode from 'vscode';
import { embeddedHoverAt, hoverAt, type HoverContent } from '../../core/editor';
import type { AnalysisCache } from './analysisCache';
import { toMarkdown, toRange } from './convert';
import { isNeuronDocument } from './selectors';

export const INSERT_ANNOTATION_COMMAND = 'gradientGeometry.insertAnnotation';

/** A command link that inserts an annotation above the expression at `offset` of `document`. */
export function insertAnnotationLink(document: vscode.TextDocument, offset: number): string {
  const args = encodeURIComponent(JSON.stringify([document.uri.toString(), offset]));
  return `[Insert a neuron: annotation](command:${INSERT_ANNOTATION_COMMAND}?${args})`;
}

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: AnalysisCache) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    try {
      const text = document.getText();
      const offset = document.offsetAt(position);
      let content: HoverContent | undefined;
      if (isNeuronDocument(document)) {
        const { parsed, analysis } = this.cache.analyze(text);
        content = hoverAt(text, offset, parsed, analysis);
      } else {
        content = embeddedHoverAt(text, offset, document.languageId, this.cache.analyze, (e) => insertAnnotationLink(document, e.range.start));
      }
      return content ? new vscode.Hover(toMarkdown(content.markdown), toRange(document, content.range)) : undefined;
    } catch (e) {
      console.error('gradient-geometry: hover failed:', e);
      return undefined;
    }
  }
}
