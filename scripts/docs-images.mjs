/* global document */
// Regenerates the README's pictures in docs/images/: the weight plane of every example as a
// standalone SVG from the CLI's `render` (the same scene code as the panel), and screenshots of
// the panel itself in light and dark, taken in headless Chromium under the real CSP.
// Usage: node esbuild.js && npm run build:tests && node scripts/docs-images.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleMessages, openPanel, send, startBrowser, startServer } from '../test/webview/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/images');
mkdirSync(out, { recursive: true });

for (const file of readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.neuron')).sort()) {
  const stem = file.replace(/\.neuron$/, '');
  for (const theme of ['light', 'dark']) {
    const target = path.join(out, `${stem}-${theme}.svg`);
    execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'render', path.join(root, 'examples', file), '-o', target, '--theme', theme, '--step', '12', '--per-sample'], { stdio: 'inherit' });
  }
}

const server = await startServer();
const browser = await startBrowser();
try {
  const messages = await exampleMessages();
  const shots = [
    ['sigmoid-northwest.neuron', 'light', 'panel-light.png', 12],
    ['sigmoid-northwest.neuron', 'dark', 'panel-dark.png', 12],
    ['batch-vs-full.neuron', 'light', 'panel-batch-vs-full.png', 30],
  ];
  for (const [file, theme, name, step] of shots) {
    const { page, context } = await openPanel(browser, server.url);
    await page.evaluate((k) => (document.body.className = k), `vscode-${theme}`);
    await send(page, messages[file]);
    await page.getByTestId('gg-toggle-samples').check();
    await page.getByTestId('gg-scrub').fill(String(step));
    await page.screenshot({ path: path.join(out, name), fullPage: true });
    await context.close();
    console.log(path.join('docs/images', name));
  }
} finally {
  await browser.close();
  await server.close();
}
