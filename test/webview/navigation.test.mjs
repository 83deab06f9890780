// Picture ↔ spec lines in headless Chromium, under the real CSP: clicks and Enter on parts of the
// plane post 'revealStatement' for the statement that set them; 'highlight' from the host marks a
// part and announces it; a selection's or an annotation's snapshot is kept in the webview state.
/* global describe, window, document, getComputedStyle */
import assert from 'node:assert/strict';
import { exampleMessages, send, posted, usePanelSuite } from './harness.mjs';

describe('spec lines ↔ picture in Chromium', function () {
  this.timeout(90_000);
  const { env, panel, test } = usePanelSuite({ messages: true });

  const lesson = () => env.messages['sigmoid-northwest.neuron'];
  const reveals = async (page) => (await posted(page)).filter((m) => m.type === 'revealStatement');

  async function clickCentre(page, locator) {
    const box = await locator.boundingBox();
    assert.ok(box, 'the element is drawn');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  test('clicking the start reveals w, the optimum reveals w*, a later path point reveals lr; nothing moves', async () => {
    const { page } = await panel();
    await send(page, lesson());
    const before = await page.getByTestId('gg-start').getAttribute('data-x');
    await clickCentre(page, page.locator('[data-testid="gg-start"] circle'));
    await clickCentre(page, page.locator('[data-testid="gg-optimum"] polygon'));
    // The current point a few steps in (away from the markers) is a path point after the start.
    await page.getByTestId('gg-figure').focus();
    await page.keyboard.press('Home');
    for (let k = 0; k < 6; k++) await page.keyboard.press('ArrowRight');
    await clickCentre(page, page.getByTestId('gg-current'));
    assert.deepEqual(await reveals(page), [
      { type: 'revealStatement', key: 'w' },
      { type: 'revealStatement', key: 'teacherW' },
      { type: 'revealStatement', key: 'lr' },
    ]);
    assert.equal(await page.getByTestId('gg-start').getAttribute('data-x'), before, 'a click is not a drag: the start stays');
    assert.equal((await posted(page)).filter((m) => m.type === 'writeSpec').length, 0, 'nothing was written');
  });

  test('keyboard: Enter on the focused plane reveals the current point, on a focused marker or the cone its statement', async () => {
    const { page } = await panel();
    await send(page, lesson());
    await page.getByTestId('gg-figure').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const start = page.locator('[data-nav="start"]');
    assert.equal(await start.getAttribute('role'), 'button');
    assert.match(await start.getAttribute('aria-label'), /Start point: show the w statement/);
    await start.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-nav="cone"]').focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(
      (await reveals(page)).map((m) => m.key),
      ['w', 'lr', 'w', 'x'],
    );
    // Tab reaches the markers: they are in the focus order.
    assert.equal((await page.locator('[data-nav][tabindex="0"]').count()) >= 3, true);
  });

  test('a per-sample arrow of written inputs reveals its row of x', async () => {
    const text = 'f = w·x + b\nx = [[0.7, 0.2], [0.1, 0.9], [0.5, 0.5]]\ny = [1, 0, 0.5]\nw = [1, -0.5]\nlr = 0.5\nbatch = all\nsteps = 6\n';
    const edited = await exampleMessages(() => text);
    const message = edited['sigmoid-northwest.neuron'];
    const { page } = await panel();
    await send(page, message);
    await page.getByTestId('gg-toggle-samples').check();
    await page.keyboard.press('Home');
    // The overlay toggles are below the one screen: back to the plane.
    await page.evaluate(() => window.scrollTo(0, 0));
    // A point on a sample's arrow that no other mark covers (the batch-step arrow may overlap one).
    const hit = await page.evaluate(() => {
      // The chain's arrows, or the fan's (issue 12 §5): each is one sample's step.
      for (const g of document.querySelectorAll('[data-testid="gg-samples"] g[data-sample], [data-testid="gg-fan"] g[data-sample]')) {
        const line = g.querySelector('line');
        const r = line.getBoundingClientRect();
        const x1 = Number(line.getAttribute('x1'));
        const y1 = Number(line.getAttribute('y1'));
        const x2 = Number(line.getAttribute('x2'));
        const y2 = Number(line.getAttribute('y2'));
        for (const t of [0.5, 0.6, 0.7, 0.4, 0.8]) {
          // The line's bounding box spans its ends: interpolate between its corners.
          const x = r.left + (x2 >= x1 ? t : 1 - t) * r.width;
          const y = r.top + (y2 >= y1 ? t : 1 - t) * r.height;
          if (document.elementFromPoint(x, y)?.closest('[data-sample]') === g) return { x, y, sample: Number(g.getAttribute('data-sample')) };
        }
      }
      return null;
    });
    assert.ok(hit, 'some sample arrow can be clicked');
    await page.mouse.click(hit.x, hit.y);
    const sample = hit.sample;
    const last = (await reveals(page)).pop();
    assert.deepEqual(last, { type: 'revealStatement', key: 'x', row: sample });
  });

  test('a statement that is not written is not revealed: the status says it has its default', async () => {
    const { page } = await panel();
    const message = lesson();
    const lines = { ...message.statementLines };
    delete lines.w;
    await send(page, { ...message, statementLines: lines });
    await clickCentre(page, page.locator('[data-testid="gg-start"] circle'));
    assert.equal((await reveals(page)).length, 0);
    assert.match(await page.getByTestId('gg-status').textContent(), /w is not written in the spec: it has its default value/);
    await send(page, { type: 'revealResult', ok: false, message: 'This picture is not from a file.' });
    await page.waitForFunction(() => document.querySelector('[data-testid="gg-status"]').textContent === 'This picture is not from a file.');
  });

  test('highlight from the editor marks the part and announces it; null or an unknown key clears it', async () => {
    const { page } = await panel();
    await send(page, lesson());
    const figure = page.getByTestId('gg-figure');
    const note = page.getByTestId('gg-nav-note');
    assert.equal(await note.isHidden(), true);
    const width = () => page.getByTestId('gg-path').evaluate((e) => getComputedStyle(e).strokeWidth);
    const plain = await width();
    await send(page, { type: 'highlight', key: 'lr' });
    assert.equal(await figure.getAttribute('data-highlight'), 'path');
    assert.notEqual(await width(), plain, 'the path is drawn thicker');
    const lrLine = lesson().statementLines.lr;
    assert.equal(await note.textContent(), `Editor: lr (line ${lrLine}) sets the path, highlighted.`);
    assert.equal(await note.getAttribute('aria-live'), 'polite');
    // Survives a remount (a toggle rebuilds the plane).
    await page.getByTestId('gg-toggle-samples').check();
    assert.equal(await figure.getAttribute('data-highlight'), 'path');
    const cases = [
      ['w', 'start'],
      ['teacherW', 'optimum'],
      ['x', 'cone'],
      ['preprocess', 'contours'],
      ['optimizer', 'path'],
      ['batch', 'path'],
    ];
    for (const [key, part] of cases) {
      await send(page, { type: 'highlight', key });
      assert.equal(await figure.getAttribute('data-highlight'), part, key);
    }
    await send(page, { type: 'highlight', key: 'x' });
    const mark = await page
      .locator('[data-testid="gg-cone"] .gg-cone-ray')
      .first()
      .evaluate((e) => getComputedStyle(e).strokeWidth);
    assert.equal(mark, '4px', 'the cone is emphasised');
    await send(page, { type: 'highlight', key: null });
    assert.equal(await figure.getAttribute('data-highlight'), null);
    assert.equal(await note.isHidden(), true);
    await send(page, { type: 'highlight', key: 'w' });
    await send(page, { type: 'highlight', key: 'constructor' });
    assert.equal(await figure.getAttribute('data-highlight'), null, 'an unknown key clears');
  });

  test("keeps an annotation's snapshot in the state for the serializer; a document's analysis replaces it", async () => {
    const snapshot = { kind: 'embedded', name: 'notes.py:3 (neuron)', text: 'w = [1, 2]', originUri: 'file:///w/notes.py', line: 2, character: 2, index: 0 };
    const { page } = await panel();
    await send(page, { ...lesson(), documentUri: undefined, writable: false, snapshot });
    assert.deepEqual(await page.evaluate(() => window.__gg.state.snapshot), snapshot);
    // A document's analysis replaces it (the panel follows a document now).
    await send(page, { ...lesson(), version: lesson().version + 1 });
    assert.equal(await page.evaluate(() => window.__gg.state.snapshot), undefined);
  });
});
