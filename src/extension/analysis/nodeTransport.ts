// Node-only (like nodeWorker.ts and nodeMain.ts): both ends of a `worker_threads` transport.
// Its Web Worker twin is webWorkerTransport.ts; each entry point (nodeMain.ts, webMain.ts) picks one.
import { existsSync } from 'node:fs';
import { Worker, parentPort } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from './protocol';
import type { AnalysisTransport, TransportFactory, WorkerEndpoint } from './transport';

/**
 * Starts `script` (the bundled dist/analysisWorker.js) as a worker thread for each new transport;
 * undefined when the script is not there (an incomplete package).
 */
export function nodeTransportFactory(script: string): TransportFactory | undefined {
  if (!existsSync(script)) return undefined;
  return () => {
    const worker = new Worker(script, { name: 'gradient-geometry-analysis' });
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

/** The worker thread's end (worker.ts). */
export function nodeWorkerEndpoint(): WorkerEndpoint {
  const port = parentPort;
  if (!port) throw new Error('analysisWorker.js must run in a worker thread');
  return {
    onRequest: (listener) => void port.on('message', (m: WorkerRequest) => listener(m)),
    respond: (response) => port.postMessage(response),
  };
}
