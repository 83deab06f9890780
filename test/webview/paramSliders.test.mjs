// The optimizer's own parameter sliders (β of heavy-ball and Nesterov momentum, β₁/β₂ of Adam, ρ of
// RMSProp) in headless Chromium, on the momentum lesson through the real parser and engine: each is
// generated from the registry, labelled for screen readers, keyboard-operable, re-runs the core when
// moved, carries its full-batch stability mark for the current η (moving η moves the mark), and is
// written back to the spec like η.
/* global describe, document, window */
import assert from 'node:assert/strict';
import { exampleMessages, posted, send, usePanelSuite } from './harness.mjs';

const FILE = 'momentum.neuron';

/** The lesson with its `optimizer = sgd` / `lr = 0.5` replaced. */
async function lesson(optimizer, lr) {
  const m = (await exampleMessages((t) => t.replace(/optimizer = sgd\nlr = 0.5/, `optimizer = ${optimizer}\nlr = ${lr}`)))[FILE];
  assert.equal(m.spec.optimizer.kind, optimizer.replace(/\(.*/, ''), 'the edit took');
  return { ...m, version: 1 };
}

/** What a parameter's row shows. */
const row = (page, key) =>
  page.evaluate((k) => {
    const input = document.querySelector(`[data-testid="gg-param-${k}"]`);
    const marks = document.querySelector(`[data-testid="gg-param-${k}-marks"]`);
    const mark = marks.querySelector('.gg-lr-mark[data-key="bound"]');
    const label = document.querySelector(`label[for="${input.id}"]`);
    return {
      value: Number(input.value),
      max: Number(input.max),
      aria: input.getAttribute('aria-label'),
      valuetext: input.getAttribute('aria-valuetext'),
      label: label?.textContent ?? null,
      shown: document.querySelector(`[data-testid="gg-param-${k}-value"]`).textContent,
      verdict: marks.dataset.verdict,
      mark: mark ? { value: Number(mark.dataset.value), side: mark.dataset.side } : null,
      bound: document.querySelector('[data-testid="gg-lr-bound"]').textContent,
    };
  }, key);

const held = (page) => page.evaluate(() => window.__gg.state.overrides.optimizer ?? null);

describe('optimizer parameter sliders in Chromium', function () {
  this.timeout(90_000);
  const { panel, test } = usePanelSuite();

  test('heavy ball: the β slider is labelled, marks β > ηλmax/2 − 1, and moving β re-runs the core and the mark verdict', async () => {
    const { page } = await panel();
    const m = await lesson('momentum(0.9)', 2.2);
    await send(page, m);
    const lmax = m.analysis.hessian.eigenvalues[0];
    const r0 = await row(page, 'beta');
    assert.match(r0.aria, /momentum β/i);
    assert.match(r0.label, /β/);
    assert.equal(r0.value, 90, 'the thumb at β = 0.9 (steps of 0.01)');
    assert.equal(r0.verdict, 'split');
    assert.equal(r0.mark.side, 'above');
    assert.ok(Math.abs(r0.mark.value - (2.2 * lmax) / 2 + 1) < 1e-9, `mark at ηλmax/2 − 1 = ${(2.2 * lmax) / 2 - 1}, drawn ${r0.mark.value}`);
    assert.match(r0.valuetext, /β = 0\.9; Full-batch stable for β > /);
    assert.doesNotMatch(r0.shown, /unstable/);

    // Below the mark: the run is re-analysed in the page with β = 0.3, and said to be unstable.
    const below = Math.floor(r0.mark.value * 100) - 5;
    await page.getByTestId('gg-param-beta').fill(String(below));
    assert.deepEqual(await held(page), { kind: 'momentum', beta: below / 100 });
    const r1 = await row(page, 'beta');
    assert.match(r1.shown, /unstable/);
    assert.notEqual(r1.bound, r0.bound, "η's own bound (2 + 2β)/λmax follows β");
    const expected = (2 + 2 * (below / 100)) / lmax;
    assert.match(r1.bound, new RegExp(`= ${Number(expected.toPrecision(3))}`));
  });

  test('moving η moves the β mark; the keyboard moves β by one step', async () => {
    const { page } = await panel();
    await send(page, await lesson('momentum(0.9)', 2.2));
    const before = (await row(page, 'beta')).mark.value;
    // A smaller η: ηλmax < 2 puts every β on the stable side (no line, a note instead).
    const lrMax = Number(await page.getByTestId('gg-lr').getAttribute('max'));
    await page.getByTestId('gg-lr').fill(String(Math.round(lrMax * 0.3)));
    const r = await row(page, 'beta');
    assert.ok(
      r.mark === null ? r.verdict === 'all' : r.mark.value < before,
      `the mark moved with η (was ${before}, now ${JSON.stringify(r.mark)} ${r.verdict})`,
    );

    await page.getByTestId('gg-param-beta').focus();
    await page.keyboard.press('ArrowLeft');
    assert.deepEqual(await held(page), { kind: 'momentum', beta: 0.89 });
    await page.keyboard.press('Home');
    assert.deepEqual(await held(page), { kind: 'momentum', beta: 0 });
  });

  test('Nesterov marks β from above: β < (2 − ηλmax)/(2(ηλmax − 1))', async () => {
    const { page } = await panel();
    const m = await lesson('nesterov(0.2)', 0.9);
    await send(page, m);
    const h = 0.9 * m.analysis.hessian.eigenvalues[0];
    const r = await row(page, 'beta');
    assert.ok(h > 1 && h < 2, `ηλmax = ${h}`);
    assert.equal(r.mark.side, 'below');
    assert.ok(Math.abs(r.mark.value - (2 - h) / (2 * (h - 1))) < 1e-9);
  });

  test('Adam: β₁ and β₂ sliders without a mark (adaptive), and a change written back like η', async () => {
    const { page } = await panel();
    await send(page, await lesson('adam', 0.05));
    const ids = await page.evaluate(() => [...document.querySelectorAll('[data-testid="gg-params"] input[type="range"]')].map((i) => i.dataset.testid));
    assert.deepEqual(ids, ['gg-param-beta1', 'gg-param-beta2']);
    const r = await row(page, 'beta1');
    assert.equal(r.verdict, 'adaptive');
    assert.equal(r.mark, null);
    assert.match(r.valuetext, /adaptive/);
    await page.getByTestId('gg-param-beta1').focus();
    await page.keyboard.press('ArrowLeft');
    assert.deepEqual(await held(page), { kind: 'adam', beta1: 0.89, beta2: 0.999, eps: 1e-8 });
    await page.getByTestId('gg-write').click();
    const writes = (await posted(page)).filter((x) => x.type === 'writeSpec');
    assert.deepEqual(writes, [{ type: 'writeSpec', version: 1, changes: { optimizer: { kind: 'adam', beta1: 0.89, beta2: 0.999, eps: 1e-8 } } }]);
  });

  test('plain gradient descent and AdaGrad show no parameter slider; choosing momentum shows β', async () => {
    const { page } = await panel();
    await send(page, await lesson('adagrad', 0.1));
    assert.equal(await page.getByTestId('gg-params').isHidden(), true);
    const options = await page.getByTestId('gg-optimizer').evaluate((s) => [...s.options].map((o) => o.textContent));
    assert.ok(
      options.some((o) => o.startsWith('adagrad')),
      String(options),
    );
    const k = options.findIndex((o) => o.startsWith('momentum'));
    await page.getByTestId('gg-optimizer').selectOption(String(k));
    assert.equal(await page.getByTestId('gg-params').isVisible(), true);
    assert.equal((await row(page, 'beta')).value, 90);
  });
});
