// The fast unit loop: transpile the pure core and the unit tests with esbuild (no type-check) into
// .unit/ and run mocha there: a few seconds from edit to result. Type-checking stays with
// `npm run typecheck` (and the full `npm test`).
//   npm run test:unit               every unit test
//   npm run test:unit -- sentence   only test files whose path contains "sentence"
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import { performance } from 'node:perf_hooks';
import Mocha from 'mocha';
import { scaleTestTimeouts } from './lib/timeScale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// One level below the root, like out/, so the tests' relative paths to examples/ and dist/ hold.
const out = path.join(root, '.unit');
const filter = process.argv[2];

/** Every .ts file below `dir` (relative to the root). */
const tsFiles = (dir) =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(root, dir, f));

const started = performance.now();
rmSync(out, { recursive: true, force: true });
// dist/cli.js is spawned by the CLI tests: build the bundles too (esbuild, well under a second).
execFileSync(process.execPath, [path.join(root, 'esbuild.js')], { stdio: 'inherit', cwd: root });
await esbuild.build({
  // Only what the tests import is ever loaded; transpiling all of src/ keeps the list short.
  // test/suite/web: the web suite's assert stand-in has a unit test.
  entryPoints: [...tsFiles('src'), ...tsFiles('test/unit'), ...tsFiles('test/suite/web')],
  outdir: path.join(out),
  outbase: root,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  // As tsc emits for CommonJS: import() becomes require(), which resolves paths without extensions.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
});
const compiled = performance.now();

const mocha = new Mocha({ reporter: 'dot', timeout: 30_000 });
scaleTestTimeouts(mocha);
const tests = readdirSync(path.join(out, 'test/unit'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.js') && (!filter || f.includes(filter)))
  .sort();
for (const f of tests) mocha.addFile(path.join(out, 'test/unit', f));
await mocha.loadFilesAsync();
mocha.run((failures) => {
  console.log(`transpiled in ${((compiled - started) / 1000).toFixed(1)} s, ${tests.length} test files`);
  process.exitCode = failures > 0 ? 1 : 0;
});
