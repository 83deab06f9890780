// What a run of the integration suite reports to the runner outside the extension host, whichever
// host it runs in (index.ts: a file in the Node host; web/index.ts: an HTTP POST from the web
// worker host), and the one place that turns mocha's events into it.
import type * as MochaTypes from 'mocha';

export interface SuiteResults {
  readonly done: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly vscodeVersion: string;
  readonly tests: { title: string; state: 'passed' | 'failed' | 'pending'; ms?: number; error?: string }[];
}

let loadScale = 1;

/** A wait inside a test (for a message, a state), scaled for the machine's load as the test's own limit is. */
export function scaledWait(ms: number): number {
  return Math.round(ms * loadScale);
}

/** Multiplies every test's own limit by `scale` (the runner's factor for the machine's load) just before it runs. */
export function scaleTimeouts(suite: MochaTypes.Suite, scale: number): void {
  loadScale = scale;
  suite.beforeEach(function scaleTimeout() {
    const test = this.currentTest;
    if (test && test.timeout() > 0) test.timeout(Math.round(test.timeout() * scale));
  });
}

/**
 * Runs `run` and calls `publish` with the results after every test and once more when done;
 * resolves with the final results.
 */
export function collectResults(
  run: (done: () => void) => MochaTypes.Runner,
  vscodeVersion: string,
  publish: (results: SuiteResults) => void,
): Promise<SuiteResults> {
  const results: SuiteResults = { done: false, passed: 0, failed: 0, pending: 0, vscodeVersion, tests: [] };
  const mutable = results as { -readonly [K in keyof SuiteResults]: SuiteResults[K] };
  publish(results);
  return new Promise((resolve) => {
    try {
      const runner = run(() => {
        mutable.done = true;
        publish(results);
        resolve(results);
      });
      runner.on('pass', (t) => {
        mutable.passed++;
        results.tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration });
        publish(results);
      });
      runner.on('fail', (t, err: Error) => {
        mutable.failed++;
        results.tests.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) });
        publish(results);
      });
      runner.on('pending', (t) => {
        mutable.pending++;
        results.tests.push({ title: t.fullTitle(), state: 'pending' });
        publish(results);
      });
    } catch (e) {
      mutable.failed++;
      mutable.done = true;
      results.tests.push({ title: 'suite setup', state: 'failed', error: String(e) });
      publish(results);
      resolve(results);
    }
  });
}
