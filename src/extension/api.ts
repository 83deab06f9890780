import type * as vscode from 'vscode';
import type { HostMessage } from '../shared/protocol';
import type { MarkdownItLike } from './markdown/neuronFences';

/** A panel as tests and other extensions see it. */
export interface PanelInfo {
  /** The document URI, or the snapshot's key (default lesson, selection). */
  readonly key: string;
  readonly title: string;
  readonly documentUri: string | undefined;
  /** The webview said `ready` and has not been dropped since. */
  readonly ready: boolean;
  readonly visible: boolean;
  /** Messages posted to the webview, oldest first (the last 50). */
  readonly posted: readonly HostMessage[];
  /** Messages from the webview that failed the guard. */
  readonly rejected: number;
}

/** What `activate` returns. Meant for tests; stable enough for other extensions to read. */
export interface GradientGeometryApi {
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
  /** markdown-it plugin for the built-in Markdown preview: fenced ```neuron blocks become figures. */
  extendMarkdownIt<T extends MarkdownItLike>(md: T): T;
}
