/**
 * Reading numbers as a student reads them off the picture: a label shows 3 significant digits
 * (formatNumber), so the true value lies within half a unit of the last digit shown. Two shown
 * numbers agree when some true values inside those intervals satisfy the relation.
 */
import type { SvgNode } from '../../../src/core/scene';

/** Half a unit in the 3rd significant digit of the shown value. */
export function halfUnit(shown: number): number {
  if (shown === 0) return 5e-4;
  return 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(shown)) + 1e-12) - 2);
}

/** The number in a label like "κ of the plane 11.7" or "λmax = 0.514" or "1.23e5". */
export function parseShown(text: string): number {
  const m = /(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/.exec(text.trim().replace(/\s*·\s*$/, ''));
  if (!m) throw new Error(`no number in "${text}"`);
  return Number(m[1]);
}

/** Whether κ shown can be the ratio of the λ shown, each to its display precision. */
export function ratioAgrees(kappa: number, lMax: number, lMin: number): boolean {
  const hk = halfUnit(kappa);
  const h1 = halfUnit(lMax);
  const h2 = halfUnit(lMin);
  const lo = (lMax - h1) / (lMin + h2);
  const hi = lMin - h2 > 0 ? (lMax + h1) / (lMin - h2) : Infinity;
  return kappa + hk >= lo * (1 - 1e-12) && kappa - hk <= hi * (1 + 1e-12);
}

/** Every node of a tree (depth first). */
export function nodes(node: SvgNode): SvgNode[] {
  return [node, ...(node.children ?? []).flatMap(nodes)];
}

/** The text a reader sees in a node (its own text and its children's, in order). */
export function textOf(node: SvgNode): string {
  return (node.text ?? '') + (node.children ?? []).map(textOf).join('');
}

export interface KappaShown {
  readonly text: string;
  /** "κ of the plane X" or "κ = λmax/λmin = X": the plane's κ (null: ∞). */
  readonly plane: number | null;
  /** "κ of all trained parameters Y" (absent when one κ is shown). */
  readonly all: number | null | undefined;
  readonly lambdaMax: number | null;
  readonly lambdaMin: number | null;
  readonly lambdaLabels: readonly string[];
}

/** Reads the κ label and the λ labels of a plane tree as text. */
export function kappaShown(tree: SvgNode): KappaShown | null {
  const all = nodes(tree);
  const k = all.find((n) => n.attrs['data-testid'] === 'gg-kappa');
  if (!k) return null;
  const text = textOf(k);
  const num = (s: string | undefined): number | null => (s === undefined || /∞/.test(s) ? null : Number(s));
  const plane = /κ of the plane (∞|[\d.e-]+)/.exec(text)?.[1] ?? /κ = λmax\/λmin = (∞|[\d.e-]+)/.exec(text)?.[1];
  // A network names what its κ covers: the output weights at step 0 (scene/networkScene.ts).
  const allK = /κ of (?:all trained parameters|the output weights at step 0 =) (∞|[\d.e-]+)/.exec(text)?.[1];
  const labels = all.filter((n) => n.attrs.class === 'gg-eigen-label').map(textOf);
  const lam = (which: string): number | null => {
    const l = labels.find((t) => t.includes(`λ${which} =`));
    return l ? parseShown(l) : null;
  };
  return { text, plane: num(plane), all: allK === undefined ? undefined : num(allK), lambdaMax: lam('max'), lambdaMin: lam('min'), lambdaLabels: labels };
}
