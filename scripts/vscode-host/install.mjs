// Installs code-server (Microsoft's VS Code server + web workbench, with the same Node extension
// host as desktop VS Code) into a git-ignored cache folder, outside the project's dependency tree.
// Idempotent: does nothing when the pinned version is already there.
// Usage: node scripts/vscode-host/install.mjs        (prints the path of the code-server binary)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
/** The ripgrep package nested in code-server, and the archive its postinstall looks for. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Override with GG_CACHE_DIR to share one install between clones. */
export const cacheDir = process.env.GG_CACHE_DIR ? path.resolve(process.env.GG_CACHE_DIR) : path.join(projectRoot, '.cache');
const installDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Whether the pinned code-server is installed and complete. */
export function isInstalled() {
  const pkg = path.join(installDir, 'node_modules', 'code-server', 'package.json');
  if (!existsSync(pkg) || !existsSync(codeServerBin) || !existsSync(path.join(installDir, '.complete'))) return false;
  return JSON.parse(readFileSync(pkg, 'utf8')).version === CODE_SERVER_VERSION;
}

/**
 * The nested @vscode/ripgrep postinstall downloads `rg` from GitHub unless its cache already holds
 * the archive. Debian's ripgrep provides /usr/bin/rg: put it there as a gzipped tar with `rg` at
 * its root.
 */
function seedRipgrepCache() {
  const dir = path.join(process.env.TMPDIR || os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = path.join(dir, RIPGREP_ARCHIVE);
  if (existsSync(archive)) return;
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => existsSync(p));
  if (!rg) throw new Error('ripgrep is missing: apt-get install -y ripgrep (code-server needs rg)');
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(path.join(os.tmpdir(), 'gg-rg-'));
  try {
    copyFileSync(rg, path.join(staging, 'rg'));
    chmodSync(path.join(staging, 'rg'), 0o755);
    execFileSync('tar', ['-czf', archive, '-C', staging, 'rg']);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Installs code-server when missing; returns the path of its entry script (run with node). */
export function ensureCodeServer({ quiet = false } = {}) {
  if (isInstalled()) return codeServerBin;
  const log = quiet ? () => {} : (m) => console.log(m);
  log(`Installing code-server@${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), installDir) || installDir} (about a minute, once)...`);
  seedRipgrepCache();
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  // Its own package.json, so npm does not walk up into the project.
  writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ name: 'gg-code-server-host', private: true }, null, 2));
  const started = Date.now();
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: installDir,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      // Its postinstall refuses to run as root otherwise.
      npm_config_unsafe_perm: 'true',
      // A nested postinstall calls `npx node-gyp`, which would wait for a "yes" on stdin.
      npm_config_yes: 'true',
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    },
  });
  if (!existsSync(codeServerBin)) throw new Error(`code-server installed, but ${codeServerBin} is missing`);
  writeFileSync(path.join(installDir, '.complete'), `${new Date().toISOString()}\n`);
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return codeServerBin;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(ensureCodeServer());
}
