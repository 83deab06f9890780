/**
 * The Export group: the picture as SVG or PNG in the current theme, the path as CSV or JSON. The
 * panel says what to export (`picture`); the request goes to the host, which asks where to save.
 */
import type { Analysis } from '../core/analysis/types';
import type { Scene } from '../core/scene';
import type { ExportFormat, PanelRequest } from '../shared/protocol';
import { button, h } from './dom';
import { exportRequest, themeKind } from './exporter';

export interface ExportSource {
  /** The picture on screen at the current step (its scene, analysis and source name), or null when there is none. */
  picture(): { scene: Scene; analysis: Analysis; source: string | undefined } | null;
  post(request: PanelRequest): void;
  status(ok: boolean, message: string): void;
}

const FORMATS = ['svg', 'png', 'csv', 'json'] as const satisfies readonly ExportFormat[];

export class ExportControls {
  readonly buttons: HTMLButtonElement[] = FORMATS.map((f) => this.button(f));
  readonly element = h(
    'div',
    { className: 'gg-exports', attrs: { role: 'group', 'aria-label': 'Export' } },
    h('span', { className: 'gg-field-name', text: 'Export' }),
    ...this.buttons,
  );

  constructor(
    private readonly source: ExportSource,
    private readonly size: { width: number; height: number },
  ) {}

  private button(format: ExportFormat): HTMLButtonElement {
    const b = button(
      format.toUpperCase(),
      `gg-export-${format}`,
      format === 'svg' || format === 'png' ? `Save the picture as ${format.toUpperCase()} in the current theme` : `Save the path as ${format.toUpperCase()}`,
      'gg-button gg-secondary',
    );
    b.addEventListener('click', () => void this.export(format));
    return b;
  }

  private async export(format: ExportFormat): Promise<void> {
    const p = this.source.picture();
    if (!p) return;
    try {
      this.source.post(await exportRequest(format, p.scene, p.analysis, themeKind(document.body), p.source, this.size));
      this.source.status(true, `Choose where to save the ${format.toUpperCase()}…`);
    } catch (e) {
      this.source.status(false, `Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
