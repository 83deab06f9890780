/**
 * The webview side of VS Code's messaging: `acquireVsCodeApi` (callable once per page) wrapped in a
 * small typed transport, so the rest of the view never touches the raw API and tests can stand in
 * for it.
 */
import type { WebviewMessage } from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface Host {
  post(message: WebviewMessage): void;
  /** The state saved before a reload (untrusted: validate it). */
  loadState(): unknown;
  saveState(state: unknown): void;
}

export function connectToHost(): Host {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    loadState: () => api.getState(),
    saveState: (state) => api.setState(state),
  };
}
