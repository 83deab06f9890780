import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeSpec } from '../../../src/core/analysis/analyze';
import { animatedRunSvg } from '../../../src/core/figures';
import { parseSpec } from '../../../src/core/spec/parse';

function analysisOf(file: string) {
  const spec = parseSpec(readFileSync(path.resolve(__dirname, '../../../../examples', file), 'utf8')).spec;
  assert.ok(spec);
  return analyzeSpec(spec);
}

describe('animated SVG of a run', () => {
  it('reveals the main path and each variant step by step with CSS keyframes, and honours reduced motion', () => {
    const svg = animatedRunSvg(analysisOf('batch-vs-full.neuron'), { duration: 6, hold: 2 });
    assert.match(svg, /^<\?xml/);
    assert.match(svg, /data-animated="true"/);
    assert.match(svg, /<polyline class="gg-path gg-reveal-\d"[^>]*pathLength="1"/);
    assert.match(svg, /<polyline class="gg-variant gg-variant-\d gg-reveal-\d"/);
    assert.equal((svg.match(/@keyframes gg-reveal-\d/g) ?? []).length, 2);
    assert.match(svg, /animation: gg-reveal-0 8\.00s linear infinite/);
    assert.match(svg, /@media \(prefers-reduced-motion: reduce\) \{[^}]*\{ animation: none; stroke-dasharray: none; \} \}/);
    assert.doesNotMatch(svg, /<script|NaN|Infinity/);
  });

  it('keyframes are per step: offsets fall from 1 to 0 and reach 0 when the path is done', () => {
    const svg = animatedRunSvg(analysisOf('sigmoid-northwest.neuron'), { duration: 10, hold: 0, maxKeyframes: 50 });
    const frames = /@keyframes gg-reveal-0 \{([^@]*)\}\s*\./.exec(svg)?.[1] ?? '';
    const offsets = [...frames.matchAll(/stroke-dashoffset: ([\d.]+)/g)].map((m) => Number(m[1]));
    assert.equal(offsets.length, 52);
    assert.equal(offsets[0], 1);
    assert.equal(offsets[offsets.length - 1], 0);
    for (let k = 1; k < offsets.length; k++) assert.ok(offsets[k] <= offsets[k - 1] + 1e-9);
  });

  it('default duration: 20 steps per second, within 2 … 30 s', () => {
    assert.match(animatedRunSvg(analysisOf('inside-cone.neuron'), { hold: 0 }), /animation: gg-reveal-0 10\.00s/);
  });
});
