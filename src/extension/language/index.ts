// Editor intelligence in VS Code: thin providers over src/core/editor. One entry point, called
// once from extension.ts.
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
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
 * falls back to the plain show command. Every analysis comes from `service` (the worker the panel
 * uses too), folding included; completions read the text around the cursor directly (bounded by a line).
 * Returns one Disposable for everything.
 */
export function registerLanguageFeatures(service: AnalysisService, showSource?: ShowSource, dataChanged?: vscode.Event<void>): vscode.Disposable {
  const lenses = new CodeLensProvider(service);
  const diagnostics = new DiagnosticsProvider(service);
  return vscode.Disposable.from(
    diagnostics,
    // A data file a spec reads changed (or finished loading): its diagnostics and lenses follow.
    dataChanged?.(() => {
      diagnostics.refreshAll();
      lenses.refresh();
    }) ?? { dispose: () => {} },
    lenses,
    vscode.languages.registerHoverProvider(ALL, new HoverProvider(service)),
    vscode.languages.registerCodeActionsProvider(ALL, new CodeActionProvider(service), CodeActionProvider.metadata),
    vscode.languages.registerCompletionItemProvider(ALL, new CompletionProvider(), ...COMPLETION_TRIGGERS),
    vscode.languages.registerCodeLensProvider(ALL, lenses),
    vscode.languages.registerFoldingRangeProvider(NEURON_SELECTOR, new FoldingProvider(service)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('gradientGeometry')) lenses.refresh();
    }),
    registerCommands(showSource),
  );
}
