// `render` as users run it: the built dist/cli.js in a child process.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseSpec } from '../../src/core/spec/parse';
import { analyzeSpec } from '../../src/core/analysis/analyze';
import { buildScene, plotAspect, renderSvg } from '../../src/core/scene';

const cli = path.resolve(__dirname, '../../../dist/cli.js');
const examples = path.resolve(__dirname, '../../../examples');
const dir = mkdtempSync(path.join(tmpdir(), 'gg-render-'));

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 30_000 });
}

describe('CLI: render', () => {
  it('writes the same SVG the shared scene code draws, in the chosen theme and step', () => {
    const file = path.join(examples, 'sigmoid-northwest.neuron');
    const out = path.join(dir, 'a.svg');
    const r = run('render', file, '-o', out, '--theme', 'dark', '--step', '12');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /step 12 of 200, dark theme/);
    const svg = readFileSync(out, 'utf8');
    const analysis = analyzeSpec(parseSpec(readFileSync(file, 'utf8')).spec!);
    assert.equal(
      svg,
      renderSvg(buildScene(analysis, { step: 12, aspect: plotAspect(640, 600), perSample: false, batchStep: false }), 'dark', { width: 640, height: 600 }),
    );
    assert.match(svg, /data-theme="dark"/);
    assert.ok(!/NaN|Infinity/.test(svg));
  });

  it('draws the per-sample steps on request and any theme kind', () => {
    const out = path.join(dir, 'b.svg');
    const r = run(
      'render',
      path.join(examples, 'batch-vs-full.neuron'),
      '--output',
      out,
      '--theme',
      'high-contrast-light',
      '--per-sample',
      '--width',
      '800',
      '--height',
      '700',
    );
    assert.equal(r.status, 0, r.stderr);
    const svg = readFileSync(out, 'utf8');
    assert.match(svg, /data-testid="gg-samples"/);
    assert.match(svg, /viewBox="0 0 800 700"/);
  });

  it('exits 2 on usage errors and 1 on spec errors, with located diagnostics', () => {
    assert.equal(run('render', 'x.neuron').status, 2);
    assert.equal(run('render', path.join(examples, 'tanh.neuron'), '-o', path.join(dir, 'c.svg'), '--theme', 'sepia').status, 2);
    assert.equal(run('render', path.join(examples, 'tanh.neuron'), '-o', path.join(dir, 'c.svg'), '--step', '-3').status, 2);
    const bad = path.join(dir, 'bad.neuron');
    writeFileSync(bad, 'lr = -1\n');
    const r = run('render', bad, '-o', path.join(dir, 'd.svg'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /bad\.neuron:1:6/);
  });
});
