// Loaded by scripts/bench-startup.mjs as the extensionTestsPath of a real VS Code extension host:
// opens the first .neuron file of the session and times, in that host, what the extension costs
// on the way to its first diagnostics. Writes JSON to GG_STARTUP_RESULTS.
//   toLoad      from openTextDocument until VS Code starts loading dist/extension.js (its dispatch)
//   load        compiling and evaluating dist/extension.js (Module.prototype._compile)
//   activate    the activate() call
//   toActive    from openTextDocument to the extension being active
//   toWorker    from openTextDocument until the analysis worker is created
//   workerFirstAnswer  from creating the worker to its first answer (thread start, its bundle, the
//               first analysis)
//   toFirst     from openTextDocument to the file's first diagnostics (activation, worker start,
//               the worker bundle's load, the first analysis)
//   activationToFirst  from the activate() call to the first file's diagnostics
//   warm        the same for a second file once the worker runs (the analysis alone)
/* global require, exports, process, performance, setTimeout, clearTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module: VS Code require()s extensionTestsPath */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const EXTENSION_ID = 'gradient-geometry.gradient-geometry';
const times = {};

// Moments (performance.now() in this process) on the way, recorded without touching the bundle:
// its load and activate() as the host does them, and the analysis worker's start and first answer.
const at = {};
const compile = Module.prototype._compile;
Module.prototype._compile = function timedCompile(content, filename) {
  if (!filename.endsWith(`${path.sep}dist${path.sep}extension.js`)) return compile.call(this, content, filename);
  at.loadStart = performance.now();
  const result = compile.call(this, content, filename);
  at.loadEnd = performance.now();
  const { activate, ...rest } = this.exports;
  this.exports = {
    ...rest,
    activate(...args) {
      at.activateStart = performance.now();
      try {
        return activate.apply(this, args);
      } finally {
        at.activateEnd = performance.now();
      }
    },
  };
  return result;
};
const threads = require('node:worker_threads');
const Worker = threads.Worker;
threads.Worker = class TimedWorker extends Worker {
  constructor(...args) {
    const created = performance.now();
    super(...args);
    at.workerCreated ??= created;
    this.once('message', () => {
      at.firstAnswer ??= performance.now();
    });
  }
};

/** Resolves with the time from `start` until `uri` has diagnostics from this extension. */
function diagnosticsOf(vscode, uri, start) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no diagnostics for ${uri.path} within 60 s`));
    }, 60_000);
    const check = () => {
      if (!vscode.languages.getDiagnostics(uri).some((d) => d.source === 'gradient-geometry')) return false;
      clearTimeout(timer);
      sub.dispose();
      resolve(performance.now() - start);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics(() => void check());
    check();
  });
}

exports.run = async function run() {
  const vscode = require('vscode');
  const out = process.env.GG_STARTUP_RESULTS;
  try {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
    if (ext.isActive) throw new Error('the extension was already active before the first .neuron file opened');
    // A user opens a file once the window is up: let the workbench's own start-up settle first.
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.GG_STARTUP_SETTLE_MS ?? 3000)));
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const spec = (name) => vscode.Uri.joinPath(folder, name);
    // Both files carry a misspelled optimizer (GG210), so their first diagnostics are certain.
    const start = performance.now();
    const first = diagnosticsOf(vscode, spec('startup-first.neuron'), start);
    const active = new Promise((resolve) => {
      const poll = () => (ext.isActive ? resolve(performance.now() - start) : setTimeout(poll, 1));
      poll();
    });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(spec('startup-first.neuron')));
    times.toActive = await active;
    times.toFirst = await first;
    const since = (t) => (t === undefined ? undefined : t - start);
    Object.assign(times, {
      load: at.loadEnd - at.loadStart,
      activate: at.activateEnd - at.activateStart,
      toLoad: since(at.loadStart),
      toWorker: since(at.workerCreated),
      workerFirstAnswer: at.firstAnswer - at.workerCreated,
      activationToFirst: times.toFirst - since(at.activateStart),
    });
    const warmStart = performance.now();
    const warm = diagnosticsOf(vscode, spec('startup-second.neuron'), warmStart);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(spec('startup-second.neuron')));
    times.warm = await warm;
    fs.writeFileSync(out, JSON.stringify({ ok: true, vscode: vscode.version, times }));
  } catch (e) {
    fs.writeFileSync(out, JSON.stringify({ ok: false, error: String(e && e.stack ? e.stack : e), times }));
  }
};
