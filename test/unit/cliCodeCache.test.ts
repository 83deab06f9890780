// The CLI's loader (src/cli/bin.ts, dist/cli.js) runs the bundle through V8's code cache: the first
// run of a command leaves a cache in the user's cache folder, later runs start from it and print the
// same; a cache V8 rejects is replaced; GRADIENT_GEOMETRY_CODE_CACHE=0, --help and failed runs leave none.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const cli = path.resolve(__dirname, '../../../dist/cli.js');
const lesson = path.resolve(__dirname, '../../../examples/momentum.neuron');

function run(cacheHome: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...env } });
}

const caches = (home: string): string[] => {
  const dir = path.join(home, 'gradient-geometry');
  return existsSync(dir) ? readdirSync(dir).map((f) => path.join(dir, f)) : [];
};

describe('the CLI loader and its code cache', () => {
  it('keeps a cache after the first run of a command and prints the same from it', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'gg-cache-'));
    const first = run(home, ['analyze', lesson, '--json']);
    assert.equal(first.status, 0, first.stderr);
    const [file] = caches(home);
    assert.ok(file && /analyze-.*\.v8cache$/.test(file), String(caches(home)));
    const mtime = statSync(file).mtimeMs;
    const second = run(home, ['analyze', lesson, '--json']);
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.stdout, first.stdout);
    // Accepted, so not written again.
    assert.equal(statSync(file).mtimeMs, mtime);
    assert.deepEqual(caches(home), [file]);
  });

  it("removes the same command's caches of other bundles when it writes one (an upgrade leaves no old file)", () => {
    const home = mkdtempSync(path.join(tmpdir(), 'gg-cache-'));
    const dir = path.join(home, 'gradient-geometry');
    mkdirSync(dir, { recursive: true });
    const stale = path.join(dir, 'render-1-2-v0.0.0-x64.v8cache');
    const otherCommand = path.join(dir, 'analyze-1-2-v0.0.0-x64.v8cache');
    const notOurs = path.join(dir, 'render-notes.txt');
    for (const f of [stale, otherCommand, notOurs]) writeFileSync(f, 'old');
    const r = run(home, ['render', lesson, '-o', path.join(home, 'out.svg')]);
    assert.equal(r.status, 0, r.stderr);
    const left = caches(home).map((f) => path.basename(f));
    assert.equal(existsSync(stale), false, String(left));
    assert.ok(existsSync(otherCommand) && existsSync(notOurs), String(left));
    assert.equal(left.filter((f) => /^render-.*\.v8cache$/.test(f)).length, 1, String(left));
  });

  it('replaces a cache V8 rejects, with the right output meanwhile', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'gg-cache-'));
    const dir = path.join(home, 'gradient-geometry');
    const out = path.join(home, 'a.svg');
    assert.equal(run(home, ['render', lesson, '-o', out]).status, 0);
    const [file] = caches(home);
    const expected = readFileSync(out, 'utf8');
    writeFileSync(file, Buffer.from('not a code cache'));
    const again = run(home, ['render', lesson, '-o', out]);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(readFileSync(out, 'utf8'), expected);
    // Written anew: a real cache again (hundreds of kB of bytecode), not the bytes planted.
    assert.ok(readFileSync(file).length > 10_000, String(readFileSync(file).length));
    assert.deepEqual(readdirSync(dir), [path.basename(file)]);
  });

  it('leaves no cache when turned off, for --help, --version or a spec with errors', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'gg-cache-'));
    assert.equal(run(home, ['analyze', lesson], { GRADIENT_GEOMETRY_CODE_CACHE: '0' }).status, 0);
    assert.equal(run(home, ['analyze', '--help']).status, 0);
    assert.equal(run(home, ['--version']).status, 0);
    const bad = path.join(home, 'bad.neuron');
    writeFileSync(bad, 'w = [1,\n');
    assert.equal(run(home, ['analyze', bad]).status, 1);
    assert.deepEqual(caches(home), []);
  });

  it('runs when the cache folder cannot be written', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'gg-cache-'));
    const blocked = path.join(home, 'file');
    writeFileSync(blocked, 'a file where the folder would be');
    const r = run(blocked, ['analyze', lesson]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /momentum\.neuron: n = 2/);
  });
});
