/**
 * The bookkeeping of the panel's unsaved control changes (overrides): which of them survive a new
 * analysis, the version they were made against, and the request that writes them back to the
 * spec. Pure: the panel saves the view-state changes and posts the requests these return.
 */
import type { Spec } from '../core/spec/types';
import type { WebviewMessage } from '../shared/protocol';
import { hasOverrides, overridesBase, reconcileOverrides, toSpecChanges, type Overrides } from './liveModel';
import type { ViewState } from './state';

/** The part of the view state that records the pending overrides. */
export type PendingState = Pick<ViewState, 'overrides' | 'overridesVersion' | 'overridesBase'>;

/** What a new analysis does to the pending overrides: the state to save and, if any, a status line. */
export interface Carried {
  readonly change: PendingState;
  readonly message: string | null;
}

/**
 * A new analysis (of document version `version`, spec `spec`): the pending overrides of the same
 * document carry over to its new spec (live sync keeps the view's state), except one whose statement
 * was changed in the text since or that no longer applies; the message names those.
 */
export function carryOverrides(state: Pick<ViewState, 'overrides' | 'overridesBase'>, spec: Spec | null, sameDocument: boolean, version: number): Carried {
  const pending = state.overrides;
  const base = spec ? overridesBase(spec) : null;
  if (!hasOverrides(pending)) return { change: { overrides: {}, overridesVersion: null, overridesBase: base }, message: null };
  if (!sameDocument || !spec) {
    return {
      change: { overrides: {}, overridesVersion: null, overridesBase: base },
      message: !sameDocument
        ? 'The unsaved control changes belonged to another spec: dropped.'
        : 'This picture has no spec to apply the unsaved control changes to: dropped.',
    };
  }
  const { overrides, dropped } = reconcileOverrides(pending, state.overridesBase, spec);
  const kept = hasOverrides(overrides);
  return {
    change: { overrides, overridesVersion: kept ? version : null, overridesBase: base },
    message: dropped.length > 0 ? `Dropped your unsaved ${dropped.join(', ')}.${kept ? ` Still unsaved: ${Object.keys(overrides).join(', ')}.` : ''}` : null,
  };
}

/** The state change that makes `o` the pending overrides, made against document version `version`. */
export function withOverrides(o: Overrides, version: number): Pick<ViewState, 'overrides' | 'overridesVersion'> {
  return { overrides: o, overridesVersion: hasOverrides(o) ? version : null };
}

/** The request that writes the pending overrides into the spec, or null when there is nothing to write or no writable spec. */
export function writeRequest(spec: Spec | null, writable: boolean, overrides: Overrides, version: number): WebviewMessage | null {
  if (!spec || !writable || !hasOverrides(overrides)) return null;
  return { type: 'writeSpec', version, changes: toSpecChanges(spec, overrides) };
}
