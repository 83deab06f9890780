// The interactive view in headless Chromium, under the real CSP: overlays, timeline, charts,
// controls, dragging, zoom, hover, compare layouts and exports, on the example lessons through the
// real parser and engine.
/* global describe, window, document, getComputedStyle */
import assert from 'node:assert/strict';
import process from 'node:process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { atEnd, exampleMessages, pathEntry, send, posted, usePanelSuite } from './harness.mjs';

const attr = (page, testid, name) => page.getByTestId(testid).getAttribute(name);
const num = async (page, testid, name) => Number(await attr(page, testid, name));
const noNaN = async (page) => assert.ok(!/NaN|Infinity|undefined/.test(await page.locator('body').textContent()), 'never NaN on screen');

describe('interactive gradient-geometry view in Chromium', function () {
  this.timeout(90_000);
  const { env, panel, test } = usePanelSuite({ messages: true });

  const lesson = () => env.messages['sigmoid-northwest.neuron'];

  test('per-sample gradients lie along ±x and sum to the batch step; batch 1 equals the update', async () => {
    const { page } = await panel();
    await send(page, lesson());
    await page.getByTestId('gg-toggle-samples').check();
    await page.keyboard.press('Home');
    const samples = page.locator('[data-testid="gg-samples"] > g');
    assert.equal(await samples.count(), 2, 'one sample arrow and the batch arrow');
    const a = lesson().analysis;
    const p0 = pathEntry(a.run.path, 0);
    const x = a.sampleInputs[p0.batch[0]];
    const s = await samples.first().evaluate((e) => ({ dx: Number(e.dataset.dx), dy: Number(e.dataset.dy), delta: Number(e.dataset.delta) }));
    // −η δ x: parallel to x, against the sign of δ.
    assert.ok(Math.abs(s.dx * x[1] - s.dy * x[0]) < 1e-3 * Math.hypot(s.dx, s.dy), 'parallel to the sample');
    assert.equal(Math.sign(s.dx), -Math.sign(p0.deltas[0]));
    const b = await page.getByTestId('gg-batch-step').evaluate((e) => [Number(e.dataset.dx), Number(e.dataset.dy)]);
    assert.ok(
      Math.abs(b[0] - s.dx) < 1e-3 * Math.abs(b[0]) + 1e-9 && Math.abs(b[1] - s.dy) < 1e-3 * Math.abs(b[1]) + 1e-9,
      'one sample: the chain is the batch step',
    );
    const scale = await num(page, 'gg-samples', 'data-scale');
    const u = await page.getByTestId('gg-update').evaluate((e) => [Number(e.dataset.dx), Number(e.dataset.dy)]);
    assert.ok(Math.abs(b[0] / scale - u[0]) < 2e-3 * Math.abs(u[0]) + 1e-9, 'SGD: −η g is the update');
  });

  test('a full batch mixes δ signs: the per-sample chain sums to a batch step outside the cone', async () => {
    const { page } = await panel();
    await send(page, lesson());
    await page.getByTestId('gg-batch').selectOption('all');
    await page.getByTestId('gg-toggle-samples').check();
    await page.keyboard.press('Home');
    const arrows = await page
      .locator('[data-testid="gg-samples"] > g[data-sample]')
      .evaluateAll((els) => els.map((e) => ({ dx: Number(e.dataset.dx), dy: Number(e.dataset.dy), delta: Number(e.dataset.delta) })));
    assert.equal(arrows.length, 64);
    assert.ok(
      arrows.every((r) => Math.sign(r.dx) === Math.sign(r.dy) || r.dx === 0),
      'each per-sample step is NE or SW (positive inputs)',
    );
    const signs = new Set(arrows.map((r) => Math.sign(r.delta)));
    assert.ok(signs.has(1) && signs.has(-1), 'the δ have mixed signs');
    const sum = arrows.reduce((s, r) => [s[0] + r.dx, s[1] + r.dy], [0, 0]);
    const b = await page.getByTestId('gg-batch-step').evaluate((e) => [Number(e.dataset.dx), Number(e.dataset.dy)]);
    assert.ok(Math.abs(sum[0] - b[0]) < 1e-2 * Math.hypot(...b) && Math.abs(sum[1] - b[1]) < 1e-2 * Math.hypot(...b), `chain ${sum} sums to ${b}`);
    // Along the run, the full-batch step leaves the cone (north-west or south-east) where the valley asks for it.
    let outside = null;
    for (let k = 1; k <= 40 && outside === null; k++) {
      await page.keyboard.press('ArrowRight');
      const g = await page.getByTestId('gg-batch-step').evaluate((e) => [Number(e.dataset.dx), Number(e.dataset.dy)]);
      if (Math.sign(g[0]) !== Math.sign(g[1])) outside = k;
    }
    assert.ok(outside !== null, 'some full-batch step heads north-west or south-east: out of the cone');
  });

  test('the timeline: step forward and back, scrub, Home/End, and the number of drawn path points', async () => {
    const { page } = await panel();
    await send(page, lesson());
    await page.getByTestId('gg-figure').focus();
    await page.keyboard.press('Home');
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await num(page, 'gg-path', 'data-points'), 5, 'after 4 steps: 5 points');
    assert.equal(await num(page, 'gg-current', 'data-step'), 4);
    assert.match(await page.getByTestId('gg-live').textContent(), /^Step 4 of 200/);
    await page.getByTestId('gg-scrub').fill('120');
    assert.equal(await num(page, 'gg-path', 'data-points'), 121);
    assert.equal(await num(page, 'gg-chart-cursor', 'data-step'), 120);
    await page.getByTestId('gg-figure').focus();
    await page.keyboard.press('End');
    assert.equal(await num(page, 'gg-path', 'data-points'), 201);
    // Visible focus on the plane when reached by keyboard.
    await page.getByTestId('gg-back').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none');
    // Space plays from the figure; the speed control changes steps per second.
    await page.getByTestId('gg-speed').selectOption('1000');
    await page.getByTestId('gg-figure').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('[data-testid="gg-path"]').dataset.points === '201');
    assert.equal(await attr(page, 'gg-play', 'aria-pressed'), 'false');
  });

  test('the loss chart is logarithmic and the sign strip has one colour per column for positive inputs, batch 1', async () => {
    const { page } = await panel();
    await send(page, lesson());
    assert.ok((await num(page, 'gg-loss-chart', 'data-decades')) >= 2, 'the loss falls over several decades');
    const strip = await page.getByTestId('gg-sign-strip').evaluate((c) => {
      const ctx = c.getContext('2d');
      const { width, height } = c;
      const rowHeight = Number(c.dataset.rowHeight);
      const data = ctx.getImageData(0, 0, width, height).data;
      const css = getComputedStyle(document.body);
      let uniform = 0;
      const colours = new Set();
      for (let x = 0; x < width; x++) {
        const cells = [];
        for (let r = 0; r < Number(c.dataset.rows); r++) {
          const o = ((r * rowHeight + 1) * width + x) * 4;
          cells.push(`${data[o]},${data[o + 1]},${data[o + 2]}`);
        }
        colours.add(cells[0]);
        if (cells.every((v) => v === cells[0])) uniform++;
      }
      return { width, uniform, colours: [...colours], pos: css.getPropertyValue('--gg-sign-pos').trim(), neg: css.getPropertyValue('--gg-sign-neg').trim() };
    });
    assert.equal(strip.width, 200, 'one column per step');
    assert.equal(strip.uniform, strip.width, 'every column is a single colour');
    assert.equal(strip.colours.length, 2, 'two colours: positive and negative');
    assert.match(await page.getByTestId('gg-sign-caption').textContent(), /^Sign-coherent gradients: 100 % of the 200 steps push every weight the same way/);
    // Centred (tanh) inputs: mixed columns appear.
    await send(page, env.messages['tanh.neuron']);
    assert.ok(Number(await attr(page, 'gg-sign-strip', 'data-uniform-share')) < 0.9);
  });

  test('the learning-rate slider is marked at 2/λmax and the optimal step; snap and divergence', async () => {
    const { page } = await panel();
    await send(page, lesson());
    const lr = lesson().analysis.learningRate;
    const marks = await page.locator('[data-testid="gg-lr-marks"] .gg-lr-mark').evaluateAll((els) =>
      els.map((e) => ({
        key: e.dataset.key,
        value: Number(e.dataset.value),
        position: Number(e.dataset.position),
        x: e.querySelector('line').getAttribute('x1'),
        text: e.textContent,
      })),
    );
    const byKey = Object.fromEntries(marks.map((m) => [m.key, m]));
    assert.ok(Math.abs(byKey.max.value - lr.max) < 1e-12);
    assert.ok(Math.abs(byKey.optimal.value - lr.optimal) < 1e-12);
    assert.equal(byKey.max.x, `${(byKey.max.position / 10).toFixed(2)}%`);
    assert.ok(byKey.max.position > byKey.optimal.position, '2/λmax lies above the optimal step');
    assert.match(byKey.optimal.text, /optimal 2\/\(λmin\+λmax\)/);
    assert.match(byKey.optimal.text, /½/, 'the convention is named in the mark hint');
    // The slider at the 2/λmax mark reads ≈ 2/λmax.
    await page.getByTestId('gg-lr').fill(String(byKey.max.position));
    const eta = Number((await page.getByTestId('gg-lr-value').textContent()).match(/η = ([\d.e-]+)/)[1]);
    assert.ok(Math.abs(eta / lr.max - 1) < 0.01, `η ${eta} ≈ 2/λmax ${lr.max}`);
    await page.getByTestId('gg-snap').click();
    assert.match(await page.getByTestId('gg-lr-value').textContent(), new RegExp(`η = ${Number(lr.optimal.toPrecision(3))}`));
    assert.match(await page.getByTestId('gg-controls-note').textContent(), /not yet in the spec/);
    // Far above 2/λmax with the full batch: the readout says what blew up, never NaN.
    await page.getByTestId('gg-batch').selectOption('all');
    await page.getByTestId('gg-lr').fill('1000');
    await page.locator('[data-key="blowup"]').first().waitFor();
    assert.match(await page.locator('dd[data-key="blowup"]').textContent(), /λ = .*per step, because η = .* ≥ 2\/λmax/);
    await noNaN(page);
  });

  test('writes control changes back through the host and shows its answer', async () => {
    const { page } = await panel();
    await send(page, lesson());
    assert.equal(await page.getByTestId('gg-write').isDisabled(), true, 'nothing to write yet');
    await page.getByTestId('gg-optimizer').selectOption({ label: 'momentum(0.9)' });
    await page.getByTestId('gg-preprocess').selectOption('center');
    await page.getByTestId('gg-write').click();
    const sent = (await posted(page)).filter((m) => m.type === 'writeSpec');
    assert.deepEqual(sent, [{ type: 'writeSpec', version: lesson().version, changes: { optimizer: { kind: 'momentum', beta: 0.9 }, preprocess: 'center' } }]);
    await send(page, { type: 'writeResult', ok: true, message: 'Wrote optimizer and preprocess to sigmoid-northwest.neuron.' });
    await page.waitForFunction(() => /^Wrote/.test(document.querySelector('[data-testid="gg-status"]').textContent));
    // The new analysis of the edited document (it now says what the controls said) leaves nothing pending.
    const written = (await exampleMessages((t) => `${t.replace('optimizer = sgd', 'optimizer = momentum(0.9)')}preprocess = center\n`))[
      'sigmoid-northwest.neuron'
    ];
    await send(page, { ...written, version: lesson().version + 1 });
    assert.equal(await page.getByTestId('gg-discard').isDisabled(), true);
    assert.equal(await page.getByTestId('gg-preprocess').inputValue(), 'center');
  });

  test('dragging the start and the teacher moves them; the spec follows through writeSpec', async () => {
    const { page } = await panel();
    await send(page, lesson());
    const box = await page.locator('[data-testid="gg-start"] circle').boundingBox();
    const from = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(...from);
    await page.mouse.down();
    await page.mouse.move(from[0] - 40, from[1] - 30, { steps: 4 });
    await page.mouse.up();
    const sx = await num(page, 'gg-start', 'data-x');
    const sy = await num(page, 'gg-start', 'data-y');
    assert.ok(sx < 1.5 && sy > -0.5, `the start moved up and left: ${sx}, ${sy}`);
    const writes = (await posted(page)).filter((m) => m.type === 'writeSpec');
    assert.equal(writes.length, 1);
    assert.deepEqual(writes[0].changes.start.axes, [0, 1]);
    assert.ok(Math.abs(writes[0].changes.start.values[0] - sx) < 1e-3);
    // The teacher handle.
    const t = await page.locator('[data-testid="gg-teacher"] circle').boundingBox();
    await page.mouse.move(t.x + t.width / 2, t.y + 1);
    await page.mouse.down();
    await page.mouse.move(t.x + t.width / 2 + 30, t.y + 20, { steps: 3 });
    await page.mouse.up();
    const last = (await posted(page)).filter((m) => m.type === 'writeSpec').pop();
    assert.ok(last.changes.teacher.values[0] > -1, 'w*₁ moved east');
    assert.ok(Math.abs((await num(page, 'gg-optimum', 'data-x')) - last.changes.teacher.values[0]) < 0.05, 'the optimum follows the teacher');
  });

  test('zooms with the wheel and keys, pans with Shift+arrows, and redraws contours for the view', async () => {
    const { page } = await panel();
    await send(page, lesson());
    const ticks = () => page.locator('.gg-axes text').allTextContents();
    const before = await ticks();
    const frame = await page.locator('.gg-plane .gg-frame').boundingBox();
    await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2);
    await page.mouse.wheel(0, -600);
    await page.waitForFunction((b) => JSON.stringify([...document.querySelectorAll('.gg-axes text')].map((t) => t.textContent)) !== b, JSON.stringify(before));
    const saved = await page.evaluate(() => window.__gg.state.zoom);
    assert.ok(saved && saved.xMax - saved.xMin < 3, 'zoomed in');
    assert.ok((await page.locator('[data-testid="gg-contours"] path').count()) >= 3, 'contours in the zoomed view');
    await page.getByTestId('gg-figure').focus();
    await page.keyboard.press('Shift+ArrowRight');
    const panned = await page.evaluate(() => window.__gg.state.zoom);
    assert.ok(panned.xMin > saved.xMin, 'panned east');
    await page.keyboard.press('-');
    assert.ok((await page.evaluate(() => window.__gg.state.zoom)).xMax - (await page.evaluate(() => window.__gg.state.zoom)).xMin > panned.xMax - panned.xMin);
    await page.keyboard.press('0');
    assert.equal(await page.evaluate(() => window.__gg.state.zoom), null);
  });

  test('hovering a path point shows that step and the spec lines it came from', async () => {
    const { page } = await panel();
    await send(page, lesson());
    await page.keyboard.press('Home');
    const box = await page.locator('[data-testid="gg-start"] circle').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = page.getByTestId('gg-tooltip');
    await tip.waitFor();
    const text = await tip.textContent();
    const lines = lesson().statementLines;
    assert.match(text, /^Step 0 · loss/);
    assert.ok(text.includes(`lr = 0.5 (line ${lines.lr})`), text);
    assert.ok(text.includes(`batch = 1 (line ${lines.batch})`), text);
    assert.ok(text.includes(`(line ${lines.w})`), 'step 0 names the start line');
  });

  test('compare variants: overlaid with a legend, or side by side', async () => {
    const { page } = await panel();
    const m = env.messages['batch-vs-full.neuron'];
    await send(page, m);
    assert.equal(await page.locator('[data-testid="gg-legend"] text').count(), 2);
    assert.equal(await page.locator('[data-testid="gg-variants"] polyline:not(.gg-variant-ghost)').count(), 1);
    // Runs are named by what differs, in the legend and the table of key numbers.
    assert.deepEqual(await page.locator('[data-testid="gg-legend"] text').allTextContents(), ['batch 1', 'batch all']);
    assert.deepEqual(await page.locator('[data-testid="gg-compare-table"] tbody tr').evaluateAll((els) => els.map((e) => e.dataset.run)), [
      'batch 1',
      'batch all',
    ]);
    for (const key of ['zigzag', 'converge', 'coherent', 'kappa'])
      assert.equal(await page.locator(`[data-testid="gg-compare-table"] td[data-key="${key}"]`).count(), 2, key);
    // A race: the variant's current point is at the same step as the main one's.
    await page.getByTestId('gg-scrub').fill('17');
    assert.equal(await num(page, 'gg-current', 'data-step'), 17);
    assert.equal(await page.locator('[data-testid="gg-variant-currents"] circle').getAttribute('data-step'), '17');
    assert.equal(await page.locator('[data-testid="gg-variants"] polyline:not(.gg-variant-ghost)').getAttribute('data-step'), '17');
    assert.equal(await page.locator('[data-testid="gg-variant-optima"] polygon').count(), 1, "the variant's own optimum is marked");
    await page.getByTestId('gg-compare-side').click();
    const cells = page.locator('[data-testid="gg-multiples"] figure');
    assert.equal(await cells.count(), 2);
    assert.deepEqual(await cells.evaluateAll((els) => els.map((e) => e.dataset.name)), ['batch 1', 'batch all']);
    assert.deepEqual(
      await page.locator('[data-testid="gg-multiples"] [data-testid="gg-current"]').evaluateAll((els) => els.map((e) => e.dataset.step)),
      ['17', '17'],
      'side by side, in step',
    );
    assert.equal(await page.locator('[data-testid="gg-multiples"] [data-testid="gg-cone"]').count(), 2);
    assert.equal(await page.getByTestId('gg-figure').isHidden(), true);
    if (process.env.GG_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.GG_SCREENSHOTS, 'gg-side-by-side.png'), fullPage: true });
    await page.getByTestId('gg-compare-layout').selectOption('overlay');
    assert.equal(await page.getByTestId('gg-figure').isVisible(), true);
  });

  test('exports the picture as SVG and PNG and the path as CSV and JSON through the host', async () => {
    const { page } = await panel();
    await page.evaluate(() => document.body.classList.add('vscode-dark'));
    await send(page, lesson());
    await atEnd(page);
    for (const f of ['svg', 'png', 'csv', 'json']) await page.getByTestId(`gg-export-${f}`).click();
    await page.waitForFunction(() => window.__gg.posted.filter((m) => m.type === 'export').length === 4);
    const out = Object.fromEntries((await posted(page)).filter((m) => m.type === 'export').map((m) => [m.format, m]));
    assert.match(out.svg.fileName, /^sigmoid-northwest-step200\.svg$/);
    assert.match(out.svg.data, /^<\?xml/);
    assert.match(out.svg.data, /data-theme="dark"/);
    assert.ok(out.png.data.startsWith('iVBORw0KGgo'), 'a PNG signature');
    assert.equal(out.csv.data.split('\n')[0].split(',')[0], 'step');
    assert.equal(out.csv.data.trim().split('\n').length, 202);
    assert.equal(JSON.parse(out.json.data).path.length, 201);
  });

  test('restores toggles, zoom, speed, compare layout and unsaved changes after a reload', async () => {
    const first = await panel();
    await send(first.page, lesson());
    await first.page.getByTestId('gg-toggle-samples').check();
    await first.page.getByTestId('gg-toggle-kappa').uncheck();
    await first.page.getByTestId('gg-speed').selectOption('50');
    await first.page.getByTestId('gg-figure').focus();
    await first.page.keyboard.press('+');
    await first.page.getByTestId('gg-snap').click();
    const saved = await first.page.evaluate(() => window.__gg.state);
    const second = await panel({ state: saved });
    await send(second.page, lesson());
    assert.equal(await second.page.getByTestId('gg-toggle-samples').isChecked(), true);
    assert.equal(await second.page.getByTestId('gg-kappa').count(), 0);
    assert.equal(await second.page.getByTestId('gg-speed').inputValue(), '50');
    assert.deepEqual(await second.page.evaluate(() => window.__gg.state.zoom), saved.zoom);
    assert.equal(await second.page.getByTestId('gg-lr-value').textContent(), await first.page.getByTestId('gg-lr-value').textContent());
  });

  // One test per example (each a few seconds), not one for all of them: a time limit that
  // follows from what a test does survives a busy machine.
  const THEMES = ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'];
  for (const file of readdirSync(path.resolve('examples'))
    .filter((f) => f.endsWith('.neuron'))
    .sort()) {
    test(`${file} in every theme: κ, cone, charts and no NaN`, async () => {
      const m = env.messages[file];
      assert.ok(m, `${file} analysed`);
      const { page } = await panel();
      for (const kind of THEMES) {
        await page.evaluate((k) => (document.body.className = k), kind);
        await send(page, m);
        assert.equal(await page.getByTestId('gg-title').textContent(), file);
        if (m.analysis.hessian.conditionNumber !== null)
          assert.ok(Number(await page.getByTestId('gg-plane-host').getByTestId('gg-kappa').getAttribute('data-kappa-all')) > 0, file);
        assert.ok(await page.getByTestId('gg-loss-chart').isVisible());
        await noNaN(page);
      }
    });
  }

  if (process.env.GG_SCREENSHOTS) {
    test('screenshots of the interactive view in every theme', async () => {
      const { page } = await panel();
      for (const kind of THEMES) {
        await page.evaluate((k) => (document.body.className = k), kind);
        await send(page, lesson());
        await page.getByTestId('gg-toggle-samples').check();
        await page.getByTestId('gg-figure').focus();
        await page.keyboard.press('Home');
        for (let k = 0; k < 12; k++) await page.keyboard.press('ArrowRight');
        await page.screenshot({ path: path.join(process.env.GG_SCREENSHOTS, `gg-interactive-${kind.replace('vscode-', '')}.png`), fullPage: true });
        await page.getByTestId('gg-toggle-samples').uncheck();
      }
    });
  }
});
