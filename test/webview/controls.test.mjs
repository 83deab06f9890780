// The run controls in headless Chromium, under the real CSP, on the sigmoid lesson through the real
// parser and engine: the learning-rate slider's scale and marks stay put under the pointer, unsaved
// control changes survive live sync, a panel without a picture is honest and inert, and the speed
// menu agrees with the setting's range.
/* global describe, window, document, getComputedStyle */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exampleMessages, send, posted, usePanelSuite, root } from './harness.mjs';

const FILE = 'sigmoid-northwest.neuron';

/** The host's message for the lesson after `edit` of its text, as document version `version`. */
async function lessonAt(version, edit = (t) => t) {
  const m = (await exampleMessages(edit))[FILE];
  return { ...m, version };
}

/** Geometry of the slider and its drawn marks, in page pixels. */
async function sliderGeometry(page) {
  return page.evaluate(() => {
    const input = document.querySelector('[data-testid="gg-lr"]');
    const r = input.getBoundingClientRect();
    const thumb = parseFloat(getComputedStyle(input.parentElement).getPropertyValue('--gg-thumb'));
    const svg = document.querySelector('[data-testid="gg-lr-marks"]');
    const marks = Object.fromEntries(
      [...svg.querySelectorAll('.gg-lr-mark')].map((g) => {
        const line = g.querySelector('line').getBoundingClientRect();
        return [g.dataset.key, { value: Number(g.dataset.value), position: Number(g.dataset.position), x: line.x + line.width / 2 }];
      }),
    );
    return {
      left: r.left,
      width: r.width,
      y: r.top + r.height / 2,
      thumb,
      min: Number(svg.dataset.min),
      max: Number(svg.dataset.max),
      marks,
      value: Number(input.value),
      steps: Number(input.max),
    };
  });
}

/** η the panel holds now (the override written to the view state; the spec's own η without one). */
const heldRate = (page) => page.evaluate(() => window.__gg.state.overrides.lr ?? null);

describe('run controls in Chromium', function () {
  this.timeout(90_000);
  const { panel, test } = usePanelSuite();

  test('the learning-rate marks sit where the slider means 2/λmax and the optimal step, and stay put while dragging and after snap', async () => {
    const { page } = await panel();
    const m = await lessonAt(1);
    await send(page, m);
    const lr = m.analysis.learningRate;
    const g0 = await sliderGeometry(page);
    const span = Math.log10(g0.max / g0.min);
    assert.ok(g0.min < lr.max / 50 && g0.max > lr.max * 2, 'a log range around 2/λmax');
    assert.ok(g0.min <= m.spec.lr && m.spec.lr <= g0.max, "the spec's own η is on the scale");

    // Setting the slider to a mark's position gives exactly that mark's η.
    for (const key of ['max', 'optimal']) {
      await page.getByTestId('gg-lr').fill(String(g0.marks[key].position));
      assert.equal(await heldRate(page), Number(g0.marks[key].value.toPrecision(4)), `slider at the ${key} mark`);
    }
    assert.match(await page.getByTestId('gg-lr-value').textContent(), new RegExp(`^η = ${Number(lr.optimal.toPrecision(3))}`));

    // The drawn mark is under the thumb's centre at its position: clicking on it gives its η to a pixel.
    const pixel = span / (g0.width - g0.thumb);
    const thumbX = (g, position) => g.left + g.thumb / 2 + (position / g.steps) * (g.width - g.thumb);
    for (const key of ['max', 'optimal']) {
      assert.ok(Math.abs(g0.marks[key].x - thumbX(g0, g0.marks[key].position)) < 0.75, `${key} mark drawn at the thumb's centre`);
      await page.getByTestId('gg-lr').fill('0');
      await page.mouse.click(g0.marks[key].x, g0.y);
      const eta = await heldRate(page);
      assert.ok(Math.abs(Math.log10(eta / g0.marks[key].value)) <= 1.5 * pixel, `a click on the ${key} mark sets η = ${eta}, ${key} = ${g0.marks[key].value}`);
    }

    // A drag across the slider: the scale and the marks do not move, and η follows the pointer.
    await page.getByTestId('gg-lr').fill('100');
    const from = thumbX(g0, 100);
    await page.mouse.move(from, g0.y);
    await page.mouse.down();
    for (let k = 1; k <= 8; k++) {
      const x = from + ((g0.width - g0.thumb) * 0.85 * k) / 8;
      await page.mouse.move(x, g0.y);
      const g = await sliderGeometry(page);
      assert.deepEqual([g.min, g.max], [g0.min, g0.max], `the range stays while dragging (move ${k})`);
      for (const key of ['max', 'optimal']) {
        assert.equal(g.marks[key].position, g0.marks[key].position, `${key} mark position, move ${k}`);
        assert.ok(Math.abs(g.marks[key].x - g0.marks[key].x) < 0.01, `${key} mark pixel, move ${k}`);
      }
      const expected = Math.log10(g0.min) + ((x - g0.left - g0.thumb / 2) / (g0.width - g0.thumb)) * span;
      // (Near a mark the browser may snap to it: that is the mark's η, checked above.)
      if (Object.values(g0.marks).some((mk) => Math.abs(mk.x - x) < 10)) continue;
      assert.ok(Math.abs(Math.log10(await heldRate(page)) - expected) <= 1.5 * pixel, `η under the pointer at move ${k}`);
    }
    await page.mouse.up();

    // Snap: η becomes the optimal step, the thumb sits on its mark, and nothing re-bases.
    await page.getByTestId('gg-snap').click();
    const g1 = await sliderGeometry(page);
    assert.deepEqual([g1.min, g1.max], [g0.min, g0.max]);
    assert.deepEqual(g1.marks, g0.marks);
    assert.equal(g1.value, g0.marks.optimal.position, 'the thumb is on the optimal mark');
    assert.equal(await heldRate(page), Number(lr.optimal.toPrecision(4)));
  });

  test('a spec whose η lies far outside the range around 2/λmax widens the scale once to take it in', async () => {
    const { page } = await panel();
    const m = await lessonAt(1, (t) => t.replace(/^lr = 0\.5$/m, 'lr = 0.0001'));
    await send(page, m);
    const g = await sliderGeometry(page);
    assert.ok(g.min < 1e-4 && g.max > m.analysis.learningRate.max * 2);
    assert.equal(Number(await page.getByTestId('gg-lr').inputValue()) > 0, true, 'the thumb is on the scale, not pinned at its end');
    await page.getByTestId('gg-lr').fill(String(g.marks.max.position));
    const after = await sliderGeometry(page);
    assert.deepEqual([after.min, after.max], [g.min, g.max], 'still the same scale with η at 2/λmax');
  });

  test('unsaved control changes survive an edit of the document; only a statement changed in the text drops its own', async () => {
    const { page } = await panel();
    const steps = (t) => t.replace('steps = 200', 'steps = 150');
    await send(page, await lessonAt(1));
    await page.getByTestId('gg-lr').fill('300');
    const lr = await heldRate(page);
    const shown = await page.getByTestId('gg-lr-value').textContent();
    await page.getByTestId('gg-optimizer').selectOption({ label: 'momentum(0.9)' });
    await page.getByTestId('gg-preprocess').selectOption('center');

    // An edit elsewhere (steps): everything pending carries over to version 2.
    await send(page, await lessonAt(2, steps));
    assert.equal(await page.getByTestId('gg-lr-value').textContent(), shown);
    assert.equal(await page.getByTestId('gg-optimizer').locator('option:checked').textContent(), 'momentum(0.9)');
    assert.equal(await page.getByTestId('gg-preprocess').inputValue(), 'center');
    assert.equal(await page.getByTestId('gg-write').isEnabled(), true, 'Write to spec stays enabled');
    assert.match(await page.getByTestId('gg-controls-note').textContent(), /not yet in the spec/);
    assert.equal(await page.locator('[data-testid="gg-path"]').getAttribute('data-total'), '151', 'the picture is of the new spec with the overrides');
    await page.getByTestId('gg-write').click();
    const writes = (await posted(page)).filter((x) => x.type === 'writeSpec');
    assert.deepEqual(writes, [{ type: 'writeSpec', version: 2, changes: { lr, optimizer: { kind: 'momentum', beta: 0.9 }, preprocess: 'center' } }]);

    // The user types another lr meanwhile: that override goes, with a word; the others stay.
    await send(page, await lessonAt(3, (t) => steps(t).replace(/^lr = 0\.5$/m, 'lr = 0.3')));
    assert.equal(await heldRate(page), null);
    assert.match(await page.getByTestId('gg-lr-value').textContent(), /^η = 0\.3\b/);
    assert.match(await page.getByTestId('gg-status').textContent(), new RegExp(`Dropped your unsaved lr = ${lr} \\(the spec now says 0\\.3\\)`));
    assert.equal(await page.getByTestId('gg-preprocess').inputValue(), 'center');
    assert.deepEqual(await page.evaluate(() => Object.keys(window.__gg.state.overrides).sort()), ['optimizer', 'preprocess']);

    // The write lands: the spec now says what the controls said, nothing is pending any more.
    await send(
      page,
      await lessonAt(
        4,
        (t) =>
          `${steps(t)
            .replace(/^lr = 0\.5$/m, 'lr = 0.3')
            .replace('optimizer = sgd', 'optimizer = momentum(0.9)')}preprocess = center\n`,
      ),
    );
    assert.deepEqual(await page.evaluate(() => window.__gg.state.overrides), {});
    assert.equal(await page.getByTestId('gg-discard').isDisabled(), true);
    assert.equal(await page.getByTestId('gg-write').isDisabled(), true);
    assert.equal(await page.getByTestId('gg-preprocess').inputValue(), 'center');

    // A dragged start carries over an edit elsewhere too, and a batch the new spec cannot have is dropped.
    await page.getByTestId('gg-batch').selectOption('32');
    const box = await page.locator('[data-testid="gg-start"] circle').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 40, box.y + box.height / 2 - 30, { steps: 4 });
    await page.mouse.up();
    const start = await page.evaluate(() => window.__gg.state.overrides.start);
    await send(
      page,
      await lessonAt(5, (t) => `${t.replace('samples = 64', 'samples = 16').replace('optimizer = sgd', 'optimizer = momentum(0.9)')}preprocess = center\n`),
    );
    assert.deepEqual(await page.evaluate(() => window.__gg.state.overrides.start), start);
    assert.ok(Math.abs(Number(await page.getByTestId('gg-start').getAttribute('data-x')) - start[0]) < 1e-9, 'the start stays where it was dragged');
    assert.match(await page.getByTestId('gg-status').textContent(), /Dropped your unsaved batch = 32 \(the spec now has 16 samples\)/);
    assert.equal(await page.getByTestId('gg-write').isEnabled(), true);
  });

  test('unsaved changes restored after a reload give way to a statement edited meanwhile', async () => {
    const first = await panel();
    await send(first.page, await lessonAt(1));
    await first.page.getByTestId('gg-lr').fill('300');
    await first.page.getByTestId('gg-preprocess').selectOption('center');
    const saved = await first.page.evaluate(() => window.__gg.state);
    const second = await panel({ state: saved });
    await send(second.page, await lessonAt(2, (t) => t.replace(/^lr = 0\.5$/m, 'lr = 0.2')));
    assert.deepEqual(await second.page.evaluate(() => window.__gg.state.overrides), { preprocess: 'center' });
    assert.match(await second.page.getByTestId('gg-lr-value').textContent(), /^η = 0\.2\b/);
  });

  test('a panel opened on a spec with an error says there is no picture and keeps every control off until an analysis arrives', async () => {
    const { page } = await panel();
    const controls = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('button, input, select')]
          .filter((e) => e.dataset.testid !== 'gg-reveal')
          .map((e) => ({
            id: e.dataset.testid ?? e.id,
            disabled: e.disabled,
            aria: e.getAttribute('aria-disabled'),
            reason: e.dataset.reason ?? '',
            title: e.title,
          })),
      );
    for (const c of await controls()) assert.ok(c.disabled && c.aria === 'true' && /Waiting/.test(c.reason), `before anything: ${JSON.stringify(c)}`);

    const m = await lessonAt(3);
    await send(page, {
      type: 'specErrors',
      version: 3,
      source: FILE,
      documentUri: m.documentUri,
      errors: [{ code: 'GG201', message: 'lr must be > 0', line: 27, column: 6 }],
    });
    await page.getByTestId('gg-error').waitFor({ state: 'visible' });
    const banner = await page.getByTestId('gg-error-text').textContent();
    assert.doesNotMatch(banner, /last valid spec/);
    assert.match(banner, /Fix the error to see the picture/);
    assert.match(await page.getByTestId('gg-placeholder').textContent(), /fix the error/i);
    const off = await controls();
    assert.ok(off.length >= 20, `every control: ${off.map((c) => c.id).join(' ')}`);
    for (const c of off)
      assert.ok(
        c.disabled && c.aria === 'true' && /fix the error/i.test(c.reason) && c.title === c.reason,
        `with an error and no picture: ${JSON.stringify(c)}`,
      );
    for (const id of ['gg-write', 'gg-discard', 'gg-snap', 'gg-export-svg', 'gg-export-json']) await page.getByTestId(id).click({ force: true });
    assert.deepEqual(await posted(page), [{ type: 'ready' }], 'nothing is sent');
    assert.equal(await page.getByTestId('gg-reveal').isEnabled(), true, 'the way to the error stays open');

    // The analysis arrives: controls on (no leftover aria-disabled), the selects filled.
    await send(page, { ...m, version: 4 });
    await page.getByTestId('gg-plane').waitFor();
    for (const id of ['gg-play', 'gg-lr', 'gg-snap', 'gg-batch', 'gg-optimizer', 'gg-preprocess', 'gg-export-svg', 'gg-speed', 'gg-toggle-eigen']) {
      assert.equal(await page.getByTestId(id).isEnabled(), true, id);
      assert.equal(await page.getByTestId(id).getAttribute('aria-disabled'), null, id);
    }
    assert.equal(await page.getByTestId('gg-export-svg').getAttribute('title'), 'Save the picture as SVG in the current theme');
    assert.ok((await page.locator('[data-testid="gg-batch"] option').count()) > 2);
    assert.ok((await page.locator('[data-testid="gg-optimizer"] option').count()) >= 5);
    assert.equal(await page.getByTestId('gg-write').isDisabled(), true, 'nothing to write yet');
    // A later error keeps the picture, and now says so.
    await send(page, {
      type: 'specErrors',
      version: 5,
      source: FILE,
      documentUri: m.documentUri,
      errors: [{ code: 'GG201', message: 'lr must be > 0', line: 27, column: 6 }],
    });
    assert.match(await page.getByTestId('gg-error-text').textContent(), /The picture shows the last valid spec\.$/);
    assert.equal(await page.getByTestId('gg-play').isEnabled(), true);
  });

  test('the speed menu and the animationStepsPerSecond setting share one range', async () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['gradientGeometry.animationStepsPerSecond'];
    const { page } = await panel();
    await send(page, await lessonAt(1));
    const options = (await page.locator('[data-testid="gg-speed"] option').evaluateAll((els) => els.map((e) => Number(e.value)))).sort((a, b) => a - b);
    assert.equal(options[options.length - 1], setting.maximum, 'the fastest menu speed is the setting’s maximum');
    assert.ok(options[0] >= setting.minimum);
    assert.ok(setting.maximum >= 1000, '10,000-step paths play in ten seconds');
    await send(page, { type: 'settings', animationStepsPerSecond: setting.maximum });
    assert.equal(await page.getByTestId('gg-speed').inputValue(), String(setting.maximum));
    await send(page, { type: 'settings', animationStepsPerSecond: setting.maximum * 5 });
    assert.equal(await page.getByTestId('gg-speed').inputValue(), String(setting.maximum), 'capped at the maximum');
    assert.equal(await page.locator('[data-testid="gg-speed"] option').count(), options.length, 'no faster option appears');
  });
});
