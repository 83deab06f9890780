/**
 * Property tests: no document, however malformed, makes an editor feature throw, every range stays
 * inside the text, and the cost per line stays bounded (generous limits: these guard against
 * quadratic blow-ups, not against a slow machine).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  codeLensRange,
  codeLensSummary,
  completionsAt,
  editorDiagnostics,
  embeddedDiagnostics,
  embeddedHoverAt,
  embeddedRegions,
  fencedBlocks,
  findAnnotations,
  hoverAt,
  memoizedAnalyzer,
  quickFixes,
} from '../../../src/core/editor';
import { DEFAULT_LESSON } from '../../../src/core/spec/defaults';
import { analyzed } from './helpers';
import { hangLimitMs } from '../timeLimit';

const SPEC_PIECES = [
  'f',
  'w',
  'x',
  'b',
  'w*',
  'lr',
  '=',
  '~',
  '[',
  ']',
  '(',
  ')',
  ',',
  ';',
  ' ',
  '\n',
  '\r\n',
  '#',
  '//',
  '0.5',
  '-1',
  '1e999',
  'sigmoid',
  'normal(0, 1)',
  'compare',
  'center',
  'momentum(0.9)',
  'batch',
  'all',
  '·',
  '@',
  'preprocess',
  'samples',
  '3',
  'é',
  '\u0000',
  '"',
  '`',
];
const CODE_PIECES = [
  '# neuron:',
  '// neuron:',
  '-- neuron:',
  '% neuron:',
  ' x ~ tanh(normal(0, 1))',
  '; w = [1, 2]',
  '; w* = [2',
  'lr = 9',
  'out = w @ x + b',
  'np.dot(W, h)',
  'F.linear(x, W, b)',
  '```neuron',
  '```python',
  '~~~',
  '```',
  '\n',
  '\r\n',
  '    ',
  '"',
  "'",
  '@',
  'W.T',
  '+ b',
  'neuron',
  ':',
];

const specText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fc.constantFrom(...SPEC_PIECES), { maxLength: 80 }).map((a) => a.join('')),
  fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(...SPEC_PIECES)), { maxLength: 6 }).map((edits) =>
    edits.reduce((t, [pos, op, piece]) => {
      const p = pos % (t.length + 1);
      return op === 0 ? t.slice(0, p) + piece + t.slice(p) : op === 1 ? t.slice(0, p) + t.slice(p + 3) : t.slice(0, p) + piece + t.slice(p + piece.length);
    }, DEFAULT_LESSON),
  ),
);
const codeText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fc.constantFrom(...CODE_PIECES), { maxLength: 60 }).map((a) => a.join('')),
);

function inBounds(text: string, r: { start: number; end: number }): void {
  assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `range ${JSON.stringify(r)} outside 0..${text.length}`);
}

/** Offsets to probe: every one for short texts, a spread otherwise. */
function offsets(text: string): number[] {
  const n = text.length;
  if (n <= 60) return Array.from({ length: n + 1 }, (_, i) => i);
  return Array.from({ length: 41 }, (_, i) => Math.round((i * n) / 40));
}

describe('editor features never throw', function () {
  this.timeout(120_000);

  it('on .neuron text: hovers, diagnostics, quick fixes, completions, lenses', () => {
    fc.assert(
      fc.property(specText, (text) => {
        const { parsed, analysis } = analyzed(text);
        const diagnostics = editorDiagnostics(parsed, analysis);
        for (const d of diagnostics) inBounds(text, d.range);
        for (const f of quickFixes(text, parsed, analysis, diagnostics)) for (const e of f.edits) inBounds(text, e.range);
        for (const o of offsets(text)) {
          const h = hoverAt(text, o, parsed, analysis);
          if (h) inBounds(text, h.range);
          inBounds(text, completionsAt(text, o).replace);
        }
        inBounds(text, codeLensRange(parsed));
        if (analysis) assert.ok(codeLensSummary(analysis).startsWith('κ = '));
      }),
      { numRuns: 150 },
    );
  });

  it('on code, Markdown and unknown languages: annotations, fences, embedded hovers and diagnostics', () => {
    const analyze = memoizedAnalyzer();
    fc.assert(
      fc.property(codeText, fc.constantFrom('python', 'javascript', 'markdown', 'lua', undefined), (text, lang) => {
        for (const a of findAnnotations(text, lang)) {
          inBounds(text, a.spec.anchor);
          for (const c of a.comments) inBounds(text, c);
        }
        for (const b of fencedBlocks(text)) {
          inBounds(text, b.content);
          inBounds(text, b.block);
        }
        embeddedRegions(text, lang);
        for (const d of embeddedDiagnostics(text, lang, analyze)) inBounds(text, d.range);
        for (const o of offsets(text)) {
          const h = embeddedHoverAt(text, o, lang, analyze, () => '[insert](command:x)');
          if (h) inBounds(text, h.range);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('at offsets outside the text', () => {
    const { parsed, analysis } = analyzed(DEFAULT_LESSON);
    for (const o of [-5, DEFAULT_LESSON.length + 10, NaN]) {
      hoverAt(DEFAULT_LESSON, o, parsed, analysis);
      completionsAt(DEFAULT_LESSON, o);
      embeddedHoverAt(DEFAULT_LESSON, o, 'python');
    }
  });
});

describe('editor features stay fast per line', function () {
  this.timeout(60_000);

  /** Milliseconds for f (best of three, to ignore a GC pause). */
  function time(f: () => void): number {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      f();
      best = Math.min(best, performance.now() - t);
    }
    return best;
  }

  it('scans a 10,000-line Python file for annotations and neurons in well under a millisecond per line', () => {
    const block = '# neuron: x ~ sigmoid(normal(0, 1)); w = [0.5, -0.5]\nout = w @ x + b\nprint("# not a comment", a % b)\nz = np.dot(W, h) + c\n\n';
    const text = block.repeat(2000);
    const analyze = memoizedAnalyzer();
    const ms = time(() => {
      embeddedRegions(text, 'python');
      embeddedHoverAt(text, text.length - 20, 'python', analyze);
    });
    assert.ok(ms / 10_000 < 0.05, `${ms} ms for 10,000 lines`);
  });

  it('scans a 10,000-line Markdown file for fences in well under a millisecond per line', () => {
    const text = '## Part\n\n```neuron\nlr = 0.1\n```\n\n```python\n# neuron: lr = 0.2\ny = w @ x\n```\n'.repeat(1000);
    const ms = time(() => fencedBlocks(text));
    assert.ok(ms / 10_000 < 0.05, `${ms} ms`);
  });

  it('bounds completion and recognition on pathological lines', () => {
    const long = 'compare = ' + 'center, '.repeat(20_000);
    assert.ok(time(() => completionsAt(long, long.length)) < hangLimitMs(100));
    const ids = 'a'.repeat(1999) + ' @';
    assert.ok(time(() => embeddedHoverAt(ids, 5, 'python')) < hangLimitMs(100));
    const nested = '['.repeat(5000) + ']'.repeat(5000);
    const { parsed, analysis } = analyzed(nested);
    assert.ok(time(() => hoverAt(nested, 2500, parsed, analysis)) < hangLimitMs(100));
  });

  it('hovers on a 10,000-line spec without re-analysing per line', () => {
    const rows = Array.from({ length: 10_000 }, (_, p) => `  [${((p * 37) % 100) / 100 + 0.01}, ${((p * 53) % 100) / 100 + 0.01}],`).join('\n');
    const text = `f = w·x + b\nx = [\n${rows}\n]\nw* = [-1, 1]\nsteps = 50\n`;
    const { parsed, analysis } = analyzed(text);
    assert.ok(parsed.spec, JSON.stringify(parsed.diagnostics.slice(0, 3)));
    const ms = time(() => {
      hoverAt(text, 2, parsed, analysis);
      hoverAt(text, text.indexOf('x = ['), parsed, analysis);
      editorDiagnostics(parsed, analysis);
    });
    assert.ok(ms < hangLimitMs(500), `${ms} ms`);
  });
});
