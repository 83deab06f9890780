// Entry of dist/analysisWorker.js: the analysis server behind a worker_threads port. Requests are
// answered one at a time, in order; the host ends this worker when its job went stale.
import { nodeWorkerEndpoint } from './nodeTransport';
import { AnalysisServer } from './server';

const server = new AnalysisServer();
const endpoint = nodeWorkerEndpoint();
endpoint.onRequest((request) => {
  const response = server.handle(request);
  if (request.kind === 'stats' && response.ok) {
    // Test hooks compare the worker's heap with the host's.
    endpoint.respond({ ...response, result: { ...(response.result as object), heapUsed: heapUsed() } });
    return;
  }
  endpoint.respond(response);
});

function heapUsed(): number | undefined {
  const p = (globalThis as { process?: { memoryUsage?: () => { heapUsed: number } } }).process;
  return p?.memoryUsage?.().heapUsed;
}
