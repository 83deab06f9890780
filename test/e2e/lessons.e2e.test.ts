import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { e2e } from './context';
import { useWorkbench } from './workbench';

const WAIT = 30_000;

/** The first frame with an element matching `selector` (webviews are nested iframes). */
async function frameWith(page: Page, selector: string, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      try {
        if ((await frame.locator(selector).count()) > 0) return frame;
      } catch {
        // detached while looking
      }
    }
    if (Date.now() > deadline) throw new Error(`no frame shows ${selector}`);
    await page.waitForTimeout(250);
  }
}

/** Runs `title` from the command palette (clicks its row), retrying until the command is listed. */
async function paletteCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: WAIT });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 3000 });
      await row.click();
      return;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw e;
    }
  }
}

describe('lessons in VS Code, as a student opens them', function () {
  this.timeout(90_000);
  const { page, wb } = useWorkbench();

  it('"Open Lesson..." lists the lessons with their one-line descriptions and opens the chosen one with its panel', async () => {
    const input = page().locator('.quick-input-widget input');
    // The extension's commands join the palette once its host has scanned the extensions.
    await paletteCommand(page(), 'Gradient Geometry: Open Lesson');
    // The lesson list replaces the command palette.
    const first = page().locator('.quick-input-list .monaco-list-row', { hasText: 'Why sigmoid inputs zig-zag' }).first();
    await first.waitFor({ timeout: WAIT });
    assert.match((await first.textContent()) ?? '', /double cone/, 'the one-line description is shown');
    assert.ok((await page().locator('.quick-input-list .monaco-list-row').count()) >= 8, 'the gallery is listed');
    await input.fill('momentum');
    await page().locator('.quick-input-list .monaco-list-row', { hasText: 'Momentum damps the zig-zag' }).first().waitFor({ timeout: WAIT });
    await page().keyboard.press('Enter');
    await wb().tab('momentum.neuron').waitFor({ timeout: WAIT });
    const frame = await wb().panelFrame('momentum.neuron', 60_000);
    await frame.locator('[data-testid="gg-path"]').first().waitFor({ state: 'attached' }); // at step 0 the path has no length yet
    assert.equal(await frame.locator('[data-testid="gg-error"]').isVisible(), false);
  });

  it('a fenced neuron block is drawn as a figure in the Markdown preview a user opens', async () => {
    writeFileSync(
      path.join(e2e().workspace, 'notes.md'),
      [
        '# Lecture notes',
        '',
        'Sigmoid inputs, the teacher to the north-west:',
        '',
        '```neuron',
        'x ~ sigmoid(normal(0, 1))',
        'w* = [-1, 1]',
        'w = [1.5, -0.5]',
        'steps = 60',
        '```',
        '',
      ].join('\n'),
    );
    await wb().openFile('notes.md');
    await paletteCommand(page(), 'Markdown: Open Preview to the Side');
    // The preview is a webview (nested iframes): find the frame that holds the figure.
    const found = await frameWith(page(), '.gg-neuron-figure svg polyline.gg-path');
    const figure = found.locator('.gg-neuron-figure').first();
    assert.ok(await figure.locator('svg').isVisible(), 'the SVG is visible in the preview');
    assert.match((await figure.locator('figcaption').textContent()) ?? '', /north-east or south-west/);
    const points = await figure.locator('polyline.gg-path').getAttribute('points');
    assert.ok(points && points.split(' ').length > 10, 'the path has its points');
  });

  it('the walkthrough "Get started with Gradient Geometry" is offered', async () => {
    await paletteCommand(page(), 'Welcome: Open Walkthrough');
    const row = page().locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Gradient Geometry' }).first();
    await row.waitFor({ timeout: WAIT });
    await page().keyboard.press('Escape');
  });
});
