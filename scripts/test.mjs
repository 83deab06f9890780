// Runs every test layer in order and prints one closing line "N passed, N failed" with the real
// totals, which CI reads. Layers live in scripts/layers/*.mjs; each exports
// `name` and `run(): Promise<{ passed, failed, skipped? }>`.
// Usage: node scripts/test.mjs [layer-name ...]   (no names: every layer)
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function step(label, command) {
  console.log(`\n> ${label}: ${command}`);
  execSync(command, { stdio: 'inherit' });
}

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];

try {
  step('type-check', 'npm run --silent typecheck');
  step('lint', 'npm run --silent lint');
  step('build', 'node esbuild.js');
  step('compile tests', 'npm run --silent build:tests');
} catch {
  totals.failed += 1;
  console.error('\nThe build failed; no test layer ran.');
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  process.exit(1);
}

const layerFiles = readdirSync(path.join(root, 'scripts/layers'))
  .filter((f) => f.endsWith('.mjs'))
  .sort();
for (const file of layerFiles) {
  const layer = await import(pathToFileURL(path.join(root, 'scripts/layers', file)).href);
  if (only.length > 0 && !only.includes(layer.name)) continue;
  console.log(`\n=== layer: ${layer.name}`);
  const started = Date.now();
  let result;
  try {
    result = await layer.run();
  } catch (e) {
    console.error(`layer ${layer.name} crashed:`, e);
    result = { passed: 0, failed: 1 };
  }
  const seconds = (Date.now() - started) / 1000;
  timings.push(
    `${layer.name}: ${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ''} (${seconds.toFixed(1)} s)`,
  );
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += result.skipped ?? 0;
}

console.log('\n=== summary');
for (const t of timings) console.log(`  ${t}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
