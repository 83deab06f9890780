import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { e2e } from './context';
import { useWorkbench } from './workbench';

const EXAMPLE = 'sigmoid-northwest.neuron';
const PANEL_TITLE = `Gradient Geometry: ${EXAMPLE}`;

/** One-based number of the first line of the example that starts with `prefix`. */
function lineOf(file: string, prefix: string): number {
  const lines = readFileSync(path.join(e2e().workspace, file), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.startsWith(prefix));
  assert.ok(index >= 0, `${prefix} in ${file}`);
  return index + 1;
}

const pathPoints = (frame: Frame) => frame.locator('[data-testid="gg-path"]').first().getAttribute('points');

describe('Gradient Geometry in VS Code, as a user drives it', function () {
  this.timeout(90_000);
  const { page, wb } = useWorkbench();

  it('shows the weight plane of an example from the command palette', async () => {
    await wb().openFile(EXAMPLE);
    await wb().runCommand('Show Gradient Geometry');
    await wb().tab(PANEL_TITLE).waitFor();
    const frame = await wb().panelFrame(EXAMPLE);
    await frame.locator('[data-testid="gg-plane"]').waitFor();
    assert.ok(Number(await frame.locator('[data-testid="gg-path"]').first().getAttribute('data-total')) > 10, 'the path has its steps');
    const cone = frame.locator('[data-testid="gg-cone"]');
    assert.equal(await cone.getAttribute('data-kind'), 'sector');
    assert.equal(await cone.getAttribute('data-optimum-inside'), 'false', 'the north-west target is outside the cone');
    assert.ok((await frame.locator('[data-testid="gg-contours"] path').count()) > 0, 'contours are drawn');
    assert.match((await frame.locator('[data-testid="gg-readout"]').textContent()) ?? '', /\S/);
    assert.equal(await frame.locator('[data-testid="gg-error"]').isVisible(), false);
  });

  it('redraws the path as the document is edited', async () => {
    const frame = await wb().panelFrame(EXAMPLE);
    const before = await pathPoints(frame);
    await wb().tab(EXAMPLE).click();
    await wb().replaceLine(lineOf(EXAMPLE, 'lr ='), 'lr = 0.1');
    await frame.waitForFunction((old) => document.querySelector('[data-testid="gg-path"]')?.getAttribute('points') !== old, before);
    assert.notEqual(await pathPoints(frame), before);
  });

  it('keeps the picture on an error, shows the error, and reveals it in the editor', async () => {
    const lrLine = lineOf(EXAMPLE, 'lr =');
    const frame = await wb().panelFrame(EXAMPLE);
    const before = await pathPoints(frame);
    await wb().tab(EXAMPLE).click();
    await wb().replaceLine(lrLine, 'lr = oops');
    const banner = frame.locator('[data-testid="gg-error"]');
    await banner.waitFor({ state: 'visible' });
    assert.match((await banner.textContent()) ?? '', new RegExp(`${EXAMPLE}:${lrLine}:`));
    assert.equal(await pathPoints(frame), before, 'the last good picture stays');

    await page().keyboard.press('Control+Home'); // move the cursor away from the error
    await frame.locator('[data-testid="gg-reveal"]').click();
    await page().waitForFunction((line) => /Ln (\d+),/.exec(document.querySelector('.statusbar')?.textContent ?? '')?.[1] === String(line), lrLine);
    assert.equal((await wb().cursor())?.line, lrLine);

    await wb().replaceLine(lrLine, 'lr = 0.5');
    await banner.waitFor({ state: 'hidden' });
  });

  it('restores the panel after the window reloads', async () => {
    await wb().tab(EXAMPLE).click();
    await page().keyboard.press('Control+S');
    await page().locator('.tabs-container .tab.dirty', { hasText: EXAMPLE }).waitFor({ state: 'detached' });
    await page().reload();
    await wb().waitUntilReady();
    await wb().tab(PANEL_TITLE).waitFor();
    const frame = await wb().panelFrame(EXAMPLE, 60_000);
    await frame.locator('[data-testid="gg-path"]').first().waitFor({ state: 'attached' }); // at step 0 the path has no length yet
    assert.equal(await frame.locator('[data-testid="gg-error"]').isVisible(), false);
  });

  for (const [file, inside] of [
    ['tanh.neuron', null],
    ['inside-cone.neuron', 'true'],
    ['batch-vs-full.neuron', 'false'],
  ] as const) {
    it(`shows the panel for ${file}`, async () => {
      await wb().openFile(file);
      await wb().runCommand('Show Gradient Geometry');
      await wb().tab(`Gradient Geometry: ${file}`).waitFor();
      const frame = await wb().panelFrame(file);
      await frame.locator('[data-testid="gg-path"]').first().waitFor({ state: 'attached' }); // at step 0 the path has no length yet
      assert.equal(await frame.locator('[data-testid="gg-error"]').isVisible(), false, 'the example is a valid spec');
      if (inside !== null) assert.equal(await frame.locator('[data-testid="gg-cone"]').getAttribute('data-optimum-inside'), inside);
      if (file === 'batch-vs-full.neuron') assert.ok((await frame.locator('[data-testid="gg-variants"]').count()) > 0, 'the full-batch run is drawn beside');
    });
  }
});
