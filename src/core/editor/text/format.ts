/**
 * Number formatting for hovers, hints and lenses: a few significant digits, a true minus sign
 * (U+2212) and subscript indices, so `−0.31 × 0.72 = −0.223` reads like the maths it shows.
 * Formatting only rounds: every number shown is the computed value to the digits printed.
 */

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/** `12` → `₁₂`. */
export function sub(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => SUBSCRIPTS[Number(d)]);
}

/**
 * `x` to `digits` significant digits, trailing zeros removed, with U+2212 for negatives;
 * very large or small magnitudes as `1.2×10⁻⁵`, below 1e-12 as `0`. Non-finite values print as
 * `∞`, `−∞`, `NaN`.
 */
export function num(x: number, digits = 3): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  // Round-off residue (an optimum bias of 5e-16) reads as what it is: zero.
  if (Math.abs(x) < 1e-12) return '0';
  const sign = x < 0 ? '−' : '';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-4) {
    const [mantissa, exponent] = a.toExponential(Math.max(0, digits - 1)).split('e');
    return `${sign}${trimZeros(mantissa)}×10${superscript(Number(exponent))}`;
  }
  let s = a.toPrecision(digits);
  if (s.includes('e')) s = String(Number(s));
  return sign + trimZeros(s);
}

/** Fixed decimals (for ratios such as κ = 7.0 or 3.2×), with U+2212. */
export function fixed(x: number, decimals = 1): string {
  if (!Number.isFinite(x)) return num(x);
  const s = x.toFixed(decimals);
  return s.startsWith('-') ? '−' + s.slice(1) : s;
}

/** A vector as `[0.5, −0.5]`. Long vectors are shortened with `…` after `max` entries. */
export function vec(v: readonly number[], digits = 3, max = 6): string {
  const shown = v.slice(0, max).map((x) => num(x, digits));
  if (v.length > max) shown.push(`… (${v.length} in all)`);
  return `[${shown.join(', ')}]`;
}

/** Percentage with no decimals: 0.934 → `93 %`. */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

/**
 * The shortest decimal text for a step size that stays strictly below `bound` (so a quick fix
 * never lands on the divergence bound by rounding): tries 3, 4, … significant digits.
 */
export function stepText(value: number, bound: number | null): string {
  for (let digits = 3; digits <= 17; digits++) {
    const text = trimZeros(value.toPrecision(digits));
    const parsed = Number(text);
    if (parsed > 0 && (bound === null || parsed < bound)) return String(parsed);
  }
  return String(value);
}

function trimZeros(s: string): string {
  return s.includes('.') && !s.includes('e') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function superscript(n: number): string {
  const map: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  return String(n).replace(/[-0-9]/g, (c) => map[c]);
}
