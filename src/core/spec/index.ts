/** The spec language: parse `.neuron` text into a checked `Spec` with located diagnostics. */
export { parseSpec } from './parse';
export { DEFAULT_LESSON, DEFAULTS, defaultTeacherW, defaultW, defaultView } from './defaults';
export { CODES, CODE_DESCRIPTIONS, type DiagnosticCode } from './codes';
export { STATEMENT_NAMES, CANONICAL_NAME } from './names';
export { editDistance, didYouMean } from './suggest';
export * from './types';
