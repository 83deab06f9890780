// A network in the panel, in headless Chromium under the real CSP: the cone of the CURRENT hidden
// outputs (it moves as W trains), the per-hidden-unit sign strip and the curvature labelled with
// its step, updating with the shown step; hidden for a single neuron. Keeps screenshots in
// test-results/webview.
/* global describe, before, document */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { atEnd, exampleMessages, root, send, usePanelSuite } from './harness.mjs';

const shots = path.join(root, 'test-results/webview');

describe('a network in the panel (Chromium)', function () {
  this.timeout(120_000);
  const { panel, test } = usePanelSuite();
  let messages;

  before(async () => {
    messages = await exampleMessages();
    mkdirSync(shots, { recursive: true });
  });

  test("the strip shows each hidden unit's row signs, the hidden outputs' cone and the curvature, each at the shown step", async () => {
    const { page } = await panel();
    const m = messages['network-sigmoid-hidden.neuron'];
    const net = m.analysis.network;
    await send(page, m);
    await page.getByTestId('gg-path').waitFor({ state: 'attached' });
    const strip = page.getByTestId('gg-network');
    await strip.waitFor();
    // Step 0.
    const s0 = net.steps[0];
    assert.equal(
      await page.getByTestId('gg-network-curvature').textContent(),
      `Curvature of the output weights at step 0: λmax = ${Number(s0.curvature.eigenvalues[0].toPrecision(3))}, κ = ${Number(s0.curvature.conditionNumber.toPrecision(3))}`,
    );
    assert.match(await page.getByTestId('gg-network-cone').textContent(), /^Hidden outputs at step 0: all positive, cone 75\.6°$/);
    const rows = page.locator('[data-testid="gg-network-rows"] li');
    assert.equal(await rows.count(), 2);
    const symbols = { positive: '+', negative: '−', mixed: '±', zero: '0' };
    assert.equal(await rows.nth(0).locator('.gg-network-symbol').textContent(), symbols[s0.rowSigns[0]]);
    assert.match(await rows.nth(0).getAttribute('title'), /^∂L\/∂W1: /, 'the signs in words, not colour alone');
    // The plane's cone is the hidden outputs' at this step.
    const opening = async () => Number(await page.getByTestId('gg-cone').first().getAttribute('data-opening'));
    assert.ok(Math.abs((await opening()) - s0.cone.openingDegrees) < 0.05, "the plane draws the hidden outputs' cone at step 0");
    assert.match(await page.locator('.gg-cone-label').first().textContent(), /±cone\{h\}/);
    await page.screenshot({ path: path.join(shots, 'network-step0.png') });
    // The last step: the strip follows (another step number, the last step's curvature).
    await atEnd(page);
    const last = net.steps[net.steps.length - 1];
    await page.waitForFunction((k) => document.querySelector('[data-testid="gg-network-curvature"]')?.textContent.includes(`at step ${k}:`), last.step);
    assert.equal(
      await page.getByTestId('gg-network-curvature').textContent(),
      `Curvature of the output weights at step ${last.step}: λmax = ${Number(last.curvature.eigenvalues[0].toPrecision(3))}, κ = ${Number(last.curvature.conditionNumber.toPrecision(3))}`,
    );
    assert.notEqual(last.curvature.conditionNumber, s0.curvature.conditionNumber, 'the curvature moved with W');
    assert.ok(
      Math.abs((await opening()) - last.cone.openingDegrees) < 0.05 && Math.abs(last.cone.openingDegrees - s0.cone.openingDegrees) > 1,
      'the cone moved with W',
    );
    await page.screenshot({ path: path.join(shots, 'network-end.png') });
  });

  test('a frozen hidden layer says so; a single neuron has no strip', async () => {
    const { page } = await panel();
    await send(page, messages['network-batchnorm.neuron']);
    await page.getByTestId('gg-network').waitFor();
    assert.equal(await page.locator('[data-testid="gg-network-rows"] li').textContent(), 'W and c frozen (train = output)');
    await page.screenshot({ path: path.join(shots, 'network-batchnorm.png') });
    await send(page, messages['sigmoid-northwest.neuron']);
    await page.getByTestId('gg-path').waitFor({ state: 'attached' });
    assert.equal(await page.getByTestId('gg-network').isVisible(), false);
  });
});
