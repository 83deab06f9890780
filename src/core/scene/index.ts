/** The weight-plane scene: pure geometry shared by the panel, exports and the CLI. */
export { buildScene } from './buildScene';
export { contourLines } from './contours';
export { formatNumber } from './geometry';
export { sceneToSvgTree, plotAspect, PLOT_PADDING } from './svgTree';
export type { SvgNode, SvgLayout } from './svgTree';
export { renderSvg, escapeXml, paintFor, PALETTES, THEME_KINDS } from './renderSvg';
export type { ThemeKind, Palette } from './renderSvg';
export type * from './types';
export { readoutRows, stepSummary, compass } from './readout';
export type { ReadoutRow } from './readout';
