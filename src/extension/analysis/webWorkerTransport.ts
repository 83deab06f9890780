// Both ends of a Web Worker transport, for the web worker extension host (vscode.dev, github.dev):
// the twin of nodeTransport.ts, chosen by the web host's role (webMain.ts). VS Code lets a web
// extension start nested workers from scripts inside the extension (by URL): the worker runs
// dist/extension.js itself, as a plain script (main.ts then serves the analysis).
import type { WorkerRequest, WorkerResponse } from './protocol';
import type { AnalysisTransport, TransportFactory, WorkerEndpoint } from './transport';

// The few Web Worker API members used here; the project compiles without the DOM/WebWorker libs.
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (e: { data: WorkerResponse }) => void): void;
  addEventListener(type: 'error', listener: (e: { message?: string }) => void): void;
}
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: { data: WorkerRequest }) => void): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => WebWorker;
declare const self: WorkerScope;

/** Starts `scriptUrl` (dist/extension.js, the host's own bundle) as a Web Worker for each new transport. */
export function webWorkerTransportFactory(scriptUrl: string): TransportFactory {
  return () => {
    const worker = new Worker(scriptUrl, { name: 'gradient-geometry-analysis' });
    let exited = false;
    const exitListeners: ((reason: string) => void)[] = [];
    // A Web Worker has no exit event: an uncaught error (or a script that fails to load) ends it for us.
    worker.addEventListener('error', (e) => {
      if (exited) return;
      exited = true;
      worker.terminate();
      for (const l of exitListeners) l(`error: ${e.message ?? 'the worker failed'}`);
    });
    const transport: AnalysisTransport = {
      post: (request) => worker.postMessage(request),
      onResponse: (listener) => worker.addEventListener('message', (e) => listener(e.data)),
      onExit: (listener) => void exitListeners.push(listener),
      terminate: () => {
        exited = true;
        worker.terminate();
      },
    };
    return transport;
  };
}

/** The Web Worker's end (webWorker.ts). */
export function webWorkerEndpoint(): WorkerEndpoint {
  return {
    onRequest: (listener) => self.addEventListener('message', (e) => listener(e.data)),
    respond: (response) => self.postMessage(response),
  };
}
