// Launches Debian's Chromium through playwright-core (never a downloaded browser; see
// ENVIRONMENT.md). Shared by the webview tests and the end-to-end tests.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags that keep a headless run on this machine quiet, offline and sandbox-free (root in CI). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether the browser is installed (tests report a clear failure instead of a stack trace). */
export function chromiumAvailable() {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Starts a headless Chromium. Options are passed on to playwright's `launch` (e.g. `headless`,
 * extra `args`, which are appended to the defaults).
 * @param {import('playwright-core').LaunchOptions} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium(options = {}) {
  if (!chromiumAvailable()) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const { args = [], ...rest } = options;
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, timeout: 60_000, ...rest, args: [...CHROMIUM_ARGS, ...args] });
}

/**
 * Starts a persistent-profile Chromium (for pages that need cookies or storage across loads).
 * @param {string} userDataDir
 * @param {import('playwright-core').LaunchOptions & import('playwright-core').BrowserContextOptions} [options]
 */
export async function launchPersistentChromium(userDataDir, options = {}) {
  if (!chromiumAvailable()) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const { args = [], ...rest } = options;
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 60_000,
    ...rest,
    args: [...CHROMIUM_ARGS, ...args],
  });
}
