// The panel in headless Chromium, under the real CSP, driven through the host protocol.
/* global describe, window, document, getComputedStyle */
import assert from 'node:assert/strict';
import process from 'node:process';
import path from 'node:path';
import { exampleAnalyses, fixtures, pathEntry, send, posted, usePanelSuite, atEnd } from './harness.mjs';

const { makeFixture } = fixtures();
const lesson = makeFixture();
const analysisMessage = (analysis = lesson, version = 1, extra = {}) => ({
  type: 'analysis',
  version,
  source: 'lesson.neuron',
  documentUri: 'file:///work/lesson.neuron',
  analysis,
  ...extra,
});
const errorsMessage = (version = 2) => ({
  type: 'specErrors',
  version,
  source: 'lesson.neuron',
  documentUri: 'file:///work/lesson.neuron',
  errors: [
    { code: 'GG201', message: 'lr must be > 0', line: 7, column: 6 },
    { code: 'GG105', message: 'unknown name "stpes"', line: 9, column: 1 },
  ],
});

const attr = (page, testid, name) => page.getByTestId(testid).getAttribute(name);
const num = async (page, testid, name) => Number(await attr(page, testid, name));

describe('webview panel in Chromium', function () {
  this.timeout(60_000);
  const { env, panel, test } = usePanelSuite();

  test('posts ready first and loads only the bundle and the stylesheet', async () => {
    const before = env.server.requests.length;
    const { page } = await panel();
    assert.deepEqual(await posted(page), [{ type: 'ready' }]);
    assert.deepEqual(env.server.requests.slice(before).sort(), ['/', '/dist/webview.js', '/media/panel.css']);
    assert.equal(await page.getByTestId('gg-play').isDisabled(), true, 'nothing to play before the analysis');
  });

  test('draws contours, the whole path, start, optimum and the cone after an analysis', async () => {
    const { page } = await panel();
    await send(page, analysisMessage());
    await page.getByTestId('gg-plane').waitFor();
    assert.equal(await num(page, 'gg-path', 'data-points'), 1, 'it opens at step 0, before the answer');
    assert.ok(await page.getByTestId('gg-update').isVisible(), 'with the next update drawn');
    await atEnd(page);
    assert.ok((await page.locator('[data-testid="gg-contours"] path').count()) >= 5, 'several contour levels');
    const total = lesson.run.path.length;
    assert.equal(await num(page, 'gg-path', 'data-points'), total);
    assert.equal(await num(page, 'gg-path', 'data-total'), total);
    assert.equal(await num(page, 'gg-start', 'data-x'), 0.5);
    assert.equal(await num(page, 'gg-start', 'data-y'), -0.5);
    assert.equal(await num(page, 'gg-optimum', 'data-x'), -1.5);
    assert.equal(await num(page, 'gg-optimum', 'data-y'), 1.5);
    // The polyline leaves out points within half a pixel of the last one drawn: every path point
    // lies within 0.5 px (+ the 0.01 px rounding) of a drawn one, the first and the last are drawn.
    const drawn = (await attr(page, 'gg-path', 'points'))
      .trim()
      .split(/\s+/)
      .map((p) => p.split(',').map(Number));
    assert.ok(drawn.length >= 2 && drawn.length <= total);
    const sx = await page.locator('[data-testid="gg-start"] circle').evaluate((e) => [Number(e.getAttribute('cx')), Number(e.getAttribute('cy'))]);
    const diamond = (await page.locator('[data-testid="gg-optimum"] polygon').getAttribute('points'))
      .trim()
      .split(/\s+/)
      .map((p) => p.split(',').map(Number));
    const ox = [0, 1].map((i) => diamond.reduce((acc, p) => acc + p[i], 0) / diamond.length);
    // Pixel = a + b·world on each axis, from the start (0.5, −0.5) and the optimum (−1.5, 1.5).
    const toPx = (w) =>
      [0, 1].map((i) => {
        const [ws, wo] = i === 0 ? [0.5, -1.5] : [-0.5, 1.5];
        return sx[i] + ((w[i] - ws) * (ox[i] - sx[i])) / (wo - ws);
      });
    const pts = Array.from({ length: total }, (_, k) => toPx(pathEntry(lesson.run.path, k).w));
    for (const [k, p] of pts.entries()) {
      const d = Math.min(...drawn.map((q) => Math.hypot(q[0] - p[0], q[1] - p[1])));
      assert.ok(d <= 0.52, `path point ${k} is ${d.toFixed(3)} px from the drawn polyline's points`);
    }
    assert.ok(Math.hypot(drawn[0][0] - pts[0][0], drawn[0][1] - pts[0][1]) <= 0.02, 'the first point is drawn');
    assert.ok(Math.hypot(drawn.at(-1)[0] - pts.at(-1)[0], drawn.at(-1)[1] - pts.at(-1)[1]) <= 0.02, 'the last point is drawn');
    // On screen the optimum is up and to the left of the start (north-west): the y axis points up.
    const s = await page.locator('[data-testid="gg-start"] circle').boundingBox();
    const o = await page.locator('[data-testid="gg-optimum"] polygon').boundingBox();
    assert.ok(o.x < s.x && o.y < s.y, 'optimum drawn north-west of the start');
    assert.equal(await page.getByTestId('gg-title').textContent(), 'lesson.neuron');
  });

  test('draws the double cone along the sample span: + nappe north-east, − nappe south-west', async () => {
    const { page } = await panel();
    await send(page, analysisMessage());
    await page.getByTestId('gg-reset').click();
    assert.equal(await attr(page, 'gg-cone', 'data-kind'), 'sector');
    assert.equal(await page.locator('[data-testid="gg-cone"] .gg-cone-fill').count(), 2);
    const rays = await page
      .locator('[data-testid="gg-cone"] .gg-cone-ray')
      .evaluateAll((els) => els.map((e) => ({ nappe: Number(e.dataset.nappe), dx: Number(e.dataset.dx), dy: Number(e.dataset.dy) })));
    assert.equal(rays.length, 4);
    for (const r of rays) {
      if (r.nappe === 1) assert.ok(r.dx > 0 && r.dy > 0, `+ ray ${JSON.stringify(r)} in the first quadrant`);
      else assert.ok(r.dx < 0 && r.dy < 0, `− ray ${JSON.stringify(r)} in the third quadrant`);
    }
    // The edges are the extreme sample directions of the analysis.
    const angles = rays
      .filter((r) => r.nappe === 1)
      .map((r) => Math.atan2(r.dy, r.dx))
      .sort();
    const want = lesson.cone.edges.map((e) => Math.atan2(e[1], e[0])).sort();
    angles.forEach((a, k) => assert.ok(Math.abs(a - want[k]) < 1e-3));
    // The update from the start is sign-coherent: it points NE or SW, inside the cone.
    const dx = await num(page, 'gg-update', 'data-dx');
    const dy = await num(page, 'gg-update', 'data-dy');
    assert.equal(Math.sign(dx), Math.sign(dy));
    assert.ok(await page.getByTestId('gg-to-optimum').isVisible());
  });

  test('says "no constraint" when centred inputs allow every direction', async () => {
    const { page } = await panel();
    await send(page, analysisMessage(makeFixture({ inputs: 'centered' })));
    assert.equal(await attr(page, 'gg-cone', 'data-kind'), 'plane');
    assert.match(await page.locator('[data-testid="gg-cone"] text').textContent(), /no constraint/);
  });

  test('shows the readout as text, with the step-size convention and never NaN', async () => {
    const { page } = await panel();
    await send(page, analysisMessage());
    const readout = page.getByTestId('gg-readout');
    const text = await readout.textContent();
    assert.equal(await page.getByTestId('gg-sentence').textContent(), lesson.sentence, 'the sentence beside the plane');
    for (const label of [
      'Steps to converge',
      'Zig-zag ratio',
      'Sign-coherent updates',
      'Condition number κ',
      'Stability limit 2/λmax',
      'Optimal step size 2/(λmin+λmax)',
      'LeCun step size 1/λmax',
      '½',
    ])
      assert.ok(text.includes(label), label);
    assert.equal(await page.locator('[data-testid="gg-readout"] dd[data-key="coherent"]').textContent(), '100 %');
    assert.ok(!/NaN|Infinity|undefined/.test(await page.locator('body').textContent()));
  });

  test('keeps the picture under an error banner and reveals the error in the editor', async () => {
    const { page } = await panel();
    await send(page, analysisMessage());
    await atEnd(page);
    await send(page, errorsMessage());
    const banner = page.getByTestId('gg-error');
    await banner.waitFor({ state: 'visible' });
    assert.equal(await banner.getAttribute('role'), 'alert');
    assert.match(await banner.textContent(), /lesson\.neuron:7:6: lr must be > 0 \(GG201\) and 1 more/);
    assert.equal(await num(page, 'gg-path', 'data-points'), lesson.run.path.length, 'the last good picture stays');
    await page.getByTestId('gg-reveal').click();
    // Keyboard too: focus the link and press Enter.
    await page.getByTestId('gg-reveal').focus();
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).slice(1), [
      { type: 'revealError', line: 7, column: 6 },
      { type: 'revealError', line: 7, column: 6 },
    ]);
    await send(page, analysisMessage(lesson, 3));
    await banner.waitFor({ state: 'hidden' });
  });

  test('shows the banner even before any picture, and ignores out-of-date versions', async () => {
    const { page } = await panel();
    await send(page, errorsMessage(5));
    await page.getByTestId('gg-error').waitFor({ state: 'visible' });
    await send(page, analysisMessage(lesson, 4));
    assert.equal(await page.getByTestId('gg-plane').count(), 0, 'version 4 is older than the errors of version 5');
    await send(page, analysisMessage(lesson, 6));
    await page.getByTestId('gg-plane').waitFor();
    assert.ok(await page.getByTestId('gg-error').isHidden());
  });

  test('steps, resets and plays by keyboard, announcing the step', async () => {
    const { page } = await panel();
    await send(page, { type: 'settings', animationStepsPerSecond: 240 });
    await send(page, analysisMessage());
    const focused = () => page.evaluate(() => document.activeElement?.dataset.testid);
    await atEnd(page);
    // Tab order: play, back, (step is disabled at the end of the path), reset.
    await page.getByTestId('gg-play').focus();
    assert.equal(await focused(), 'gg-play');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'gg-back');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'gg-reset');
    await page.keyboard.press('Enter');
    assert.equal(await num(page, 'gg-path', 'data-points'), 1);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 'gg-step', 'step is enabled once there is a step to take');
    assert.match(
      await page.getByTestId('gg-live').textContent(),
      /^Step 0 of 60: loss [\d.e-]+; next update heads (north-east|south-west), sign-coherent, \d+° off the straight way to the optimum\.$/,
    );
    await page.getByTestId('gg-step').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    assert.equal(await num(page, 'gg-path', 'data-points'), 3);
    assert.equal(await num(page, 'gg-current', 'data-step'), 2);
    assert.match(await page.getByTestId('gg-live').textContent(), /^Step 2 of 60/);
    // Play runs to the end at the display's frame rate.
    await page.getByTestId('gg-play').focus();
    await page.keyboard.press('Space');
    assert.equal(await attr(page, 'gg-play', 'aria-pressed'), 'true');
    await page.waitForFunction((n) => document.querySelector('[data-testid="gg-path"]').dataset.points === String(n), lesson.run.path.length);
    await page.waitForFunction(() => document.querySelector('[data-testid="gg-play"]').getAttribute('aria-pressed') === 'false');
    assert.match(await page.getByTestId('gg-live').textContent(), /^Step 60 of 60: .*end of the path\.$/);
  });

  test('pauses mid-way when play is pressed again', async () => {
    const { page } = await panel();
    await send(page, { type: 'settings', animationStepsPerSecond: 5 });
    await send(page, analysisMessage());
    await page.getByTestId('gg-play').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="gg-path"]').dataset.points) >= 2);
    await page.getByTestId('gg-play').click();
    const at = await num(page, 'gg-path', 'data-points');
    assert.ok(at < lesson.run.path.length);
    assert.equal(await attr(page, 'gg-play', 'aria-pressed'), 'false');
    await page.waitForTimeout(450);
    assert.equal(await num(page, 'gg-path', 'data-points'), at, 'no frame advances after pause');
  });

  test('honours reduced motion: play shows the final state without animating', async () => {
    const { page } = await panel({ reducedMotion: 'reduce' });
    await send(page, analysisMessage());
    await page.getByTestId('gg-reset').click();
    assert.equal(await num(page, 'gg-path', 'data-points'), 1);
    await page.getByTestId('gg-play').click();
    assert.equal(await num(page, 'gg-path', 'data-points'), lesson.run.path.length);
    assert.equal(await attr(page, 'gg-play', 'aria-pressed'), 'false');
  });

  test('renders in all four theme kinds with theme colours', async () => {
    const { page } = await panel();
    await send(page, analysisMessage(makeFixture({ variants: true })));
    const colours = {};
    for (const kind of ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light']) {
      await page.evaluate((k) => {
        document.body.className = k;
      }, kind);
      await send(page, analysisMessage(makeFixture({ variants: true }), 1));
      colours[kind] = await page.evaluate(() => ({
        path: getComputedStyle(document.querySelector('.gg-path')).stroke,
        bg: getComputedStyle(document.querySelector('.gg-bg')).fill,
        cone: getComputedStyle(document.querySelector('.gg-cone-fill')).fill,
        variant: getComputedStyle(document.querySelector('.gg-variant-0')).stroke,
      }));
      for (const [k, v] of Object.entries(colours[kind])) assert.match(v, /^rgb/, `${kind} ${k} = ${v}`);
      if (process.env.GG_SCREENSHOTS)
        await page.screenshot({ path: path.join(process.env.GG_SCREENSHOTS, `gg-panel-${kind.replace('vscode-', '')}.png`), fullPage: true });
    }
    assert.notEqual(colours['vscode-light'].bg, colours['vscode-dark'].bg);
    assert.notEqual(colours['vscode-light'].path, colours['vscode-dark'].path);
    assert.notEqual(colours['vscode-high-contrast'].path, colours['vscode-high-contrast-light'].path);
    assert.equal(await page.locator('[data-testid="gg-variants"] polyline:not(.gg-variant-ghost)').count(), 2);
  });

  test('saves the view state with setState and restores it from getState', async () => {
    const first = await panel();
    await send(first.page, analysisMessage());
    await first.page.getByTestId('gg-reset').click();
    await first.page.getByTestId('gg-step').click();
    await first.page.getByTestId('gg-step').click();
    await first.page.getByTestId('gg-toggle-eigen').uncheck();
    const saved = await first.page.evaluate(() => window.__gg.state);
    assert.equal(saved.step, 2);
    assert.equal(saved.showEigen, false);
    assert.equal(saved.documentUri, 'file:///work/lesson.neuron');
    assert.equal(saved.source, 'lesson.neuron');

    const second = await panel({ state: saved });
    assert.deepEqual(await posted(second.page), [{ type: 'ready' }]);
    assert.equal(await second.page.getByTestId('gg-toggle-eigen').isChecked(), false);
    await send(second.page, analysisMessage());
    assert.equal(await num(second.page, 'gg-path', 'data-points'), 3);
    assert.equal(await second.page.getByTestId('gg-eigen').count(), 0);
  });

  test('ignores a malformed saved state and unknown messages', async () => {
    const { page } = await panel({ state: { step: 'x', playing: 'yes', documentUri: 42 } });
    await send(page, { type: 'nonsense' });
    await send(page, 'text');
    await send(page, analysisMessage());
    assert.equal(await num(page, 'gg-path', 'data-points'), 1, 'step 0: the malformed step is dropped');
    assert.deepEqual(await posted(page), [{ type: 'ready' }]);
  });

  test('draws every example lesson from the real parser and engine', async () => {
    const examples = await exampleAnalyses();
    assert.ok(Object.keys(examples).length >= 4);
    const { page } = await panel();
    let version = 1;
    for (const [file, analysis] of Object.entries(examples)) {
      await send(page, { ...analysisMessage(analysis, version++), source: file, documentUri: `file:///work/examples/${file}` });
      assert.equal(await page.getByTestId('gg-title').textContent(), file);
      assert.equal(await num(page, 'gg-path', 'data-total'), analysis.run.path.length, file);
      assert.ok((await page.locator('[data-testid="gg-contours"] path').count()) >= 3, file);
      assert.equal(await attr(page, 'gg-cone', 'data-kind'), analysis.cone.kind, file);
      if (analysis.inputs.allPositive) {
        const rays = await page
          .locator('[data-testid="gg-cone"] .gg-cone-ray[data-nappe="1"]')
          .evaluateAll((els) => els.map((e) => [Number(e.dataset.dx), Number(e.dataset.dy)]));
        assert.ok(rays.length >= 1 && rays.every(([dx, dy]) => dx >= 0 && dy >= 0), `${file}: + nappe in the first quadrant`);
      }
      assert.ok(!/NaN|Infinity|undefined/.test(await page.locator('body').textContent()), file);
      if (process.env.GG_SCREENSHOTS) {
        await page.getByTestId('gg-reset').click();
        for (let k = 0; k < 8; k++) await page.getByTestId('gg-step').click();
        await page.screenshot({ path: path.join(process.env.GG_SCREENSHOTS, `gg-example-${file.replace('.neuron', '')}.png`), fullPage: true });
      }
    }
  });

  test('really enforces the CSP (the check above is not vacuous)', async () => {
    const context = await env.browser.newContext();
    try {
      const page = await context.newPage();
      const violations = [];
      page.on('console', () => {});
      await page.addInitScript(() => {
        window.__v = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__v.push(e.violatedDirective));
        window.acquireVsCodeApi = () => ({ postMessage() {}, getState() {}, setState() {} });
      });
      await page.goto(env.server.url);
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.append(s);
        document.body.setAttribute('style', 'color: red');
      });
      await page.waitForFunction(() => window.__v.length >= 2);
      violations.push(...(await page.evaluate(() => window.__v)));
      assert.ok(violations.some((v) => v.startsWith('script-src')));
      assert.ok(violations.some((v) => v.startsWith('style-src')));
      assert.equal(await page.evaluate(() => window.__ran), undefined);
    } finally {
      await context.close();
    }
  });
});
