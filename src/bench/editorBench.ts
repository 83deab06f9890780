/**
 * Editor latency on a 10,000-line document (issue 5): what a keystroke costs (parse, analyse,
 * diagnostics with hints) and what a hover costs, in a .neuron file and in a Python file full of
 * `neuron:` annotations. The providers memoise analyses by text, so a repeated hover is cached.
 */
import { editorDiagnostics, embeddedDiagnostics, embeddedHoverAt, hoverAt, memoizedAnalyzer } from '../core/editor';
import { analyzeSpec } from '../core/analysis/analyze';
import { parseSpec } from '../core/spec/parse';

type Timer = (fn: () => unknown, reps: number) => number;

/** A valid .neuron document of `lines` lines: a model line, a few statements, then rows of x and y. */
function neuronDocument(lines: number): string {
  const rows = lines - 8;
  const x = Array.from({ length: rows }, (_, p) => `  [${(0.1 + ((p * 7) % 80) / 100).toFixed(2)}, ${(0.1 + ((p * 13) % 80) / 100).toFixed(2)}],`);
  const y = Array.from({ length: rows }, (_, p) => ((p % 10) / 10).toFixed(1)).join(', ');
  return ['f = w·x + b', 'w = [1.5, -0.5]', 'lr = 0.5', 'batch = 1', 'steps = 100', 'x = [', ...x, ']', `y = [${y}]`].join('\n');
}

/** A Python file of `lines` lines with an annotated neuron every five lines. */
function pythonDocument(lines: number): string {
  const out: string[] = [];
  for (let k = 0; out.length < lines; k++) {
    out.push(`# neuron: x ~ sigmoid(normal(0, 1)); w = [${(0.5 + (k % 3) / 10).toFixed(1)}, -0.5]; w* = [-1, 1]; steps = 50`);
    out.push('out = w @ x + b', 'loss = 0.5 * (out - y) ** 2', 'grad = (out - y) * x', '');
  }
  return out.join('\n');
}

export function editorTable(time: Timer): void {
  console.log('\n## Editor (10,000-line documents; ms, median)');
  const neuron = neuronDocument(10_000);
  const keystroke = time(() => {
    const parsed = parseSpec(neuron);
    const analysis = parsed.spec ? analyzeSpec(parsed.spec) : undefined;
    return editorDiagnostics(parsed, analysis);
  }, 5);
  const parsed = parseSpec(neuron);
  const analysis = parsed.spec ? analyzeSpec(parsed.spec) : undefined;
  const hover = time(() => hoverAt(neuron, 2, parsed, analysis), 21);
  console.log(`.neuron, ${neuron.length} chars: parse + analyse + diagnostics ${keystroke.toFixed(1)} ms; model hover ${hover.toFixed(2)} ms`);

  const python = pythonDocument(10_000);
  const annotated = python.indexOf('w @ x') + 2;
  const diagnostics = time(() => embeddedDiagnostics(python, 'python'), 3);
  const cached = memoizedAnalyzer();
  embeddedHoverAt(python, annotated, 'python', cached);
  const hoverCached = time(() => embeddedHoverAt(python, annotated, 'python', cached), 21);
  const hoverCold = time(() => embeddedHoverAt(python, annotated, 'python'), 5);
  console.log(
    `Python, 2,000 annotations: all annotation diagnostics ${diagnostics.toFixed(1)} ms; hover ${hoverCold.toFixed(2)} ms (${hoverCached.toFixed(2)} ms cached)`,
  );
}
