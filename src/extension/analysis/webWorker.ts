// The analysis worker's role in a nested Web Worker the web worker extension host (vscode.dev,
// github.dev) started from dist/extension.js (main.ts picks the role).
import { serveAnalysis } from './serveAnalysis';
import { webWorkerEndpoint } from './webWorkerTransport';

/** Answers the host's requests on this Web Worker's message port. */
export function serveInWebWorker(): void {
  // Browsers do not report a worker's heap (performance.memory is main-thread only and non-standard).
  serveAnalysis(webWorkerEndpoint(), () => undefined);
}
