// One screen (issue 12): at every panel size the plane, the sentence, the key numbers, Play/Step
// and the run's main controls are inside the viewport without scrolling; a slider never scrolls the
// plane away; no two labels on the plane overlap, on any example; presenter mode keeps every label
// on the planes (side-by-side ones too) and on the sliders' marks at 14 px or more; every control
// reaches WCAG AA contrast in every theme, playing or not.
/* global describe, window, document, getComputedStyle, requestAnimationFrame, SVGElement */
import assert from 'node:assert/strict';
import path from 'node:path';
import process from 'node:process';
import { exampleMessages, send, usePanelSuite } from './harness.mjs';

const WIDTHS = [420, 626, 900, 1280];
const HEIGHTS = [720, 1080];
const MAIN = ['gg-step-caption', 'gg-sentence', 'gg-key-numbers', 'gg-play', 'gg-step', 'gg-lr', 'gg-batch', 'gg-optimizer'];
const THEMES = ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'];

/** Waits two frames: the panel fits the plane to the viewport on the next frame. */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The boxes of the main parts that are outside the viewport (none is the pass). */
async function offScreen(page, ids) {
  return page.evaluate((ids) => {
    const out = [];
    for (const id of ids) {
      const el = [...document.querySelectorAll(`[data-testid="${id}"]`)].find((e) => !e.closest('[hidden]'));
      if (!el) {
        out.push(`${id}: missing`);
        continue;
      }
      const r = el.getBoundingClientRect();
      if (r.top < -0.5 || r.left < -0.5 || r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5 || r.height === 0)
        out.push(
          `${id}: ${Math.round(r.left)},${Math.round(r.top)} – ${Math.round(r.right)},${Math.round(r.bottom)} in ${window.innerWidth}×${window.innerHeight}`,
        );
    }
    return out;
  }, ids);
}

/** Every label on the main plane whose box intersects another's (client pixels). */
async function overlappingLabels(page, host = '[data-testid="gg-plane-host"]') {
  return page.evaluate((host) => {
    const texts = [...document.querySelectorAll(`${host} svg text`)].filter(
      (t) => t.getClientRects().length > 0 && getComputedStyle(t).display !== 'none' && !t.closest('[display="none"]') && t.textContent.trim() !== '',
    );
    const boxes = texts.map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
    const hits = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
          hits.push(`"${boxes[i].text}" × "${boxes[j].text}"`);
      }
    }
    return hits;
  }, host);
}

/**
 * Every visible label of the plane, of each side-by-side plane and of the sliders' marks: its font
 * size on screen (the computed size through the SVG's scale) and its box's height, px.
 */
async function labelSizes(page) {
  return page.evaluate(() => {
    const parts = [
      ['[data-testid="gg-plane-host"] svg text', 'plane'],
      ['[data-testid="gg-multiples"] svg text', 'side by side'],
      ['.gg-lr-marks text', 'slider marks'],
    ];
    return parts.flatMap(([selector, where]) =>
      [...document.querySelectorAll(selector)]
        .filter((t) => t.getClientRects().length > 0 && !t.closest('[hidden]') && getComputedStyle(t).display !== 'none' && t.textContent.trim() !== '')
        .map((t) => ({
          where,
          text: t.textContent.slice(0, 30),
          px: Math.round(parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a * 10) / 10,
          height: Math.round(t.getBoundingClientRect().height * 10) / 10,
        })),
    );
  });
}

/** Contrast ratios below 4.5:1 of the enabled controls and the texts of the one screen. */
async function lowContrast(page) {
  return page.evaluate(() => {
    const rgb = (c) => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(',').map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0.5) return c;
      }
      return rgb(getComputedStyle(document.body).backgroundColor) ?? { r: 255, g: 255, b: 255 };
    };
    const out = [];
    const els = document.querySelectorAll(
      '.gg-header button, .gg-header select, .gg-header .gg-position, .gg-rail button, .gg-rail select, .gg-rail .gg-field-name, .gg-rail .gg-key dt, .gg-rail .gg-key dd, .gg-step-caption, .gg-sentence, .gg-lr-value, .gg-lr-marks text',
    );
    for (const el of els) {
      if (el.disabled || el.closest('[hidden]') || getComputedStyle(el).display === 'none' || el.getClientRects().length === 0) continue;
      // SVG text (the sliders' mark labels) is painted with fill.
      const fg = rgb(el instanceof SVGElement ? getComputedStyle(el).fill : getComputedStyle(el).color);
      const bg = background(el);
      if (!fg) continue;
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      if (ratio < 4.5) out.push(`${el.dataset.testid ?? el.className ?? el.tagName} "${el.textContent.trim().slice(0, 20)}" ${ratio.toFixed(2)}:1`);
    }
    return out;
  });
}

describe('one screen, clean plane, readable controls (issue 12)', function () {
  this.timeout(240_000);
  const { env, panel, test } = usePanelSuite({ messages: true });

  for (const height of HEIGHTS) {
    for (const width of WIDTHS) {
      test(`${width}×${height}: the plane, the sentence, the key numbers, Play/Step and η, batch, optimizer fit without scrolling`, async () => {
        const { page } = await panel();
        await page.setViewportSize({ width, height });
        for (const file of ['sigmoid-northwest.neuron', 'batch-vs-full.neuron', 'correlated-inputs.neuron']) {
          await send(page, env.messages[file]);
          await settle(page);
          const side = await page.getByTestId('gg-multiples').isVisible();
          const problems = await offScreen(page, [side ? 'gg-multiples' : 'gg-figure', ...MAIN]);
          assert.deepEqual(problems, [], `${file} at ${width}×${height}`);
          // The plane keeps a useful size.
          const plane = await page.getByTestId(side ? 'gg-multiples' : 'gg-figure').boundingBox();
          assert.ok(plane.width >= Math.min(300, width - 40), `${file}: the plane is ${Math.round(plane.width)} px wide`);
          // Dragging a slider never scrolls the plane away.
          const lr = page.getByTestId('gg-lr');
          const max = Number(await lr.getAttribute('max'));
          for (const at of [0.3, 0.6, 0.45]) {
            await lr.fill(String(Math.round(max * at)));
            await settle(page);
            assert.equal(await page.evaluate(() => window.scrollY), 0, `${file}: dragging η scrolls nothing`);
            assert.deepEqual(await offScreen(page, [side ? 'gg-multiples' : 'gg-figure', 'gg-lr']), [], `${file}: after η moved`);
          }
        }
      });
    }
  }

  test('no two labels on the plane overlap, on any example, at the start, mid-way and in presenter mode', async () => {
    const { page } = await panel();
    await page.setViewportSize({ width: 626, height: 900 });
    for (const presenter of [false, true]) {
      await send(page, { type: 'settings', animationStepsPerSecond: 20, presenterMode: presenter });
      for (const [file, m] of Object.entries(env.messages)) {
        await send(page, m);
        if (await page.getByTestId('gg-compare-layout').isEnabled()) await page.getByTestId('gg-compare-layout').selectOption('overlay');
        await page.getByTestId('gg-toggle-samples').setChecked(true);
        const last = Number(await page.getByTestId('gg-scrub').getAttribute('max'));
        for (const step of [0, 3, Math.round(last / 2)]) {
          await page.getByTestId('gg-scrub').fill(String(step));
          assert.deepEqual(await overlappingLabels(page), [], `${file} at step ${step}${presenter ? ', presenter' : ''}`);
        }
        await page.getByTestId('gg-toggle-samples').setChecked(false);
      }
    }
  });

  test('presenter mode at 1280×720, 1920×1080 and inside VS Code at 1280×720 (1230×630): one screen, every label on the planes and the sliders at least 14 px, overlaid and side by side', async () => {
    const { page } = await panel();
    const messages = await exampleMessages(undefined, true, { asked: true });
    let measured = 0;
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
      [1230, 630],
    ]) {
      await page.setViewportSize({ width, height });
      await send(page, { type: 'settings', animationStepsPerSecond: 20, presenterMode: true });
      for (const [file, m] of Object.entries(messages)) {
        await send(page, m);
        const layouts = (await page.getByTestId('gg-compare-layout').isEnabled()) ? ['overlay', 'side'] : ['overlay'];
        for (const layout of layouts) {
          if (layouts.length > 1) await page.getByTestId('gg-compare-layout').selectOption(layout);
          // A new font scale remounts on the next frame; the fit after it changes nothing.
          await settle(page);
          await settle(page);
          const side = layout === 'side';
          const where = `${file} at ${width}×${height}, ${layout}`;
          // One screen at the projector's sizes and inside VS Code's own 1230×630 (issue 12's example:
          // layernorm-two-inputs side by side had its batch and optimizer 60 px below).
          if (process.env.GG_SCREENSHOTS && width === 1230 && side && file === 'layernorm-two-inputs.neuron') {
            await page.screenshot({ path: path.join(process.env.GG_SCREENSHOTS, 'gg-presenter-1230x630-side-layernorm-two-inputs.png') });
          }
          assert.deepEqual(await offScreen(page, [side ? 'gg-multiples' : 'gg-figure', ...MAIN]), [], where);
          const labels = await labelSizes(page);
          // A network trained end to end has no step-size bound, so its slider has no marks.
          const marked = m.analysis.learningRate.gradientDescentMax !== null;
          assert.ok(
            labels.some((l) => l.where === (side ? 'side by side' : 'plane')) && (!marked || labels.some((l) => l.where === 'slider marks')),
            `${where}: labels measured`,
          );
          measured += labels.length;
          assert.deepEqual(
            labels.filter((l) => !(l.px >= 14 && l.height >= 14)),
            [],
            `${where}: labels under 14 px`,
          );
          // Lines and arrows a back row can see: the path, the next update, the cone's edges at 3 px or more.
          const thin = await page.evaluate(() =>
            [...document.querySelectorAll('[data-testid="gg-plane-host"] svg, [data-testid="gg-multiples"] svg')]
              .filter((svg) => svg.getClientRects().length > 0 && !svg.closest('[hidden]'))
              .flatMap((svg) =>
                [...svg.querySelectorAll('.gg-path, .gg-update line, .gg-cone-ray')].map((e) => ({
                  what: e.getAttribute('class'),
                  px: parseFloat(getComputedStyle(e).strokeWidth) * e.getScreenCTM().a,
                })),
              )
              .filter((l) => !(l.px >= 3)),
          );
          assert.deepEqual(thin, [], `${where}: lines under 3 px`);
          if (side) {
            for (let k = 0; k < (await page.locator('.gg-multiple-plane').count()); k++) {
              assert.deepEqual(await overlappingLabels(page, `.gg-multiple:nth-child(${k + 1}) .gg-multiple-plane`), [], `${where}: plane ${k + 1}`);
            }
          }
        }
      }
    }
    assert.ok(measured > 1000, `${measured} labels measured`);
  });

  test('every control and text of the one screen reaches 4.5:1 in every theme, with and without presenter mode, playing or not', async () => {
    const { page } = await panel();
    await page.setViewportSize({ width: 1280, height: 720 });
    await send(page, env.messages['batch-vs-full.neuron']);
    for (const presenter of [false, true]) {
      await send(page, { type: 'settings', animationStepsPerSecond: 1, presenterMode: presenter });
      for (const theme of THEMES) {
        await page.evaluate(
          ({ theme, presenter }) => {
            document.body.className = theme;
            document.body.classList.toggle('gg-presenter', presenter);
          },
          { theme, presenter },
        );
        assert.deepEqual(await lowContrast(page), [], `${theme}${presenter ? ', presenter' : ''}`);
        await page.getByTestId('gg-play').click();
        assert.equal(await page.getByTestId('gg-play').getAttribute('aria-pressed'), 'true');
        assert.deepEqual(await lowContrast(page), [], `${theme}${presenter ? ', presenter' : ''}, playing (Pause)`);
        await page.getByTestId('gg-play').click();
      }
    }
  });

  test('opens before the answer: step 0 with the next update drawn, and the sentence follows every step while playing', async () => {
    const { page } = await panel();
    await send(page, { type: 'settings', animationStepsPerSecond: 30 });
    await send(page, env.messages['momentum.neuron']);
    const current = page.getByTestId('gg-plane-host').getByTestId('gg-current');
    assert.equal(await current.getAttribute('data-step'), '0');
    assert.ok(await page.getByTestId('gg-plane-host').getByTestId('gg-update').isVisible(), 'the next update is drawn');
    assert.match(await page.getByTestId('gg-step-caption').textContent(), /^Step 0 of \d+/);
    await page.getByTestId('gg-play').click();
    for (let k = 0; k < 6; k++) {
      await page.waitForTimeout(120);
      const seen = await page.evaluate(() => ({
        current: document.querySelector('[data-testid="gg-plane-host"] [data-testid="gg-current"]').dataset.step,
        caption: /^Step (\d+)/.exec(document.querySelector('[data-testid="gg-step-caption"]').textContent)?.[1],
        position: /step (\d+)/.exec(document.querySelector('[data-testid="gg-position"]').textContent)?.[1],
      }));
      assert.equal(seen.caption, seen.current, `caption and plane agree: ${JSON.stringify(seen)}`);
      assert.equal(seen.position, seen.current, `timeline and plane agree: ${JSON.stringify(seen)}`);
    }
  });
});
