/**
 * What the step-size hovers (`lr`, `optimizer`, `batch`) must say about a spec, read from the
 * analysis: the optimizer's own full-batch bound (learningRate.max with its formula), plain gradient
 * descent's 2/λmax beside it for another optimizer, no bound and no "stable" for adaptive ones, and
 * the run's own facts (diverged at step N) whenever it blew up.
 */
import * as assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types';
import { codeLensSummary, hoverAt } from '../../../src/core/editor';
import { num } from '../../../src/core/editor/text/format';
import type { Optimizer } from '../../../src/core/spec/types';

/** Markdown as a reader sees it: backslash escapes removed, `&lt;` etc. decoded. */
export function plain(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Parses a number as `num` prints it: U+2212 minus, `1.2×10⁻⁵`. */
export function parseShown(text: string): number {
  const sup: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  const t = text.replace(/−/g, '-');
  const m = /^(-?[\d.]+)(?:×10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/.exec(t);
  if (!m) return NaN;
  const exp = m[2] ? Number([...m[2]].map((c) => sup[c]).join('')) : 0;
  return Number(m[1]) * 10 ** exp;
}

/** A number as `num` prints it, at the start of a string. */
const SHOWN = '−?[\\d.]+(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?';

/** The bound the hover quotes after "η < <formula> = ", with the formula; undefined when none is quoted. */
export function quotedBound(md: string): { formula: string; value: number } | undefined {
  const m = new RegExp(`stability bound for [^:]*:\\*\\* η < (.+?) = (${SHOWN})`).exec(plain(md));
  return m ? { formula: m[1], value: parseShown(m[2]) } : undefined;
}

/** "stable" as a word, or a stability region: what an adaptive optimizer's hover must never say. */
export const SAYS_STABLE = /\bstable\b|stability region|stability bound/i;

export function isAdaptive(opt: Optimizer): boolean {
  return opt.kind === 'adam' || opt.kind === 'rmsprop';
}

/** The optimizer's bound from λmax by GEOMETRY.md §3, independently of the engine. */
export function expectedBound(opt: Optimizer, lmax: number): number | null {
  if (!(lmax > 0)) return null;
  switch (opt.kind) {
    case 'sgd':
      return 2 / lmax;
    case 'momentum':
      return (2 + 2 * opt.beta) / lmax;
    case 'nesterov':
      return (2 + 2 * opt.beta) / ((1 + 2 * opt.beta) * lmax);
    default:
      return null;
  }
}

const FORMULA: Record<string, string> = { sgd: '2/λmax', momentum: '(2 + 2β)/λmax', nesterov: '(2 + 2β)/((1 + 2β)λmax)' };

function offsetOf(text: string, re: RegExp): number | undefined {
  const m = re.exec(text);
  return m ? m.index : undefined;
}

/** The Markdown of the hover on the first statement matching `re` (at line start), or undefined. */
export function hoverOn(text: string, re: RegExp, analysis: Analysis | undefined, parsed: Parameters<typeof hoverAt>[2]): string | undefined {
  const o = offsetOf(text, re);
  return o === undefined ? undefined : hoverAt(text, o, parsed, analysis)?.markdown;
}

/**
 * Checks the `lr` and `optimizer` hovers (and the `batch` hover and the CodeLens summary) of a
 * valid spec text against its analysis. `what` names the case in failure messages.
 */
export function checkBoundHovers(what: string, text: string, parsed: Parameters<typeof hoverAt>[2], analysis: Analysis): void {
  const spec = parsed.spec;
  assert.ok(spec, `${what}: the spec is valid`);
  const lr = analysis.learningRate;
  const run = analysis.run;
  const lmax = analysis.hessian.eigenvalues[0];
  const hovers = [
    ['lr', hoverOn(text, /^lr\s*=/m, analysis, parsed)],
    ['optimizer', hoverOn(text, /^optimizer\s*=/m, analysis, parsed)],
  ] as const;
  for (const [key, md] of hovers) {
    if (md === undefined) continue;
    const shown = plain(md);
    const where = `${what}, ${key} hover:\n${shown}`;
    assert.ok(!shown.includes('lecunOptimal'), `${where}\nleaks the key 'lecunOptimal'`);
    const q = quotedBound(md);
    if (isAdaptive(spec.optimizer)) {
      assert.equal(lr.max, null, `${what}: an adaptive optimizer has no bound`);
      assert.equal(lr.stable, null, `${what}: an adaptive optimizer has no stability verdict`);
      assert.equal(q, undefined, `${where}\nquotes a bound for an adaptive optimizer`);
      assert.ok(!SAYS_STABLE.test(shown), `${where}\nsays "stable" for an adaptive optimizer`);
      assert.ok(!/η < \d|2\/λmax = \d|λmax\) = \d/.test(shown), `${where}\nprints a numeric step-size bound`);
      assert.ok(shown.includes('No fixed step-size bound'), `${where}\ndoes not say there is no fixed bound`);
    } else if (lr.max !== null) {
      const expected = expectedBound(spec.optimizer, lmax);
      assert.ok(
        expected !== null && Math.abs(lr.max - expected) <= 1e-12 * expected,
        `${what}: learningRate.max ${lr.max} is the ${spec.optimizer.kind} bound ${expected}`,
      );
      assert.equal(lr.maxFormula, FORMULA[spec.optimizer.kind], `${what}: the formula of ${spec.optimizer.kind}`);
      assert.ok(q, `${where}\nquotes no bound`);
      assert.equal(q.formula, lr.maxFormula, `${where}\nquotes the formula of another bound`);
      assert.ok(Math.abs(q.value - lr.max) <= 5e-3 * lr.max, `${where}\nquotes ${q.value}, not learningRate.max = ${lr.max}`);
      assert.ok(shown.includes(`= ${num(lr.max)}`), where);
      assert.ok(/full-batch/i.test(shown), `${where}\ndoes not name the bound a full-batch bound`);
      if (spec.optimizer.kind !== 'sgd' && lr.gradientDescentMax !== null) {
        assert.ok(
          shown.includes(`Plain gradient descent's full-batch bound, for comparison: η < 2/λmax = ${num(lr.gradientDescentMax)}`),
          `${where}\ndoes not give plain GD's 2/λmax`,
        );
      }
      if (lr.stable === false) assert.ok(shown.includes('at or above'), `${where}\nhides that η is outside the bound`);
      else assert.ok(!shown.includes('at or above'), `${where}\nsays η is above a bound it is below`);
    }
    if (run.diverged) {
      assert.ok(shown.includes(`diverged at step ${run.divergedAt ?? run.stepsRun}`), `${where}\ndoes not say the run diverged`);
      assert.ok(!/\bstable\b|every eigen-direction shrinks|inside the stability region/i.test(shown), `${where}\ncalls a blown-up run stable`);
      if (
        key === 'lr' &&
        lr.stable === true &&
        run.divergence !== null &&
        run.divergence.batchCurvature !== null &&
        spec.batch !== 'all' &&
        spec.batch < spec.samples
      ) {
        assert.ok(shown.includes(num(run.divergence.batchCurvature)), `${where}\ndoes not give the batches' own curvature`);
      }
    } else {
      assert.ok(!shown.includes('diverged at step'), `${where}\nreports a divergence the run did not have`);
    }
  }
  const lens = codeLensSummary(analysis);
  if (run.diverged) assert.ok(lens.includes(`diverges at step ${run.divergedAt ?? run.stepsRun}`), `${what}: lens ${lens}`);
  else assert.ok(!lens.includes('diverges'), `${what}: lens ${lens}`);
  const batch = hoverOn(text, /^batch\s*=/m, analysis, parsed);
  if (batch !== undefined) {
    const b = plain(batch);
    assert.ok(b.includes('sign-coherent gradients') && b.includes('sign-coherent updates'), `${what}, batch hover names both sign-coherent numbers:\n${b}`);
    assert.ok(!b.includes('lecunOptimal'));
  }
}
