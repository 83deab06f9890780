/**
 * Editor features for specs embedded in other documents: `neuron:` annotations in code (Python,
 * JavaScript/TypeScript, any language with line comments, notebook cells) and ```neuron fences in
 * Markdown. Hovers, diagnostics and lens anchors are computed on the embedded spec and mapped back
 * to document offsets. Unannotated neuron expressions get a general sign-rule hover.
 */
import type { Diagnostic, SourceRange } from '../../diagnostics';
import { analyzeText, type AnalyzedText, type TextAnalyzer } from '../analyzeText';
import { CODES } from '../../spec/codes';
import { parseSpec } from '../../spec/parse';
import { LIMITS } from '../../spec/types';
import { AnalysisBudget, estimatedSpecMs } from '../../spec/work';
import { hoverContext } from '../hover/context';
import { hoverAt } from '../hover/hoverAt';
import { modelMarkdown } from '../hover/modelHover';
import { semanticHints } from '../hints';
import type { HoverContent, TextEdit } from '../types';
import { type EmbeddedSpec, toDocumentRange, toSpecOffset } from './embeddedSpec';
import { commentMarkers, findAnnotations } from './lineComments';
import { type FencedBlock, fencedAnnotations, fencedBlocks, fenceSpec, languageOfFence, neuronFences } from './markdownFences';
import { lineAround, type NeuronExpression, neuronExpressionAt } from './neuronExpressions';
import { generalNeuronMarkdown } from './generalHover';

/** One embedded spec of a document, with the document range its lens and model hover belong to. */
export interface EmbeddedRegion {
  readonly spec: EmbeddedSpec;
  /**
   * Whether the document's analysis budget (spec/work.ts AnalysisBudget: all its embedded specs
   * together within LIMITS.maxAnalysisMs, in document order) covers this spec. A spec past it is
   * parsed (its syntax diagnostics show) but not analysed; GG311 says why.
   */
  readonly analysed: boolean;
  /** Where the spec text lives (comments or fence content). */
  readonly source: readonly SourceRange[];
  /** The annotated code, or the fence's first line: where a CodeLens goes. */
  readonly target: SourceRange;
  /** Whether hovering `target` shows the model explanation (annotated code; not fences). */
  readonly explainsTarget: boolean;
}

function within(r: SourceRange, offset: number): boolean {
  return offset >= r.start && offset <= r.end;
}

type Unbudgeted = Omit<EmbeddedRegion, 'analysed'>;

/** The last document's regions: hovers, lenses, diagnostics and completions ask for the same text in turn. */
let last: { text: string; languageId: string | undefined; files: ReadonlyMap<string, Uint8Array> | undefined; regions: EmbeddedRegion[] } | undefined;

/**
 * Every embedded spec of a document of language `languageId` ('markdown' reads fences). `files`:
 * the data files its specs name (relative to the document), which the budget's estimates parse with.
 */
export function embeddedRegions(text: string, languageId: string | undefined, files?: ReadonlyMap<string, Uint8Array>): EmbeddedRegion[] {
  if (last && last.text === text && last.languageId === languageId && last.files === files) return last.regions;
  const regions = budgeted(findRegions(text, languageId), files);
  last = { text, languageId, files, regions };
  return regions;
}

function budgeted(regions: readonly Unbudgeted[], files: ReadonlyMap<string, Uint8Array> | undefined): EmbeddedRegion[] {
  const budget = new AnalysisBudget(LIMITS.maxAnalysisMs);
  return regions.map((r) => {
    const spec = parseSpec(r.spec.text, files ? { files } : {}).spec;
    return { ...r, analysed: spec === undefined || budget.charge(estimatedSpecMs(spec)) };
  });
}

function findRegions(text: string, languageId: string | undefined): Unbudgeted[] {
  let regions: Unbudgeted[];
  if (languageId === 'markdown') {
    const fences: Unbudgeted[] = neuronFences(text).map((b) => ({
      spec: fenceSpec(text, b),
      source: [b.content],
      target: { start: b.block.start, end: b.block.start },
      explainsTarget: false,
    }));
    const annotated = fencedAnnotations(text).map((a) => ({
      spec: a.spec,
      source: a.comments,
      target: a.expression ?? a.comments[0],
      explainsTarget: a.expression !== undefined,
    }));
    regions = [...fences, ...annotated].sort((a, b) => a.target.start - b.target.start);
  } else {
    regions = findAnnotations(text, languageId).map((a) => ({
      spec: a.spec,
      source: a.comments,
      target: a.expression ?? a.comments[0],
      explainsTarget: a.expression !== undefined,
    }));
  }
  return regions;
}

/**
 * The region's parse and analysis through `analyze`, or its parse alone when the document's
 * budget does not cover it (every caller that analyses a region goes through here).
 */
export function analyseRegion(region: EmbeddedRegion, analyze: TextAnalyzer = analyzeText): AnalyzedText {
  return region.analysed
    ? analyze(region.spec.text)
    : { parsed: parseSpec(region.spec.text, analyze.files ? { files: analyze.files } : {}), analysis: undefined };
}

/** GG311 on a region the document's budget left unanalysed. */
function budgetDiagnostic(region: EmbeddedRegion): Diagnostic {
  return {
    code: CODES.documentWorkLimit,
    severity: 'warning',
    range: region.target,
    message: `Not analysed: this document's embedded specs before it already use the analysis budget of ${LIMITS.maxAnalysisMs / 1000} s (estimated CPU time, in document order), so that the editor never freezes: expected fewer or smaller specs in one document.`,
  };
}

/**
 * Hover at `offset` of a document that is not a `.neuron` file. `insertLink` builds a Markdown
 * command link that inserts an annotation above an unannotated neuron expression (the provider
 * owns commands; without it the hover names the quick fix instead).
 */
export function embeddedHoverAt(
  text: string,
  offset: number,
  languageId: string | undefined,
  analyze: TextAnalyzer = analyzeText,
  insertLink?: (expression: NeuronExpression) => string,
): HoverContent | undefined {
  for (const region of embeddedRegions(text, languageId, analyze.files)) {
    const inSource = region.source.some((r) => within(r, offset));
    const onTarget = region.explainsTarget && within(region.target, offset);
    if (!inSource && !onTarget) continue;
    const { parsed, analysis } = analyseRegion(region, analyze);
    const specOffset = inSource ? toSpecOffset(region.spec, offset) : undefined;
    if (specOffset !== undefined) {
      const h = hoverAt(region.spec.text, specOffset, parsed, analysis);
      if (h) return { markdown: h.markdown, range: toDocumentRange(region.spec, h.range) };
    }
    const markdown = modelMarkdown(hoverContext(region.spec.text, parsed, analysis));
    return { markdown, range: onTarget ? region.target : (region.source.find((r) => within(r, offset)) ?? region.target) };
  }
  if (languageId === 'markdown' && codeBlockAt(text, offset) === undefined) return undefined;
  const expr = neuronExpressionAt(text, offset);
  if (!expr) return undefined;
  return { markdown: generalNeuronMarkdown(expr, insertLink?.(expr)), range: expr.range };
}

/** The fenced (non-neuron) code block of a Markdown text that contains `offset`. */
function codeBlockAt(text: string, offset: number): FencedBlock | undefined {
  return fencedBlocks(text).find((b) => b.language !== 'neuron' && within(b.content, offset));
}

/** The language of the code at `offset`: the fence's language inside Markdown, else the document's. */
export function languageAt(text: string, offset: number, languageId: string | undefined): string | undefined {
  if (languageId !== 'markdown') return languageId;
  const block = codeBlockAt(text, offset);
  return block ? languageOfFence(block.language) : undefined;
}

/** Parser diagnostics and hints of every embedded spec, mapped to document ranges. */
export function embeddedDiagnostics(text: string, languageId: string | undefined, analyze: TextAnalyzer = analyzeText): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const region of embeddedRegions(text, languageId, analyze.files)) {
    const { parsed, analysis } = analyseRegion(region, analyze);
    for (const d of [...parsed.diagnostics, ...semanticHints(parsed, analysis)]) {
      out.push({ ...d, range: toDocumentRange(region.spec, d.range) });
    }
    if (!region.analysed) out.push(budgetDiagnostic(region));
  }
  return out;
}

/** The annotation to insert above an unannotated neuron expression: the default lesson's numbers. */
export function insertAnnotationEdit(text: string, expression: NeuronExpression, languageId: string | undefined): TextEdit {
  const line = lineAround(text, expression.range.start);
  const indent = /^[ \t]*/.exec(text.slice(line.start, line.end))?.[0] ?? '';
  const marker = commentMarkers(languageAt(text, expression.range.start, languageId))[0];
  const model = expression.hasBias ? '' : 'f = w·x; ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    range: { start: line.start, end: line.start },
    newText: `${indent}${marker} neuron: ${model}x ~ sigmoid(normal(0, 1)); w = [1.5, -0.5]; w* = [-1, 1]${eol}`,
  };
}
