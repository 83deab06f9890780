// A text document as the analysis service sees it: one key per document and kind of reading,
// its version, the settings an analysis depends on, and its text while that version is current.
import type * as vscode from 'vscode';
import type { DocumentSource } from '../analysis/analysisService';
import { dataFiles } from '../analysis/dataFiles';
import { readSettings } from '../config';
import { isNeuronDocument } from './selectors';

/** The service's key of a document read as a spec (.neuron files, the panel) or for its embedded specs. */
export function documentKey(uri: vscode.Uri, kind: DocumentSource['kind']): string {
  return kind === 'spec' ? uri.toString() : `embedded:${uri.toString()}`;
}

/** The current version of `document`; `kind` defaults to how the language features read it. */
export function documentSource(document: vscode.TextDocument, kind: DocumentSource['kind'] = isNeuronDocument(document) ? 'spec' : 'embedded'): DocumentSource {
  const version = document.version;
  return {
    key: documentKey(document.uri, kind),
    version,
    languageId: document.languageId,
    defaultSteps: readSettings().defaultSteps,
    kind,
    text: () => (!document.isClosed && document.version === version ? document.getText() : undefined),
    ...dataFilesOf(document.uri, () => document.getText()),
  };
}

/**
 * The data files a text names (csv("…"), npy("…")), relative to the document at `uri`: their
 * version is part of the analysis' identity.
 */
export function dataFilesOf(uri: vscode.Uri, text: () => string): Pick<DocumentSource, 'dataStamp' | 'files'> {
  const files = dataFiles;
  return files ? { dataStamp: files.stamp, files: () => files.filesFor(uri, text()) } : {};
}
