/**
 * Colours of the picture inside a notebook output: the panel's class → paint mapping (paintFor in
 * src/core/scene/renderSvg.ts) with VS Code's theme variables where the panel uses them, and the
 * exported SVGs' palette of the current theme kind as fallbacks, so the notebook picture, the
 * panel and exported SVGs agree. Rules are made for the classes actually drawn.
 */
import { PALETTES, paintFor, type Palette, type ThemeKind } from '../core/scene';

/** The theme kind from the classes VS Code puts on the webview's body. */
export function themeKind(body: Element): ThemeKind {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  return c.contains('vscode-dark') ? 'dark' : 'light';
}

/** The palette as CSS values: theme variables first (as media/panel.css), the kind's colours behind them. */
export function cssPalette(kind: ThemeKind): Palette {
  const p = PALETTES[kind];
  // High-contrast palettes are fixed colours, as in the panel.
  if (kind === 'high-contrast' || kind === 'high-contrast-light') return p;
  const v = (name: string, fallback: string): string => `var(--vscode-${name}, ${fallback})`;
  return {
    ...p,
    background: v('editor-background', p.background),
    foreground: v('editor-foreground', p.foreground),
    muted: v('descriptionForeground', p.muted),
    gridline: v('editorIndentGuide-background', p.gridline),
    path: v('charts-orange', p.path),
    cone: v('charts-green', p.cone),
    update: v('charts-blue', p.update),
    toOptimum: v('descriptionForeground', p.toOptimum),
    optimum: v('charts-purple', p.optimum),
  };
}

/** CSS rules giving each class in `classes` its fill and stroke. */
export function paintRules(classes: Iterable<string>, palette: Palette): string {
  const rules: string[] = [];
  for (const cls of classes) {
    if (!/^[A-Za-z][\w-]*$/.test(cls)) continue;
    const paint = paintFor(cls, palette);
    const decl = [paint.fill !== undefined ? `fill: ${paint.fill};` : '', paint.stroke !== undefined ? `stroke: ${paint.stroke};` : ''].join(' ').trim();
    if (decl) rules.push(`.${cls} { ${decl} }`);
  }
  return rules.join('\n');
}

/** Every class used under `root`. */
export function classesIn(root: Element): Set<string> {
  const out = new Set<string>();
  for (const el of root.querySelectorAll('[class]')) for (const c of (el.getAttribute('class') ?? '').split(/\s+/)) if (c) out.add(c);
  return out;
}
