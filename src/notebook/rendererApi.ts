/**
 * The part of VS Code's notebook renderer API (the `vscode-notebook-renderer` contract) this
 * renderer uses, typed here so the renderer needs no extra package.
 */

/** One output item handed to the renderer. */
export interface OutputItem {
  readonly id: string;
  readonly mime: string;
  json(): unknown;
  text(): string;
}

/** What VS Code passes to `activate`. `postMessage` exists when renderer messaging is available. */
export interface RendererContext {
  postMessage?(message: unknown): void;
}

export interface RendererApi {
  renderOutputItem(item: OutputItem, element: HTMLElement, signal: AbortSignal): void;
  disposeOutputItem?(id?: string): void;
}

export type ActivationFunction = (context: RendererContext) => RendererApi;
