import * as vscode from 'vscode';
import { mentionsNeuron } from '../../core/editor/mentionsNeuron';

/** The spec language itself. */
export const NEURON_SELECTOR: vscode.DocumentSelector = [{ language: 'neuron' }];

/**
 * Documents that may hold `neuron:` annotations or ```neuron fences: Python, JavaScript and
 * TypeScript files, Markdown, and every cell of every notebook (code or Markdown cells).
 */
export const EMBEDDED_SELECTOR: vscode.DocumentSelector = [
  { language: 'python' },
  { language: 'javascript' },
  { language: 'typescript' },
  { language: 'javascriptreact' },
  { language: 'typescriptreact' },
  { language: 'markdown' },
  { notebookType: '*' },
  { scheme: 'vscode-notebook-cell' },
];

export function isNeuronDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match(NEURON_SELECTOR, document) > 0;
}

export function isEmbeddedDocument(document: vscode.TextDocument): boolean {
  return !isNeuronDocument(document) && vscode.languages.match(EMBEDDED_SELECTOR, document) > 0;
}

/**
 * Whether the language features have anything to do for `document`: a `.neuron` file always; a
 * document of another language only when its text says "neuron" (annotations and fences both
 * spell it), so that opening or editing any other Python, JavaScript, TypeScript or Markdown file
 * or notebook cell costs one substring search: no scan, no parse, no analysis, no worker.
 */
export function holdsSpecs(document: vscode.TextDocument): boolean {
  if (isNeuronDocument(document)) return true;
  return isEmbeddedDocument(document) && mentionsNeuron(document.getText());
}
