// Builds the .vsix with @vscode/vsce, with no flag that hides a packaging problem: package.json
// names the repository, LICENSE is there, and .vscodeignore is an allowlist. One deliberate flag:
// --no-rewrite-relative-links keeps the README's pictures and links relative, so the Extensions
// view shows them from the installed package (offline, and whatever the repository's state)
// instead of from URLs on the repository's host; every one of them names a file the package ships
// (test/unit/packageFiles.test.ts). `vscode:prepublish` type-checks, lints and
// makes the production bundles first. Prints the package's size.
// Usage: node scripts/vscode-host/package.mjs [OUT.vsix]   (default: gradient-geometry.vsix)
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './install.mjs';

export function packageVsix(outFile, { quiet = false } = {}) {
  execFileSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', outFile], {
    cwd: projectRoot,
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
  });
  if (!quiet) console.log(`${path.basename(outFile)}: ${(statSync(outFile).size / 1024).toFixed(1)} KB`);
  return outFile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  packageVsix(path.resolve(process.argv[2] ?? path.join(projectRoot, 'gradient-geometry.vsix')));
}
