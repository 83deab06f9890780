/**
 * The registries (optimizers, preprocessings, input activations) are complete and consistent, and
 * every part of the project that lists them accepts every registered entry: the parser, the
 * write-back, the protocol guard, the webview's state validator, completion, snippets and the
 * grammar. Each test iterates the registry, so a new entry is checked without editing this file.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { completionsAt } from '../../../src/core/editor';
import { functionNames, keywordValues, neuronGrammarText } from '../../../src/core/editor/grammar';
import { LESSON_SNIPPETS } from '../../../src/core/editor/snippets';
import { conditionAfter } from '../../../src/core/editor/hover/conditioning';
import { inputStats } from '../../../src/core/engine/preprocess';
import type { ParamSpec } from '../../../src/core/optimizers/descriptor';
import {
  amplification,
  createStepper,
  defaultOptimizer,
  fromValues,
  inDomain,
  OPTIMIZER_BY_KIND,
  OPTIMIZER_KINDS,
  OPTIMIZER_LIST,
  optimizerDescriptor,
  optimizerFromJson,
  optimizerName,
  optimizerSpecText,
  paramBound,
  stabilityBound,
  type Optimizer,
} from '../../../src/core/optimizers/registry';
import { ACTIVATION_LIST } from '../../../src/core/registry/activations';
import { PREPROCESS_LIST } from '../../../src/core/registry/preprocessings';
import { parseSpec } from '../../../src/core/spec/parse';
import { isPanelRequest } from '../../../src/shared/protocol';
import { optimizerText, specEdits, applyEdits } from '../../../src/shared/specEdits';
import { restoreState } from '../../../src/webview/state';

const root = path.resolve(__dirname, '../../../..');
const BASE = 'x ~ sigmoid(normal(0, 1))\nw* = [-1, 1]\nw = [1.5, -0.5]\nlr = 0.3\nsteps = 20\n';

/** Values of a parameter to try: its default and a spread over its slider (or domain). */
function samples(p: ParamSpec): number[] {
  if (p.slider) {
    const { min, max } = p.slider;
    return [p.default, min, max, min + (max - min) / 3, min + (2 * (max - min)) / 3];
  }
  return p.domain === 'unit' ? [p.default, 0, 0.5, 0.99] : [p.default, 1e-6, 0.1];
}

/** The default optimizer of a kind and variants with one parameter moved across its range. */
function variantsOf(kind: Optimizer['kind']): Optimizer[] {
  const d = optimizerDescriptor(kind);
  const out = [defaultOptimizer(kind)];
  for (const p of d.params) for (const v of samples(p)) out.push({ ...defaultOptimizer(kind), [p.key]: v } as Optimizer);
  return out;
}

describe('optimizer registry', () => {
  it('lists each optimizer once, under its own kind', () => {
    assert.deepEqual(
      OPTIMIZER_KINDS,
      OPTIMIZER_LIST.map((d) => d.kind),
    );
    assert.equal(new Set(OPTIMIZER_KINDS).size, OPTIMIZER_KINDS.length);
    for (const k of OPTIMIZER_KINDS) assert.equal(OPTIMIZER_BY_KIND[k].kind, k);
  });

  for (const d of OPTIMIZER_LIST) {
    describe(d.kind, () => {
      it('is complete: title, rule, parameters with defaults in their domains and sliders inside them, texts', () => {
        assert.ok(d.title.length > 0 && d.rule.length > 0);
        const keys = d.params.map((p: ParamSpec) => p.key);
        assert.equal(new Set(keys).size, keys.length, 'parameter keys are distinct');
        for (const p of d.params as readonly ParamSpec[]) {
          assert.ok(p.symbol.length > 0 && p.label.length > 0, p.key);
          assert.ok(inDomain(p, p.default), `${p.key} default ${p.default} in its domain`);
          if (p.slider) {
            assert.ok(
              inDomain(p, p.slider.min) && inDomain(p, p.slider.max) && p.slider.min < p.slider.max && p.slider.step > 0,
              `${p.key} slider inside its domain`,
            );
            assert.ok(p.default >= p.slider.min && p.default <= p.slider.max, `${p.key} default on its slider`);
            const steps = (p.slider.max - p.slider.min) / p.slider.step;
            assert.ok(Math.abs(steps - Math.round(steps)) < 1e-9, `${p.key} slider range is a whole number of steps`);
          }
        }
        for (const o of variantsOf(d.kind)) {
          assert.ok(optimizerName(o).length > 0);
          assert.ok(optimizerDescriptor(o).hover(o).length > 20);
          const e = optimizerDescriptor(o).effect(o);
          assert.equal(e === null, d.kind === 'sgd', 'only plain gradient descent has no effect clause of its own');
        }
        if (d.arities) for (const a of d.arities) assert.ok(a >= 0 && a <= d.params.length);
      });

      it('is adaptive exactly when it has no bound and no amplification factor', () => {
        for (const o of variantsOf(d.kind)) {
          assert.equal(stabilityBound(o) === null, d.adaptive);
          assert.equal(amplification(o, 0.1, 1) === null, d.adaptive);
        }
      });

      if (!d.adaptive) {
        it('has its bound where the largest amplification factor crosses 1 (checked numerically)', () => {
          for (const o of variantsOf(d.kind)) {
            const limit = stabilityBound(o)!.limit;
            const f = (h: number): number => amplification(o, h, 1)!;
            for (let k = 1; k < 50; k++) assert.ok(f((limit * k) / 50) <= 1 + 1e-9, `${optimizerSpecText(o, String)}: factor ≤ 1 at h = ${(limit * k) / 50}`);
            assert.ok(f(limit * 1.001) > 1, `${optimizerSpecText(o, String)}: factor > 1 just above the bound`);
            // Bisection for the first h where the factor exceeds 1, from inside the bound to twice it.
            let lo = limit * 0.5;
            let hi = limit * 2;
            for (let i = 0; i < 80; i++) {
              const mid = (lo + hi) / 2;
              if (f(mid) > 1 + 1e-12) hi = mid;
              else lo = mid;
            }
            assert.ok(Math.abs(lo - limit) <= 1e-6 * limit, `${optimizerSpecText(o, String)}: crossing at ${lo}, bound ${limit}`);
          }
        });

        it('marks each slider where the bound on ηλmax flips for a fixed η', () => {
          for (const p of d.params as readonly ParamSpec[]) {
            const slider = p.slider;
            if (!slider) continue;
            for (const h of [0.5, 0.9, 1.2, 1.7, 2.5, 3.2]) {
              const mark = paramBound(defaultOptimizer(d.kind), p.key, h, 1);
              if (!mark) continue;
              for (let k = 0; k <= 20; k++) {
                const v: number = slider.min + ((slider.max - slider.min) * k) / 20;
                const o = { ...defaultOptimizer(d.kind), [p.key]: v } as Optimizer;
                const stable = h < stabilityBound(o)!.limit;
                const marked: boolean = mark.side === 'above' ? v > mark.value : v < mark.value;
                if (Math.abs(v - mark.value) > 1e-9) assert.equal(marked, stable, `${p.key} = ${v}, ηλmax = ${h}: mark ${mark.side} ${mark.value}`);
              }
            }
          }
        });
      }

      it('steps: finite updates, and a positive per-coordinate factor keeps the gradient signs when it says so', () => {
        for (const o of variantsOf(d.kind)) {
          const s = createStepper(o, 0.1, 3);
          const u = new Float64Array(3);
          const la = new Float64Array(3);
          for (const g of [
            [1, 2, -3],
            [0.5, -1, 2],
            [-2, -0.1, 0.3],
          ]) {
            s.lookAhead([0, 0, 0], la);
            s.step(g, u);
            assert.ok(u.every(Number.isFinite));
          }
          if (optimizerDescriptor(o).effect(o)?.leaves === false) {
            const t = createStepper(o, 0.1, 2);
            for (const g of [
              [1, 2],
              [-3, -0.5],
              [2, 1],
            ]) {
              t.step(g, u);
              assert.ok(Math.sign(u[0]) === -Math.sign(g[0]) && Math.sign(u[1]) === -Math.sign(g[1]), `${o.kind}: update keeps the signs of g = ${g}`);
            }
          }
        }
      });

      it('parses bare, with every parameter, and round-trips through the write-back text', () => {
        const bare = parseSpec(`${BASE}optimizer = ${d.kind}\n`);
        assert.deepEqual(bare.spec?.optimizer, defaultOptimizer(d.kind), JSON.stringify(bare.diagnostics));
        for (const o of variantsOf(d.kind)) {
          const text = optimizerText(o);
          const parsed = parseSpec(`${BASE}optimizer = ${text}\n`);
          assert.ok(parsed.spec, `${text}: ${JSON.stringify(parsed.diagnostics)}`);
          assert.deepEqual(
            parsed.spec.optimizer,
            fromValues(
              d.kind,
              (d.params as readonly ParamSpec[]).map((p) => Number(Number((o as unknown as Record<string, number>)[p.key]).toPrecision(4))),
            ),
          );
          const compared = parseSpec(`${BASE}compare = ${text}\n`);
          assert.ok(compared.spec, `compare = ${text}`);
        }
        if (d.params.length > 0) {
          const wrong = parseSpec(`${BASE}optimizer = ${d.kind}(${d.params.map(() => '-1').join(', ')})\n`);
          assert.ok(
            wrong.diagnostics.some((x) => x.severity === 'error'),
            'out-of-domain parameters are errors',
          );
        }
        const tooMany = parseSpec(`${BASE}optimizer = ${d.kind}(${[...d.params, d.params[0]].map(() => '0.5').join(', ')})\n`);
        assert.ok(
          tooMany.diagnostics.some((x) => x.severity === 'error' && /Expected/.test(x.message)),
          'too many arguments',
        );
      });

      it('passes the protocol guard and the webview state validator, and rejects a stray field', () => {
        for (const o of variantsOf(d.kind)) {
          assert.ok(isPanelRequest({ type: 'writeSpec', version: 1, changes: { optimizer: o } }), JSON.stringify(o));
          assert.deepEqual(restoreState({ overrides: { optimizer: o } }).overrides.optimizer, o);
          assert.deepEqual(optimizerFromJson(JSON.parse(JSON.stringify(o))), o);
        }
        const extra = { ...defaultOptimizer(d.kind), stray: 1 };
        assert.ok(!isPanelRequest({ type: 'writeSpec', version: 1, changes: { optimizer: extra } }));
        assert.equal(restoreState({ overrides: { optimizer: extra } }).overrides.optimizer, undefined);
        for (const p of d.params as readonly ParamSpec[]) {
          const bad = { ...defaultOptimizer(d.kind), [p.key]: p.domain === 'unit' ? 1 : 0 };
          assert.ok(!isPanelRequest({ type: 'writeSpec', version: 1, changes: { optimizer: bad } }), `${p.key} outside its domain`);
        }
      });

      it('is offered by completion, the snippets and coloured by the grammar', () => {
        const names = (text: string): string[] => completionsAt(text, text.length).items.map((i) => i.label);
        assert.ok(names('optimizer = ').includes(d.kind));
        assert.ok(names('compare = ').includes(d.kind));
        const statement = completionsAt('', 0).items.find((i) => i.label === 'optimizer')!;
        assert.match(statement.insertText, new RegExp(`[|,]${d.kind}[(,|]`));
        const starter = LESSON_SNIPPETS.find((s) => /starter/.test(s.label))!;
        assert.match(starter.insertText, new RegExp(`optimizer = .*[|,]${d.kind}[(,|]`));
        assert.ok(keywordValues().includes(d.kind));
        if (d.params.length > 0) assert.ok(functionNames().includes(d.kind));
      });

      it('writes an override back into the spec as a call the parser reads again', () => {
        const text = `${BASE}optimizer = sgd\n`;
        for (const o of variantsOf(d.kind).slice(0, 3)) {
          const r = specEdits(text, { optimizer: o });
          assert.ok(r.ok);
          const after = parseSpec(applyEdits(text, r.edits));
          assert.equal(after.spec?.optimizer.kind, d.kind);
        }
      });
    });
  }

  it('the grammar file is the one the registries generate (run node esbuild.js after a change)', () => {
    assert.equal(readFileSync(path.join(root, 'syntaxes/neuron.tmLanguage.json'), 'utf8'), neuronGrammarText());
  });
});

describe('preprocessing registry', () => {
  const raw = inputStats(Float64Array.from([0.2, 0.7, 0.9, 0.4, 0.5, 0.1, 0.8, 0.6]), 4, 2);
  for (const p of PREPROCESS_LIST) {
    it(`${p.kind}: parses with every spelling, passes the guards, is offered and has its maths`, () => {
      for (const spelling of [p.kind, ...p.aliases]) {
        assert.equal(parseSpec(`${BASE}preprocess = ${spelling}\n`).spec?.preprocess, p.kind, spelling);
      }
      assert.ok(isPanelRequest({ type: 'writeSpec', version: 1, changes: { preprocess: p.kind } }));
      assert.equal(restoreState({ overrides: { preprocess: p.kind } }).overrides.preprocess, p.kind);
      assert.ok(completionsAt('preprocess = ', 13).items.some((i) => i.label === p.kind));
      assert.ok(p.detail.length > 0 && p.hover.length > 0);
      const kappa = conditionAfter(p.kind, raw, true);
      assert.ok(kappa === null || kappa >= 1);
      if (p.kind !== 'none') {
        assert.ok(parseSpec(`${BASE}compare = ${p.kind}\n`).spec, `compare = ${p.kind}`);
        assert.ok(keywordValues().includes(p.kind));
      }
    });
  }
});

describe('input activation registry', () => {
  for (const a of ACTIVATION_LIST) {
    it(`${a.kind}: parses, draws finite inputs, is offered and coloured`, () => {
      const parsed = parseSpec(`x ~ ${a.kind}(normal(0, 1))\nw* = [-1, 1]\nw = [1.5, -0.5]\n`);
      assert.ok(parsed.spec?.inputs.kind === 'generated' && parsed.spec.inputs.activation === a.kind, JSON.stringify(parsed.diagnostics));
      for (const z of [-800, -3, 0, 2, 800]) assert.ok(Number.isFinite(a.apply(z)), `${a.kind}(${z})`);
      assert.ok(functionNames().includes(a.kind));
      assert.ok(a.note.length > 0 && a.detail.length > 0);
      if (a.kind !== 'identity') {
        assert.ok(completionsAt('x ~ ', 4).items.some((i) => i.label === a.kind));
        assert.ok(parseSpec(`${BASE}compare = ${a.kind}\n`).spec, `compare = ${a.kind}`);
      }
    });
  }
});
