// Test harness for the panel in headless Chromium: serves the built bundle and stylesheet from a
// loopback HTTP server inside the page `buildWebviewHtml` makes (same CSP as in VS Code), with a
// recording stand-in for `acquireVsCodeApi`, and collects CSP violations and console errors.
/* global console, window, document, URL, before, after, it, requestIdleCallback */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import process from 'node:process';
import { Buffer } from 'node:buffer';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import { launchChromium } from '../../scripts/lib/chromium.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** The shell module, compiled from TypeScript on the fly so the test uses exactly the host's page. */
async function loadWebviewHtml() {
  const out = await esbuild.build({
    entryPoints: [path.join(root, 'src/shared/webviewHtml.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/**
 * The real pipeline (parser → engine → analysis) for the example lessons: { file: Analysis }.
 * Compiled from TypeScript on the fly, like the shell.
 */
export async function exampleAnalyses() {
  const entry = "export { parseSpec } from './src/core/spec/parse'; export { analyzeSpec } from './src/core/analysis/analyze';";
  const out = await esbuild.build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const { parseSpec, analyzeSpec } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  const dir = path.join(root, 'examples');
  const result = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.neuron'))
    .sort()) {
    const parsed = parseSpec(readFileSync(path.join(dir, file), 'utf8'));
    if (parsed.spec) result[file] = analyzeSpec(parsed.spec);
  }
  return result;
}

/** A lesson's text without its `predict = quadrant` (tests of other behaviour step freely). */
export function unasked(text) {
  return text.replace(/^predict = quadrant.*$/m, '');
}

/**
 * The host's 'analysis' messages for the example lessons (without their predict-first question
 * unless `asked`), as the extension sends them: the
 * analysis, the resolved spec and the statements' lines. `edit(text)` may change each text first
 * (e.g. more steps). Each run's path is in its typed columns, exactly as the host posts it
 * (src/shared/analysisWire.ts; `pathEntry` reads one entry). Returns { file: message }.
 */
export async function exampleMessages(edit = (text) => text, writable = true, { asked = false } = {}) {
  const entry =
    "export { parseSpec } from './src/core/spec/parse'; export { analyzeSpec } from './src/core/analysis/analyze'; export { statementLines } from './src/shared/specEdits';";
  const out = await esbuild.build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const { parseSpec, analyzeSpec, statementLines } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  const dir = path.join(root, 'examples');
  const result = {};
  let version = 1;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.neuron'))
    .sort()) {
    const text = edit(asked ? readFileSync(path.join(dir, file), 'utf8') : unasked(readFileSync(path.join(dir, file), 'utf8')));
    const { spec } = parseSpec(text);
    if (!spec) continue;
    const message = {
      type: 'analysis',
      version: version++,
      source: file,
      documentUri: `file:///work/examples/${file}`,
      analysis: analyzeSpec(spec),
      spec,
      statementLines: statementLines(text, spec),
      writable,
    };
    result[file] = message;
  }
  return result;
}

/**
 * Entry k of a run's path columns (src/core/analysis/runPath.ts) as plain numbers: its step,
 * weights, loss (null when not finite) and recorded batch and δₚ (empty when none).
 */
export function pathEntry(path, k) {
  const { q, n, sampleStart } = path;
  const s0 = sampleStart[k];
  const s1 = sampleStart[k + 1];
  const loss = path.loss[k];
  return {
    step: path.step[k],
    w: Array.from(path.theta.subarray(k * q, k * q + n)),
    loss: Number.isNaN(loss) ? null : loss,
    batch: Array.from(path.batch.subarray(s0, s1)),
    deltas: Array.from(path.deltas.subarray(s0, s1)),
  };
}

/**
 * The host's 'analysis' message for one spec text (e.g. a test fixture), as exampleMessages makes
 * them: `source` is its file name.
 */
export async function specMessage(text, source, version = 1) {
  const entry =
    "export { parseSpec } from './src/core/spec/parse'; export { analyzeSpec } from './src/core/analysis/analyze'; export { statementLines } from './src/shared/specEdits';";
  const out = await esbuild.build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const { parseSpec, analyzeSpec, statementLines } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  const { spec } = parseSpec(text);
  if (!spec) throw new Error(`${source} does not parse`);
  return {
    type: 'analysis',
    version,
    source,
    documentUri: `file:///work/test/${source}`,
    analysis: analyzeSpec(spec),
    spec,
    statementLines: statementLines(text, spec),
    writable: true,
  };
}

/** Fixtures built by `npm run build:tests` from test/unit/scene/fixture.ts. */
export function fixtures() {
  return require(path.join(root, 'out/test/unit/scene/fixture.js'));
}

/** Starts the loopback server; returns { url, requests, close }. */
export async function startServer() {
  const { buildWebviewHtml, makeNonce } = await loadWebviewHtml();
  const files = {
    '/dist/webview.js': ['application/javascript', path.join(root, 'dist/webview.js')],
    '/media/panel.css': ['text/css', path.join(root, 'media/panel.css')],
  };
  const requests = [];
  let origin = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/favicon.ico') {
      // Chromium asks for it on its own; it is not part of the panel.
      res.writeHead(204).end();
      return;
    }
    requests.push(url.pathname);
    if (url.pathname === '/' || url.pathname === '/panel.html') {
      const html = buildWebviewHtml({
        cspSource: origin,
        nonce: makeNonce((n) => randomBytes(n)),
        scriptUri: `${origin}/dist/webview.js`,
        styleUri: `${origin}/media/panel.css`,
        title: 'lesson.neuron <test>',
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
      return;
    }
    const file = files[url.pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' });
    res.end(readFileSync(file[1]));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return { url: `${origin}/`, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function startBrowser() {
  return launchChromium();
}

/**
 * Opens the panel in a fresh context. `state` is what the stand-in's getState returns (a reload).
 * Returns { page, context, problems } where problems collects CSP violations and console errors.
 */
export async function openPanel(browser, serverUrl, { state, reducedMotion = 'no-preference', init } = {}) {
  const context = await browser.newContext({ reducedMotion, viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  // An extra script to run before the panel's (the benchmark's frame timer).
  if (init) await page.addInitScript(init);
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.addInitScript((saved) => {
    const gg = { posted: [], state: saved ?? undefined, saves: 0, violations: [], acquired: 0 };
    window.__gg = gg;
    document.addEventListener('securitypolicyviolation', (e) => gg.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.acquireVsCodeApi = () => {
      gg.acquired += 1;
      if (gg.acquired > 1) throw new Error('An instance of the VS Code API has already been acquired');
      return Object.freeze({
        postMessage: (m) => gg.posted.push(JSON.parse(JSON.stringify(m))),
        getState: () => gg.state,
        setState: (s) => {
          gg.state = JSON.parse(JSON.stringify(s));
          gg.saves += 1;
        },
      });
    };
  }, state ?? null);
  await page.goto(serverUrl);
  await page.waitForFunction(() => window.__gg.posted.length > 0);
  return { page, context, problems };
}

/**
 * Delivers a host message the way VS Code does (a window message event), then waits until the
 * panel has handled it and the page has been idle once: what the first frame after an edit does not
 * show (the charts below the screen, a plane hidden behind the side-by-side planes) is drawn then
 * (src/webview/idleWork.ts).
 */
export async function send(page, message) {
  await page.evaluate(
    (m) =>
      new Promise((resolve) => {
        // Listeners run in order: the panel's first, then this one; idle callbacks in the order asked for.
        window.addEventListener('message', () => requestIdleCallback(() => resolve(), { timeout: 2000 }), { once: true });
        window.postMessage(m, '*');
      }),
    message,
  );
}

export async function posted(page) {
  return page.evaluate(() => window.__gg.posted);
}

/** CSP violations seen by the page plus console errors and page errors. */
export async function failures(page, problems) {
  const violations = await page.evaluate(() => window.__gg.violations);
  return [...violations.map((v) => `CSP violation: ${v}`), ...problems];
}

/**
 * The shared setup of a mocha suite of panels; call it inside `describe`. Starts the loopback
 * server and Chromium in before() and closes them in after(); with `messages: true` it also loads
 * exampleMessages() there. Returns
 * - `env`: { server, browser, messages }, filled in once before() has run;
 * - `panel(options)`: opens a panel (openPanel) and remembers it for the test that opened it;
 * - `test(title, fn)`: an `it` that runs fn, then also fails on any CSP violation, console error
 *   or page error of the panels it opened, and closes their contexts.
 */
export function usePanelSuite({ messages = false } = {}) {
  const env = { server: undefined, browser: undefined, messages: undefined };
  let open = [];

  before(async () => {
    env.server = await startServer();
    env.browser = await startBrowser();
    if (messages) env.messages = await exampleMessages();
  });

  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });

  async function panel(options) {
    const p = await openPanel(env.browser, env.server.url, options);
    open.push(p);
    return p;
  }

  function test(title, fn) {
    it(title, async function () {
      try {
        await fn.call(this);
        const all = [];
        for (const p of open) all.push(...(await failures(p.page, p.problems)));
        assert.deepEqual(all, [], 'no CSP violation, console error or page error');
      } finally {
        for (const p of open) await p.context.close();
        open = [];
      }
    });
  }

  return { env, panel, test };
}

export function log(...args) {
  if (process.env.GG_VERBOSE) console.log(...args);
}

/**
 * Moves the panel to the last step of its path (a panel opens at step 0, before the answer): the
 * tests that read the finished run start with this.
 */
export async function atEnd(page) {
  const scrub = page.getByTestId('gg-scrub');
  await page.getByTestId('gg-plane').first().waitFor({ state: 'attached' });
  await scrub.fill(await scrub.getAttribute('max'));
}
