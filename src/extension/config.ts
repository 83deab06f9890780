import * as vscode from 'vscode';
import { DEFAULTS } from '../core/spec/defaults';
import { MAX_ANIMATION_STEPS_PER_SECOND } from '../shared/protocol';

/** The extension's settings (contributes.configuration in package.json), clamped to their declared ranges. */
export interface Settings {
  readonly animationStepsPerSecond: number;
  /** Steps for a spec without a `steps` statement. */
  readonly defaultSteps: number;
  /** Debounce (ms) between the last edit and the re-analysis. */
  readonly liveUpdateDelay: number;
  /** Presenter mode: large type, thick lines, high contrast, clean layout (for a projector). */
  readonly presenterMode: boolean;
}

export const CONFIG_SECTION = 'gradientGeometry';

function clamp(value: unknown, lo: number, hi: number, fallback: number, integer: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const v = Math.min(hi, Math.max(lo, value));
  return integer ? Math.round(v) : v;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return {
    animationStepsPerSecond: clamp(c.get('animationStepsPerSecond'), 1, MAX_ANIMATION_STEPS_PER_SECOND, 20, false),
    defaultSteps: clamp(c.get('defaultSteps'), 1, 100_000, DEFAULTS.steps, true),
    liveUpdateDelay: clamp(c.get('liveUpdateDelay'), 0, 5000, 250, true),
    presenterMode: c.get('presenterMode') === true,
  };
}
