// Entry of dist/web/analysisWorker.js (web worker extension host: vscode.dev, github.dev): the
// analysis server behind a Web Worker's message port.
import { serveAnalysis } from './serveAnalysis';
import { webWorkerEndpoint } from './webWorkerTransport';

// Browsers do not report a worker's heap (performance.memory is main-thread only and non-standard).
serveAnalysis(webWorkerEndpoint(), () => undefined);
