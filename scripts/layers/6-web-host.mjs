// Layer 6: the integration suite's web subset (test/suite/web/index.ts) in the web worker
// extension host that vscode.dev and github.dev use: the `browser` entry, its Web Worker analysis,
// workspace.fs for lessons, data files and exports.
import { runSuiteInWebHost } from '../vscode-host/webSuite.mjs';

export const name = 'web-host';

export function run() {
  return runSuiteInWebHost();
}
