import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { assertNever, isWebviewMessage } from '../../shared/protocol';
import type { HostMessage, PanelRequest, WebviewMessage } from '../../shared/protocol';
import type { StatementKey } from '../../core/spec/types';

/**
 * Messages kept per panel for the extension-host tests (test mode only: an analysis message of a
 * large lesson is megabytes); older ones are dropped.
 */
const HISTORY = 50;

/**
 * The typed channel to one webview. Posts only after the webview said `ready` (it says so again
 * after every reload, e.g. when a hidden panel is shown again), and lets through only messages
 * that pass `isWebviewMessage`: everything a webview sends is untrusted.
 */
export class PanelMessenger extends Disposable {
  private ready = false;
  private rejectedCount = 0;
  private readonly history: HostMessage[] = [];

  private readonly readyEmitter = this.register(new vscode.EventEmitter<void>());
  /** The webview (re)loaded and can receive messages: send it the whole current state. */
  readonly onReady = this.readyEmitter.event;
  private readonly revealEmitter = this.register(new vscode.EventEmitter<{ line: number; column: number }>());
  /** The user clicked the error link: one-based line and column. */
  readonly onRevealError = this.revealEmitter.event;
  private readonly revealStatementEmitter = this.register(new vscode.EventEmitter<{ key: StatementKey; row?: number }>());
  /** The user activated a part of the picture: select the statement that set it (already validated). */
  readonly onRevealStatement = this.revealStatementEmitter.event;
  private readonly requestEmitter = this.register(new vscode.EventEmitter<PanelRequest>());
  /** The webview asks to write control changes into the document or to save an export (already validated). */
  readonly onRequest = this.requestEmitter.event;
  private readonly viewportEmitter = this.register(new vscode.EventEmitter<{ id: number; width: number; height: number }>());
  /** The webview answered a 'measure' request with its viewport size (already validated). */
  readonly onViewport = this.viewportEmitter.event;
  private readonly postEmitter = this.register(new vscode.EventEmitter<HostMessage>());
  readonly onDidPost = this.postEmitter.event;

  /** `keepPosted`: keep the last posted messages for `posted` (tests); otherwise `posted` stays empty. */
  constructor(
    private readonly webview: vscode.Webview,
    private readonly log: vscode.LogOutputChannel,
    private readonly keepPosted = false,
  ) {
    super();
    this.register(webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
  }

  get isReady(): boolean {
    return this.ready;
  }

  get rejected(): number {
    return this.rejectedCount;
  }

  get posted(): readonly HostMessage[] {
    return this.history;
  }

  /** The webview's page is gone (hidden without retained context, or its HTML replaced). */
  markNotReady(): void {
    this.ready = false;
  }

  /** Posts when the webview is ready; returns whether the message was sent. */
  async post(message: HostMessage): Promise<boolean> {
    if (!this.ready || this.isDisposed) return false;
    const delivered = await this.webview.postMessage(message);
    if (delivered) {
      if (this.keepPosted) {
        this.history.push(message);
        if (this.history.length > HISTORY) this.history.shift();
      }
      this.postEmitter.fire(message);
    }
    return delivered;
  }

  /** Entry point for everything the webview sends (public so tests can inject untrusted input). */
  receive(raw: unknown): void {
    if (!isWebviewMessage(raw)) {
      this.rejectedCount++;
      this.log.warn(`Ignored a malformed message from the webview: ${describe(raw)}`);
      return;
    }
    this.handle(raw);
  }

  private handle(message: WebviewMessage): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.readyEmitter.fire();
        return;
      case 'revealError':
        this.revealEmitter.fire({ line: message.line, column: message.column });
        return;
      case 'revealStatement':
        this.revealStatementEmitter.fire(message.row === undefined ? { key: message.key } : { key: message.key, row: message.row });
        return;
      case 'log':
        if (message.level === 'error') this.log.error(`webview: ${message.text}`);
        else this.log.info(`webview: ${message.text}`);
        return;
      case 'viewport':
        this.viewportEmitter.fire({ id: message.id, width: message.width, height: message.height });
        return;
      case 'writeSpec':
      case 'export':
        this.requestEmitter.fire(message);
        return;
      default:
        assertNever(message);
    }
  }
}

/** A short, safe description of an untrusted value for the log. */
function describe(raw: unknown): string {
  try {
    const text = JSON.stringify(raw) ?? String(raw);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return typeof raw;
  }
}
