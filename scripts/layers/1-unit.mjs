// Layer 1: unit and property tests of the pure core (and protocol), mocha in Node.
import Mocha from 'mocha';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { scaleTestTimeouts } from '../lib/timeScale.mjs';

export const name = 'unit';

/** Every *.test.js below dir, sorted. */
export function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .sort();
}

export async function run() {
  const mocha = new Mocha({ reporter: 'dot', timeout: 30_000 });
  scaleTestTimeouts(mocha);
  for (const file of testFiles('out/test/unit')) mocha.addFile(file);
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      resolve({ passed: runner.stats.passes, failed: runner.stats.failures, skipped: runner.stats.pending });
    });
  });
}
