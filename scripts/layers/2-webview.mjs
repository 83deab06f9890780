// Layer 2: the webview bundle in headless Chromium (Debian's /usr/bin/chromium via playwright-core),
// under the panel's CSP, with a recording stand-in for acquireVsCodeApi. Needs dist/webview.js and
// out/ (test.mjs builds both before the layers run).
import Mocha from 'mocha';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromiumAvailable, CHROMIUM_PATH } from '../lib/chromium.mjs';
import { scaleTestTimeouts } from '../lib/timeScale.mjs';

export const name = 'webview';

export async function run() {
  if (!chromiumAvailable()) {
    console.error(`webview layer: Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    return { passed: 0, failed: 1 };
  }
  for (const needed of ['dist/webview.js', 'out/test/unit/scene/fixture.js']) {
    if (!existsSync(needed)) {
      console.error(`webview layer: ${needed} is missing; run node esbuild.js and npm run build:tests first`);
      return { passed: 0, failed: 1 };
    }
  }
  const dir = 'test/webview';
  const mocha = new Mocha({ reporter: process.env.GG_REPORTER || 'spec', timeout: 60_000 });
  const scale = scaleTestTimeouts(mocha);
  console.log(`  time limits ×${scale.toFixed(1)} for the load (scripts/lib/timeScale.mjs)`);
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.test.mjs'))
    .sort())
    mocha.addFile(path.resolve(dir, f));
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats.passes, failed: runner.stats.failures, skipped: runner.stats.pending }));
  });
}
