// Time limits that follow from the machine, not from a fast one: a test's limit is what it needs
// on an idle machine times a factor for the load beside it. On a shared CI machine with 3–4
// CPU-bound processes on 2 cores every test takes 2–3× longer; a fixed limit would fail there.
//   factor = GG_TIME_SCALE if set, else 1 + (1-minute load average ÷ cores), between 1 and 6.
import os from 'node:os';

/** The factor for time limits now (read at each call: the load changes between layers). */
export function timeScale() {
  const forced = Number(process.env.GG_TIME_SCALE);
  if (Number.isFinite(forced) && forced > 0) return forced;
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  return Math.min(6, Math.max(1, 1 + os.loadavg()[0] / cores));
}

/** `ms` scaled for the load now. */
export function scaled(ms, scale = timeScale()) {
  return Math.round(ms * scale);
}

/**
 * Scales every test's own limit (set by the layer, a describe's `this.timeout` or the test) by
 * `scale` just before it runs: a root hook, so test files need not know about it.
 */
export function scaleTestTimeouts(mocha, scale = timeScale()) {
  // In-process tests read it too (test/unit/timeLimit.ts): a guard against a hang scales like a timeout.
  process.env.GG_TIME_SCALE ??= String(scale);
  mocha.suite.beforeEach(function scaleTimeout() {
    const test = this.currentTest;
    if (test && test.timeout() > 0) test.timeout(scaled(test.timeout(), scale));
  });
  return scale;
}
