// What the .vsix ships (.vscodeignore is an allowlist): every picture the README shows, the
// analysis worker and the science notes; not the 6 MB of example screenshots the README does not use.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const allowed = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('!'))
  .map((l) => l.slice(1).trim());

describe('the package', () => {
  it('ships every picture the README shows, and only those of docs/images', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const shown = [...new Set([...readme.matchAll(/\((docs\/images\/[^)\s]+\.(?:png|svg))\)/g)].map((m) => m[1]))];
    assert.ok(shown.length > 0);
    for (const image of shown) assert.ok(allowed.includes(image), `${image} is shown in the README but not shipped`);
    for (const entry of allowed.filter((a) => a.startsWith('docs/images/'))) assert.ok(shown.includes(entry), `${entry} is shipped but not shown`);
  });

  it('ships the analysis worker, the bundles and the science notes', () => {
    for (const f of ['dist/extension.js', 'dist/webview.js', 'dist/analysisWorker.js', 'docs/science.md']) assert.ok(allowed.includes(f), f);
  });
});
