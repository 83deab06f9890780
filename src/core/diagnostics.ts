/**
 * Source positions and diagnostics shared by the parser, the semantic checks and every consumer
 * (CLI, editor diagnostics, the panel's error banner). Offsets are UTF-16 code-unit offsets into
 * the document text, as VS Code's `TextDocument.positionAt` expects.
 */

/** A half-open range of UTF-16 offsets `[start, end)` into the source text. */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** One problem found in a spec: located, coded and worded as "what was expected". */
export interface Diagnostic {
  /** Stable code, e.g. `GG101`; documented in docs/spec-language.md. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: SourceRange;
  /** Machine-readable hint for quick fixes (e.g. the "did you mean" name). */
  readonly suggestion?: string;
}

/** Zero-based line and UTF-16 column. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps offsets to zero-based line/column in O(log lines) after an O(length) scan.
 * Line breaks are `\n`, `\r\n` and lone `\r`, as in VS Code.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset → zero-based line and column; offsets are clamped to the text. */
  positionAt(offset: number): LineColumn {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: o - this.lineStarts[lo] };
  }

  /** Zero-based line → offset of its first character. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }
}

/** `file:line:col: severity code: message` with one-based line and column, as compilers print. */
export function formatDiagnostic(file: string, index: LineIndex, d: Diagnostic): string {
  const p = index.positionAt(d.range.start);
  return `${file}:${p.line + 1}:${p.column + 1}: ${d.severity} ${d.code}: ${d.message}`;
}
