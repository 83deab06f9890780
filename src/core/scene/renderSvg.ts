/**
 * renderSvg: Scene → a complete standalone SVG document in one of four themes. The drawing is the
 * panel's (sceneToSvgTree); colours are resolved from the theme into presentation attributes so the
 * file looks the same in any viewer, with no stylesheet and no script.
 */
import { sceneToSvgTree, type SvgLayout, type SvgNode } from './svgTree';
import type { Scene } from './types';

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export const THEME_KINDS: readonly ThemeKind[] = ['light', 'dark', 'high-contrast', 'high-contrast-light'];

export interface Palette {
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly gridline: string;
  readonly contour: string;
  readonly path: string;
  readonly cone: string;
  readonly update: string;
  readonly toOptimum: string;
  readonly optimum: string;
  readonly eigen: string;
  /** Per-sample steps with δ < 0 (along +x) and δ > 0 (along −x), and their sum −η g. */
  readonly samplePos: string;
  readonly sampleNeg: string;
  readonly batch: string;
  /** Sign strip and chart: positive and negative gradient components. */
  readonly signPos: string;
  readonly signNeg: string;
  /** Six colours for compare variants (colour-blind-safe order). */
  readonly variants: readonly string[];
}

export const PALETTES: Readonly<Record<ThemeKind, Palette>> = {
  light: {
    background: '#ffffff',
    foreground: '#1f1f1f',
    muted: '#6e6e6e',
    gridline: '#ececec',
    contour: '#93acd0',
    path: '#c2410c',
    cone: '#1b7f3b',
    update: '#0b57d0',
    toOptimum: '#5f5f5f',
    optimum: '#8e24aa',
    eigen: '#3d3d3d',
    samplePos: '#00838f',
    sampleNeg: '#ad1457',
    batch: '#5b3cc4',
    signPos: '#d9730d',
    signNeg: '#1f6fd1',
    variants: ['#0072b2', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#d55e00'],
  },
  dark: {
    background: '#1e1e1e',
    foreground: '#d4d4d4',
    muted: '#9d9d9d',
    gridline: '#2d2d2d',
    contour: '#4b6a93',
    path: '#ff9d5c',
    cone: '#5fd37f',
    update: '#7cacf8',
    toOptimum: '#b0b0b0',
    optimum: '#df8cf2',
    eigen: '#e6e6e6',
    samplePos: '#4dd0e1',
    sampleNeg: '#f48fb1',
    batch: '#b39ddb',
    signPos: '#f0a35e',
    signNeg: '#6aa5f0',
    variants: ['#56b4e9', '#3fd1a6', '#f08cc4', '#f0b43c', '#9ad0f5', '#ff8a4c'],
  },
  'high-contrast': {
    background: '#000000',
    foreground: '#ffffff',
    muted: '#ffffff',
    gridline: '#3a3a3a',
    contour: '#7fb2ff',
    path: '#ffd400',
    cone: '#00ff7f',
    update: '#00e5ff',
    toOptimum: '#ffffff',
    optimum: '#ff66ff',
    eigen: '#ffffff',
    samplePos: '#00ffff',
    sampleNeg: '#ff80ff',
    batch: '#ffffff',
    signPos: '#ffa500',
    signNeg: '#00bfff',
    variants: ['#00e5ff', '#7fff00', '#ff66ff', '#ffa500', '#ffffff', '#ff4040'],
  },
  'high-contrast-light': {
    background: '#ffffff',
    foreground: '#000000',
    muted: '#000000',
    gridline: '#c8c8c8',
    contour: '#3355aa',
    path: '#b00000',
    cone: '#006400',
    update: '#0000dd',
    toOptimum: '#000000',
    optimum: '#800080',
    eigen: '#333333',
    samplePos: '#006070',
    sampleNeg: '#9c004f',
    batch: '#3b1f99',
    signPos: '#a04000',
    signNeg: '#0000c0',
    variants: ['#0000dd', '#006400', '#a0006e', '#8a4b00', '#005f87', '#b00000'],
  },
};

type Paint = { fill?: string; stroke?: string };

/** Class → paint, the same mapping media/panel.css gives the panel with --vscode-* colours. */
export function paintFor(cls: string, p: Palette): Paint {
  const variant = /^gg-(?:variant|legend)-(\d+)$/.exec(cls);
  if (variant) {
    const c = p.variants[Number(variant[1]) % p.variants.length];
    return { stroke: c, fill: cls.startsWith('gg-variant') ? 'none' : c };
  }
  switch (cls) {
    case 'gg-bg':
      return { fill: p.background };
    case 'gg-gridline':
      return { stroke: p.gridline };
    case 'gg-zero':
      return { stroke: p.muted };
    case 'gg-frame':
      return { stroke: p.muted };
    case 'gg-tick-label':
      return { fill: p.muted };
    case 'gg-axis-label':
    case 'gg-label':
      return { fill: p.foreground };
    case 'gg-contour':
      return { stroke: p.contour };
    case 'gg-eigen-axis':
      return { stroke: p.eigen };
    case 'gg-eigen-label':
    case 'gg-kappa-text':
      return { fill: p.eigen, stroke: p.background };
    case 'gg-cone-fill':
      return { fill: p.cone };
    case 'gg-cone-ray':
      return { stroke: p.cone };
    case 'gg-cone-label':
      return { fill: p.cone };
    case 'gg-path-ghost':
    case 'gg-path':
    case 'gg-legend-main':
      return { stroke: p.path };
    case 'gg-current':
      return { fill: p.path, stroke: p.background };
    case 'gg-update-line':
      return { stroke: p.update };
    case 'gg-update-head':
      return { fill: p.update };
    case 'gg-to-optimum-line':
      return { stroke: p.toOptimum };
    case 'gg-to-optimum-head':
      return { fill: p.toOptimum };
    case 'gg-start-mark':
      return { fill: p.background, stroke: p.foreground };
    case 'gg-optimum-mark':
      return { fill: p.optimum, stroke: p.background };
    case 'gg-legend-box':
      return { fill: p.background, stroke: p.muted };
    case 'gg-kappa':
      return { fill: p.eigen };
    case 'gg-offview-arrow-line':
      return { stroke: p.path };
    case 'gg-offview-arrow-head':
      return { fill: p.path };
    case 'gg-offview-label':
    case 'gg-contour-note-text':
      return { fill: p.foreground, stroke: p.background };
    case 'gg-teacher-mark':
      return { stroke: p.optimum };
    case 'gg-leader':
      return { stroke: p.muted };
    case 'gg-plane-label':
      return { stroke: p.background };
    case 'gg-variant-current':
      return { fill: p.background };
    case 'gg-sample-pos-line':
      return { stroke: p.samplePos };
    case 'gg-sample-pos-head':
      return { fill: p.samplePos };
    case 'gg-sample-neg-line':
      return { stroke: p.sampleNeg };
    case 'gg-sample-neg-head':
      return { fill: p.sampleNeg };
    case 'gg-batch-line':
      return { stroke: p.batch };
    case 'gg-batch-head':
      return { fill: p.batch };
    case 'gg-batch-label':
      return { fill: p.batch };
    case 'gg-chart-line':
      return { stroke: p.path };
    case 'gg-chart-cursor':
      return { stroke: p.update };
    case 'gg-chart-mark':
      return { stroke: p.muted };
    case 'gg-sign-pos':
      return { fill: p.signPos };
    case 'gg-sign-neg':
      return { fill: p.signNeg };
    case 'gg-sign-zero':
      return { fill: p.gridline };
    default:
      return {};
  }
}

/** Escapes text for SVG/XML text content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

const NAME = /^[A-Za-z][A-Za-z0-9:_-]*$/;

function serialize(node: SvgNode, palette: Palette, depth: number): string {
  if (!NAME.test(node.tag)) throw new Error(`bad SVG tag ${node.tag}`);
  const attrs: Record<string, string | number> = { ...node.attrs };
  for (const cls of String(attrs.class ?? '')
    .split(/\s+/)
    .filter(Boolean)) {
    const paint = paintFor(cls, palette);
    if (paint.fill !== undefined && attrs.fill === undefined) attrs.fill = paint.fill;
    if (paint.stroke !== undefined && attrs.stroke === undefined) attrs.stroke = paint.stroke;
  }
  const attrText = Object.entries(attrs)
    .filter(([k, v]) => NAME.test(k) && k !== 'style' && (typeof v === 'string' || Number.isFinite(v)))
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const indent = '  '.repeat(depth);
  const kids = node.children ?? [];
  if (kids.length === 0 && node.text === undefined) return `${indent}<${node.tag}${attrText}/>`;
  if (kids.length === 0) return `${indent}<${node.tag}${attrText}>${escapeXml(node.text ?? '')}</${node.tag}>`;
  const inner = kids.map((k) => serialize(k, palette, depth + 1)).join('\n');
  return `${indent}<${node.tag}${attrText}>${node.text !== undefined ? escapeXml(node.text) : ''}\n${inner}\n${indent}</${node.tag}>`;
}

/** A complete standalone SVG document of the scene in the given theme. */
export function renderSvg(scene: Scene, theme: ThemeKind = 'light', layout: SvgLayout = {}): string {
  return serializeSvg(sceneToSvgTree(scene, layout), theme);
}

/** Any tree rooted at <svg> (the plane, the loss chart, …) as a standalone document in a theme. */
export function serializeSvg(tree: SvgNode, theme: ThemeKind = 'light'): string {
  const palette = PALETTES[theme] ?? PALETTES.light;
  const root: SvgNode = { ...tree, attrs: { ...tree.attrs, 'font-family': 'system-ui, -apple-system, "Segoe UI", sans-serif', 'data-theme': theme } };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root, palette, 0)}\n`;
}
