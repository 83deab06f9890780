import * as vscode from 'vscode';

/**
 * What a panel shows: a document it follows as it is edited, or a fixed text (the built-in
 * default lesson, or a spec selected in some editor).
 */
export type PanelSource =
  | { readonly kind: 'document'; readonly uri: vscode.Uri }
  | {
      readonly kind: 'snapshot';
      readonly key: string;
      /** Shown in the title, e.g. "default lesson" or "notes.md (selection)". */
      readonly name: string;
      readonly text: string;
      /** Where the text starts in its document (zero-based), so errors can be revealed there. */
      readonly origin?: { readonly uri: vscode.Uri; readonly line: number; readonly character: number };
      /**
       * What the text is: a selection (its text maps line by line from `origin`) or an embedded
       * spec (`neuron:` annotation or ```neuron fence) number `index` of its document. Absent for
       * the default lesson. Kept in the webview state so the serializer can restore the panel.
       */
      readonly role?: 'selection' | 'embedded';
      readonly index?: number;
    };

export const DEFAULT_LESSON_KEY = 'gradientGeometry:default-lesson';

/** One panel per key: the document URI, or the snapshot's key. */
export function sourceKey(source: PanelSource): string {
  return source.kind === 'document' ? source.uri.toString() : source.key;
}

/** The name a panel title and the messages' `source` field use. */
export function sourceName(source: PanelSource): string {
  if (source.kind === 'snapshot') return source.name;
  const path = source.uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || source.uri.toString();
}

export function panelTitle(source: PanelSource): string {
  return `Gradient Geometry: ${sourceName(source)}`;
}
