/**
 * `neuron:` annotations in line comments of other languages (`#`, `//`, `--`, `%`):
 *
 *   # neuron: x ~ sigmoid(normal(0, 1)); w = [0.5, -0.5]; w* = [-1, 1]
 *   out = w @ x + b
 *
 * An annotation explains the code on its own line, or — when the comment stands alone — the next
 * line with code (blank lines and ordinary comments skipped). Consecutive `neuron:` comment lines
 * form one spec, one statement group per line; statements inside a line are separated by `;`.
 * One pass over the lines: linear in the text length.
 */
import type { SourceRange } from '../../diagnostics';
import { type EmbeddedSpec, embedPieces } from './embeddedSpec';
import { type NeuronExpression, neuronExpressionsInLine } from './neuronExpressions';

export type CommentMarker = '#' | '//' | '--' | '%';

const ALL_MARKERS: readonly CommentMarker[] = ['#', '//', '--', '%'];

const BY_LANGUAGE = new Map<string, readonly CommentMarker[]>();
function assign(ids: readonly string[], markers: readonly CommentMarker[]): void {
  for (const id of ids) BY_LANGUAGE.set(id, markers);
}
assign(
  ['python', 'r', 'shellscript', 'ruby', 'perl', 'julia', 'yaml', 'toml', 'makefile', 'powershell', 'elixir', 'nim', 'coffeescript', 'dockerfile', 'cmake'],
  ['#'],
);
assign(
  [
    'javascript',
    'typescript',
    'javascriptreact',
    'typescriptreact',
    'c',
    'cpp',
    'csharp',
    'java',
    'go',
    'rust',
    'swift',
    'kotlin',
    'scala',
    'dart',
    'jsonc',
    'fsharp',
    'zig',
    'groovy',
    'cuda-cpp',
    'objective-c',
    'wgsl',
    'glsl',
  ],
  ['//'],
);
assign(['lua', 'sql', 'haskell', 'ada', 'elm', 'purescript', 'vhdl'], ['--']);
assign(['matlab', 'octave', 'latex', 'tex', 'erlang', 'prolog'], ['%']);
assign(['php'], ['//', '#']);

/** The line-comment markers of a VS Code language id; every marker for unknown languages. */
export function commentMarkers(languageId: string | undefined): readonly CommentMarker[] {
  return (languageId !== undefined ? BY_LANGUAGE.get(languageId) : undefined) ?? ALL_MARKERS;
}

/** One annotation: its spec, its comments, and the code it explains. */
export interface Annotation {
  readonly spec: EmbeddedSpec;
  /** Each `neuron:` comment, from its marker to the end of its line. */
  readonly comments: readonly SourceRange[];
  /** The annotated code (trimmed, trailing comment excluded), if any. */
  readonly expression?: SourceRange;
  /** The neuron expression recognised inside `expression`, if any. */
  readonly neuron?: NeuronExpression;
}

interface Line {
  readonly start: number;
  readonly end: number;
  /** Offset of the line comment's marker, or −1. */
  readonly comment: number;
  /** Offset just after `neuron:` when the comment is an annotation, or −1. */
  readonly spec: number;
  /** Code before the comment, trimmed (empty range when none). */
  readonly code: SourceRange;
}

/** Where the line comment starts: the first marker outside a string literal ('…', "…", `…`). */
function commentStart(text: string, start: number, end: number, markers: readonly CommentMarker[]): number {
  let quote = '';
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      continue;
    }
    for (const m of markers) if (text.startsWith(m, i)) return i;
  }
  return -1;
}

const NEURON = /^[#/%-]*\s*neuron\s*:/;

function scanLine(text: string, start: number, end: number, markers: readonly CommentMarker[]): Line {
  const comment = commentStart(text, start, end, markers);
  let spec = -1;
  if (comment >= 0) {
    const m = NEURON.exec(text.slice(comment, Math.min(end, comment + 64)));
    if (m) spec = comment + m[0].length;
  }
  let cs = start;
  let ce = comment >= 0 ? comment : end;
  while (cs < ce && /\s/.test(text[cs])) cs++;
  while (ce > cs && /\s/.test(text[ce - 1])) ce--;
  return { start, end, comment, spec, code: { start: cs, end: ce } };
}

/** How far below a standalone annotation the annotated code may be. */
const LOOKAHEAD = 20;

/** A `neuron:` spec appended with `f = w·x` when the recognised code has no bias and the spec names no model. */
function modelTail(specText: string, neuron: NeuronExpression | undefined): string {
  if (!neuron || neuron.hasBias || /(^|[;\n])\s*(f|model)\s*=/.test(specText)) return '';
  return '\nf = w·x';
}

/**
 * Every annotation in `text[from, to)` (the whole text by default), for the comment markers of
 * `languageId`. Offsets are into `text`.
 */
export function findAnnotations(text: string, languageId?: string, from = 0, to = text.length): Annotation[] {
  const markers = commentMarkers(languageId);
  const lines: Line[] = [];
  for (let s = Math.max(0, from); s <= to; ) {
    let e = s;
    while (e < to && text[e] !== '\n' && text[e] !== '\r') e++;
    lines.push(scanLine(text, s, e, markers));
    if (e >= to) break;
    s = text[e] === '\r' && text[e + 1] === '\n' ? e + 2 : e + 1;
  }
  const out: Annotation[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (line.spec < 0) continue;
    const pieces: SourceRange[] = [{ start: line.spec, end: line.end }];
    const comments: SourceRange[] = [{ start: line.comment, end: line.end }];
    let code: SourceRange | undefined;
    if (line.code.end > line.code.start) {
      code = line.code;
    } else {
      while (k + 1 < lines.length && lines[k + 1].spec >= 0 && lines[k + 1].code.end === lines[k + 1].code.start) {
        k++;
        pieces.push({ start: lines[k].spec, end: lines[k].end });
        comments.push({ start: lines[k].comment, end: lines[k].end });
      }
      for (let j = k + 1; j < lines.length && j <= k + LOOKAHEAD; j++) {
        const next = lines[j];
        if (next.spec >= 0) break;
        if (next.code.end > next.code.start) {
          code = next.code;
          break;
        }
      }
    }
    const neuron = code ? neuronExpressionsInLine(text.slice(code.start, code.end), code.start)[0] : undefined;
    const specText = pieces.map((p) => text.slice(p.start, p.end)).join('\n');
    const anchor = code ?? comments[0];
    out.push({ spec: embedPieces(pieces, text, anchor, '\n', modelTail(specText, neuron)), comments, expression: code, neuron });
  }
  return out;
}
