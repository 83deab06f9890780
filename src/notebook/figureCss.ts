/**
 * Layout of a figure in a notebook output (inside its shadow root, so nothing leaks into the
 * notebook). Colours are VS Code's theme variables; the picture's own colours come from
 * themeStyle.ts.
 */
export const FIGURE_CSS = `
:host { display: block; }
.gg-nb {
  color: var(--vscode-foreground, inherit);
  font-family: var(--vscode-font-family, system-ui, sans-serif);
  font-size: var(--vscode-font-size, 13px);
  line-height: 1.4;
  max-width: 640px;
  padding: 4px 0;
}
.gg-nb-title { margin: 0 0 4px; font-size: 1em; font-weight: 600; }
.gg-nb-sentence { margin: 0 0 6px; }
.gg-keys { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0 0 6px; }
.gg-key { display: flex; gap: 6px; }
.gg-key dt { color: var(--vscode-descriptionForeground, inherit); }
.gg-key dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 600; }
.gg-key-alert dd { color: var(--vscode-errorForeground, #c72e0f); }
.gg-nb-plane svg { display: block; width: 100%; max-width: 520px; height: auto; }
.gg-nb-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin: 6px 0; }
.gg-nb-controls input[type=range] { flex: 1 1 200px; max-width: 400px; accent-color: var(--vscode-charts-orange, #c2410c); }
.gg-nb-step { font-variant-numeric: tabular-nums; color: var(--vscode-descriptionForeground, inherit); }
.gg-nb button {
  padding: 2px 10px;
  border: 1px solid var(--vscode-button-border, transparent);
  color: var(--vscode-button-foreground, #ffffff);
  background: var(--vscode-button-background, #0e639c);
  font: inherit;
  cursor: pointer;
}
.gg-nb button:hover { background: var(--vscode-button-hoverBackground, #1177bb); }
.gg-nb button.gg-nb-secondary {
  color: var(--vscode-button-secondaryForeground, #ffffff);
  background: var(--vscode-button-secondaryBackground, #5f6a79);
}
.gg-nb button:focus-visible, .gg-nb input:focus-visible, .gg-nb summary:focus-visible {
  outline: 2px solid var(--vscode-focusBorder, #0090f1);
  outline-offset: 1px;
}
.gg-nb-error {
  margin: 4px 0;
  padding: 6px 8px;
  border-left: 3px solid var(--vscode-errorForeground, #c72e0f);
  background: var(--vscode-inputValidation-errorBackground, transparent);
}
.gg-nb-error p { margin: 0 0 4px; }
.gg-nb pre { margin: 0; white-space: pre-wrap; font-family: var(--vscode-editor-font-family, monospace); }
.gg-nb details { margin-top: 4px; }
.gg-nb summary { cursor: pointer; color: var(--vscode-descriptionForeground, inherit); }
`;
