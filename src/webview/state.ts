/**
 * The view state kept with `vscode.setState` across hiding and reloads: the play position, the
 * overlay toggles, and the document the panel shows (`documentUri`, which the host's serializer
 * reads to restore the panel). What comes back from `getState` is checked field by field.
 */

export interface ViewState {
  readonly kind: 'gradientGeometry.view';
  /** Document URI from the host's last message; absent for the default lesson. */
  readonly documentUri?: string;
  readonly source?: string;
  /** Path index shown; null: the end of the path (the default picture). */
  readonly step: number | null;
  readonly playing: boolean;
  readonly showEigen: boolean;
  readonly showVariants: boolean;
}

export const INITIAL_STATE: ViewState = { kind: 'gradientGeometry.view', step: null, playing: false, showEigen: true, showVariants: true };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const shortString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 10_000;

/** A valid state from whatever `getState` returned; unknown or malformed fields fall back to defaults. */
export function restoreState(saved: unknown): ViewState {
  if (!isRecord(saved)) return INITIAL_STATE;
  const step = saved.step;
  return {
    kind: 'gradientGeometry.view',
    ...(shortString(saved.documentUri) ? { documentUri: saved.documentUri } : {}),
    ...(shortString(saved.source) ? { source: saved.source } : {}),
    step: typeof step === 'number' && Number.isInteger(step) && step >= 0 ? step : null,
    playing: saved.playing === true,
    showEigen: saved.showEigen !== false,
    showVariants: saved.showVariants !== false,
  };
}
