/**
 * The notebook output format (docs/notebooks.md): a cell output item of MIME type
 * `application/vnd.gradient-geometry+json` whose JSON carries a neuron spec. The notebook renderer
 * (src/notebook) draws it; the `neuron` cell controller (src/extension/notebook) and the Python
 * helper (python/gradient_geometry) write it. Output data is untrusted input (a saved notebook can
 * hold anything), so the renderer accepts it only through `readNotebookFigure`.
 *
 * Pure TypeScript: no vscode, no DOM.
 */

export const NOTEBOOK_MIME = 'application/vnd.gradient-geometry+json';

/** The renderer's id in package.json `contributes.notebookRenderer`. */
export const NOTEBOOK_RENDERER_ID = 'gradientGeometry.notebookRenderer';

/** The payload of one output item. */
export interface NotebookFigure {
  /** The spec text, exactly as in a `.neuron` file. */
  readonly spec: string;
  /** The step the picture opens at (default: the last step of the path). */
  readonly step?: number;
  /** A short name shown above the picture (default "neuron spec"). */
  readonly title?: string;
}

/** A payload, or why it is not one. */
export type ReadFigure = { readonly figure: NotebookFigure } | { readonly error: string };

/** Checks an output item's JSON; unknown fields are ignored so later versions can add some. */
export function readNotebookFigure(data: unknown): ReadFigure {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { error: `expected a JSON object with a "spec" string (${NOTEBOOK_MIME})` };
  const o = data as Record<string, unknown>;
  if (typeof o.spec !== 'string') return { error: `"spec" must be a string holding a neuron spec (${NOTEBOOK_MIME})` };
  const figure: { spec: string; step?: number; title?: string } = { spec: o.spec };
  if (o.step !== undefined) {
    if (typeof o.step !== 'number' || !Number.isInteger(o.step) || o.step < 0) return { error: '"step" must be a whole number ≥ 0' };
    figure.step = o.step;
  }
  if (o.title !== undefined) {
    if (typeof o.title !== 'string') return { error: '"title" must be a string' };
    figure.title = o.title.slice(0, 200);
  }
  return { figure };
}

/**
 * What the renderer reports to the extension after drawing an output (renderer messaging): what
 * the reader sees, so the extension-host tests can check the picture without reaching into the
 * notebook's webview.
 */
export type RendererMessage =
  | {
      readonly type: 'rendered';
      readonly outputId: string;
      readonly title: string;
      /** Entries of the drawn path (0 when the spec has errors). */
      readonly pathPoints: number;
      /** Polygons of the allowed cone drawn at the current step. */
      readonly conePolygons: number;
      readonly step: number;
      readonly lastStep: number;
      readonly sentence: string;
      /** Located problems ("line 2, column 5: GG201 …") when the spec cannot be drawn. */
      readonly problems: readonly string[];
    }
  | { readonly type: 'openInPanel'; readonly spec: string; readonly title: string };

/** Guard for messages from the renderer (untrusted input). */
export function isRendererMessage(m: unknown): m is RendererMessage {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  if (o.type === 'openInPanel') return typeof o.spec === 'string' && typeof o.title === 'string';
  if (o.type !== 'rendered') return false;
  const num = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
  return (
    typeof o.outputId === 'string' &&
    typeof o.title === 'string' &&
    typeof o.sentence === 'string' &&
    num(o.pathPoints) &&
    num(o.conePolygons) &&
    num(o.step) &&
    num(o.lastStep) &&
    Array.isArray(o.problems) &&
    o.problems.every((p) => typeof p === 'string')
  );
}
