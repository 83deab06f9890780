/**
 * Where a panel's spec text stands in an editor: for a document the document itself; for a
 * selection the text from its origin, line by line; for a `neuron:` annotation or ```neuron fence
 * the live embedded spec of its document, with the segment map between spec offsets and document
 * offsets. Used to go from a part of the picture to its statement, and from the cursor to the part.
 */
import * as vscode from 'vscode';
import { embeddedRegions, toDocumentRange, toSpecOffset } from '../../core/editor';
import type { SourceRange } from '../../core/diagnostics';
import type { PanelSource } from './panelSource';

export interface LocatedSpec {
  readonly document: vscode.TextDocument;
  /** The spec text to parse (the document's text, the selection, or the live embedded spec). */
  readonly text: string;
  /** A range of `text` in the document, or undefined when it does not map. */
  toDocument(range: SourceRange): vscode.Range | undefined;
  /** A document position → an offset into `text`, or undefined outside the spec. */
  toSpec(position: vscode.Position): number | undefined;
}

/** The document a source's text lives in: its own, or its origin's. */
export function sourceDocumentUri(source: PanelSource): vscode.Uri | undefined {
  return source.kind === 'document' ? source.uri : source.role !== undefined ? source.origin?.uri : undefined;
}

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/**
 * The live embedded spec of `document` that a snapshot came from: the one with the same text
 * (nearest to the saved line), else the one starting on the saved line, else number `index`.
 */
export function liveRegionIndex(document: vscode.TextDocument, text: string | undefined, line: number, index: number | undefined): number | undefined {
  const regions = embeddedRegions(document.getText(), document.languageId);
  const startLine = (k: number): number => document.positionAt(regions[k].spec.segments[0]?.docStart ?? regions[k].target.start).line;
  let best: number | undefined;
  regions.forEach((r, k) => {
    if (text !== undefined && r.spec.text === text && (best === undefined || Math.abs(startLine(k) - line) < Math.abs(startLine(best) - line))) best = k;
  });
  if (best !== undefined) return best;
  const onLine = regions.findIndex((_, k) => startLine(k) === line);
  if (onLine >= 0) return onLine;
  return index !== undefined && index < regions.length ? index : undefined;
}

/** Line starts of a text ('\n' ends a line; a '\r' before it stays part of the line's length). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** The spec of `source` as it stands in `document` (which must be the source's document), or undefined. */
export function locateSpec(source: PanelSource, document: vscode.TextDocument): LocatedSpec | undefined {
  if (source.kind === 'document') {
    return {
      document,
      text: document.getText(),
      toDocument: (r) => new vscode.Range(document.positionAt(r.start), document.positionAt(r.end)),
      toSpec: (p) => document.offsetAt(p),
    };
  }
  const origin = source.origin;
  if (!origin || origin.uri.toString() !== document.uri.toString()) return undefined;
  if (source.role === 'selection') {
    const text = source.text;
    const starts = lineStarts(text);
    const at = (offset: number): vscode.Position => {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
      const ch = offset - starts[line];
      return document.validatePosition(new vscode.Position(origin.line + line, line === 0 ? origin.character + ch : ch));
    };
    return {
      document,
      text,
      toDocument: (r) => new vscode.Range(at(r.start), at(r.end)),
      toSpec: (p) => {
        const line = p.line - origin.line;
        if (line < 0 || line >= starts.length) return undefined;
        const ch = line === 0 ? p.character - origin.character : p.character;
        if (ch < 0) return undefined;
        const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
        return Math.min(starts[line] + ch, end);
      },
    };
  }
  if (source.role === 'embedded') {
    const k = liveRegionIndex(document, source.text, origin.line, source.index);
    const region = k === undefined ? undefined : embeddedRegions(document.getText(), document.languageId)[k];
    if (!region) return undefined;
    const spec = region.spec;
    return {
      document,
      text: spec.text,
      toDocument: (r) => {
        const d = toDocumentRange(spec, r);
        return new vscode.Range(document.positionAt(d.start), document.positionAt(d.end));
      },
      toSpec: (p) => toSpecOffset(spec, document.offsetAt(p)),
    };
  }
  return undefined;
}
