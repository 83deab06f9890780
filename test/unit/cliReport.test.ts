// The CLI's readable report states the optimizer's own full-batch bound with its formula, plain
// gradient descent's 2/λmax beside it, "no fixed bound (adaptive)" for Adam and RMSProp, the run's
// divergence from its own facts, and both sign-coherent numbers by name (issue 9, items 2–4).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { formatReport, num } from '../../src/cli/report';
import type { Analysis } from '../../src/core/analysis/types';
import { analyzeText } from '../../src/core/editor';

const examplesDir = path.resolve(__dirname, '../../../examples');
const EXAMPLES = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.neuron'))
  .sort();
const OPTIMIZERS = ['sgd', 'momentum(0.9)', 'nesterov(0.9)', 'adam', 'rmsprop'];
const cli = path.resolve(__dirname, '../../../dist/cli.js');

function analysisOf(text: string): Analysis {
  const { analysis } = analyzeText(text);
  assert.ok(analysis, text);
  return analysis;
}

function lineOf(report: string, prefix: string): string {
  const line = report.split('\n').find((l) => l.startsWith(prefix));
  assert.ok(line, `no line starting with '${prefix}' in\n${report}`);
  return line;
}

/** What every report must say about the learning rate and the run. */
function checkReport(what: string, a: Analysis, adaptive: boolean): void {
  const report = formatReport('spec.neuron', a);
  const lr = a.learningRate;
  const run = a.run;
  const lrLine = lineOf(report, 'learning rate η = ');
  const runLine = lineOf(report, 'run: ');
  assert.ok(!report.includes('lecunOptimal'), `${what}: leaks 'lecunOptimal'\n${report}`);
  if (adaptive) {
    assert.ok(lrLine.includes('no fixed bound (adaptive)'), `${what}: ${lrLine}`);
    assert.ok(!/\bstable\b|UNSTABLE|η < /.test(lrLine), `${what}: a bound or a verdict for an adaptive optimizer: ${lrLine}`);
  } else if (lr.max !== null) {
    assert.ok(lrLine.includes(`full-batch bound η < ${lr.maxFormula} = ${num(lr.max)}`), `${what}: ${lrLine}`);
    if (lr.max !== lr.gradientDescentMax) assert.ok(lrLine.includes(`gradient descent 2/λmax = ${num(lr.gradientDescentMax)}`), `${what}: ${lrLine}`);
    if (lr.stable === false) assert.ok(lrLine.includes('UNSTABLE on the full batch'), `${what}: ${lrLine}`);
    if (lr.stable === true) {
      assert.ok(!lrLine.includes('UNSTABLE'), `${what}: ${lrLine}`);
      assert.equal(lrLine.includes('stable on the full batch'), !run.diverged, `${what}: "stable" beside a blow-up? ${lrLine}`);
    }
  }
  if (run.diverged) {
    assert.ok(
      runLine.startsWith(`run: diverged at step ${run.divergedAt}${run.divergence ? `: ${run.divergence.message.replace(/\s*[\r\n]+\s*/g, ' ')}` : ''}`),
      `${what}: ${runLine}`,
    );
  } else {
    assert.ok(!runLine.includes('diverged'), `${what}: ${runLine}`);
  }
  assert.ok(
    runLine.includes(
      `sign-coherent gradients ${num(run.gradientSignCoherentFraction * 100, 3)} %; sign-coherent updates ${num(run.signCoherentFraction * 100, 3)} %`,
    ),
    `${what}: ${runLine}`,
  );
}

describe('CLI report: step-size bounds and run facts', function () {
  this.timeout(120_000);

  for (const file of EXAMPLES) {
    it(`${file}: the optimizer's own bound, GD's 2/λmax, adaptive without a bound, for every optimizer`, () => {
      const text = readFileSync(path.join(examplesDir, file), 'utf8');
      for (const opt of OPTIMIZERS) {
        const spec = text.replace(/^optimizer\s*=.*$/m, `optimizer = ${opt}`);
        checkReport(`${file} with ${opt}`, analysisOf(spec), opt === 'adam' || opt === 'rmsprop');
      }
    });
  }

  it("nesterov(0.9), batch all, lr 1.2: the Nesterov bound ≈ 0.91 with its formula, UNSTABLE, and GD's 2/λmax", () => {
    const text = readFileSync(path.join(examplesDir, 'sigmoid-northwest.neuron'), 'utf8')
      .replace(/^optimizer\s*=.*$/m, 'optimizer = nesterov(0.9)')
      .replace(/^batch\s*=.*$/m, 'batch = all')
      .replace(/^lr\s*=.*$/m, 'lr = 1.2');
    const a = analysisOf(text);
    const lmax = a.hessian.eigenvalues[0];
    const bound = 3.8 / (2.8 * lmax);
    assert.ok(Math.abs(bound - 0.91) < 0.01);
    const lrLine = lineOf(formatReport('n.neuron', a), 'learning rate η = ');
    assert.ok(
      lrLine.includes(`full-batch bound η < (2 + 2β)/((1 + 2β)λmax) = ${num(bound)}; UNSTABLE on the full batch; gradient descent 2/λmax = ${num(2 / lmax)}`),
      lrLine,
    );
    assert.ok(!lrLine.includes(num(3.8 / lmax)), `the heavy-ball bound is not this optimizer's: ${lrLine}`);
    checkReport('nesterov case', a, false);
  });

  it('the issue\'s momentum run with batches of 4: "diverged at step N: <message>", never "stable on the full batch" beside it', () => {
    const a = analysisOf(
      'f = w·x + b\nx ~ relu(normal(0.5, 1))\nsamples = 48\nseed = 5\nw = [0.8, 0.1, -0.6]\nw* = [-0.7, 0.4, 1.2]\nb* = 0.3\noptimizer = momentum(0.8)\nlr = 0.3\nbatch = 4\nsteps = 300\nview = w1, w3\n',
    );
    assert.equal(a.run.diverged, true);
    const lrLine = lineOf(formatReport('m.neuron', a), 'learning rate η = ');
    assert.ok(!lrLine.includes('stable on the full batch') && lrLine.includes('yet this run diverged'), lrLine);
    checkReport('momentum blow-up', a, false);
  });

  it('the built CLI prints the same report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gg-report-'));
    const file = path.join(dir, 'adam.neuron');
    writeFileSync(file, 'w = [1.5, -0.5]\noptimizer = adam\nlr = 0.05\nsteps = 40\n');
    const r = spawnSync(process.execPath, [cli, 'analyze', file], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^learning rate η = 0\.05; no fixed bound \(adaptive\): Adam divides each coordinate/m);
    assert.match(r.stdout, /sign-coherent gradients [\d.]+ %; sign-coherent updates [\d.]+ %/);
    assert.ok(!r.stdout.includes('lecunOptimal'));
  });
});
