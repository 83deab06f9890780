// The CLI as users run it: the built dist/cli.js in a child process.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const cli = path.resolve(__dirname, '../../../dist/cli.js');
const dir = mkdtempSync(path.join(tmpdir(), 'gg-cli-'));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 30_000 });
}

describe('CLI: analyze', () => {
  it('prints the analysis as JSON with the documented names and exits 0', () => {
    const file = write('ok.neuron', 'x ~ sigmoid(normal(0, 1))\nw = [1.5, -0.5]\nsteps = 50\ncompare = center\n');
    const r = run('analyze', file, '--json');
    assert.equal(r.status, 0, r.stderr);
    const a = JSON.parse(r.stdout);
    assert.equal(a.dimension, 2);
    assert.equal(a.samples, 64);
    assert.equal(a.inputs.allPositive, true);
    assert.equal(a.inputs.mean.length, 2);
    assert.equal(a.inputs.secondMoment.length, 2);
    assert.equal(a.hessian.matrix.length, 3, 'w1, w2 and the trained bias');
    assert.ok(a.hessian.eigenvalues[0] >= a.hessian.eigenvalues[2], 'eigenvalues descend');
    assert.ok(a.hessian.conditionNumber > 1);
    assert.ok(Math.abs(a.learningRate.max - 2 / a.hessian.eigenvalues[0]) < 1e-12);
    const [lmax, , lmin] = a.hessian.eigenvalues;
    assert.ok(Math.abs(a.learningRate.optimal - 2 / (lmin + lmax)) < 1e-12);
    assert.equal(a.run.path.length, 51);
    for (const key of ['step', 'w', 'b', 'loss', 'gradient']) assert.ok(key in a.run.path[0], key);
    for (const key of ['converged', 'convergedAt', 'diverged', 'divergedAt', 'zigzagRatio', 'signCoherentFraction', 'reversals']) {
      assert.ok(key in a.run, key);
    }
    assert.equal(a.run.signCoherentFraction, 1);
    assert.equal(a.variants.length, 1);
    assert.equal(a.variants[0].name, 'center');
    for (const key of ['name', 'hessian', 'learningRate', 'run']) assert.ok(key in a.variants[0], key);
  });

  it('prints a short readable report without --json', () => {
    const file = write('report.neuron', 'w = [1.5, -0.5]\nsteps = 20\n');
    const r = run('analyze', file);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /condition number κ = /);
    assert.match(r.stdout, /zig-zag ratio/);
  });

  it('prints file:line:col diagnostics on stderr and exits 1 for a spec with errors', () => {
    const file = write('bad.neuron', 'w = [1.5, -0.5]\nlr = -1\nbatc = 3\n');
    const r = run('analyze', file, '--json');
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.ok(lines[0].startsWith(`${file}:2:6: `), lines[0]);
    assert.ok(lines[1].startsWith(`${file}:3:1: `), lines[1]);
    assert.match(lines[1], /did you mean 'batch'/i);
  });

  it('exits 2 for a missing file and for bad usage', () => {
    assert.equal(run('analyze', path.join(dir, 'missing.neuron')).status, 2);
    assert.equal(run('frobnicate').status, 2);
    assert.equal(run().status, 2);
    assert.equal(run('--help').status, 0);
  });
});

describe('CLI: robustness', () => {
  it('ignores a byte-order mark when locating errors', () => {
    const file = write('bom.neuron', '\uFEFFlrr = 0.1\n');
    const r = run('analyze', file);
    assert.equal(r.status, 1);
    assert.ok(r.stderr.startsWith(`${file}:1:1: `), r.stderr);
  });

  it('keeps the readable report short for a large dimension', () => {
    const file = write('wide.neuron', `w = [${new Array(300).fill(0.1).join(', ')}]\nsteps = 5\n`);
    const r = run('analyze', file);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\(292 more\)/);
    assert.ok(r.stdout.length < 4000, String(r.stdout.length));
  });
});
