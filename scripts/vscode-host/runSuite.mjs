// Runs the integration suite (out/test/suite/index.js) inside a real VS Code extension host.
//  - code-server: the workbench is opened in Chromium with an extensionDevelopmentPath /
//    extensionTestsPath payload; the suite writes its results to a file polled here.
//  - @vscode/test-electron: only where VS Code can be downloaded; when it cannot (ENOTFOUND and
//    friends, within milliseconds here) that is reported as one labelled skip.
import { existsSync, readFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { launchChromium } from '../lib/chromium.mjs';
import { projectRoot } from './install.mjs';
import { startCodeServer } from './server.mjs';
import { makeExamplesWorkspace } from './workspace.mjs';
import { scaled, timeScale } from '../lib/timeScale.mjs';
import { serveWebviewProbes } from './webviewProbe.mjs';

export const SUITE_ENTRY = path.join(projectRoot, 'out', 'test', 'suite', 'index.js');

function readResults(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // not written yet, or being replaced
  }
}

export function report(label, results) {
  for (const t of results.tests) {
    const mark = t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip';
    console.log(`  ${mark} ${t.title}${t.ms !== undefined ? ` (${t.ms} ms)` : ''}`);
    if (t.error) console.log(`       ${t.error.split('\n').slice(0, 6).join('\n       ')}`);
  }
  console.log(
    `  ${label}: VS Code ${results.vscodeVersion}, ${results.passed} passed, ${results.failed} failed${results.pending ? `, ${results.pending} pending` : ''}`,
  );
}

/** The vscode-remote URI of an absolute path on the code-server machine. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath}`;
}

/**
 * @returns {Promise<{ passed: number, failed: number, skipped: number }>}
 */
export async function runSuiteInCodeServer({ quietMs = 180_000 } = {}) {
  if (!existsSync(SUITE_ENTRY)) throw new Error(`${SUITE_ENTRY} is missing: run npm run build:tests`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'gg-suite-'));
  const resultsFile = path.join(scratch, 'results.json');
  const measurementsFile = path.join(scratch, 'measurements.txt');
  // Requests from the suite to measure a webview (scripts/vscode-host/webviewProbe.mjs).
  const probeDir = path.join(scratch, 'probe');
  mkdirSync(probeDir);
  const workspace = makeExamplesWorkspace();
  // No fixed limit on the whole suite: it fails when no test has finished for `quietMs` (scaled
  // for the load), however long the suite as a whole takes on a busy machine.
  const scale = timeScale();
  const quiet = scaled(quietMs, scale);
  const server = await startCodeServer({
    env: { GG_TEST_RESULTS: resultsFile, GG_TEST_MEASUREMENTS: measurementsFile, GG_TEST_PROBE: probeDir, GG_TIME_SCALE: String(scale) },
  });
  console.log(`  time limits ×${scale.toFixed(1)} for the load (scripts/lib/timeScale.mjs)`);
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server.port, projectRoot)],
      ['extensionTestsPath', remoteUri(server.port, SUITE_ENTRY)],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(workspace.dir)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    let results;
    let finished = -1;
    let lastProgress = Date.now();
    for (;;) {
      results = readResults(resultsFile);
      if (results?.done) break;
      await serveWebviewProbes(page, probeDir);
      const count = results ? results.tests.length : -1;
      if (count !== finished) {
        finished = count;
        lastProgress = Date.now();
      }
      if (Date.now() - lastProgress > quiet) {
        const ran = results ? `${results.passed} passed, ${results.failed} failed before it` : 'the suite never started';
        console.log(`  code-server: no test finished for ${Math.round(quiet / 1000)} s (${ran})`);
        if (!results) console.log(server.output().split('\n').slice(-30).join('\n'));
        if (pageErrors.length) console.log(`  page errors: ${pageErrors.slice(0, 5).join('\n  ')}`);
        return { passed: results?.passed ?? 0, failed: (results?.failed ?? 0) + 1, skipped: 0 };
      }
      await sleep(250);
    }
    report('code-server extension host', results);
    if (existsSync(measurementsFile)) console.log(`  measured:\n    ${readFileSync(measurementsFile, 'utf8').trim().split('\n').join('\n    ')}`);
    return { passed: results.passed, failed: results.failed, skipped: results.pending };
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    workspace.remove();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Network failures that mean "VS Code cannot be downloaded from here". */
const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|timed out/i;

/**
 * The same suite under @vscode/test-electron (desktop VS Code), where it can be downloaded.
 * @returns {Promise<{ passed: number, failed: number, skipped: number }>}
 */
export async function runSuiteInTestElectron({ downloadTimeoutMs = 120_000, timeoutMs = 300_000 } = {}) {
  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
  const started = Date.now();
  let executable;
  try {
    executable = await Promise.race([
      downloadAndUnzipVSCode({ version: process.env.GG_VSCODE_VERSION ?? 'stable', cachePath: path.join(projectRoot, '.vscode-test') }),
      sleep(downloadTimeoutMs).then(() => {
        throw new Error(`download timed out after ${downloadTimeoutMs / 1000} s`);
      }),
    ]);
  } catch (e) {
    const message = String(e?.message ?? e).split('\n')[0];
    if (OFFLINE.test(message)) {
      console.log(`  SKIP test-electron: VS Code cannot be downloaded here (${message}; ${Date.now() - started} ms)`);
      return { passed: 0, failed: 0, skipped: 1 };
    }
    console.log(`  FAIL test-electron: download failed: ${message}`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'gg-electron-'));
  const resultsFile = path.join(scratch, 'results.json');
  const workspace = makeExamplesWorkspace();
  try {
    const run = runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: SUITE_ENTRY,
      extensionTestsEnv: { GG_TEST_RESULTS: resultsFile },
      launchArgs: [workspace.dir, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    }).catch((e) => e);
    await Promise.race([run, sleep(timeoutMs)]);
    const results = readResults(resultsFile);
    if (!results?.done) {
      console.log(`  FAIL test-electron: the suite did not finish (${results ? `${results.passed} passed so far` : 'never started'})`);
      return { passed: results?.passed ?? 0, failed: (results?.failed ?? 0) + 1, skipped: 0 };
    }
    report('test-electron', results);
    return { passed: results.passed, failed: results.failed, skipped: results.pending };
  } finally {
    workspace.remove();
    rmSync(scratch, { recursive: true, force: true });
  }
}
