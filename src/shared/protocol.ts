/**
 * The host ↔ webview message contract, imported by both sides. Every message has a string `type`
 * tag. Messages from the webview are untrusted input: the host accepts them only through
 * `isWebviewMessage`, which checks every field.
 *
 * Pure TypeScript: no vscode, no DOM.
 */
import type { Analysis } from '../core/analysis/types';

/** A located problem, as the panel's error banner shows it (one-based line and column). */
export interface PanelError {
  readonly code: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** Host → webview. */
export type HostMessage =
  | {
      readonly type: 'analysis';
      /** Document version the analysis was computed from (later versions win). */
      readonly version: number;
      /** Panel title / source name, e.g. "lesson.neuron". */
      readonly source: string;
      /** URI of the document shown (absent for the default lesson and selections): keep it in the state, see `PersistedPanelState`. */
      readonly documentUri?: string;
      readonly analysis: Analysis;
    }
  | {
      /** The spec has errors: keep the last good picture and show the first error. */
      readonly type: 'specErrors';
      readonly version: number;
      readonly source: string;
      /** As in 'analysis'. */
      readonly documentUri?: string;
      readonly errors: readonly PanelError[];
    }
  | {
      /** Settings that affect the view (sent on ready and when they change). */
      readonly type: 'settings';
      readonly animationStepsPerSecond: number;
    };

/** Webview → host. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'revealError'; readonly line: number; readonly column: number }
  | { readonly type: 'log'; readonly level: 'info' | 'error'; readonly text: string };

/** Upper bound for text the webview may send, so a hostile page cannot flood the host. */
const MAX_TEXT = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLineNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10_000_000;
}

/** Runtime guard for everything the webview sends. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return true;
    case 'revealError':
      return isLineNumber(value.line) && isLineNumber(value.column);
    case 'log':
      return (value.level === 'info' || value.level === 'error') && typeof value.text === 'string' && value.text.length <= MAX_TEXT;
    default:
      return false;
  }
}

/**
 * What the webview keeps with `vscode.setState` so that the host's `WebviewPanelSerializer` can
 * restore the panel after a window reload: the `documentUri` of the last 'analysis' or
 * 'specErrors' message (absent: the panel is restored with the default lesson). The webview may
 * keep more fields (zoom, play position, toggles); the host reads only this one, through
 * `persistedDocumentUri`, because the state comes back from the webview and is untrusted.
 */
export interface PersistedPanelState {
  readonly documentUri?: string;
}

/** The document URI from a restored webview state, or undefined when there is none or it is malformed. */
export function persistedDocumentUri(state: unknown): string | undefined {
  if (!isRecord(state)) return undefined;
  const uri = state.documentUri;
  return typeof uri === 'string' && uri.length > 0 && uri.length <= MAX_TEXT ? uri : undefined;
}

/** Exhaustiveness check for switches over message unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
