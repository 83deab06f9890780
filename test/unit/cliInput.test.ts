// The CLI with any file (issue 11 §3): regular files and standard input only, capped reads, limits
// in the located `file:line:col: error CODE:` form, control characters escaped. The built
// dist/cli.js in a child process, as users run it.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MAX_SPEC_BYTES } from '../../src/cli/specFile';

const cli = path.resolve(__dirname, '../../../dist/cli.js');
const dir = mkdtempSync(path.join(tmpdir(), 'gg-cli-input-'));

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 30_000, input });
}

describe('CLI: what it reads', () => {
  for (const command of ['analyze', 'render']) {
    const extra = command === 'render' ? ['-o', path.join(dir, 'out.svg')] : [];

    it(`${command} refuses a device (/dev/zero) at once with exit 2, reading nothing`, () => {
      const r = run([command, '/dev/zero', ...extra]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /\/dev\/zero is not a regular file/);
    });

    it(`${command} refuses a FIFO with no writer instead of blocking`, () => {
      const fifo = path.join(dir, `${command}.fifo`);
      execFileSync('mkfifo', [fifo]);
      const r = run([command, fifo, ...extra]);
      assert.equal(r.error, undefined, 'no timeout');
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /is not a regular file \(a pipe\)/);
    });

    it(`${command} refuses a directory with exit 2`, () => {
      const r = run([command, dir, ...extra]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /a directory/);
    });

    it(`${command} reports a file over the size limit as file:1:1: error GG301, exit 1`, () => {
      const big = path.join(dir, 'forty.neuron');
      writeFileSync(big, Buffer.alloc(MAX_SPEC_BYTES + 3, '#'));
      const r = run([command, big, ...extra]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, new RegExp(`^${big.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: error GG301: .*expected a smaller spec\\.\\n$`));
    });
  }

  it('analyze - reads standard input, with located errors named <stdin>', () => {
    const ok = run(['analyze', '-', '--json'], 'w = [1, 2]\nsteps = 5\n');
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).dimension, 2);
    const bad = run(['analyze', '-'], 'lr = 0.3\nx = [1, \n');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /^<stdin>:2:5: error GG107: /);
  });

  it('analyze and render strip a byte-order mark alike: the same columns', () => {
    const file = path.join(dir, 'bom.neuron');
    writeFileSync(file, '\uFEFFlr = oops\n');
    const a = run(['analyze', file]);
    const r = run(['render', file, '-o', path.join(dir, 'bom.svg')]);
    assert.equal(a.status, 1);
    assert.equal(r.status, 1);
    assert.match(a.stderr, /:1:6: error /);
    assert.equal(a.stderr, r.stderr);
  });

  it('escapes control characters it quotes (no raw ESC reaches the terminal)', () => {
    const file = path.join(dir, 'esc.neuron');
    writeFileSync(file, 'w = [1, 2]\x1b[31m\n');
    const r = run(['analyze', file]);
    assert.equal(r.status, 1);
    assert.ok(!r.stderr.includes('\x1b'), JSON.stringify(r.stderr));
    assert.match(r.stderr, /error GG101: Unexpected character '\\x1b'/);
  });
});
