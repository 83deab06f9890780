/**
 * The host ↔ webview message contract, imported by both sides. Every message has a string `type`
 * tag. Messages from the webview are untrusted input: the host accepts them only through
 * `isWebviewMessage`, which checks every field.
 *
 * Pure TypeScript: no vscode, no DOM.
 */
import type { Analysis } from '../core/analysis/types';
import { optimizerFromJson } from '../core/optimizers/registry';
import { isPreprocess } from '../core/registry/preprocessings';
import type { Optimizer, Preprocess, Spec, StatementKey } from '../core/spec/types';

/** A located problem, as the panel's error banner shows it (one-based line and column). */
export interface PanelError {
  readonly code: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/**
 * The fastest animation, in steps per second: the maximum of the setting
 * gradientGeometry.animationStepsPerSecond (package.json) and of the panel's speed select, so a
 * 10,000-step path plays in ten seconds.
 */
export const MAX_ANIMATION_STEPS_PER_SECOND = 1000;

/** Host → webview. */
export type HostMessage =
  | {
      readonly type: 'analysis';
      /** Document version the analysis was computed from (later versions win). */
      readonly version: number;
      /** Panel title / source name, e.g. "lesson.neuron". */
      readonly source: string;
      /** URI of the document shown (absent for the default lesson and selections): keep it in the state, see `PersistedPanelState`. */
      readonly documentUri?: string;
      /**
       * Each run's path in its typed columns (runPath.ts; the webview checks them, analysisWire.ts).
       * A run of consecutive batches carries `batchFirst` and an empty `batch` (batchWire.ts).
       */
      readonly analysis: Analysis;
      /** The resolved spec the analysis came from: the webview re-runs the pure core on it when a control changes. */
      readonly spec?: Spec;
      /** One-based line of each statement written in the text (tooltips quote "lr = 0.5, line 21"). */
      readonly statementLines?: Partial<Record<StatementKey, number>>;
      /** Whether 'writeSpec' can change the source (a document; not the default lesson or a selection). */
      readonly writable?: boolean;
      /** For a selection or an annotation: what the serializer needs to restore it (kept in the webview state). */
      readonly snapshot?: PersistedSnapshot;
    }
  | {
      /** The spec has errors: keep the last good picture and show the first error. */
      readonly type: 'specErrors';
      readonly version: number;
      readonly source: string;
      /** As in 'analysis'. */
      readonly documentUri?: string;
      /** As in 'analysis'. */
      readonly snapshot?: PersistedSnapshot;
      readonly errors: readonly PanelError[];
    }
  | {
      /** Settings that affect the view (sent on ready and when they change). */
      readonly type: 'settings';
      readonly animationStepsPerSecond: number;
      /** Presenter mode (setting gradientGeometry.presenterMode): large type, thick lines, high contrast, clean layout. */
      readonly presenterMode?: boolean;
    }
  /** The outcome of a 'writeSpec' or 'export' request, shown in the panel's status line. */
  | { readonly type: 'writeResult'; readonly ok: boolean; readonly message: string }
  | { readonly type: 'exportResult'; readonly ok: boolean; readonly message: string }
  /** A 'revealStatement' the host could not carry out (no file behind the picture, statement not written). */
  | { readonly type: 'revealResult'; readonly ok: boolean; readonly message: string }
  /** The editor's cursor is on this statement (null: on none): the panel highlights its part of the picture. */
  | { readonly type: 'highlight'; readonly key: StatementKey | null }
  /** Asks for the webview's viewport size once the workbench's layout has settled (answered by 'viewport'). */
  | { readonly type: 'measure'; readonly id: number };

/** The two plane components (weight indices `axes`) of a vector such as w or w*. */
export interface PlanePoint {
  readonly axes: readonly [number, number];
  readonly values: readonly [number, number];
}

/** Control values to write back into the spec, each replacing its statement's value. */
export interface SpecChanges {
  readonly lr?: number;
  readonly batch?: number | 'all';
  readonly optimizer?: Optimizer;
  readonly preprocess?: Preprocess;
  /** New start weights w on the plane's two axes (the other components stay). */
  readonly start?: PlanePoint;
  /** New teacher weights w* on the plane's two axes. */
  readonly teacher?: PlanePoint;
}

export type ExportFormat = 'svg' | 'png' | 'csv' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['svg', 'png', 'csv', 'json'];

/** Webview → host. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'revealError'; readonly line: number; readonly column: number }
  /** Select statement `key` in the editor (a sample `row` of written inputs, zero-based, when given). */
  | { readonly type: 'revealStatement'; readonly key: StatementKey; readonly row?: number }
  | { readonly type: 'log'; readonly level: 'info' | 'error'; readonly text: string }
  /** The answer to 'measure' `id`: the webview's viewport in CSS pixels (presenter mode learns from it which workbench parts were open). */
  | { readonly type: 'viewport'; readonly id: number; readonly width: number; readonly height: number }
  | PanelRequest;

/** Webview → host requests that change something outside the view (the document, a file). */
export type PanelRequest =
  /** Write control changes into the document of analysis `version` (refused if the document moved on). */
  | { readonly type: 'writeSpec'; readonly version: number; readonly changes: SpecChanges }
  /** Save `data` (text, or base64 for PNG) through a save dialog. */
  | { readonly type: 'export'; readonly format: ExportFormat; readonly fileName: string; readonly data: string };

/** Every statement key, for the guard of 'revealStatement' (the compiler checks the list is complete). */
const STATEMENT_KEY_LIST = [
  'model',
  'x',
  'samples',
  'seed',
  'teacherW',
  'teacherB',
  'y',
  'w',
  'b',
  'loss',
  'optimizer',
  'lr',
  'batch',
  'shuffle',
  'steps',
  'preprocess',
  'compare',
  'view',
  'shift',
  'predict',
  'lock',
  'hide',
  'hidden',
  'hiddenLayer',
  'hiddenW',
  'hiddenC',
  'train',
] as const satisfies readonly StatementKey[];
type MissingKeys = Exclude<StatementKey, (typeof STATEMENT_KEY_LIST)[number]>;
/** Compile-time proof that no statement key is missing from the list. */
const KEYS_COMPLETE: MissingKeys extends never ? true : never = true;
export const STATEMENT_KEYS: ReadonlySet<string> = KEYS_COMPLETE && new Set<string>(STATEMENT_KEY_LIST);

export function isStatementKey(v: unknown): v is StatementKey {
  return typeof v === 'string' && STATEMENT_KEYS.has(v);
}

/** Upper bound for text the webview may send, so a hostile page cannot flood the host. */
const MAX_TEXT = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLineNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10_000_000;
}

/** Upper bound for an export's data (characters): a 10,000-step JSON path is a few MB. */
export const MAX_EXPORT_CHARS = 40_000_000;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const positiveNumber = (v: unknown): boolean => finite(v) && v > 0 && v < 1e12;
/** Base names only: no folders, no leading dot. */
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9 _.()-]{0,99}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Exactly a registered optimizer's `kind` and its own parameters, each in its domain (ε below 1e12). */
function isOptimizer(v: unknown): v is Optimizer {
  return optimizerFromJson(v, 1e12) !== undefined;
}

function isPlanePoint(v: unknown): v is PlanePoint {
  if (!isRecord(v) || !Array.isArray(v.axes) || !Array.isArray(v.values) || v.axes.length !== 2 || v.values.length !== 2) return false;
  const axis = (a: unknown): boolean => typeof a === 'number' && Number.isInteger(a) && a >= 0 && a < 1000;
  return axis(v.axes[0]) && axis(v.axes[1]) && v.axes[0] !== v.axes[1] && v.values.every((x) => finite(x) && Math.abs(x) < 1e9) && Object.keys(v).length === 2;
}

function isSpecChanges(v: unknown): v is SpecChanges {
  if (!isRecord(v)) return false;
  const keys = Object.keys(v);
  if (keys.length === 0 || !keys.every((k) => ['lr', 'batch', 'optimizer', 'preprocess', 'start', 'teacher'].includes(k))) return false;
  if ('lr' in v && !positiveNumber(v.lr)) return false;
  if ('batch' in v && !(v.batch === 'all' || (typeof v.batch === 'number' && Number.isInteger(v.batch) && v.batch >= 1 && v.batch <= 100_000))) return false;
  if ('optimizer' in v && !isOptimizer(v.optimizer)) return false;
  if ('preprocess' in v && !isPreprocess(v.preprocess)) return false;
  if ('start' in v && !isPlanePoint(v.start)) return false;
  if ('teacher' in v && !isPlanePoint(v.teacher)) return false;
  return true;
}

function isExport(v: Record<string, unknown>): boolean {
  const format = v.format;
  if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) return false;
  if (typeof v.fileName !== 'string' || !FILE_NAME.test(v.fileName) || !v.fileName.toLowerCase().endsWith(`.${format}`)) return false;
  if (typeof v.data !== 'string' || v.data.length === 0 || v.data.length > MAX_EXPORT_CHARS) return false;
  return format !== 'png' || BASE64.test(v.data);
}

/** Runtime guard for the requests (a subset of what `isWebviewMessage` accepts). */
export function isPanelRequest(value: unknown): value is PanelRequest {
  if (!isRecord(value)) return false;
  if (value.type === 'writeSpec') {
    return (
      Object.keys(value).length === 3 &&
      typeof value.version === 'number' &&
      Number.isInteger(value.version) &&
      value.version >= 0 &&
      isSpecChanges(value.changes)
    );
  }
  if (value.type === 'export') return Object.keys(value).length === 4 && isExport(value);
  return false;
}

/** Runtime guard for everything the webview sends. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return true;
    case 'revealError':
      return isLineNumber(value.line) && isLineNumber(value.column);
    case 'revealStatement':
      return (
        isStatementKey(value.key) &&
        Object.keys(value).every((k) => k === 'type' || k === 'key' || k === 'row') &&
        (value.row === undefined || (typeof value.row === 'number' && Number.isInteger(value.row) && value.row >= 0 && value.row < MAX_ROWS))
      );
    case 'log':
      return (value.level === 'info' || value.level === 'error') && typeof value.text === 'string' && value.text.length <= MAX_TEXT;
    case 'viewport': {
      const size = (v: unknown): boolean => finite(v) && v >= 0 && v <= 100_000;
      return (
        Object.keys(value).length === 4 &&
        typeof value.id === 'number' &&
        Number.isInteger(value.id) &&
        value.id >= 0 &&
        value.id <= 2 ** 31 &&
        size(value.width) &&
        size(value.height)
      );
    }
    case 'writeSpec':
    case 'export':
      return isPanelRequest(value);
    default:
      return false;
  }
}

/** Rows a 'revealStatement' may name (the sample limit). */
const MAX_ROWS = 100_000;

/** Largest spec text kept in the webview state for a restore (larger ones restore as the default lesson). */
export const MAX_PERSISTED_SPEC_CHARS = 1_000_000;
const MAX_NAME = 300;

/**
 * A panel that does not follow a document (a selection, or a `neuron:` annotation / ```neuron
 * fence opened from its CodeLens) keeps this in the webview state, so that the serializer can
 * show the same picture after a window reload: the spec text and the name it was shown under,
 * where the text starts in its document (zero-based), and for an annotation its index among the
 * document's embedded specs (the serializer re-reads the live annotation when the document is open).
 */
export interface PersistedSnapshot {
  readonly kind: 'selection' | 'embedded';
  readonly name: string;
  readonly text: string;
  readonly originUri: string;
  readonly line: number;
  readonly character: number;
  readonly index?: number;
}

const count = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

/** A snapshot from untrusted input (a restored webview state, a message), or undefined when malformed or too large. */
export function asPersistedSnapshot(v: unknown): PersistedSnapshot | undefined {
  if (!isRecord(v)) return undefined;
  const { kind, name, text, originUri, line, character, index } = v;
  if (kind !== 'selection' && kind !== 'embedded') return undefined;
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME) return undefined;
  if (typeof text !== 'string' || text.length > MAX_PERSISTED_SPEC_CHARS) return undefined;
  if (typeof originUri !== 'string' || originUri.length === 0 || originUri.length > MAX_TEXT) return undefined;
  if (!count(line, 10_000_000) || !count(character, 10_000_000)) return undefined;
  if (index !== undefined && !count(index, MAX_ROWS)) return undefined;
  if (kind === 'embedded' && index === undefined) return undefined;
  return { kind, name, text, originUri, line, character, ...(index !== undefined ? { index } : {}) };
}

/** The snapshot from a restored webview state (its `snapshot` field), or undefined. */
export function persistedSnapshot(state: unknown): PersistedSnapshot | undefined {
  return isRecord(state) ? asPersistedSnapshot(state.snapshot) : undefined;
}

/**
 * What the webview keeps with `vscode.setState` so that the host's `WebviewPanelSerializer` can
 * restore the panel after a window reload: the `documentUri` of the last 'analysis' or
 * 'specErrors' message, or the `snapshot` of a selection or an annotation (neither: the panel is
 * restored with the default lesson). The webview may keep more fields (zoom, play position,
 * toggles); the host reads only these two, through `persistedDocumentUri` and `persistedSnapshot`,
 * because the state comes back from the webview and is untrusted.
 */
export interface PersistedPanelState {
  readonly documentUri?: string;
  /** A selection's or an annotation's spec (see `PersistedSnapshot`); read through `persistedSnapshot`. */
  readonly snapshot?: PersistedSnapshot;
}

/** The document URI from a restored webview state, or undefined when there is none or it is malformed. */
export function persistedDocumentUri(state: unknown): string | undefined {
  if (!isRecord(state)) return undefined;
  const uri = state.documentUri;
  return typeof uri === 'string' && uri.length > 0 && uri.length <= MAX_TEXT ? uri : undefined;
}

/** Exhaustiveness check for switches over message unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
