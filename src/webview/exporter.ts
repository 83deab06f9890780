/**
 * Exports of the current picture (SVG and PNG, in the current theme) and of the path (CSV, JSON).
 * The webview only prepares the data; the host saves it through a save dialog, never a download.
 */
import type { Analysis } from '../core/analysis/types';
import { pathCsv, pathJson, renderSvg, type Scene, type ThemeKind } from '../core/scene';
import type { ExportFormat, PanelRequest } from '../shared/protocol';

/** The theme kind of the page, from VS Code's body classes. */
export function themeKind(body: HTMLElement): ThemeKind {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-dark')) return 'dark';
  return 'light';
}

/** A safe base file name from the panel's source ("lesson.neuron" → "lesson"). */
export function baseName(source: string | undefined): string {
  const stem = (source ?? 'gradient-geometry')
    .replace(/\.neuron$/i, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[^A-Za-z0-9_]+/, '');
  return (stem || 'gradient-geometry').slice(0, 60);
}

/** Rasterises an SVG document to PNG (base64, no data: prefix) at `scale` × its size. */
export async function svgToPngBase64(svg: string, width: number, height: number, scale = 2): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the SVG could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The request that saves `format` of the current picture or path. */
export async function exportRequest(
  format: ExportFormat,
  scene: Scene,
  analysis: Analysis,
  theme: ThemeKind,
  source: string | undefined,
  size: { width: number; height: number },
): Promise<PanelRequest> {
  const base = `${baseName(source)}-step${scene.current}`;
  const layout = { width: size.width, height: size.height };
  switch (format) {
    case 'svg':
      return { type: 'export', format, fileName: `${base}.svg`, data: renderSvg(scene, theme, layout) };
    case 'png':
      return { type: 'export', format, fileName: `${base}.png`, data: await svgToPngBase64(renderSvg(scene, theme, layout), size.width, size.height) };
    case 'csv':
      return { type: 'export', format, fileName: `${baseName(source)}-path.csv`, data: pathCsv(analysis) };
    case 'json':
      return { type: 'export', format, fileName: `${baseName(source)}-path.json`, data: pathJson(analysis) };
  }
}
