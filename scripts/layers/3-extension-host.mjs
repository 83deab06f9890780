// Layer 3: the integration suite (test/suite) inside a real VS Code extension host: code-server's
// Node extension host driven through Chromium, and desktop VS Code via @vscode/test-electron where
// it can be downloaded (a clearly labelled skip where it cannot).
import { runSuiteInCodeServer, runSuiteInTestElectron } from '../vscode-host/runSuite.mjs';

export const name = 'extension-host';

export async function run() {
  const a = await runSuiteInCodeServer();
  const b = await runSuiteInTestElectron();
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}
