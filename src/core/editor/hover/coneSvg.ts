/**
 * A small picture of the allowed cone for hovers: the double cone ±cone{x₁ … x_P} of per-sample
 * update directions in the viewed plane (docs/science.md, "The sign constraint"), with an arrow for the straight way from
 * the start to the optimum. Green arrow: the way lies inside the cone (no zig-zag from the sign
 * constraint); orange: it leaves the cone, so steps must alternate.
 *
 * Screen coordinates flip y (SVG's y grows downwards), so a counter-clockwise sweep in the plane
 * is a clockwise sweep on screen.
 */
import type { AllowedCone, Vec2 } from '../../analysis/types';
import { sub } from '../text/format';

/** Drawing size and the cone's radius: the arrow (R + 6 and its head) and the axis names keep a margin inside it, never clipped. */
const SIZE = 150;
const C = SIZE / 2;
const R = 50;
/**
 * The panel's colours (media/panel.css, its light palette) on a card of the panel's light
 * background, so the figure reads the same in a light and a dark hover (an image cannot follow
 * the theme): the cone's green at the panel's opacity, the path's orange, the muted text.
 */
export const CONE_FIGURE_COLOURS = {
  card: '#ffffff',
  border: '#d4d4d4',
  cone: '#1b7f3b',
  coneOpacity: 0.22,
  outside: '#c2410c',
  axis: '#6e6e6e',
  text: '#5f5f5f',
} as const;
const CONE = CONE_FIGURE_COLOURS.cone;
const OUTSIDE = CONE_FIGURE_COLOURS.outside;

/** Options for the picture; `toOptimum` is the vector from the start to the optimum in the plane. */
export interface ConePicture {
  readonly cone: AllowedCone;
  readonly toOptimum?: Vec2 | null;
}

function pt(v: Vec2, r: number): string {
  return `${(C + r * v[0]).toFixed(2)} ${(C - r * v[1]).toFixed(2)}`;
}

function neg(v: Vec2): Vec2 {
  return [-v[0], -v[1]];
}

function wedge(a: Vec2, b: Vec2, openingDegrees: number): string {
  const large = openingDegrees > 180 ? 1 : 0;
  return `M ${C} ${C} L ${pt(a, R)} A ${R} ${R} 0 ${large} 0 ${pt(b, R)} Z`;
}

/** The SVG document (UTF-8 text; axis labels use subscript digits). */
export function coneSvg(picture: ConePicture): string {
  const { cone } = picture;
  const parts: string[] = [];
  const fill = `fill="${CONE}" fill-opacity="${CONE_FIGURE_COLOURS.coneOpacity}" stroke="${CONE}" stroke-width="2"`;
  switch (cone.kind) {
    case 'sector': {
      const [a, b] = cone.edges;
      if (a && b) {
        parts.push(`<path d="${wedge(a, b, cone.openingDegrees)}" ${fill}/>`);
        parts.push(`<path d="${wedge(neg(a), neg(b), cone.openingDegrees)}" ${fill}/>`);
      }
      break;
    }
    case 'line': {
      const a = cone.edges[0];
      if (a) parts.push(`<path d="M ${pt(a, R)} L ${pt(neg(a), R)}" stroke="${CONE}" stroke-width="4"/>`);
      break;
    }
    case 'plane':
      parts.push(`<circle cx="${C}" cy="${C}" r="${R}" ${fill}/>`);
      break;
    case 'none':
      break;
  }
  const t = picture.toOptimum;
  const len = t ? Math.hypot(t[0], t[1]) : 0;
  if (t && Number.isFinite(len) && len > 0) {
    const u: Vec2 = [t[0] / len, t[1] / len];
    const colour = cone.optimumInside ? CONE : OUTSIDE;
    const tip = pt(u, R + 6).split(' ');
    // Arrow head: two short strokes back from the tip, ±25° from the shaft.
    const back = (angle: number): string => {
      const c = Math.cos(angle),
        s = Math.sin(angle);
      const d: Vec2 = [-(u[0] * c - u[1] * s), -(u[0] * s + u[1] * c)];
      return `${(Number(tip[0]) + 10 * d[0]).toFixed(2)} ${(Number(tip[1]) - 10 * d[1]).toFixed(2)}`;
    };
    const a = (25 * Math.PI) / 180;
    parts.push(
      `<path d="M ${C} ${C} L ${tip[0]} ${tip[1]} M ${back(a)} L ${tip[0]} ${tip[1]} L ${back(-a)}" stroke="${colour}" stroke-width="3" fill="none" stroke-linecap="round"/>`,
    );
  }
  const [i, j] = cone.axes;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">`,
    `<rect x="0.5" y="0.5" width="${SIZE - 1}" height="${SIZE - 1}" rx="6" fill="${CONE_FIGURE_COLOURS.card}" stroke="${CONE_FIGURE_COLOURS.border}" stroke-width="1"/>`,
    `<line x1="6" y1="${C}" x2="${SIZE - 6}" y2="${C}" stroke="${CONE_FIGURE_COLOURS.axis}" stroke-width="1"/>`,
    `<line x1="${C}" y1="6" x2="${C}" y2="${SIZE - 6}" stroke="${CONE_FIGURE_COLOURS.axis}" stroke-width="1"/>`,
    ...parts,
    `<text x="${SIZE - 6}" y="${C - 5}" font-family="sans-serif" font-size="12" fill="${CONE_FIGURE_COLOURS.text}" text-anchor="end">w${sub(i + 1)}</text>`,
    `<text x="${C + 5}" y="18" font-family="sans-serif" font-size="12" fill="${CONE_FIGURE_COLOURS.text}">w${sub(j + 1)}</text>`,
    '</svg>',
  ].join('');
}
