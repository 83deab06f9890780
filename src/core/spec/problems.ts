/**
 * Collects diagnostics while parsing. Caps their number so a megabyte of garbage cannot produce a
 * megabyte of messages (the cap is reported once, as GG199).
 */
import type { Diagnostic, Severity, SourceRange } from '../diagnostics';
import { CODES, type DiagnosticCode } from './codes';

/** Beyond this many diagnostics, further ones are dropped. */
export const MAX_DIAGNOSTICS = 500;

export class Problems {
  readonly list: Diagnostic[] = [];
  private errors = 0;
  private capped = false;

  get hasErrors(): boolean {
    return this.errors > 0;
  }

  /** Errors reported so far (including any dropped past the cap). */
  get errorCount(): number {
    return this.errors;
  }

  error(code: DiagnosticCode, range: SourceRange, message: string, suggestion?: string): void {
    this.add('error', code, range, message, suggestion);
  }

  warning(code: DiagnosticCode, range: SourceRange, message: string): void {
    this.add('warning', code, range, message);
  }

  private add(severity: Severity, code: DiagnosticCode, range: SourceRange, message: string, suggestion?: string): void {
    // Errors are counted even past the cap: `spec` must stay undefined whatever was dropped.
    if (severity === 'error') this.errors++;
    if (this.list.length >= MAX_DIAGNOSTICS) {
      if (!this.capped) {
        this.capped = true;
        this.list.push({
          code: CODES.tooManyProblems,
          severity: 'info',
          message: `More than ${MAX_DIAGNOSTICS} problems; the rest are not shown.`,
          range: { start: range.start, end: range.start },
        });
      }
      return;
    }
    const d: Diagnostic = suggestion === undefined ? { code, severity, message, range } : { code, severity, message, range, suggestion };
    this.list.push(d);
  }

  /** Diagnostics in text order (stable for equal offsets). */
  sorted(): Diagnostic[] {
    return this.list
      .map((d, i) => ({ d, i }))
      .sort((a, b) => a.d.range.start - b.d.range.start || a.i - b.i)
      .map((e) => e.d);
  }
}
