// Teaching in the panel, in headless Chromium under the real CSP: predict-then-reveal, locked and
// hidden controls from the spec, and presenter mode, on the example lessons through the real parser
// and engine.
/* global describe, before, document, getComputedStyle */
import assert from 'node:assert/strict';
import process from 'node:process';
import { exampleMessages, pathEntry, send, usePanelSuite } from './harness.mjs';

describe('teaching in the panel (Chromium)', function () {
  this.timeout(90_000);
  const { panel, test } = usePanelSuite();
  let plain;
  let predict;
  let locked;

  before(async () => {
    // The lesson itself asks (predict = quadrant, issue 12 §7); `plain` is it without the question.
    plain = (await exampleMessages())['sigmoid-northwest.neuron'];
    predict = (await exampleMessages(undefined, true, { asked: true }))['sigmoid-northwest.neuron'];
    assert.equal(predict.spec.predict, 'quadrant', 'the lesson asks first');
    locked = (await exampleMessages((t) => `${t}\nlock = lr, batch, start\nhide = strip, cone\n`))['sigmoid-northwest.neuron'];
  });

  const visible = (page, selector) =>
    page
      .locator(selector)
      .first()
      .evaluate((e) => getComputedStyle(e).display !== 'none' && !e.closest('[hidden]'));

  test('without predict, lock or hide the panel shows no question and every control', async () => {
    const { page } = await panel();
    await send(page, plain);
    await page.getByTestId('gg-path').waitFor();
    assert.equal(await page.getByTestId('gg-predict').isVisible(), false);
    assert.equal(await page.getByTestId('gg-lr').isDisabled(), false);
    assert.equal(await visible(page, '[data-testid="gg-cone"]'), true);
  });

  test('predict = quadrant: starts at step 0, hides the update, asks with four keyboard-operable choices, then reveals and judges', async () => {
    const { page } = await panel();
    await send(page, predict);
    await page.getByTestId('gg-predict').waitFor();
    const a = predict.analysis;
    assert.match(await page.getByTestId('gg-predict-prompt').textContent(), /^Step 0: which quadrant will the next update point to\?/);
    assert.equal(await page.locator('.gg-predict-choice').count(), 4);
    assert.equal(await visible(page, '[data-testid="gg-update"]'), false, 'the update is hidden until the guess');
    assert.equal(await visible(page, '.gg-path-ghost'), false, 'the future path is hidden');
    assert.doesNotMatch(await page.getByTestId('gg-live').textContent(), /north|south/, 'the live summary does not give the answer away');
    // Stepping forward is refused while the question is open.
    await page.getByTestId('gg-figure').focus();
    await page.keyboard.press('ArrowRight');
    assert.match(await page.getByTestId('gg-predict-prompt').textContent(), /^Step 0:/);
    // Answer by keyboard: Tab to a choice and press Enter; the right answer comes from δ₀.
    const answer = pathEntry(a.run.path, 0).deltas[0] > 0 ? 'south-west' : 'north-east';
    await page.getByTestId(`gg-predict-${answer}`).focus();
    await page.keyboard.press('Enter');
    assert.match(await page.getByTestId('gg-predict-verdict').textContent(), new RegExp(`^Right: the update points ${answer}\\.`));
    assert.equal(await visible(page, '[data-testid="gg-update"]'), true, 'revealed');
    assert.equal(await page.getByTestId('gg-predict-score').textContent(), '1 of 1 right');
    // Next step: a new question; a wrong guess says so.
    await page.getByTestId('gg-step').click();
    assert.match(await page.getByTestId('gg-predict-prompt').textContent(), /^Step 1: which quadrant/);
    const answer1 = pathEntry(a.run.path, 1).deltas[0] > 0 ? 'south-west' : 'north-east';
    await page.getByTestId('gg-predict-north-west').click();
    assert.match(
      await page.getByTestId('gg-predict-verdict').textContent(),
      new RegExp(`^Not this time: you said north-west, the update points ${answer1}\\.`),
    );
    assert.equal(await page.getByTestId('gg-predict-score').textContent(), '1 of 2 right');
    // Playing stops at the next open question.
    await page.getByTestId('gg-play').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="gg-predict-prompt"]').textContent.startsWith('Step 2: which quadrant'));
    assert.equal(await page.getByTestId('gg-play').getAttribute('aria-pressed'), 'false', 'paused at the question');
    // Keys 1–4 answer while the box has focus.
    await page.getByTestId('gg-predict-north-east').focus();
    await page.keyboard.press('3');
    assert.match(await page.getByTestId('gg-predict-verdict').textContent(), /the update points (north-east|south-west)/);
    assert.equal(
      await page
        .getByTestId('gg-predict-score')
        .textContent()
        .then((t) => t.endsWith('of 3 right')),
      true,
    );
    if (process.env.GG_SCREENSHOTS) await page.screenshot({ path: `${process.env.GG_SCREENSHOTS}/gg-predict.png`, fullPage: true });
  });

  test('lock and hide from the spec: locked controls are disabled, hidden parts are not drawn, locked start cannot be dragged', async () => {
    const { page } = await panel();
    await send(page, locked);
    await page.getByTestId('gg-path').waitFor();
    for (const id of ['gg-lr', 'gg-snap', 'gg-batch']) {
      assert.equal(await page.getByTestId(id).isDisabled(), true, `${id} locked`);
      assert.equal(await page.getByTestId(id).getAttribute('title'), 'Locked by this lesson');
    }
    assert.equal(await page.getByTestId('gg-optimizer').isDisabled(), false, 'not locked');
    assert.equal(await visible(page, '[data-testid="gg-cone"]'), false, 'cone hidden');
    assert.equal(await visible(page, '.gg-sign-wrap'), false, 'sign strip hidden');
    assert.equal(await visible(page, '.gg-chart-host'), true, 'loss chart still shown');
  });

  test('presenter mode from the settings message: large type, thick path, clean layout; off again', async () => {
    const { page } = await panel();
    await send(page, plain);
    await page.getByTestId('gg-path').waitFor();
    const before = await page.evaluate(() => ({
      font: getComputedStyle(document.body).fontSize,
      path: getComputedStyle(document.querySelector('.gg-path')).strokeWidth,
    }));
    await send(page, { type: 'settings', animationStepsPerSecond: 20, presenterMode: true });
    await page.waitForFunction(() => document.body.classList.contains('gg-presenter'));
    const after = await page.evaluate(() => ({
      font: getComputedStyle(document.body).fontSize,
      path: getComputedStyle(document.querySelector('.gg-path')).strokeWidth,
    }));
    assert.ok(parseFloat(after.font) >= 18 && parseFloat(after.font) > parseFloat(before.font), `font ${before.font} → ${after.font}`);
    assert.ok(parseFloat(after.path) >= 4 && parseFloat(after.path) > parseFloat(before.path), `path ${before.path} → ${after.path}`);
    assert.equal(await visible(page, '.gg-exports'), false, 'clean layout: no exports');
    assert.equal(await visible(page, '.gg-help'), false, 'clean layout: no keyboard help');
    assert.equal(await visible(page, '[data-testid="gg-controls"]'), true, "the run's controls stay on the one screen");
    assert.equal(await visible(page, '.gg-readout'), true, 'the readout stays');
    if (process.env.GG_SCREENSHOTS) await page.screenshot({ path: `${process.env.GG_SCREENSHOTS}/gg-presenter.png`, fullPage: true });
    await send(page, { type: 'settings', animationStepsPerSecond: 20, presenterMode: false });
    await page.waitForFunction(() => !document.body.classList.contains('gg-presenter'));
  });
});
