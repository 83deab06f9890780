/** Hovers and the CLI on a network spec: the network facts agree with the analysis. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { hoverAt } from '../../../src/core/editor';
import { analyzed, at } from '../editor/helpers';

const root = path.resolve(__dirname, '../../../..');
const lessonFile = path.join(root, 'examples/network-sigmoid-hidden.neuron');
const lesson = readFileSync(lessonFile, 'utf8');

/** The hover on the statement that starts after the newline of `needle`. */
function hover(text: string, needle: string): string {
  const a = analyzed(text);
  const h = hoverAt(text, at(text, needle, 1), a.parsed, a.analysis);
  assert.ok(h, `a hover at '${needle}'`);
  return h.markdown.replace(/\\(.)/g, '$1');
}

describe('network hovers and CLI', () => {
  it("the h line says what the hidden layer does and the run's facts: positive h, the rows' sign share, the curvature at the last step", () => {
    const a = analyzed(lesson).analysis!;
    const net = a.network!;
    const md = hover(lesson, '\nh = sigmoid');
    assert.match(md, /never negative/);
    assert.match(md, /Hidden outputs all positive at 100 % of the steps/);
    assert.ok(md.includes(`one sign: ${Math.round(100 * net.rowSignCoherentShare!)} %`), md);
    const last = net.steps[net.steps.length - 1];
    assert.ok(md.includes(`at step ${last.step}`), md);
  });

  it('the train line of a frozen hidden layer says only the neuron on top learns; W says how it is drawn without a value', () => {
    const text = lesson.replace('\ntrain = all', '\ntrain = output');
    assert.match(hover(text, '\ntrain = output'), /W and c are frozen/);
    assert.match(hover(lesson, '\nW = ['), /N\(0, 1\/d\)/);
  });

  it('analyze prints the network lines and --json carries network with every analysed step', () => {
    const cli = path.join(root, 'dist/cli.js');
    const text = spawnSync(process.execPath, [cli, 'analyze', lessonFile], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^network: x \(d = 2, .*→ h = sigmoid\(W·x \+ c\) \(H = 2\) → f = w·h \+ b; train = all; W written$/m);
    assert.match(text.stdout, /hidden outputs all positive at 100 % of the steps/);
    assert.match(text.stdout, /curvature of the output weights at step 600/);
    assert.match(text.stdout, /no fixed bound: W and c train too/);
    const json = spawnSync(process.execPath, [cli, 'analyze', lessonFile, '--json'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 26 });
    const doc = JSON.parse(json.stdout) as { network: { steps: { step: number }[]; hidden: number }; run: { path: { gradient: number[] }[] } };
    assert.equal(doc.network.hidden, 2);
    assert.equal(doc.network.steps.length, 601);
    // The path's gradient runs over θ = (w1, w2, b, W (2 × 2), c (2)).
    assert.equal(doc.run.path[0].gradient.length, 9);
  });
});
