import type * as vscode from 'vscode';
import type { HostMessage } from '../shared/protocol';
import type { HostStats } from './analysis/analysisService';
import type { WorkerStats } from './analysis/protocol';
import type { MarkdownItLike } from './markdown/neuronFences';
import type { RenderedReport } from './notebook';

/** A panel as tests and other extensions see it. */
export interface PanelInfo {
  /** The document URI, or the snapshot's key (default lesson, selection). */
  readonly key: string;
  readonly title: string;
  readonly documentUri: string | undefined;
  /** The webview said `ready` and has not been dropped since. */
  readonly ready: boolean;
  readonly visible: boolean;
  /** Messages posted to the webview, oldest first (the last 50; kept in test mode only). */
  readonly posted: readonly HostMessage[];
  /** Messages from the webview that failed the guard. */
  readonly rejected: number;
}

/** What `activate` returns outside tests: the Markdown preview's plugin, nothing else. */
export interface PublicApi {
  /** markdown-it plugin for the built-in Markdown preview: fenced ```neuron blocks become figures. */
  extendMarkdownIt<T extends MarkdownItLike>(md: T): T;
}

/**
 * What `activate` returns when the extension runs under tests (`ExtensionMode.Test`): the public
 * API and the hooks the extension-host suite reads. Not exported to other extensions otherwise.
 */
export interface GradientGeometryApi extends PublicApi {
  panels(): PanelInfo[];
  /** Fires after a message reached a webview. */
  readonly onDidPost: vscode.Event<{ readonly key: string; readonly message: HostMessage }>;
  /** Feeds a message to a panel as if its webview had sent it (untrusted input path). */
  simulateWebviewMessage(key: string, message: unknown): boolean;
  /**
   * Restores a panel from a webview state as the serializer does after a window reload (the state
   * is untrusted input); returns the restored panel's key, or undefined when it was not kept.
   */
  restorePanel(state: unknown): Promise<string | undefined>;
  /** What the analysis worker holds and has done (analyses per document key), and the host's counters. */
  analysisStats(): Promise<{ readonly worker: WorkerStats | undefined; readonly host: HostStats }>;
  /** What the notebook renderer reported it drew, oldest first (the last 50). */
  notebookRenders(): readonly RenderedReport[];
}
