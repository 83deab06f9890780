// The worker side of the analysis, whichever kind of worker it runs in (nodeWorker.ts,
// webWorker.ts): requests are answered one at a time, in order; the host ends the worker when its
// job went stale.
import { AnalysisServer } from './server';
import type { WorkerEndpoint } from './transport';

/** Answers every request that arrives at `endpoint`; `heapUsed` (when the runtime can tell) goes into stats. */
export function serveAnalysis(endpoint: WorkerEndpoint, heapUsed: () => number | undefined): void {
  const server = new AnalysisServer();
  endpoint.onRequest((request) => {
    const response = server.handle(request);
    if (request.kind === 'stats' && response.ok) {
      // Test hooks compare the worker's heap with the host's.
      endpoint.respond({ ...response, result: { ...(response.result as object), heapUsed: heapUsed() } });
      return;
    }
    endpoint.respond(response);
  });
}
