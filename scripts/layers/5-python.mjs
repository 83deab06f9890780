// Layer 5: the notebook helper in python/ (python/gradient_geometry), its unittest suite run by the
// system's python3 (standard library only). One test runs the spec it writes through dist/cli.js.
import { spawnSync } from 'node:child_process';
import { scaled } from '../lib/timeScale.mjs';

export const name = 'python';

/** Counts from unittest's closing lines: "Ran N tests" and "OK (skipped=S)" or "FAILED (failures=F, errors=E, skipped=S)". */
export function unittestCounts(output) {
  const ran = /^Ran (\d+) tests? in /m.exec(output);
  if (!ran) return undefined;
  const count = (key) => Number(new RegExp(`\\b${key}=(\\d+)`).exec(output.slice(ran.index))?.[1] ?? 0);
  const total = Number(ran[1]);
  const failed = count('failures') + count('errors') + count('unexpected successes');
  const skipped = count('skipped') + count('expected failures');
  return { passed: total - failed - skipped, failed, skipped };
}

export async function run() {
  const done = spawnSync('python3', ['-m', 'unittest', 'discover', '-s', 'python/tests', '-v'], {
    encoding: 'utf8',
    timeout: scaled(300_000),
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (done.error) {
    console.log(`  FAIL python3 could not run (${done.error.message}); scripts/setup.sh installs it`);
    return { passed: 0, failed: 1 };
  }
  const output = `${done.stdout}${done.stderr}`;
  console.log(
    output
      .trimEnd()
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  const counts = unittestCounts(output);
  if (!counts) return { passed: 0, failed: 1 };
  // A non-zero exit with nothing counted as failed (an import error, a crash) is still a failure.
  return done.status !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
}
