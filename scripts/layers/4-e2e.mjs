// Layer 4: end-to-end UI tests. Packages the extension (.vsix, as `npm run package` does), installs
// it into a clean code-server with its own CLI, opens the workbench on a copy of examples/ in
// Chromium and runs test/e2e (mocha) against it as a user would: palette, editor, webview DOM.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Mocha from 'mocha';
import { launchChromium } from '../lib/chromium.mjs';
import { projectRoot } from '../vscode-host/install.mjs';
import { packageVsix } from '../vscode-host/package.mjs';
import { installExtension, startCodeServer } from '../vscode-host/server.mjs';
import { makeExamplesWorkspace } from '../vscode-host/workspace.mjs';
import { testFiles } from './1-unit.mjs';
import { scaleTestTimeouts } from '../lib/timeScale.mjs';

export const name = 'e2e';

export async function run() {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'gg-e2e-'));
  const artifacts = path.join(projectRoot, 'test-results', 'e2e');
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const vsix = path.join(scratch, 'gradient-geometry.vsix');
  try {
    packageVsix(vsix, { quiet: true });
    installExtension(vsix, path.join(scratch, 'profile', 'extensions'));
  } catch (e) {
    console.error(`  FAIL packaging or installing the .vsix: ${String(e?.message ?? e).split('\n')[0]}`);
    rmSync(scratch, { recursive: true, force: true });
    return { passed: 0, failed: 1 };
  }
  const workspace = makeExamplesWorkspace();
  const server = await startCodeServer({ profileDir: path.join(scratch, 'profile') });
  let browser;
  try {
    browser = await launchChromium();
    globalThis.ggE2E = { browser, url: server.url, workspace: workspace.dir, artifacts };
    const mocha = new Mocha({ reporter: 'spec', timeout: 90_000 });
    const scale = scaleTestTimeouts(mocha);
    console.log(`  time limits ×${scale.toFixed(1)} for the load (scripts/lib/timeScale.mjs)`);
    for (const file of testFiles(path.join(projectRoot, 'out/test/e2e'))) mocha.addFile(file);
    await mocha.loadFilesAsync();
    return await new Promise((resolve) => {
      const runner = mocha.run(() => resolve({ passed: runner.stats.passes, failed: runner.stats.failures, skipped: runner.stats.pending }));
    });
  } finally {
    delete globalThis.ggE2E;
    await browser?.close().catch(() => {});
    await server.stop();
    workspace.remove();
    rmSync(scratch, { recursive: true, force: true });
  }
}
