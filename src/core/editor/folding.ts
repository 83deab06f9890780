/**
 * Folding ranges of a `.neuron` text, independent of indentation: a bracketed value that spans
 * lines (`x = [` … `]`), a block of two or more comment lines, and `# region` … `# endregion`.
 * Pure and linear in the text; brackets inside comments do not count, unbalanced ones are ignored.
 */

export type FoldingKind = 'comment' | 'region';

/** Zero-based first and last line to fold (the first stays visible, like VS Code's own ranges). */
export interface FoldingRange {
  readonly start: number;
  readonly end: number;
  readonly kind?: FoldingKind;
}

const REGION_START = /^\s*(?:#|\/\/)\s*region\b/;
const REGION_END = /^\s*(?:#|\/\/)\s*endregion\b/;
const COMMENT_LINE = /^\s*(?:#|\/\/)/;
/** Deeper nesting than this is not folded (no spec needs it; keeps the stack bounded). */
const MAX_DEPTH = 1000;

export function foldingRanges(text: string): FoldingRange[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: FoldingRange[] = [];
  const brackets: number[] = [];
  const regions: number[] = [];
  let commentRun = -1;
  const endComments = (line: number): void => {
    if (commentRun >= 0 && line - 1 > commentRun) out.push({ start: commentRun, end: line - 1, kind: 'comment' });
    commentRun = -1;
  };
  for (let line = 0; line < lines.length; line++) {
    const s = lines[line];
    if (REGION_START.test(s)) {
      endComments(line);
      regions.push(line);
      continue;
    }
    if (REGION_END.test(s)) {
      endComments(line);
      const start = regions.pop();
      if (start !== undefined && line > start) out.push({ start, end: line, kind: 'region' });
      continue;
    }
    if (COMMENT_LINE.test(s)) {
      if (commentRun < 0) commentRun = line;
      continue;
    }
    endComments(line);
    const firstText = s.search(/\S/);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 35 /* # */ || (c === 47 /* / */ && s.charCodeAt(i + 1) === 47)) break;
      if (c === 91 /* [ */ || c === 40 /* ( */) {
        if (brackets.length < MAX_DEPTH) brackets.push(line);
      } else if (c === 93 /* ] */ || c === 41 /* ) */) {
        const start = brackets.pop();
        if (start === undefined) continue;
        // A closing bracket that starts its line stays visible below the fold.
        const end = i === firstText ? line - 1 : line;
        if (end > start) out.push({ start, end });
      }
    }
  }
  endComments(lines.length);
  // One range per first line: the widest (VS Code keeps one fold per line anyway).
  const byStart = new Map<number, FoldingRange>();
  for (const r of out) {
    const had = byStart.get(r.start);
    if (!had || r.end > had.end) byStart.set(r.start, r);
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}
