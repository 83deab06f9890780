// `render --animate` as users run it: the built dist/cli.js in a child process.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const cli = path.resolve(__dirname, '../../../dist/cli.js');
const examples = path.resolve(__dirname, '../../../examples');
const dir = mkdtempSync(path.join(tmpdir(), 'gg-animate-'));

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 30_000 });
}

describe('CLI: render --animate', () => {
  it('writes an animated SVG of the run with a reduced-motion rule', () => {
    const out = path.join(dir, 'run.svg');
    const r = run('render', path.join(examples, 'batch-vs-full.neuron'), '--animate', '--duration', '6', '-o', out, '--theme', 'dark');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /animated run of 300 steps, dark theme/);
    const svg = readFileSync(out, 'utf8');
    assert.match(svg, /data-animated="true"/);
    assert.match(svg, /data-theme="dark"/);
    assert.match(svg, /animation: gg-reveal-0 8\.00s linear infinite/);
    assert.match(svg, /prefers-reduced-motion: reduce/);
    assert.doesNotMatch(svg, /<script/);
  });

  it('rejects a bad duration, --duration without --animate, and --animate with --step', () => {
    const f = path.join(examples, 'tanh.neuron');
    const out = path.join(dir, 'x.svg');
    assert.equal(run('render', f, '--animate', '--duration', '0', '-o', out).status, 2);
    assert.equal(run('render', f, '--duration', '5', '-o', out).status, 2);
    assert.equal(run('render', f, '--animate', '--step', '3', '-o', out).status, 2);
  });
});
