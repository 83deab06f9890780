// Entry of dist/extension.js, the one bundle of the extension's own code (package.json `main` and
// `browser`). It plays one of four roles, decided here before anything imports 'vscode' (the
// analysis worker has no such module):
//
//   Web Worker, loaded as a CommonJS module  → the web worker extension host (webMain.ts)
//   Web Worker, run as a plain script        → the analysis worker the web host started (analysis/webWorker.ts)
//   Node, a worker thread marked as ours     → the analysis worker the Node host started (analysis/nodeWorker.ts)
//   Node, otherwise                          → the Node extension host (nodeMain.ts)
//
// esbuild evaluates ES imports eagerly, so each role's module is reached through require(), which it
// bundles as a lazy wrapper: only the chosen role's modules (and 'vscode' only for a host) are evaluated.
// The web extension host evaluates its extensions as CommonJS (module, exports and a require that
// knows 'vscode'); a nested Web Worker runs the same file as a classic script, without `module`.
// `module` here is CommonJS's; Node's built-ins are reached only through nodeTransport.ts, on Node.

/** Defined in every Web Worker (the web extension host and the analysis worker), never in Node. */
declare const WorkerGlobalScope: unknown;

if (typeof WorkerGlobalScope !== 'undefined') {
  if (typeof module === 'undefined') (require('./analysis/webWorker') as typeof import('./analysis/webWorker')).serveInWebWorker();
  else module.exports = require('./webMain') as typeof import('./webMain');
} else {
  const node = require('./analysis/nodeTransport') as typeof import('./analysis/nodeTransport');
  if (node.isAnalysisWorkerThread()) (require('./analysis/nodeWorker') as typeof import('./analysis/nodeWorker')).serveInWorkerThread();
  else module.exports = require('./nodeMain') as typeof import('./nodeMain');
}
