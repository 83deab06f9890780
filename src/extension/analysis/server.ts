// The analysis worker's side: holds one text and at most one analysis per document version, and
// answers the editor's questions (diagnostics, hovers, CodeLens, quick fixes, the panel's message)
// from it, so a version is parsed and analysed once whoever asks. Pure TypeScript over the core:
// no vscode, no Node; the transport (nodeTransport.ts, a Web Worker later) only moves messages.
import { analyzeSpec } from '../../core/analysis/analyze';
import { LineIndex, type SourceRange } from '../../core/diagnostics';
import {
  analyseRegion,
  codeLensErrorSummary,
  codeLensRange,
  codeLensSummary,
  editorDiagnostics,
  embeddedDiagnostics,
  embeddedHoverAt,
  embeddedRegions,
  foldingRanges,
  hoverAt,
  insertAnnotationEdit,
  neuronExpressionAt,
  quickFixes,
  toDocumentOffset,
  type AnalyzedText,
  type TextAnalyzer,
  type TextEdit,
} from '../../core/editor';
import { parseSpec } from '../../core/spec/parse';
import type { PanelError } from '../../shared/protocol';
import { statementLines } from '../../shared/specEdits';
import { ByteBoundedCache, estimateBytes } from './memory';
import type { CodeActionData, CodeLensData, DocumentRef, PanelResult, ResultOf, StatementSpans, WorkerRequest, WorkerResponse, WorkerStats } from './protocol';

/** Whole documents' analyses kept (one per document, its newest version), least recently used out first. */
export const DOCUMENT_CACHE_BYTES = 384 * 1024 * 1024;
/** Embedded specs' analyses (annotations, fences), keyed by their text. */
export const EMBEDDED_CACHE_BYTES = 64 * 1024 * 1024;
/** How many errors the panel receives (it shows the first; the rest are in the editor). */
const MAX_PANEL_ERRORS = 5;
/** The command a hover links to for inserting an annotation (hoverProvider.ts registers it). */
export const INSERT_ANNOTATION_COMMAND = 'gradientGeometry.insertAnnotation';

/** A spec text's parse and analysis, and why the analysis failed when it did. */
interface Analyzed extends AnalyzedText {
  readonly failure?: string;
}

interface Held {
  readonly key: string;
  readonly version: number;
  /** The data files' version and bytes the text was analysed with (DocumentRef). */
  readonly dataStamp: number;
  readonly files?: ReadonlyMap<string, Uint8Array>;
  readonly text: string;
  readonly languageId: string;
  readonly defaultSteps: number;
  readonly kind: DocumentRef['kind'];
  /** The whole text's analysis ('spec' documents), computed on first use. */
  analyzed?: Analyzed;
  /** The panel's packed message, built on first use from `analyzed`. */
  panel?: PanelResult;
}

/** Parse, then analyse with the panel's options; never throws. */
function analyzeOnce(text: string, defaultSteps: number, files?: ReadonlyMap<string, Uint8Array>): Analyzed {
  const parsed = parseSpec(text, { defaultSteps, ...(files ? { files } : {}) });
  if (!parsed.spec) return { parsed, analysis: undefined };
  try {
    return { parsed, analysis: analyzeSpec(parsed.spec) };
  } catch (e) {
    return { parsed, analysis: undefined, failure: e instanceof Error ? e.message : String(e) };
  }
}

function intersects(a: SourceRange, b: SourceRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export class AnalysisServer {
  /** Document key → its newest version held; bounded by bytes (texts and analyses). */
  private readonly documents = new ByteBoundedCache<string, Held>(DOCUMENT_CACHE_BYTES);
  private readonly embedded = new ByteBoundedCache<string, Analyzed>(EMBEDDED_CACHE_BYTES);
  private analyses = 0;
  private readonly analysesByKey: Record<string, number> = {};

  /** Answers one request; never throws. */
  handle(request: WorkerRequest): WorkerResponse {
    try {
      return { id: request.id, ok: true, result: this.answer(request) };
    } catch (e) {
      if (e instanceof Unavailable) return { id: request.id, ok: false, reason: e.reason };
      return { id: request.id, ok: false, reason: 'error', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
    }
  }

  private answer(request: WorkerRequest): ResultOf[WorkerRequest['kind']] {
    switch (request.kind) {
      case 'close':
        this.documents.delete(request.key);
        return null;
      case 'stats':
        return this.stats();
      case 'diagnostics':
        return this.diagnostics(this.hold(request.doc));
      case 'hover':
        return this.hover(this.hold(request.doc), request.offset, request.uri);
      case 'codeLenses':
        return this.codeLenses(this.hold(request.doc));
      case 'codeActions':
        return this.codeActions(this.hold(request.doc), request.range);
      case 'panel':
        return this.panel(this.hold(request.doc));
      case 'statements':
        return this.statements(this.hold(request.doc));
      case 'folding':
        return foldingRanges(this.hold(request.doc).text);
    }
  }

  stats(): WorkerStats {
    return {
      analyses: this.analyses,
      analysesByKey: { ...this.analysesByKey },
      documents: this.documents.size,
      cachedBytes: this.documents.bytes,
      embeddedCacheBytes: this.embedded.bytes,
    };
  }

  /** The held version `doc` names, taking its text when it brings one. */
  private hold(doc: DocumentRef): Held {
    const held = this.documents.get(doc.key);
    const stamp = doc.dataStamp ?? 0;
    const same =
      held !== undefined &&
      held.version === doc.version &&
      held.dataStamp === stamp &&
      held.defaultSteps === doc.defaultSteps &&
      held.languageId === doc.languageId &&
      held.kind === doc.kind;
    if (same) return held;
    if (held !== undefined && held.version > doc.version) throw new Unavailable('stale');
    if (doc.text === undefined) throw new Unavailable('missing');
    const next: Held = {
      key: doc.key,
      version: doc.version,
      dataStamp: stamp,
      files: doc.files && new Map(Object.entries(doc.files)),
      text: doc.text,
      languageId: doc.languageId,
      defaultSteps: doc.defaultSteps,
      kind: doc.kind,
    };
    // A new version with the same text, data and settings (a snapshot refreshed, an undo back) keeps the analysis.
    if (held && held.text === doc.text && held.dataStamp === stamp && held.defaultSteps === doc.defaultSteps && held.kind === doc.kind) {
      next.analyzed = held.analyzed;
      next.panel = held.panel;
    }
    this.store(next);
    return next;
  }

  private store(held: Held): void {
    const bytes = estimateBytes(held.text) + (held.analyzed ? estimateBytes(held.analyzed) : 0) + (held.panel ? estimateBytes(held.panel) : 0);
    this.documents.set(held.key, held, bytes);
  }

  private count(key: string): void {
    this.analyses++;
    this.analysesByKey[key] = (this.analysesByKey[key] ?? 0) + 1;
  }

  /** The whole text's analysis, once per held version. */
  private analyzed(held: Held): Analyzed {
    if (!held.analyzed) {
      held.analyzed = analyzeOnce(held.text, held.defaultSteps, held.files);
      this.count(held.key);
      this.store(held);
    }
    return held.analyzed;
  }

  /**
   * Embedded specs of `held`, read with its data files: a memo by text (annotations repeat as the
   * cursor moves) and data version, bounded by bytes.
   */
  private analyzeEmbedded(held: Held): TextAnalyzer {
    const { defaultSteps, dataStamp, files } = held;
    const analyze = (specText: string): Analyzed => {
      const memoKey = `${defaultSteps}\u0000${files ? dataStamp : ''}\u0000${specText}`;
      const hit = this.embedded.get(memoKey);
      if (hit) return hit;
      const result = analyzeOnce(specText, defaultSteps, files);
      this.count('embedded');
      this.embedded.set(memoKey, result, estimateBytes(memoKey) + estimateBytes(result));
      return result;
    };
    return Object.assign(analyze, files ? { files } : {});
  }

  private diagnostics(held: Held) {
    if (held.kind === 'embedded') return embeddedDiagnostics(held.text, held.languageId, this.analyzeEmbedded(held));
    const { parsed, analysis } = this.analyzed(held);
    return editorDiagnostics(parsed, analysis);
  }

  private hover(held: Held, offset: number, uri: string) {
    if (held.kind === 'embedded') {
      return embeddedHoverAt(held.text, offset, held.languageId, this.analyzeEmbedded(held), (e) => insertAnnotationLink(uri, e.range.start));
    }
    const { parsed, analysis } = this.analyzed(held);
    return hoverAt(held.text, offset, parsed, analysis);
  }

  private codeLenses(held: Held): CodeLensData[] {
    const summary = (a: AnalyzedText): string => (a.analysis ? codeLensSummary(a.analysis) : codeLensErrorSummary(a.parsed));
    if (held.kind === 'spec') {
      const a = this.analyzed(held);
      return [{ range: codeLensRange(a.parsed), title: summary(a) }];
    }
    const analyze = this.analyzeEmbedded(held);
    return embeddedRegions(held.text, held.languageId, held.files).map((region, index) => ({
      range: region.target,
      title: summary(analyseRegion(region, analyze)),
      index,
    }));
  }

  private codeActions(held: Held, wanted: SourceRange): CodeActionData[] {
    const text = held.text;
    if (held.kind === 'spec') {
      const { parsed, analysis } = this.analyzed(held);
      const diagnostics = editorDiagnostics(parsed, analysis).filter((d) => intersects(d.range, wanted));
      return quickFixes(text, parsed, analysis, diagnostics);
    }
    const analyze = this.analyzeEmbedded(held);
    const actions: CodeActionData[] = [];
    const regions = embeddedRegions(text, held.languageId, held.files);
    for (const region of regions) {
      const spec = region.spec;
      const { parsed, analysis } = analyseRegion(region, analyze);
      const mapped = (r: SourceRange) => ({ start: toDocumentOffset(spec, r.start), end: toDocumentOffset(spec, r.end) });
      const diagnostics = editorDiagnostics(parsed, analysis).filter((d) => {
        const m = mapped(d.range);
        return m.start !== undefined && m.end !== undefined && intersects({ start: m.start, end: m.end }, wanted);
      });
      for (const fix of quickFixes(spec.text, parsed, analysis, diagnostics)) {
        // Only edits that land inside the comment text itself, on one line.
        const edits: TextEdit[] = [];
        for (const e of fix.edits) {
          const m = mapped(e.range);
          if (m.start === undefined || m.end === undefined || /[\r\n]/.test(e.newText)) break;
          edits.push({ range: { start: m.start, end: m.end }, newText: e.newText });
        }
        if (edits.length === fix.edits.length) actions.push({ ...fix, edits });
      }
    }
    const expr = neuronExpressionAt(text, wanted.start);
    if (expr && !regions.some((r) => r.explainsTarget && intersects(r.target, expr.range))) {
      actions.push({ title: 'Insert a neuron: annotation', edits: [insertAnnotationEdit(text, expr, held.languageId)] });
    }
    return actions;
  }

  /** The panel's message body (each run's path in typed columns, analysisWire.ts) or its errors; built once per version. */
  private panel(held: Held): PanelResult {
    if (held.panel) return held.panel;
    const { parsed, analysis, failure } = this.analyzed(held);
    let result: PanelResult;
    if (parsed.spec === undefined) {
      const index = new LineIndex(held.text);
      const errors = parsed.diagnostics
        .filter((d) => d.severity === 'error')
        .slice(0, MAX_PANEL_ERRORS)
        .map((d): PanelError => {
          const p = index.positionAt(d.range.start);
          return { code: d.code, message: d.message, line: p.line + 1, column: p.column + 1 };
        });
      result = { kind: 'errors', errors: errors.length > 0 ? errors : [{ code: 'GG000', message: 'The spec is not valid.', line: 1, column: 1 }] };
    } else if (analysis === undefined) {
      result = { kind: 'errors', errors: [{ code: 'GG900', message: `The analysis failed: ${failure ?? 'unknown error'}`, line: 1, column: 1 }] };
    } else {
      result = { kind: 'analysis', payload: { analysis, spec: parsed.spec, statementLines: statementLines(held.text, parsed.spec) } };
    }
    held.panel = result;
    this.store(held);
    return result;
  }

  /** Statement ranges without element ranges: what the panel needs to follow the cursor. */
  private statements(held: Held): StatementSpans {
    const { parsed } = this.analyzed(held);
    const out: Record<string, { statement: SourceRange; rows?: readonly SourceRange[] }> = {};
    for (const [key, r] of Object.entries(parsed.ranges)) if (r) out[key] = r.rows ? { statement: r.statement, rows: r.rows } : { statement: r.statement };
    return out as StatementSpans;
  }
}

/** A command link that inserts an annotation above the expression at `offset` of the document `uri`. */
export function insertAnnotationLink(uri: string, offset: number): string {
  const args = encodeURIComponent(JSON.stringify([uri, offset]));
  return `[Insert a neuron: annotation](command:${INSERT_ANNOTATION_COMMAND}?${args})`;
}

/** The request names a version the server cannot answer for (see `WorkerResponse`). */
class Unavailable extends Error {
  constructor(readonly reason: 'missing' | 'stale') {
    super(reason);
  }
}
