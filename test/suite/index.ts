// Entry point that VS Code loads as `extensionTestsPath`: runs the suite with mocha inside the
// extension host and writes the results to the JSON file named by GG_TEST_RESULTS (the runner
// outside polls it; the extension host's own output is not reliably visible from there).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface SuiteResults {
  readonly done: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly vscodeVersion: string;
  readonly tests: { title: string; state: 'passed' | 'failed' | 'pending'; ms?: number; error?: string }[];
}

function resultsFile(): string {
  return process.env.GG_TEST_RESULTS ?? path.resolve(__dirname, '../../suite-results.json');
}

export function run(): Promise<void> {
  // Loaded here, not at the top, so the suite can run where 'vscode' is available only.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode') as typeof import('vscode');
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  // Every test's limit scaled for the machine's load (scripts/lib/timeScale.mjs, passed in by the runner).
  const scale = Number(process.env.GG_TIME_SCALE) > 0 ? Number(process.env.GG_TIME_SCALE) : 1;
  mocha.suite.beforeEach(function scaleTimeout() {
    const test = this.currentTest;
    if (test && test.timeout() > 0) test.timeout(Math.round(test.timeout() * scale));
  });
  const files = fs
    .readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    // GG_SUITE_FILTER=dataFiles runs only the files whose path contains it (a quick local loop).
    .filter((f) => !process.env.GG_SUITE_FILTER || f.includes(process.env.GG_SUITE_FILTER))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const results: SuiteResults = { done: false, passed: 0, failed: 0, pending: 0, vscodeVersion: vscode.version, tests: [] };
  const write = (): void => {
    const file = resultsFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  };
  const mutable = results as { -readonly [K in keyof SuiteResults]: SuiteResults[K] };
  write();

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        mutable.done = true;
        write();
        resolve();
      });
      runner.on('pass', (t) => {
        mutable.passed++;
        results.tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration });
        write();
      });
      runner.on('fail', (t, err: Error) => {
        mutable.failed++;
        results.tests.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) });
        write();
      });
      runner.on('pending', (t) => {
        mutable.pending++;
        results.tests.push({ title: t.fullTitle(), state: 'pending' });
        write();
      });
    } catch (e) {
      mutable.failed++;
      mutable.done = true;
      results.tests.push({ title: 'suite setup', state: 'failed', error: String(e) });
      write();
      reject(e);
    }
  });
}
