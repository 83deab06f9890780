// Cheap checks of a selection before a panel opens on it (the analysis itself runs in the worker:
// analysis/analysisService.ts). A selection is short: parsing it here takes well under a frame.
import { parseSpec } from '../../core/spec/parse';

/** Whether the text parses into a valid spec (no error diagnostics). An empty text is valid: the default lesson. */
export function isValidSpec(text: string): boolean {
  return parseSpec(text).spec !== undefined;
}

/**
 * Whether a selection holds a spec worth showing: at least one statement (comments and blank
 * lines alone are no spec, though they parse as the default lesson) and no errors.
 */
export function isSpecSelection(text: string): boolean {
  const parsed = parseSpec(text);
  return parsed.spec !== undefined && Object.keys(parsed.ranges).length > 0;
}
