// A transport that runs the analysis server on the calling thread, one request per macrotask.
// For unit tests, and the fallback when the worker bundle is missing (analysis then blocks the
// host as it did before the worker existed, which the log says).
import { AnalysisServer } from './server';
import type { WorkerResponse } from './protocol';
import type { AnalysisTransport, TransportFactory } from './transport';

export const inProcessTransportFactory: TransportFactory = () => {
  const server = new AnalysisServer();
  const listeners: ((r: WorkerResponse) => void)[] = [];
  let ended = false;
  const transport: AnalysisTransport = {
    post: (request) => {
      setTimeout(() => {
        if (ended) return;
        const response = server.handle(request);
        for (const l of listeners) l(response);
      }, 0);
    },
    onResponse: (listener) => void listeners.push(listener),
    onExit: () => undefined,
    terminate: () => {
      ended = true;
    },
  };
  return transport;
};
