/**
 * Entry of dist/webview.js, the one ES module of both webviews. In the panel (the page
 * webviewHtml.ts builds, loading it with <script type="module">) it connects to the host, restores
 * the view state, announces `ready`, then draws whatever the host sends. In a notebook, VS Code
 * imports it as the renderer (package.json `contributes.notebookRenderer`) and calls `activate`.
 */
import { checkAnalysisMessage } from '../shared/analysisWire';
import { unpackBatches } from '../shared/batchWire';
import { assertNever, isStatementKey, type HostMessage } from '../shared/protocol';
import { Panel } from './panel';
import { restoreState } from './state';
import { connectToHost } from './vscodeApi';

export { activate } from '../notebook/renderer';

const HOST_TYPES: ReadonlySet<string> = new Set<HostMessage['type']>([
  'analysis',
  'specErrors',
  'settings',
  'writeResult',
  'exportResult',
  'revealResult',
  'highlight',
  'measure',
]);

function isHostMessage(data: unknown): data is HostMessage {
  return typeof data === 'object' && data !== null && HOST_TYPES.has(String((data as { type?: unknown }).type));
}

/** A User Timing mark (performance.mark): the start-up's steps, read by scripts/bench-vscode.mjs. */
function mark(name: string): void {
  performance.mark(`gg:${name}`);
}

function start(): void {
  mark('start');
  const host = connectToHost();
  // Said first, so the host's answer travels while the panel builds (this whole function runs in
  // one task: no message can arrive before the listener below is in place).
  host.post({ type: 'ready' });
  const root = document.getElementById('app') ?? document.body;
  const motion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const panel = new Panel(root, host, restoreState(host.loadState()), {
    reducedMotion: () => motion.matches || document.body.classList.contains('vscode-reduce-motion'),
    requestFrame: (cb) => window.requestAnimationFrame(cb),
    cancelFrame: (id) => window.cancelAnimationFrame(id),
  });

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const msg = event.data;
    if (!isHostMessage(msg)) return;
    try {
      switch (msg.type) {
        case 'analysis':
          mark('analysis-received');
          unpackBatches(msg.analysis);
          panel.showAnalysis(checkAnalysisMessage(msg));
          mark('analysis-drawn');
          // The first picture's frame: the next animation frame has been laid out and painted.
          if (performance.getEntriesByName('gg:painted').length === 0) requestAnimationFrame(() => setTimeout(() => mark('painted'), 0));
          break;
        case 'specErrors':
          panel.showErrors(msg);
          break;
        case 'settings':
          panel.applySettings(msg.animationStepsPerSecond, msg.presenterMode === true);
          break;
        case 'highlight':
          panel.highlight(isStatementKey(msg.key) ? msg.key : null);
          break;
        case 'measure': {
          // After the workbench's layout change has reached this frame (two frames on).
          const id = Number(msg.id);
          requestAnimationFrame(() => requestAnimationFrame(() => host.post({ type: 'viewport', id, width: window.innerWidth, height: window.innerHeight })));
          break;
        }
        case 'writeResult':
        case 'exportResult':
        case 'revealResult':
          panel.showResult(msg.ok === true, String(msg.message).slice(0, 500));
          break;
        default:
          assertNever(msg);
      }
    } catch (e) {
      host.post({ type: 'log', level: 'error', text: `webview: ${String(e instanceof Error ? (e.stack ?? e.message) : e).slice(0, 9_000)}` });
      throw e;
    }
  });

  mark('panel-built');
}

// Only the panel's page starts the panel; a notebook only wants `activate`.
if (document.querySelector('#app[data-gg-view="panel"]')) start();
