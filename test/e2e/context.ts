// What the e2e layer (scripts/layers/4-e2e.mjs) hands the tests: a running code-server with the
// packaged extension installed, a workspace with the examples, and a browser.
import type { Browser } from 'playwright-core';

export interface E2EContext {
  readonly browser: Browser;
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** Absolute path of the workspace folder (a copy of examples/). */
  readonly workspace: string;
  /** Where failing tests leave screenshots. */
  readonly artifacts: string;
}

export function e2e(): E2EContext {
  const context = (globalThis as { ggE2E?: E2EContext }).ggE2E;
  if (!context) throw new Error('run the e2e tests through scripts/layers/4-e2e.mjs (it starts code-server and Chromium)');
  return context;
}
