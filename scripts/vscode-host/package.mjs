// Builds the .vsix with @vscode/vsce. Its `vscode:prepublish` type-checks, lints and makes the
// production bundles. Relative README links stay relative (no public repository URL to point at),
// and the README's pictures ship inside the package (.vscodeignore).
// Usage: node scripts/vscode-host/package.mjs [OUT.vsix]   (default: gradient-geometry.vsix)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './install.mjs';

export function packageVsix(outFile, { quiet = false } = {}) {
  execFileSync(
    'npx',
    ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', outFile],
    { cwd: projectRoot, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] },
  );
  return outFile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  packageVsix(path.resolve(process.argv[2] ?? path.join(projectRoot, 'gradient-geometry.vsix')));
}
