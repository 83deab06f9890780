/**
 * The HTML of a fenced ```neuron block in a Markdown preview: the spec's weight-plane figure as
 * inline SVG (the same scene code as the panel and the CLI), the analysis' one-sentence summary as
 * the caption, and the spec itself in a collapsed <details>. A spec with errors gives its
 * diagnostics as escaped text instead. No script, no inline style attribute.
 *
 * Theme-neutral: the figure carries its own light background (like an image), so it reads the
 * same in a light, dark or high-contrast preview.
 *
 * Options in the info string after `neuron`: `step=N` (draw the cone and arrows at step N),
 * `width=W`, `height=H` (pixels, 160 … 2000).
 */
import { analyzeSpec } from '../analysis/analyze';
import { LineIndex, type Diagnostic } from '../diagnostics';
import { buildScene, escapeXml, plotAspect, renderSvg } from '../scene';
import { parseSpec } from '../spec/parse';
import { LIMITS } from '../spec/types';
import { estimatedSpecMs, type AnalysisBudget } from '../spec/work';

export interface FenceOptions {
  readonly step?: number;
  readonly width: number;
  readonly height: number;
}

/** Reads `step=N width=W height=H` from the words after the language name of a fence's info string. */
export function fenceOptions(info: string): FenceOptions {
  const out: { step?: number; width: number; height: number } = { width: 480, height: 420 };
  for (const word of info.trim().split(/\s+/).slice(1)) {
    const m = /^(step|width|height)=(\d{1,6})$/.exec(word);
    if (!m) continue;
    const v = Number(m[2]);
    if (m[1] === 'step') out.step = v;
    else out[m[1] as 'width' | 'height'] = Math.min(2000, Math.max(160, v));
  }
  return out;
}

/** Whether a fence's info string names the neuron language. */
export function isNeuronFence(info: string): boolean {
  return info.trim().split(/\s+/)[0]?.toLowerCase() === 'neuron';
}

const cache = new Map<string, string>();
const CACHE_SIZE = 32;

/**
 * The figure's HTML for a fence's content. `id` makes the SVG's internal ids unique on the page
 * (several figures in one document). Cached by content and options (the preview re-renders on
 * every keystroke).
 */
export function neuronFigureHtml(content: string, options: FenceOptions, id: string, dataLine?: number, budget?: AnalysisBudget): string {
  const line = dataLine === undefined ? '' : ` data-line="${dataLine}"`;
  // One budget per rendered document (the preview's markdown-it env): its fences together cost
  // what one spec may, in document order.
  const spec = budget ? parseSpec(content).spec : undefined;
  if (budget && spec && !budget.charge(estimatedSpecMs(spec))) {
    const note = `Not drawn: this document's figures before this one already use the analysis budget of ${LIMITS.maxAnalysisMs / 1000} s (estimated CPU time, in document order), so that the editor never freezes (GG311).`;
    return `<div class="gg-neuron-figure code-line"${line}>\n<div class="gg-neuron-error" role="note"><p>${escapeXml(note)}</p></div>\n</div>\n`;
  }
  const key = `${options.step}|${options.width}|${options.height}|${id}|${content}`;
  let body = cache.get(key);
  if (body === undefined) {
    body = figureBody(content, options, id);
    cache.set(key, body);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  return `<div class="gg-neuron-figure code-line"${line}>\n${body}\n</div>\n`;
}

/** A spec's errors as "line L, column C: CODE message" (one-based), in source order. */
export function locatedProblems(content: string, diagnostics: readonly Diagnostic[]): string[] {
  const index = new LineIndex(content);
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => {
      const p = index.positionAt(d.range.start);
      return `line ${p.line + 1}, column ${p.column + 1}: ${d.code} ${d.message}`;
    });
}

function figureBody(content: string, options: FenceOptions, id: string): string {
  const source = `<details class="gg-neuron-source"><summary>spec</summary><pre><code class="language-neuron">${escapeXml(content)}</code></pre></details>`;
  const parsed = parseSpec(content);
  if (!parsed.spec) {
    const problems = locatedProblems(content, parsed.diagnostics);
    return `<div class="gg-neuron-error" role="alert"><p><strong>This neuron spec has errors:</strong></p><pre>${escapeXml(problems.join('\n'))}</pre></div>\n${source}`;
  }
  try {
    const analysis = analyzeSpec(parsed.spec);
    const scene = buildScene(analysis, { step: options.step, aspect: plotAspect(options.width, options.height) });
    const svg = renderSvg(scene, 'light', { width: options.width, height: options.height })
      .replace(/^<\?xml[^>]*\?>\s*/, '')
      .replace(/\bgg-clip\b/g, `gg-clip-${id}`);
    return `<figure>\n${svg}<figcaption>${escapeXml(analysis.sentence)}</figcaption>\n</figure>\n${source}`;
  } catch (e) {
    return `<div class="gg-neuron-error" role="alert"><pre>${escapeXml(`Could not draw this spec: ${e instanceof Error ? e.message : String(e)}`)}</pre></div>\n${source}`;
  }
}
