// Runs last among the e2e files (hence the name): with a notebook opened in an earlier window on
// the same folder, panel.e2e's "restores the panel after the window reloads" found no panel
// webview after the reload (2 runs of 2; it passes alone); not yet understood.
import * as assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { e2e } from './context';
import { useWorkbench } from './workbench';

const WAIT = 30_000;
const FIXTURE = 'figure-outputs.ipynb';

/** The notebook output frame whose figure has this title (Playwright's CSS selectors pierce the shadow root). */
async function figureFrame(page: Page, title: string, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      try {
        if ((await frame.locator('[data-testid="gg-nb-figure"] .gg-nb-title', { hasText: title }).count()) > 0) return frame;
      } catch {
        // detached while looking
      }
    }
    if (Date.now() > deadline) throw new Error(`no notebook output shows "${title}" among ${page.frames().length} frames`);
    await page.waitForTimeout(250);
  }
}

describe('notebooks in VS Code, as a student opens one', function () {
  this.timeout(120_000);
  const { page, wb } = useWorkbench();

  /** Console errors of the page and its frames that concern the renderer: CSP refusals, its exceptions. */
  const problems: string[] = [];

  before(() => {
    // The notebook the extension-host tests open, written by the Python helper.
    copyFileSync(path.resolve(__dirname, '../../../test/suite/fixtures', FIXTURE), path.join(e2e().workspace, FIXTURE));
    page().on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to|dist\/webview\.js/i.test(`${m.text()} ${m.location().url}`)) problems.push(m.text());
    });
    page().on('pageerror', (e) => {
      if (/dist\/webview\.js/.test(String(e.stack))) problems.push(String(e));
    });
  });

  it('a saved notebook shows the interactive picture: the sentence, the key numbers, the plane with path and cone, a keyboard-operable step slider and play', async () => {
    await wb().openFile(FIXTURE);
    const frame = await figureFrame(page(), 'six sigmoid samples');
    const figure = frame.locator('[data-testid="gg-nb-figure"]', { hasText: 'six sigmoid samples' });
    await figure.locator('svg .gg-path').waitFor({ timeout: WAIT });
    assert.match((await figure.locator('[data-testid="gg-nb-sentence"]').textContent()) ?? '', /\w+/);
    assert.match((await figure.locator('[data-testid="gg-key-zigzag"]').textContent()) ?? '', /Zig-zag ratio/);
    assert.ok((await figure.locator('svg .gg-cone-fill').count()) > 0, 'the cone is drawn');
    assert.ok((await figure.locator('svg .gg-contour').count()) > 0, 'the loss contours are drawn');
    // Theme colours reach the drawing (a stroke from the palette, not the default none).
    const stroke = await figure.locator('svg .gg-path').evaluate((el) => getComputedStyle(el).stroke);
    assert.notEqual(stroke, 'none');

    const slider = figure.locator('[data-testid="gg-nb-step"]');
    const last = Number(await slider.getAttribute('max'));
    assert.equal(last, 60, 'one slider position per path entry (60 steps)');
    assert.equal(await slider.inputValue(), String(last), 'it opens at the last step');
    await slider.focus();
    await page().keyboard.press('Home');
    assert.equal(await slider.inputValue(), '0');
    assert.match((await figure.locator('[data-testid="gg-nb-step-text"]').textContent()) ?? '', /^Step 0 of 60/);
    // The notebook's own key bindings (Home, arrows) do not take the focus away from the slider.
    const focused = await figure.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement?.getAttribute('data-testid'));
    assert.equal(focused, 'gg-nb-step');
    await page().keyboard.press('ArrowRight');
    assert.match((await slider.getAttribute('aria-valuetext')) ?? '', /^Step 1 of 60/);
    await page().screenshot({ path: path.join(e2e().artifacts, 'notebook-figure-step1.png') });

    const play = figure.locator('[data-testid="gg-nb-play"]');
    await play.click();
    assert.equal(await play.getAttribute('aria-pressed'), 'true');
    await slider.evaluate(
      (el: HTMLInputElement, max) =>
        new Promise<void>((resolve) => {
          const check = (): void => (Number(el.value) === max ? resolve() : void setTimeout(check, 50));
          check();
        }),
      last,
    );
    assert.equal(await play.getAttribute('aria-pressed'), 'false', 'playing stops at the end');
    await page().screenshot({ path: path.join(e2e().artifacts, 'notebook-figure.png') });
    assert.deepEqual(problems, [], "the renderer works under the notebook's Content Security Policy, without errors");
  });

  it("a spec with errors shows its located problems in the picture's place", async () => {
    const frame = await figureFrame(page(), 'a spec with errors');
    const figure = frame.locator('[data-testid="gg-nb-figure"]', { hasText: 'a spec with errors' });
    const problems = (await figure.locator('[data-testid="gg-nb-problems"]').textContent()) ?? '';
    assert.match(problems, /^line \d+, column \d+: GG\d{3} /m);
    assert.equal(await figure.locator('[data-testid="gg-nb-error"]').getAttribute('role'), 'alert');
    assert.equal(await figure.locator('svg').count(), 0);
  });

  it('"Open in panel" opens the output\'s spec in the Gradient Geometry panel', async () => {
    const frame = await figureFrame(page(), 'six sigmoid samples');
    await frame.locator('[data-testid="gg-nb-figure"]', { hasText: 'six sigmoid samples' }).locator('[data-testid="gg-nb-open"]').click();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const titles = await Promise.all(
        page()
          .frames()
          .map((f) =>
            f
              .locator('[data-testid="gg-title"]')
              .first()
              .textContent({ timeout: 200 })
              .catch(() => null),
          ),
      );
      if (titles.some((t) => t && /Untitled/.test(t))) break;
      if (Date.now() > deadline) throw new Error(`no panel for the untitled spec (titles: ${titles.filter(Boolean).join(', ')})`);
      await page().waitForTimeout(250);
    }
    await page().screenshot({ path: path.join(e2e().artifacts, 'notebook-open-in-panel.png') });
    // The untitled spec is closed unsaved, so later suites' workbenches do not restore it.
    const tab = page().locator('.tabs-container .tab', { hasText: 'written by gradient_geometry' }).first();
    await tab.click();
    await wb().runCommand('View: Revert and Close Editor');
    await tab.waitFor({ state: 'detached', timeout: WAIT });
    // Nor its panel (a later workbench on this folder would restore it).
    await wb().runCommand('View: Close All Editors');
    await page().locator('.tabs-container .tab', { hasText: 'Gradient Geometry: Untitled' }).waitFor({ state: 'detached', timeout: WAIT });
  });
});
