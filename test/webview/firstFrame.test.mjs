// The first frame after an edit (src/webview/analysisViews.ts, idleWork.ts, planeView.ts), in
// headless Chromium under the real CSP: the one screen is drawn by the message's own task; the
// charts below the screen and a plane hidden behind the side-by-side planes follow when the page
// is idle, and end up exactly as if drawn at once; a plane's moving layers are drawn once per step.
/* global describe, before, window, document, requestIdleCallback, KeyboardEvent */
import assert from 'node:assert/strict';
import { exampleMessages, usePanelSuite } from './harness.mjs';

/**
 * Posts `message` and reports what the page holds (reader `what`) right after the panel's handler
 * ran, in the same task (so before any frame), and again once the page has been idle.
 */
async function postAndRead(page, message, what) {
  return page.evaluate(
    ([m, what]) =>
      new Promise((resolve) => {
        const readers = {
          charts: () => ({
            sentence: document.querySelector('[data-testid="gg-sentence"]').textContent,
            strip: document.querySelector('[data-testid="gg-sign-caption"]').textContent,
            chartsBelow: document.querySelector('[data-testid="gg-more"]').getBoundingClientRect().top >= window.innerHeight,
          }),
          planes: () => ({
            figureHidden: document.querySelector('[data-testid="gg-figure"]').hidden,
            multiples: document.querySelectorAll('[data-testid="gg-multiples"] [data-testid="gg-plane"]').length,
            mainPlane: document.querySelectorAll('[data-testid="gg-figure"] [data-testid="gg-plane"]').length,
          }),
          nothing: () => null,
        };
        window.addEventListener(
          'message',
          () => {
            const first = readers[what]();
            requestIdleCallback(() => resolve({ first, idle: readers[what]() }), { timeout: 2000 });
          },
          { once: true },
        );
        window.postMessage(m, '*');
      }),
    [message, what],
  );
}

describe('the first frame after an edit (Chromium)', function () {
  this.timeout(120_000);
  const { panel, test } = usePanelSuite();
  let messages;

  before(async () => {
    messages = await exampleMessages();
  });

  test('the charts below the screen follow when the page is idle, the rail at once', async () => {
    const { page } = await panel({ state: undefined });
    await page.setViewportSize({ width: 1100, height: 700 });
    const sigmoid = messages['sigmoid-northwest.neuron'];
    const tanh = messages['tanh.neuron'];
    await postAndRead(page, sigmoid, 'charts');
    const r = await postAndRead(page, { ...tanh, version: 50 }, 'charts');
    assert.equal(r.first.sentence, tanh.analysis.sentence, 'the sentence beside the plane is the new one in the first frame');
    assert.ok(r.first.chartsBelow, 'the charts are below the screen');
    assert.match(r.first.strip, new RegExp(`of the ${sigmoid.analysis.run.stepsRun} steps`), 'the strip waits for an idle moment');
    assert.match(r.idle.strip, new RegExp(`of the ${tanh.analysis.run.stepsRun} steps`), 'then shows the new run');
  });

  test('side by side: the hidden main plane is drawn when idle, or at once when a zoom needs it', async () => {
    const { page } = await panel();
    const m = messages['correlated-inputs.neuron'];
    const r = await postAndRead(page, m, 'planes');
    assert.equal(r.first.figureHidden, true);
    assert.equal(r.first.multiples, 1 + m.analysis.variants.length, 'one small plane per run in the first frame');
    assert.equal(r.first.mainPlane, 0, 'the hidden plane waits');
    assert.equal(r.idle.mainPlane, 1, 'and is drawn when the page is idle');
    // A zoom right after an edit (the same task) works on the new analysis's plane.
    const zoomed = await page.evaluate(
      (msg) =>
        new Promise((resolve) => {
          window.addEventListener(
            'message',
            () => {
              document.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
              resolve(document.querySelectorAll('[data-testid="gg-figure"] [data-testid="gg-plane"]').length);
            },
            { once: true },
          );
          window.postMessage(msg, '*');
        }),
      { ...m, version: m.version + 1 },
    );
    assert.equal(zoomed, 1, 'the zoom drew the waiting plane first');
  });

  test('a plane mounted at a step shows the same cone and arrows as one moved there', async () => {
    const { page } = await panel();
    const m = messages['batch-vs-full.neuron'];
    const layers = () =>
      page.evaluate(() => {
        const svg = document.querySelector('[data-testid="gg-figure"] [data-testid="gg-plane"]');
        return ['under', 'over'].map((l) => svg.querySelector(`[data-layer="${l}"]`).innerHTML);
      });
    await postAndRead(page, m, 'nothing');
    const mounted = await layers();
    assert.ok(mounted[1].length > 0, 'the moving layer has content at step 0');
    await page.getByTestId('gg-step').click();
    const moved = await layers();
    assert.notDeepEqual(moved, mounted, 'another step draws other arrows');
    await page.getByTestId('gg-back').click();
    assert.deepEqual(await layers(), mounted, 'back at step 0: the same nodes as the mount drew');
  });
});
