// The seam between the analysis service and wherever its worker runs: a Node `worker_threads`
// Worker (nodeTransport.ts) in the desktop and server extension hosts, a Web Worker in a browser
// build. The service only posts requests, hears responses and ends the worker.
import type { WorkerRequest, WorkerResponse } from './protocol';

/** The host's end of one running worker. */
export interface AnalysisTransport {
  post(request: WorkerRequest): void;
  /** Called with every response, in the order the worker sent them. */
  onResponse(listener: (response: WorkerResponse) => void): void;
  /** Called once if the worker dies (an exception outside a request, out of memory, exit). */
  onExit(listener: (reason: string) => void): void;
  /** Ends the worker now, whatever it is doing (a stale heavy job). */
  terminate(): void;
}

/** Starts a fresh worker. */
export type TransportFactory = () => AnalysisTransport;

/** The worker's end: where requests arrive and responses go. */
export interface WorkerEndpoint {
  onRequest(listener: (request: WorkerRequest) => void): void;
  respond(response: WorkerResponse): void;
}
