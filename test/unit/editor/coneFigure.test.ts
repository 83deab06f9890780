// The hover's cone picture (issue 12 §8): every element inside the SVG's viewBox, whatever the
// cone and the way to the optimum; the panel's colours on the panel's light card; text at AA contrast.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CONE_FIGURE_COLOURS, coneSvg, type ConePicture } from '../../../src/core/editor/hover/coneSvg';
import type { AllowedCone, Vec2 } from '../../../src/core/analysis/types';
import { hoverAt } from '../../../src/core/editor';
import { analyzed } from './helpers';

interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const num = (tag: string, name: string): number => Number(attr(tag, name) ?? 0);

/**
 * The box each drawn element covers, strokes and text extents included (text: 0.62 em a
 * character, ascent 0.93 em, descent 0.24 em; an arc: its whole circle).
 */
function elementBounds(svg: string): { what: string; b: Bounds }[] {
  const out: { what: string; b: Bounds }[] = [];
  for (const m of svg.matchAll(/<(path|line|circle|rect|text)\b([^>]*)>(?:([^<]*)<\/text>)?/g)) {
    const [, kind, tag, body] = m;
    const half = num(tag, 'stroke-width') / 2;
    const pts: Vec2[] = [];
    if (kind === 'line') pts.push([num(tag, 'x1'), num(tag, 'y1')], [num(tag, 'x2'), num(tag, 'y2')]);
    if (kind === 'rect') pts.push([num(tag, 'x'), num(tag, 'y')], [num(tag, 'x') + num(tag, 'width'), num(tag, 'y') + num(tag, 'height')]);
    if (kind === 'circle')
      pts.push([num(tag, 'cx') - num(tag, 'r'), num(tag, 'cy') - num(tag, 'r')], [num(tag, 'cx') + num(tag, 'r'), num(tag, 'cy') + num(tag, 'r')]);
    if (kind === 'path') {
      const d = attr(tag, 'd') ?? '';
      for (const c of d.matchAll(/([ML])\s*(-?[\d.]+)\s+(-?[\d.]+)/g)) pts.push([Number(c[2]), Number(c[3])]);
      for (const a of d.matchAll(/A\s*([\d.]+)\s+[\d.]+\s+\S+\s+\S+\s+\S+\s+(-?[\d.]+)\s+(-?[\d.]+)/g)) {
        // An arc about the centre (the first M): its whole circle bounds it.
        const [cx, cy] = pts[0];
        const r = Number(a[1]);
        pts.push([cx - r, cy - r], [cx + r, cy + r]);
      }
    }
    if (kind === 'text') {
      const size = num(tag, 'font-size');
      const w = 0.62 * size * [...(body ?? '')].length;
      const x = num(tag, 'x');
      const left = attr(tag, 'text-anchor') === 'end' ? x - w : attr(tag, 'text-anchor') === 'middle' ? x - w / 2 : x;
      pts.push([left, num(tag, 'y') - 0.93 * size], [left + w, num(tag, 'y') + 0.24 * size]);
    }
    if (pts.length === 0) continue;
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    out.push({
      what: `${kind} ${(attr(tag, 'd') ?? body ?? '').slice(0, 40)}`,
      b: { x0: Math.min(...xs) - half, y0: Math.min(...ys) - half, x1: Math.max(...xs) + half, y1: Math.max(...ys) + half },
    });
  }
  return out;
}

/** The elements of `svg` that reach outside its viewBox. */
function clipped(svg: string): string[] {
  const vb = /viewBox="([^"]+)"/.exec(svg)?.[1].split(/\s+/).map(Number);
  assert.ok(vb && vb.length === 4, 'a viewBox');
  const [x, y, w, h] = vb;
  return elementBounds(svg)
    .filter(({ b }) => b.x0 < x - 1e-9 || b.y0 < y - 1e-9 || b.x1 > x + w + 1e-9 || b.y1 > y + h + 1e-9)
    .map(({ what, b }) => `${what}: ${b.x0.toFixed(1)},${b.y0.toFixed(1)} – ${b.x1.toFixed(1)},${b.y1.toFixed(1)}`);
}

const unit = (deg: number): Vec2 => [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];

/** Every kind of cone, edges all round the circle, openings from a sliver to almost a half plane. */
function cones(): AllowedCone[] {
  const out: AllowedCone[] = [];
  for (let a = 0; a < 360; a += 15) {
    for (const opening of [1, 30, 90, 150, 179])
      out.push({ axes: [0, 1], kind: 'sector', edges: [unit(a), unit(a + opening)], openingDegrees: opening, optimumInside: a % 30 === 0 });
    out.push({ axes: [0, 1], kind: 'line', edges: [unit(a), unit(a)], openingDegrees: 0, optimumInside: false });
  }
  out.push(
    { axes: [2, 4], kind: 'plane', edges: [], openingDegrees: 180, optimumInside: true },
    { axes: [0, 1], kind: 'none', edges: [], openingDegrees: 0, optimumInside: null },
  );
  return out;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The SVG inside a hover's markdown (its data URI), or null. */
function figureOf(markdown: string): string | null {
  const m = /!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(markdown);
  return m ? Buffer.from(m[1], 'base64').toString('utf8') : null;
}

describe("the hover's cone picture", () => {
  it('keeps every element inside its viewBox, for every kind of cone and every direction of the way to the optimum', () => {
    let drawn = 0;
    for (const cone of cones()) {
      for (let t = 0; t < 360; t += 20) {
        for (const toOptimum of [unit(t), [unit(t)[0] * 1e-6, unit(t)[1] * 1e-6] as Vec2, null]) {
          const picture: ConePicture = { cone, toOptimum };
          const svg = coneSvg(picture);
          assert.deepEqual(clipped(svg), [], `${cone.kind} ${JSON.stringify(cone.edges)} → ${JSON.stringify(toOptimum)}`);
          drawn++;
        }
      }
    }
    assert.ok(drawn > 5000, `${drawn} pictures`);
  });

  it('the check fails for a picture that reaches outside (it can fail)', () => {
    const svg = coneSvg({ cone: cones()[0], toOptimum: [1, 0] }).replace('x2="144"', 'x2="152"');
    assert.notDeepEqual(clipped(svg), []);
  });

  it("uses only the panel's colours on the panel's light card, with its text at 4.5:1 or more", () => {
    const palette = new Set<unknown>(Object.values(CONE_FIGURE_COLOURS));
    for (const cone of cones()) {
      const svg = coneSvg({ cone, toOptimum: [0.6, -0.8] });
      for (const m of svg.matchAll(/(?:fill|stroke)="([^"]+)"/g))
        if (m[1] !== 'none') assert.ok(palette.has(m[1]), `${m[1]} is not one of the panel's colours`);
      assert.ok(svg.includes(`<rect x="0.5" y="0.5" width="149" height="149" rx="6" fill="${CONE_FIGURE_COLOURS.card}"`), 'a card under the picture');
    }
    assert.ok(
      contrast(CONE_FIGURE_COLOURS.text, CONE_FIGURE_COLOURS.card) >= 4.5,
      `axis names ${contrast(CONE_FIGURE_COLOURS.text, CONE_FIGURE_COLOURS.card).toFixed(2)}:1`,
    );
    // Lines and the cone's edge: 3:1 for graphics (WCAG 1.4.11).
    for (const c of [CONE_FIGURE_COLOURS.cone, CONE_FIGURE_COLOURS.outside, CONE_FIGURE_COLOURS.axis])
      assert.ok(contrast(c, CONE_FIGURE_COLOURS.card) >= 3, `${c} on the card`);
  });

  it("is in the hover of every example's model line, unclipped", function () {
    this.timeout(60_000);
    const dir = path.join(__dirname, '../../../../examples');
    let seen = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.neuron'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const a = analyzed(text);
      const line = /^f = .*$/m.exec(text);
      if (!line || !a.analysis || a.analysis.cone.kind === 'none') continue;
      const h = hoverAt(text, line.index + 1, a.parsed, a.analysis);
      const svg = h ? figureOf(h.markdown) : null;
      assert.ok(svg, `${file}: the model line's hover has the picture`);
      assert.deepEqual(clipped(svg), [], file);
      seen++;
    }
    assert.ok(seen >= 5, `${seen} examples`);
  });
});
