// Editor intelligence in VS Code: thin providers over src/core/editor. One entry point, called
// once from extension.ts.
import * as vscode from 'vscode';
import { AnalysisCache } from './analysisCache';
import { CodeActionProvider } from './codeActionProvider';
import { CodeLensProvider } from './codeLensProvider';
import { registerCommands, type ShowSource } from './commands';
import { COMPLETION_TRIGGERS, CompletionProvider } from './completionProvider';
import { DiagnosticsProvider } from './diagnosticsProvider';
import { FoldingProvider } from './foldingProvider';
import { HoverProvider } from './hoverProvider';
import { EMBEDDED_SELECTOR, NEURON_SELECTOR } from './selectors';

const ALL: vscode.DocumentSelector = [...(NEURON_SELECTOR as vscode.DocumentFilter[]), ...(EMBEDDED_SELECTOR as vscode.DocumentFilter[])];

/**
 * Registers diagnostics, hovers, quick fixes, completions, CodeLens (and folding, `.neuron` only) for `.neuron` files and for
 * specs embedded in Python, JavaScript/TypeScript, Markdown and notebook cells. `showSource` opens
 * a panel for an embedded spec (the panel manager's `show`); without it the embedded CodeLens
 * falls back to the plain show command. Returns one Disposable for everything.
 */
export function registerLanguageFeatures(_context: vscode.ExtensionContext, showSource?: ShowSource): vscode.Disposable {
  const cache = new AnalysisCache();
  const lenses = new CodeLensProvider(cache);
  return vscode.Disposable.from(
    new DiagnosticsProvider(cache),
    lenses,
    vscode.languages.registerHoverProvider(ALL, new HoverProvider(cache)),
    vscode.languages.registerCodeActionsProvider(ALL, new CodeActionProvider(cache), CodeActionProvider.metadata),
    vscode.languages.registerCompletionItemProvider(ALL, new CompletionProvider(), ...COMPLETION_TRIGGERS),
    vscode.languages.registerCodeLensProvider(ALL, lenses),
    vscode.languages.registerFoldingRangeProvider(NEURON_SELECTOR, new FoldingProvider()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('gradientGeometry')) lenses.refresh();
    }),
    registerCommands(showSource),
  );
}
