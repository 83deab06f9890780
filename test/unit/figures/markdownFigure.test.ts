import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fenceOptions, isNeuronFence, neuronFigureHtml } from '../../../src/core/figures';
import { extendMarkdownIt } from '../../../src/extension/markdown/neuronFences';

const lesson = readFileSync(path.resolve(__dirname, '../../../../examples/inside-cone.neuron'), 'utf8');

describe('neuron fences as Markdown figures', () => {
  it('recognises the language and reads the options of the info string', () => {
    assert.equal(isNeuronFence('neuron'), true);
    assert.equal(isNeuronFence(' Neuron step=3'), true);
    assert.equal(isNeuronFence('python'), false);
    assert.equal(isNeuronFence(''), false);
    assert.deepEqual(fenceOptions('neuron step=3 width=9999 height=100 junk=1'), { step: 3, width: 2000, height: 160 });
    assert.deepEqual(fenceOptions('neuron'), { width: 480, height: 420 });
  });

  it('draws a valid spec as inline SVG with the path, a caption and the spec, without XML prolog, script or style attribute', () => {
    const html = neuronFigureHtml(lesson, fenceOptions('neuron'), 'a', 4);
    assert.match(html, /^<div class="gg-neuron-figure code-line" data-line="4">/);
    assert.match(html, /<svg [^>]*width="480" height="420"/);
    assert.match(html, /<polyline class="gg-path"/);
    assert.match(html, /<figcaption>[^<]*inside that cone/);
    assert.match(html, /<details class="gg-neuron-source">/);
    assert.doesNotMatch(html, /<\?xml|<script|\sstyle=|\son[a-z]+=/i);
    assert.doesNotMatch(html, /NaN|Infinity/);
  });

  it('gives every figure its own clip-path id', () => {
    const a = neuronFigureHtml(lesson, fenceOptions('neuron'), 'a');
    const b = neuronFigureHtml(lesson, fenceOptions('neuron'), 'b');
    assert.match(a, /id="gg-clip-a"/);
    assert.match(b, /id="gg-clip-b"/);
    assert.doesNotMatch(a, /gg-clip-b|"gg-clip"|#gg-clip\)/);
  });

  it('shows escaped diagnostics for a bad spec, never markup from the text', () => {
    const html = neuronFigureHtml('lr = <script>alert(1)</script>\nw = [1, 2', fenceOptions('neuron'), 'c');
    assert.match(html, /gg-neuron-error/);
    assert.match(html, /line 1, column \d+: GG\d{3}/);
    assert.doesNotMatch(html, /<script/);
    assert.match(html, /&lt;script&gt;/);
    assert.doesNotMatch(html, /<svg/);
  });

  it('plugs into markdown-it: neuron fences become figures, other fences keep the previous rule', () => {
    const calls: string[] = [];
    const md = {
      renderer: { rules: { fence: (tokens: { info: string }[], idx: number) => (calls.push(tokens[idx].info), '<pre>code</pre>') } as Record<string, unknown> },
    };
    extendMarkdownIt(md as never);
    const fence = md.renderer.rules.fence as (t: unknown[], i: number, o: unknown, e: unknown, s: unknown) => string;
    const tokens = [
      { info: 'python', content: 'x = 1\n', map: [0, 3] },
      { info: 'neuron', content: lesson, map: [5, 9] },
    ];
    assert.equal(fence(tokens, 0, {}, {}, {}), '<pre>code</pre>');
    assert.match(fence(tokens, 1, {}, {}, {}), /data-line="5"[\s\S]*<svg/);
    assert.deepEqual(calls, ['python']);
  });
});
