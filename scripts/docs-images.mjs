/* global document, requestAnimationFrame */
// Regenerates the README's pictures in docs/images/: the weight plane of every example as a
// standalone SVG from the CLI's `render` (the same scene code as the panel), and screenshots of
// the panel itself, taken in headless Chromium under the real CSP: every example at 626 px (the
// panel beside an editor) and in presenter mode at 1280×720 (a projector), one screen each.
// Usage: node esbuild.js && npm run build:tests && node scripts/docs-images.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleMessages, openPanel, send, startBrowser, startServer } from '../test/webview/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/images');
mkdirSync(out, { recursive: true });

for (const file of readdirSync(path.join(root, 'examples'))
  .filter((f) => f.endsWith('.neuron'))
  .sort()) {
  const stem = file.replace(/\.neuron$/, '');
  for (const theme of ['light', 'dark']) {
    const target = path.join(out, `${stem}-${theme}.svg`);
    execFileSync(
      process.execPath,
      [path.join(root, 'dist/cli.js'), 'render', path.join(root, 'examples', file), '-o', target, '--theme', theme, '--step', '12', '--per-sample'],
      { stdio: 'inherit' },
    );
  }
}

const server = await startServer();
const browser = await startBrowser();
/** Two frames: the panel fits its plane to the viewport on the next frame. */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
try {
  // The lessons as shipped: the ones that ask first open on their question.
  const messages = await exampleMessages(undefined, true, { asked: true });
  const shots = [];
  for (const [file, message] of Object.entries(messages)) {
    const stem = file.replace(/\.neuron$/, '');
    // The panel beside an editor (626 px wide, one screen) and presenter mode on a 1280×720 projector.
    shots.push({ message, theme: 'dark', width: 626, height: 720, presenter: false, step: 12, name: `panel-${stem}.png` });
    shots.push({ message, theme: 'dark', width: 1280, height: 720, presenter: true, step: 12, name: `presenter-${stem}.png` });
  }
  for (const shot of shots) {
    const { page, context } = await openPanel(browser, server.url);
    await page.setViewportSize({ width: shot.width, height: shot.height });
    await page.evaluate((k) => (document.body.className = k), `vscode-${shot.theme}`);
    await send(page, { type: 'settings', animationStepsPerSecond: 20, presenterMode: shot.presenter });
    await send(page, shot.message);
    await page.getByTestId('gg-plane').first().waitFor({ state: 'attached' });
    // A lesson with an open question stays on it (the scrub cannot pass it).
    if (shot.step > 0) await page.getByTestId('gg-scrub').fill(String(shot.step));
    await settle(page);
    await page.screenshot({ path: path.join(out, shot.name) });
    await context.close();
    console.log(path.join('docs/images', shot.name));
  }
} finally {
  await browser.close();
  await server.close();
}
