// Entry point that VS Code loads as `extensionTestsPath`: runs the suite with mocha inside the
// extension host and writes the results to the JSON file named by GG_TEST_RESULTS (the runner
// outside polls it; the extension host's own output is not reliably visible from there).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { collectResults, scaleTimeouts, type SuiteResults } from './suiteResults';

function resultsFile(): string {
  return process.env.GG_TEST_RESULTS ?? path.resolve(__dirname, '../../suite-results.json');
}

export function run(): Promise<void> {
  // Loaded here, not at the top, so the suite can run where 'vscode' is available only.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode') as typeof import('vscode');
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  // Every test's limit scaled for the machine's load (scripts/lib/timeScale.mjs, passed in by the runner).
  scaleTimeouts(mocha.suite, Number(process.env.GG_TIME_SCALE) > 0 ? Number(process.env.GG_TIME_SCALE) : 1);
  const files = fs
    .readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    // GG_SUITE_FILTER=dataFiles runs only the files whose path contains it (a quick local loop).
    .filter((f) => !process.env.GG_SUITE_FILTER || f.includes(process.env.GG_SUITE_FILTER))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const write = (results: SuiteResults): void => {
    const file = resultsFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  };
  return collectResults((done) => mocha.run(done), vscode.version, write).then(() => undefined);
}
