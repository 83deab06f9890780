// Issue 9 in headless Chromium: the panel's TEXT, read as a student reads it, agrees with itself
// and with the analysis on every example: κ shown = ratio of the λ shown (to display precision),
// each sign-coherent number equals the analysis field it names, the step-size bound is the
// optimizer's own, every "step N" is the current step while playing, the caption's "of M" is the
// run's stepsRun after a slider change, and a run that blows up keeps start and optimum apart.
/* global describe, window, document, requestAnimationFrame */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root, send, specMessage, usePanelSuite } from './harness.mjs';

/** Half a unit in the 3rd significant digit (labels show 3 significant digits). */
function halfUnit(shown) {
  if (shown === 0) return 5e-4;
  return 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(shown)) + 1e-12) - 2);
}

/** "0.514", "1.34e4" → number. */
const parseNum = (s) => Number(s.replace(/e\+?/, 'e'));

/** κ shown can be λmax/λmin shown, each within half a unit of its last digit. */
function ratioAgrees(kappa, lMax, lMin) {
  const lo = (lMax - halfUnit(lMax)) / (lMin + halfUnit(lMin));
  const hi = lMin - halfUnit(lMin) > 0 ? (lMax + halfUnit(lMax)) / (lMin - halfUnit(lMin)) : Infinity;
  return kappa + halfUnit(kappa) >= lo * (1 - 1e-12) && kappa - halfUnit(kappa) <= hi * (1 + 1e-12);
}

/** The shown percentage equals the share (0..1) to display precision. */
function percentAgrees(text, share) {
  const m = /([\d.]+) %/.exec(text);
  assert.ok(m, `a percentage in "${text}"`);
  const shown = Number(m[1]);
  return Math.abs(shown - share * 100) <= halfUnit(shown) * (1 + 1e-9) + 1e-9;
}

/** The quadrant of a step from the signs of its components (what the caption names). */
function quadrant(dx, dy) {
  if (dx === 0 && dy === 0) return 'nowhere';
  if (dx === 0) return dy > 0 ? 'north' : 'south';
  if (dy === 0) return dx > 0 ? 'east' : 'west';
  return `${dy > 0 ? 'north' : 'south'}-${dx > 0 ? 'east' : 'west'}`;
}

const formatted = (v) => {
  const abs = Math.abs(v);
  if (abs >= 1e5 || abs < 1e-3) return v.toExponential(2).replace('e+', 'e');
  const s = v.toPrecision(3);
  return s.includes('e') ? s.replace('e+', 'e') : s.includes('.') ? s.replace(/\.?0+$/, '') : s;
};

describe('every number on the panel agrees (issue 9)', function () {
  this.timeout(180_000);
  const { env, panel, test } = usePanelSuite({ messages: true });

  test('on every example: κ shown = ratio of the λ shown on the plane, and the κ row names which κ', async () => {
    const { page } = await panel();
    for (const [file, m] of Object.entries(env.messages)) {
      await send(page, m);
      await page.getByTestId('gg-plane-host').getByTestId('gg-kappa').waitFor({ state: 'attached' });
      assert.equal(await page.getByTestId('gg-title').textContent(), file);
      const kappaText = await page.getByTestId('gg-plane-host').getByTestId('gg-kappa').textContent();
      const labels = await page.locator('[data-testid="gg-plane-host"] .gg-eigen-label').allTextContents();
      const lam = (w) => labels.map((t) => new RegExp(`λ${w} = ([\\d.e+-]+)$`).exec(t)).find(Boolean);
      const plane = /κ of the plane ([\d.e+]+)/.exec(kappaText) ?? /κ = λmax\/λmin = ([\d.e+]+)/.exec(kappaText);
      const whole = m.analysis.hessian.parameters.length === 2;
      if (whole) assert.match(kappaText, /^κ = λmax\/λmin = /, `${file}: one κ (${kappaText})`);
      else {
        // A network's κ is its output weights' at step 0 (src/core/scene/networkScene.ts).
        const allName = m.analysis.network ? 'the output weights at step 0 =' : 'all trained parameters';
        assert.ok(
          new RegExp(`^κ of the plane (∞ \\(a flat direction\\)|[\\d.e]+) · κ of ${allName} (∞ \\(a flat direction\\)|[\\d.e]+)$`).test(kappaText),
          `${file}: ${kappaText}`,
        );
        assert.ok(
          labels.every((t) => t.startsWith('plane λ')),
          `${file}: the λ labels are the plane's: ${labels}`,
        );
        const all = /κ of (?:all trained parameters|the output weights at step 0 =) ([\d.e]+)/.exec(kappaText);
        if (all && m.analysis.hessian.conditionNumber !== null)
          assert.ok(
            Math.abs(parseNum(all[1]) - m.analysis.hessian.conditionNumber) <= halfUnit(parseNum(all[1])) * 1.0001,
            `${file}: κ of all ${all[1]} is the Hessian's ${m.analysis.hessian.conditionNumber}`,
          );
      }
      if (plane && lam('max') && lam('min')) {
        const k = parseNum(plane[1]);
        assert.ok(ratioAgrees(k, parseNum(lam('max')[1]), parseNum(lam('min')[1])), `${file}: κ ${k} vs ${labels.join(' / ')}`);
      }
      // The data-* attributes state the same numbers with 4 digits.
      const d = await page
        .getByTestId('gg-plane-host')
        .getByTestId('gg-kappa')
        .evaluate((e) => ({ k: e.dataset.kappa, max: e.dataset.lambdaMax, min: e.dataset.lambdaMin }));
      if (d.k !== '∞') assert.ok(Math.abs(Number(d.k) / (Number(d.max) / Number(d.min)) - 1) < 2e-3, `${file}: data-kappa ${JSON.stringify(d)}`);
      const kappaRow = await page.locator('.gg-row[data-key="kappa"] dt').textContent();
      assert.match(kappaRow, m.analysis.network ? /output weights \(w, b\) at step 0/ : /all trained parameters/, `${file}: ${kappaRow}`);
      if (!whole) assert.match(await page.locator('.gg-row[data-key="kappaPlane"] dt').textContent(), /^κ of the plane \(w\d+, w\d+\)$/);
      assert.ok(!/NaN|undefined|Infinity/.test(await page.locator('body').textContent()), `${file}: never NaN or undefined`);
    }
  });

  test('on every example: sign-coherent updates and gradients each equal the field they name, in the table and under the strip', async () => {
    const { page } = await panel();
    for (const [file, m] of Object.entries(env.messages)) {
      await send(page, m);
      await page.locator('dd[data-key="coherentGradients"]').waitFor();
      const run = m.analysis.run;
      const rows = Object.fromEntries(
        await page
          .locator('.gg-readout .gg-row')
          .evaluateAll((els) => els.map((e) => [e.dataset.key, { label: e.querySelector('dt').textContent, value: e.querySelector('dd').textContent }])),
      );
      assert.equal(rows.coherent.label, 'Sign-coherent updates');
      assert.equal(rows.coherentGradients.label, 'Sign-coherent gradients');
      assert.ok(percentAgrees(rows.coherent.value, run.signCoherentFraction), `${file}: updates ${rows.coherent.value} vs ${run.signCoherentFraction}`);
      assert.ok(
        percentAgrees(rows.coherentGradients.value, run.gradientSignCoherentFraction),
        `${file}: gradients ${rows.coherentGradients.value} vs ${run.gradientSignCoherentFraction}`,
      );
      const caption = await page.getByTestId('gg-sign-caption').textContent();
      assert.match(caption, new RegExp(`^Sign-coherent gradients: [\\d.]+ % of the ${run.stepsRun} steps push every weight the same way`));
      assert.ok(percentAgrees(caption, run.gradientSignCoherentFraction), `${file}: strip ${caption} vs ${run.gradientSignCoherentFraction}`);
    }
  });

  test("on every example and other optimizers: the slider, the readout and the controls quote the optimizer's own full-batch bound", async () => {
    const { page } = await panel();
    const lesson = readFileSync(path.join(root, 'examples/sigmoid-northwest.neuron'), 'utf8');
    const blowUp = readFileSync(path.join(root, 'test/webview/fixtures/momentum-minibatch-blowup.neuron'), 'utf8');
    const others = {
      'nesterov.neuron': lesson
        .replace(/^optimizer = .*$/m, 'optimizer = nesterov(0.9)')
        .replace(/^batch = .*$/m, 'batch = all')
        .replace(/^lr = .*$/m, 'lr = 1.2'),
      'adam.neuron': lesson.replace(/^optimizer = .*$/m, 'optimizer = adam'),
      'rmsprop.neuron': lesson.replace(/^optimizer = .*$/m, 'optimizer = rmsprop(0.9)'),
      'blow-up.neuron': blowUp,
    };
    const messages = { ...env.messages };
    let version = 1000;
    for (const [file, text] of Object.entries(others)) messages[file] = await specMessage(text, file, version++);
    assert.equal(messages['adam.neuron'].analysis.learningRate.max, null, 'the adaptive case is exercised');
    for (const [file, m] of Object.entries(messages)) {
      await send(page, m);
      const lr = m.analysis.learningRate;
      const bound = await page.getByTestId('gg-lr-bound').textContent();
      const marks = await page
        .locator('[data-testid="gg-lr-marks"] .gg-lr-mark')
        .evaluateAll((els) => els.map((e) => ({ key: e.dataset.key, text: e.textContent })));
      const max = await page.locator('dd[data-key="max"]').textContent();
      const eta = await page.getByTestId('gg-lr-value').textContent();
      if (lr.max === null) {
        assert.equal(lr.stable, null, `${file}: no bound only for adaptive optimizers and networks trained end to end here`);
        // A network trained end to end has no bound either (src/core/network/wording.ts).
        const network = /W and c train too/.test(lr.maxReason ?? '');
        const why = network
          ? /^W and c train too/.test(lr.maxReason)
            ? 'a network trained end to end'
            : 'adaptive; a network trained end to end'
          : 'adaptive';
        assert.equal(bound, `No fixed step-size bound (${why}).`);
        assert.equal(max, `no fixed step-size bound (${why})`);
        assert.ok(!marks.some((k) => k.key === 'max'), file);
      } else {
        assert.ok(bound.includes(`η < ${lr.maxFormula} = ${formatted(lr.max)}`), `${file}: ${bound}`);
        assert.equal(max, formatted(lr.max), file);
        assert.ok(
          marks.find((k) => k.key === 'max').text.includes(`${lr.maxFormula} = ${formatted(lr.max)} (full batch)`),
          `${file}: ${JSON.stringify(marks)}`,
        );
        assert.match(await page.locator('.gg-row[data-key="max"] dt').textContent(), /\(full batch\)$/);
      }
      if (lr.maxFormula !== '2/λmax' && lr.gradientDescentMax !== null) {
        assert.ok(
          marks.some((k) => k.key === 'gdMax' && k.text.includes(`2/λmax = ${formatted(lr.gradientDescentMax)} (full batch)`)),
          `${file}: plain GD's bound is its own mark`,
        );
        assert.equal(await page.locator('dd[data-key="gdMax"]').textContent(), formatted(lr.gradientDescentMax));
      }
      assert.equal(/\(unstable\)/.test(eta), lr.stable === false, `${file}: "(unstable)" only when stable is false (${eta})`);
    }
  });

  test('while playing, every "step N" on the panel is the current step and the caption names the current update\'s direction', async () => {
    const { page } = await panel();
    const m = env.messages['sigmoid-northwest.neuron'];
    await send(page, m);
    await page.getByTestId('gg-speed').selectOption('10');
    await page.getByTestId('gg-play').click();
    // Sample the page in animation frames: everything read in one frame must be about one step.
    const frames = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const out = [];
          const sample = () => {
            const u = document.querySelector('[data-testid="gg-update"]');
            out.push({
              caption: document.querySelector('[data-testid="gg-step-caption"]').textContent,
              live: document.querySelector('[data-testid="gg-live"]').textContent,
              position: document.querySelector('[data-testid="gg-position"]').textContent,
              current: Number(document.querySelector('[data-testid="gg-current"]').dataset.step),
              dx: u ? Number(u.dataset.dx) : null,
              dy: u ? Number(u.dataset.dy) : null,
              body: document.body.innerText,
            });
            if (out.length < 90) requestAnimationFrame(sample);
            else resolve(out);
          };
          requestAnimationFrame(sample);
        }),
    );
    const steps = new Set(frames.map((f) => f.current));
    assert.ok(steps.size >= 5, `several steps sampled: ${[...steps]}`);
    for (const f of frames) {
      const c = /^Step (\d+) of (\d+): .*?(?:next update heads ([a-z-]+))?/.exec(f.caption);
      assert.ok(c, f.caption);
      assert.equal(Number(c[1]), f.current, `caption ${f.caption} at step ${f.current}`);
      assert.equal(Number(c[2]), m.analysis.run.stepsRun);
      const heads = /next update heads ([a-z-]+)/.exec(f.caption);
      if (heads && f.dx !== null) assert.equal(heads[1], quadrant(f.dx, f.dy), `direction at step ${f.current}`);
      assert.equal(f.position, `step ${f.current} / ${m.analysis.run.stepsRun}`);
      assert.ok(f.live === '' || f.live === f.caption, `the announcement is empty or about this step: ${f.live}`);
      for (const s of f.body.matchAll(/\bstep (\d+)\b/gi))
        assert.equal(Number(s[1]), f.current, `"${f.body.slice(Math.max(0, s.index - 60), s.index + 30)}" on the panel at step ${f.current}`);
    }
    // Pausing announces the step shown.
    await page.getByTestId('gg-play').click();
    const paused = await page.evaluate(() => ({
      caption: document.querySelector('[data-testid="gg-step-caption"]').textContent,
      live: document.querySelector('[data-testid="gg-live"]').textContent,
    }));
    assert.equal(paused.live, paused.caption);
  });

  test('after a learning-rate slider change the caption says "of M" with the new run\'s stepsRun', async () => {
    const { page } = await panel();
    const file = 'learning-rate.neuron';
    await send(page, env.messages[file]);
    await page.keyboard.press('Home');
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
    const seen = new Set();
    for (const position of ['990', '700', '400']) {
      await page.getByTestId('gg-lr').fill(position);
      const eta = await page.evaluate(() => window.__gg.state.overrides.lr);
      const text = readFileSync(path.join(root, 'examples', file), 'utf8').replace(/^lr = .*$/m, `lr = ${eta}`);
      const expected = (await specMessage(text, file)).analysis.run;
      const caption = await page.getByTestId('gg-step-caption').textContent();
      const c = /^Step (\d+) of (\d+):/.exec(caption);
      assert.ok(c, caption);
      assert.equal(Number(c[2]), expected.stepsRun, `η = ${eta}: ${caption}`);
      assert.equal(Number(c[1]), Number(await page.getByTestId('gg-current').getAttribute('data-step')));
      assert.ok(Number(c[1]) <= expected.stepsRun);
      seen.add(expected.stepsRun);
    }
    assert.ok(seen.size >= 2, `the slider changed the run's length: ${[...seen]}`);
  });

  test('a run that blows up keeps start and optimum apart and shows where the path went', async () => {
    const text = readFileSync(path.join(root, 'test/webview/fixtures/momentum-minibatch-blowup.neuron'), 'utf8');
    const m = await specMessage(text, 'momentum-minibatch-blowup.neuron');
    const { page } = await panel();
    await send(page, m);
    await page.getByTestId('gg-offview').first().waitFor();
    const box = async (id) => {
      const b = await page.locator(`[data-testid="${id}"]`).first().locator(':scope > :first-child').boundingBox();
      return [b.x + b.width / 2, b.y + b.height / 2];
    };
    const s = await box('gg-start');
    const o = await box('gg-optimum');
    assert.ok(Math.hypot(s[0] - o[0], s[1] - o[1]) > 40, `start and optimum ${Math.hypot(s[0] - o[0], s[1] - o[1]).toFixed(1)} px apart on screen`);
    const mark = page.getByTestId('gg-offview').first();
    assert.ok(await mark.isVisible());
    assert.match(await mark.textContent(), /^path leaves the view after \d+ steps [→↗↑↖←↙↓↘]$/);
    const svg = await page.getByTestId('gg-plane').evaluate((e) => e.outerHTML);
    assert.ok(!/NaN|Infinity|undefined/.test(svg), 'every coordinate finite');
    if (m.analysis.run.diverged) assert.match(await page.locator('.gg-readout dd[data-key="converge"]').textContent(), /^diverged/);
  });

  test('side-by-side variants of a blow-up are framed the same way', async () => {
    const text = readFileSync(path.join(root, 'test/webview/fixtures/momentum-minibatch-blowup.neuron'), 'utf8');
    const m = await specMessage(`${text}\ncompare = batch all\n`, 'momentum-minibatch-blowup.neuron');
    const { page } = await panel();
    await send(page, m);
    await page.getByTestId('gg-compare-layout').selectOption('side');
    const planes = page.locator('.gg-multiple [data-testid="gg-plane"]');
    await planes.first().waitFor();
    const first = planes.first();
    const s = await first.locator('[data-testid="gg-start"] > circle').boundingBox();
    const o = await first.locator('[data-testid="gg-optimum"] > polygon').boundingBox();
    assert.ok(Math.hypot(s.x - o.x, s.y - o.y) > 20, "the main run's small plane keeps start and optimum apart");
    assert.ok((await first.locator('[data-testid="gg-offview"]').count()) >= 1, "the main run's small plane marks where the path went");
  });
});
