/**
 * Fenced code blocks in Markdown (CommonMark: a line of three or more backticks or tildes,
 * indented at most three spaces, closed by a fence of the same character at least as long;
 * an unclosed block runs to the end). ```neuron blocks are specs; other blocks are scanned for
 * `neuron:` annotations in their own language. One pass over the lines.
 */
import type { SourceRange } from '../../diagnostics';
import { type Annotation, findAnnotations } from './lineComments';
import { type EmbeddedSpec, embedPieces } from './embeddedSpec';

/** One fenced block: its info string's first word and the range of its content lines. */
export interface FencedBlock {
  /** The language named after the fence (lower case), or '' when none. */
  readonly language: string;
  /** From the first content line's start to the last content line's end. */
  readonly content: SourceRange;
  /** The whole block, fences included. */
  readonly block: SourceRange;
}

const OPEN = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;

/** Every fenced block of a Markdown text. */
export function fencedBlocks(text: string): FencedBlock[] {
  const out: FencedBlock[] = [];
  let open: { fence: string; language: string; block: number; content: number } | undefined;
  let previousEnd = 0;
  let s = 0;
  while (s <= text.length) {
    let e = s;
    while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
    const line = text.slice(s, Math.min(e, s + 400));
    if (open) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1][0] === open.fence[0] && close[1].length >= open.fence.length) {
        // Content: the lines strictly between the fences (empty when there are none).
        const end = s > open.content ? previousEnd : open.content;
        out.push({ language: open.language, content: { start: open.content, end }, block: { start: open.block, end: e } });
        open = undefined;
      }
    } else {
      const m = OPEN.exec(line);
      if (m && !(m[1][0] === '`' && line.slice(m[0].length).includes('`'))) {
        const next = e < text.length ? (text[e] === '\r' && text[e + 1] === '\n' ? e + 2 : e + 1) : e;
        open = { fence: m[1], language: m[2].toLowerCase(), block: s, content: next };
      }
    }
    previousEnd = e;
    if (e >= text.length) break;
    s = text[e] === '\r' && text[e + 1] === '\n' ? e + 2 : e + 1;
  }
  if (open)
    out.push({
      language: open.language,
      content: { start: Math.min(open.content, text.length), end: text.length },
      block: { start: open.block, end: text.length },
    });
  return out;
}

/** A ```neuron block as an embedded spec (one piece: offsets shift, nothing else). */
export function fenceSpec(text: string, block: FencedBlock): EmbeddedSpec {
  return embedPieces([block.content], text, { start: block.block.start, end: block.block.start });
}

/** The ```neuron blocks of a Markdown text. */
export function neuronFences(text: string): FencedBlock[] {
  return fencedBlocks(text).filter((b) => b.language === 'neuron');
}

/** `neuron:` annotations inside the other fenced blocks, each read in its block's language. */
export function fencedAnnotations(text: string): Annotation[] {
  const out: Annotation[] = [];
  for (const b of fencedBlocks(text)) {
    if (b.language === 'neuron' || b.content.end <= b.content.start) continue;
    out.push(...findAnnotations(text, languageOfFence(b.language), b.content.start, b.content.end));
  }
  return out;
}

/** Fence info words → VS Code language ids (py → python, js → javascript, …). */
export function languageOfFence(word: string): string | undefined {
  const aliases: Record<string, string> = {
    py: 'python',
    python3: 'python',
    ipython: 'python',
    js: 'javascript',
    ts: 'typescript',
    sh: 'shellscript',
    bash: 'shellscript',
    jl: 'julia',
    m: 'matlab',
  };
  if (word === '') return undefined;
  return Object.prototype.hasOwnProperty.call(aliases, word) ? aliases[word] : word;
}
