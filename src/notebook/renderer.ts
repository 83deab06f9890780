/**
 * The notebook renderer (package.json `contributes.notebookRenderer`: dist/webview.js, the ES
 * module it shares with the panel, exports this `activate`): draws output items of NOTEBOOK_MIME as an interactive
 * figure. Each output lives in its own shadow root, so its stylesheet neither leaks into the
 * notebook nor picks up the notebook's. When renderer messaging is available it reports what it
 * drew and forwards "Open in panel" to the extension.
 */
import { readNotebookFigure, type RendererMessage } from '../shared/notebookMime';
import { FigureView } from './figureView';
import { FIGURE_CSS } from './figureCss';
import type { ActivationFunction, OutputItem } from './rendererApi';
import { classesIn, cssPalette, paintRules, themeKind } from './themeStyle';
import { h } from '../webview/dom';

const REPORT_DELAY_MS = 250;

interface Shown {
  readonly view: FigureView | null;
  readonly restyle: () => void;
}

export const activate: ActivationFunction = (context) => {
  const shown = new Map<string, Shown>();
  const post = (message: RendererMessage): void => context.postMessage?.(message);
  // Theme changes put new classes on the body: every figure takes the new palette.
  new MutationObserver(() => shown.forEach((s) => s.restyle())).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  let count = 0;

  return {
    renderOutputItem(item: OutputItem, element: HTMLElement): void {
      shown.get(item.id)?.view?.dispose();
      const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
      const layout = h('style', { text: FIGURE_CSS });
      const paint = h('style');
      let data: unknown;
      try {
        data = item.json();
      } catch {
        data = undefined; // not JSON: readNotebookFigure says what was expected
      }
      const read = readNotebookFigure(data);
      if ('error' in read) {
        const box = h(
          'div',
          { className: 'gg-nb gg-nb-error', testid: 'gg-nb-error', attrs: { role: 'alert' } },
          h('p', { text: `Gradient Geometry cannot show this output: ${read.error}.` }),
        );
        root.replaceChildren(layout, box);
        shown.set(item.id, { view: null, restyle: () => undefined });
        post({ type: 'rendered', outputId: item.id, title: '', pathPoints: 0, conePolygons: 0, step: 0, lastStep: 0, sentence: '', problems: [read.error] });
        return;
      }
      const { figure } = read;
      const restyle = (): void => {
        paint.textContent = paintRules(classesIn(view.element), cssPalette(themeKind(document.body)));
      };
      // Reported once the reader stops moving the step (playing would send 20 messages a second).
      let pending: ReturnType<typeof setTimeout> | undefined;
      const onChange = (): void => {
        if (!painted) return;
        restyle();
        clearTimeout(pending);
        pending = setTimeout(() => post({ type: 'rendered', outputId: item.id, ...view.report }), REPORT_DELAY_MS);
      };
      let painted = false;
      const openInPanel = context.postMessage ? () => post({ type: 'openInPanel', spec: figure.spec, title: figure.title ?? 'notebook figure' }) : undefined;
      const view = new FigureView(figure, `gg-nb${count++}`, onChange, openInPanel);
      root.replaceChildren(layout, paint, view.element);
      painted = true;
      onChange();
      shown.set(item.id, { view, restyle });
    },

    disposeOutputItem(id?: string): void {
      for (const [key, s] of shown) {
        if (id !== undefined && key !== id) continue;
        s.view?.dispose();
        shown.delete(key);
      }
    },
  };
};
