/**
 * Shapes the pure editor features return. They speak in UTF-16 offsets (`SourceRange`) into the
 * text they were given; the VS Code providers convert offsets to positions and nothing else.
 */
import type { SourceRange } from '../diagnostics';

/** Hover content: trusted Markdown built by the core (document text inside is escaped). */
export interface HoverContent {
  readonly markdown: string;
  /** The part of the text the hover explains. */
  readonly range: SourceRange;
}

/** One text replacement: `range` (possibly empty, for an insertion) becomes `newText`. */
export interface TextEdit {
  readonly range: SourceRange;
  readonly newText: string;
}

/** A quick fix: a title for the lightbulb menu and the edits it makes. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The diagnostic code this fix answers, if any. */
  readonly diagnosticCode?: string;
  /** Whether this is the obvious fix (VS Code's `isPreferred`). */
  readonly preferred?: boolean;
}

export type CompletionKind = 'statement' | 'function' | 'optimizer' | 'loss' | 'preprocess' | 'compare' | 'value' | 'snippet';

/** A completion proposal; `insertText` uses VS Code snippet syntax when `isSnippet`. */
export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly insertText: string;
  readonly isSnippet: boolean;
  /** One-line description shown beside the label. */
  readonly detail: string;
  /** Markdown documentation. */
  readonly documentation: string;
  /** Sort key: lower first. */
  readonly sortText?: string;
}
