// Node-only (like nodeWorker.ts and nodeMain.ts): both ends of a `worker_threads` transport, and
// the test main.ts asks first on Node (which role dist/extension.js plays). Its Web Worker twin is
// webWorkerTransport.ts; each host role (nodeMain.ts, webMain.ts) picks one.
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from './protocol';
import type { AnalysisTransport, TransportFactory, WorkerEndpoint } from './transport';

/** What the host passes as `workerData`, so that the bundle knows it is the analysis worker. */
const ANALYSIS_WORKER_DATA = { gradientGeometryRole: 'analysis' } as const;

/** True on a worker thread that nodeTransportFactory started (main.ts then serves the analysis). */
export function isAnalysisWorkerThread(): boolean {
  const data: unknown = workerData;
  return (
    typeof data === 'object' && data !== null && (data as { gradientGeometryRole?: unknown }).gradientGeometryRole === ANALYSIS_WORKER_DATA.gradientGeometryRole
  );
}

/**
 * Starts `script` (dist/extension.js, the host's own bundle: main.ts sees the worker data and
 * serves the analysis) as a worker thread for each new transport.
 */
export function nodeTransportFactory(script: string): TransportFactory {
  return () => {
    const worker = new Worker(script, { name: 'gradient-geometry-analysis', workerData: ANALYSIS_WORKER_DATA });
    // The extension host may exit without waiting for analysis.
    worker.unref();
    let exited = false;
    const exitListeners: ((reason: string) => void)[] = [];
    const exit = (reason: string): void => {
      if (exited) return;
      exited = true;
      for (const l of exitListeners) l(reason);
    };
    worker.on('error', (e) => exit(`error: ${e instanceof Error ? e.message : String(e)}`));
    worker.on('exit', (code) => exit(`exited with code ${code}`));
    const transport: AnalysisTransport = {
      post: (request) => worker.postMessage(request),
      onResponse: (listener) => void worker.on('message', (m: WorkerResponse) => listener(m)),
      onExit: (listener) => void exitListeners.push(listener),
      terminate: () => {
        exited = true;
        void worker.terminate();
      },
    };
    return transport;
  };
}

/** The worker thread's end (nodeWorker.ts). */
export function nodeWorkerEndpoint(): WorkerEndpoint {
  const port = parentPort;
  if (!port) throw new Error('the analysis worker must run in a worker thread');
  return {
    onRequest: (listener) => void port.on('message', (m: WorkerRequest) => listener(m)),
    respond: (response) => port.postMessage(response),
  };
}
