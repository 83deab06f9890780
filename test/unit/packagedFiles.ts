// The files the .vsix ships, as vsce itself lists them from .vscodeignore. vsce walks the whole
// folder (the git-ignored .cache/ with its VS Code hosts included: tens of seconds), so it walks
// a scratch folder instead that holds links to the repository's tracked files and the built dist/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const root = path.resolve(__dirname, '../../..');

interface Vsce {
  readonly PackageManager: { readonly None: number };
  listFiles(options: { cwd: string; packageManager: number }): Promise<string[]>;
}

let cached: Promise<string[]> | undefined;

/** The shipped files' paths, relative to the repository, sorted. */
export function packagedFiles(): Promise<string[]> {
  cached ??= (async () => {
    const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
      .split('\0')
      .filter(Boolean);
    const built = readdirSync(path.join(root, 'dist'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'gg-files-'));
    try {
      for (const f of new Set([...tracked, ...built])) {
        mkdirSync(path.dirname(path.join(scratch, f)), { recursive: true });
        symlinkSync(path.join(root, f), path.join(scratch, f));
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const vsce = require('@vscode/vsce') as Vsce;
      // No dependencies: the bundles carry theirs (vsce would otherwise ask npm about node_modules).
      return (await vsce.listFiles({ cwd: scratch, packageManager: vsce.PackageManager.None })).sort();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  })();
  return cached;
}
