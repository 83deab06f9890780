// Node-only (like nodeTransport.ts and nodeMain.ts): the analysis worker's role in a worker_threads
// thread the Node extension host started from dist/extension.js (main.ts picks the role).
import { nodeWorkerEndpoint } from './nodeTransport';
import { serveAnalysis } from './serveAnalysis';

/** Answers the host's requests on this worker thread's port. */
export function serveInWorkerThread(): void {
  serveAnalysis(nodeWorkerEndpoint(), () => process.memoryUsage().heapUsed);
}
