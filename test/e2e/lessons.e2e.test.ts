import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { e2e } from './context';
import { Workbench } from './workbench';

const WAIT = 30_000;

/** Opens the command palette on `title`, retrying until the command is listed (selected first). */
async function paletteCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: WAIT });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title });
    try {
      await row.first().waitFor({ timeout: 3000 });
      return;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw e;
    }
  }
}

describe('lessons in VS Code, as a student opens them', function () {
  this.timeout(90_000);
  let page: Page;
  let wb: Workbench;

  before(async () => {
    page = await e2e().browser.newPage({ viewport: { width: 1500, height: 950 } });
    wb = new Workbench(page);
    await wb.open(e2e().url, e2e().workspace);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page.screenshot({ path: path.join(e2e().artifacts, `${name}.png`) }).catch(() => undefined);
    }
  });

  after(async () => {
    await page?.close();
  });

  it('"Open Lesson..." lists the lessons with their one-line descriptions and opens the chosen one with its panel', async () => {
    const input = page.locator('.quick-input-widget input');
    // The extension's commands join the palette once its host has scanned the extensions.
    await paletteCommand(page, 'Gradient Geometry: Open Lesson');
    await page.keyboard.press('Enter');
    // The lesson list replaces the command palette.
    const first = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Why sigmoid inputs zig-zag' }).first();
    await first.waitFor({ timeout: WAIT });
    assert.match((await first.textContent()) ?? '', /double cone/, 'the one-line description is shown');
    assert.ok((await page.locator('.quick-input-list .monaco-list-row').count()) >= 8, 'the gallery is listed');
    await input.fill('momentum');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Momentum damps the zig-zag' }).first().waitFor({ timeout: WAIT });
    await page.keyboard.press('Enter');
    await wb.tab('momentum.neuron').waitFor({ timeout: WAIT });
    const frame = await wb.panelFrame('momentum.neuron', 60_000);
    await frame.locator('[data-testid="gg-path"]').waitFor();
    assert.equal(await frame.locator('[data-testid="gg-error"]').isVisible(), false);
  });

  it('the walkthrough "Get started with Gradient Geometry" is offered', async () => {
    await paletteCommand(page, 'Welcome: Open Walkthrough');
    await page.keyboard.press('Enter');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Gradient Geometry' }).first();
    await row.waitFor({ timeout: WAIT });
    await page.keyboard.press('Escape');
  });
});
