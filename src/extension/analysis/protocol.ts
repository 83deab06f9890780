// The messages between the extension host and the analysis worker. Plain data only (structured
// clone); offsets are UTF-16 offsets into the document's text, as the pure core speaks them.
import type { Diagnostic, SourceRange } from '../../core/diagnostics';
import type { FoldingRange, HoverContent, TextEdit } from '../../core/editor';
import type { StatementKey } from '../../core/spec/types';
import type { HostMessage, PanelError } from '../../shared/protocol';

type AnalysisMessage = Extract<HostMessage, { type: 'analysis' }>;

/** The 'analysis' message as the worker builds it (runs' paths in typed columns, analysisWire.ts), without the fields the panel adds. */
export type PanelAnalysisPayload = Pick<AnalysisMessage, 'analysis' | 'spec' | 'statementLines'>;

/**
 * One version of one document (or of a panel's snapshot text). `text` travels only when the
 * worker does not hold this version yet; the worker answers `missing` when it needs it.
 */
export interface DocumentRef {
  readonly key: string;
  readonly version: number;
  readonly languageId: string;
  /** gradientGeometry.defaultSteps: part of what an analysis depends on. */
  readonly defaultSteps: number;
  /** Whether the text is a spec (a .neuron file, a panel's text) or a document with embedded specs. */
  readonly kind: 'spec' | 'embedded';
  readonly text?: string;
  /** The data files' version (analysis/dataFiles.ts stamp): with the text, what an analysis depends on. */
  readonly dataStamp?: number;
  /** The bytes of the data files the text names, by path as written (sent with the text). */
  readonly files?: Readonly<Record<string, Uint8Array>>;
}

/** A quick fix with its edits in document offsets. */
export interface CodeActionData {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred?: boolean;
  readonly diagnosticCode?: string;
}

export interface CodeLensData {
  readonly range: SourceRange;
  readonly title: string;
  /** Embedded spec number (absent for a .neuron file's lens). */
  readonly index?: number;
}

/** The panel's view of one version: the packed analysis message's body, or the errors that prevent one. */
export type PanelResult =
  | { readonly kind: 'analysis'; readonly payload: PanelAnalysisPayload }
  | { readonly kind: 'errors'; readonly errors: readonly PanelError[] };

/** What the host asks; each answer is `WorkerResponse` with the same id. */
export type WorkerRequest =
  | { readonly id: number; readonly kind: 'diagnostics'; readonly doc: DocumentRef }
  | { readonly id: number; readonly kind: 'hover'; readonly doc: DocumentRef; readonly offset: number; readonly uri: string }
  | { readonly id: number; readonly kind: 'codeLenses'; readonly doc: DocumentRef }
  | { readonly id: number; readonly kind: 'codeActions'; readonly doc: DocumentRef; readonly range: SourceRange }
  | { readonly id: number; readonly kind: 'panel'; readonly doc: DocumentRef }
  | { readonly id: number; readonly kind: 'statements'; readonly doc: DocumentRef }
  /** Folding ranges (no analysis: a linear scan, but ~140 ms for an 8 MB text). */
  | { readonly id: number; readonly kind: 'folding'; readonly doc: DocumentRef }
  | { readonly id: number; readonly kind: 'close'; readonly key: string }
  | { readonly id: number; readonly kind: 'stats' };

/** The statement ranges the panel needs to follow the cursor and reveal a statement (no element ranges). */
export type StatementSpans = Partial<Record<StatementKey, { readonly statement: SourceRange; readonly rows?: readonly SourceRange[] }>>;

/** What the worker holds and has done (test hooks and logs). */
export interface WorkerStats {
  /** Whole-text analyses (parse + analyse) run, in total and per document key. */
  readonly analyses: number;
  readonly analysesByKey: Readonly<Record<string, number>>;
  readonly documents: number;
  readonly cachedBytes: number;
  readonly embeddedCacheBytes: number;
  readonly heapUsed?: number;
}

export interface ResultOf {
  diagnostics: readonly Diagnostic[];
  hover: HoverContent | undefined;
  codeLenses: readonly CodeLensData[];
  codeActions: readonly CodeActionData[];
  panel: PanelResult;
  statements: StatementSpans;
  folding: readonly FoldingRange[];
  close: null;
  stats: WorkerStats;
}

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  /** missing: send the text again; stale: a newer version of the document is already held. */
  | { readonly id: number; readonly ok: false; readonly reason: 'missing' | 'stale' | 'error'; readonly message?: string };
