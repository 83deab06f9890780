// Entry of dist/analysisWorker.js (Node extension host): the analysis server behind a
// worker_threads port.
import { nodeWorkerEndpoint } from './nodeTransport';
import { serveAnalysis } from './serveAnalysis';

serveAnalysis(nodeWorkerEndpoint(), () => process.memoryUsage().heapUsed);
