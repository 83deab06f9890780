/**
 * Editor intelligence, pure: hovers, semantic hints, quick-fix edits, completions, CodeLens text
 * and annotations in other languages. No vscode, DOM or Node: the providers in
 * src/extension/language/ only convert offsets to positions and wire these into VS Code.
 */
export type { CompletionEntry, CompletionKind, HoverContent, QuickFix, TextEdit } from './types';
export { analyzeText, memoizedAnalyzer, type AnalyzedText, type TextAnalyzer } from './analyzeText';
export { hoverAt, statementAt } from './hover/hoverAt';
export { editorDiagnostics, HINT_CODES, HINT_DESCRIPTIONS, semanticHints } from './hints';
export { dimensionFixes, optimalLearningRateFix, quickFixes, resizeEdits, suggestionFix } from './quickFixes';
export { completionsAt, type Completions } from './completions';
export { LESSON_SNIPPETS } from './snippets';
export { codeLensErrorSummary, codeLensRange, codeLensSummary, kappaText, SHOW_PANEL_TITLE } from './codeLens';
export {
  analyseRegion,
  embeddedDiagnostics,
  embeddedHoverAt,
  embeddedRegions,
  insertAnnotationEdit,
  languageAt,
  type EmbeddedRegion,
} from './annotations/embeddedFeatures';
export { type EmbeddedSpec, toDocumentOffset, toDocumentRange, toSpecOffset } from './annotations/embeddedSpec';
export { commentMarkers, findAnnotations, type Annotation } from './annotations/lineComments';
export { fencedBlocks, neuronFences, type FencedBlock } from './annotations/markdownFences';
export { isWeightName, neuronExpressionAt, neuronExpressionsInLine, type NeuronExpression } from './annotations/neuronExpressions';
export { base64Utf8, svgDataUri } from './text/base64';
export { codeSpan, escapeMarkdown } from './text/markdown';
export { foldingRanges, type FoldingKind, type FoldingRange } from './folding';
