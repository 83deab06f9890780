// Hovers: the spec hovers in .neuron files; annotated expressions, annotation comments, ```neuron
// fences and unannotated neuron expressions elsewhere.
import * as vscode from 'vscode';
import { headingLines, resolveScienceLinks, SCIENCE_DOC } from '../../core/editor/text/scienceLinks';
import type { AnalysisService } from '../analysis/analysisService';
import { INSERT_ANNOTATION_COMMAND, insertAnnotationLink as linkFor } from '../analysis/server';
import { embeddedHoverAt } from '../../core/editor';
import { toMarkdown, toRange } from './convert';
import { documentSource } from './documents';
import { holdsSpecs, isEmbeddedDocument } from './selectors';

export { INSERT_ANNOTATION_COMMAND };

/** A command link that inserts an annotation above the expression at `offset` of `document` (the worker builds the same). */
export function insertAnnotationLink(document: vscode.TextDocument, offset: number): string {
  return linkFor(document.uri.toString(), offset);
}

/** This extension's id (publisher.name in package.json). */
const EXTENSION_ID = 'gradient-geometry.gradient-geometry';

/** The science document shipped in the extension (docs/science.md). */
export function scienceDocumentUri(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, ...SCIENCE_DOC.split('/'));
}

export class HoverProvider implements vscode.HoverProvider {
  /** Where core's `docs/science.md#anchor` links point: the shipped file, opened at the heading's line. */
  private readonly science: vscode.Uri | undefined;
  /** Its headings' lines, read at the first hover (not at activation: most activations never hover). */
  private scienceLines: Promise<ReadonlyMap<string, number> | undefined> | undefined;

  /** `extensionUri` locates the shipped docs; without it the extension is looked up by its id. */
  constructor(
    private readonly service: AnalysisService,
    extensionUri?: vscode.Uri,
  ) {
    const root = extensionUri ?? vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
    if (root) this.science = scienceDocumentUri(root);
  }

  /** The science notes' heading lines; undefined when unreadable (links then open the file at the top). */
  private headings(): Promise<ReadonlyMap<string, number> | undefined> {
    if (!this.science) return Promise.resolve(undefined);
    this.scienceLines ??= Promise.resolve(vscode.workspace.fs.readFile(this.science)).then(
      (bytes) => headingLines(new TextDecoder().decode(bytes)),
      () => undefined,
    );
    return this.scienceLines;
  }

  /** The analysis worker answers (analysis/analysisService.ts); undefined when the document changed meanwhile. */
  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    try {
      const offset = document.offsetAt(position);
      if (!holdsSpecs(document)) {
        // No spec in the document: only the sign rule on a neuron expression, found on its line here.
        if (!isEmbeddedDocument(document)) return undefined;
        const general = embeddedHoverAt(document.getText(), offset, document.languageId, undefined, (e) => insertAnnotationLink(document, e.range.start));
        return general ? new vscode.Hover(toMarkdown(general.markdown), toRange(document, general.range)) : undefined;
      }
      const source = documentSource(document);
      const [content, lines] = await Promise.all([this.service.hover(source, offset, document.uri.toString()), this.headings()]);
      if (!content || document.version !== source.version) return undefined;
      const markdown = this.science ? resolveScienceLinks(content.markdown, this.science.toString(), lines) : content.markdown;
      return new vscode.Hover(toMarkdown(markdown), toRange(document, content.range));
    } catch (e) {
      console.error('gradient-geometry: hover failed:', e);
      return undefined;
    }
  }
}
