/* global document, CSS, requestAnimationFrame */
// Measures a panel's webview for the extension-host suite (issue 11 §2: the soak test's webview
// memory). The suite runs inside the extension host and cannot reach the page; the runner's
// Chromium can. The two talk through a folder (GG_TEST_PROBE): the suite writes
// `<id>.request.json`, the runner's poll loop answers with `<id>.response.json` (written whole,
// then renamed). Only the code-server runner sets GG_TEST_PROBE; elsewhere the suite says
// plainly that the webview was not measured.
//
// What is measured, after the webview shows what the request expects and its DOM has stopped
// changing, and after two forced garbage collections (CDP HeapProfiler.collectGarbage):
//  - domNodes: elements in the webview's document (`getElementsByTagName('*')`), exact;
//  - jsHeapUsed / jsHeapTotal: the V8 heap of the renderer that runs the webview (Runtime.getHeapUsage).
//    When the webview shares its renderer with the workbench (same site, no out-of-process
//    iframe) this heap includes the workbench's; `heapScope` says which;
//  - rendererNodes / rendererDocuments / rendererListeners: the renderer's live DOM counters
//    (Memory.getDOMCounters: detached nodes still referenced count too, so a DOM leak shows here).
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { scaled } from '../lib/timeScale.mjs';

/** Request ids this runner has answered (a request file stays until the suite removes it). */
const answered = new Set();

/**
 * Answers every pending request in `dir` (call it from the runner's poll loop).
 * @param {import('playwright-core').Page} page the workbench
 * @param {string} dir GG_TEST_PROBE
 */
export async function serveWebviewProbes(page, dir) {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir)) {
    const m = /^(\d{1,20})\.request\.json$/.exec(file);
    if (!m || answered.has(path.join(dir, file))) continue;
    answered.add(path.join(dir, file));
    let response;
    try {
      const request = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
      response = await measureWebview(page, request);
    } catch (e) {
      response = { ok: false, error: String(e?.message ?? e).split('\n')[0] };
    }
    const out = path.join(dir, `${m[1]}.response.json`);
    writeFileSync(`${out}.tmp`, JSON.stringify(response));
    renameSync(`${out}.tmp`, out);
  }
}

/**
 * @param {import('playwright-core').Page} page
 * @param {{ title: string, expectText?: { testid: string, includes: string } }} request
 */
async function measureWebview(page, request) {
  if (typeof request?.title !== 'string') throw new Error('the request names no panel title');
  const deadline = Date.now() + scaled(60_000);
  const frame = await panelFrame(page, request.title, deadline);
  if (process.env.GG_PROBE_DEBUG) console.log(`  probe: found the frame ${frame.url().slice(0, 120)}`);
  // The picture the suite expects (e.g. the final learning rate), then a DOM that stopped changing.
  if (request.expectText) {
    const { testid, includes } = request.expectText;
    for (;;) {
      const text = await frame.evaluate((id) => document.querySelector(`[data-testid="${CSS.escape(id)}"]`)?.textContent ?? null, testid);
      if (text !== null && text.includes(includes)) break;
      if (process.env.GG_PROBE_DEBUG) console.log(`  probe: ${testid} shows ${JSON.stringify(text)}`);
      if (Date.now() > deadline) throw new Error(`the webview's ${testid} shows ${JSON.stringify(text)}, not ${JSON.stringify(includes)}`);
      await sleep(200);
    }
  }
  const count = () =>
    frame.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(document.getElementsByTagName('*').length)))),
    );
  let domNodes = await count();
  for (let same = 0; same < 2; ) {
    await sleep(400);
    const next = await count();
    same = next === domNodes ? same + 1 : 0;
    domNodes = next;
    if (Date.now() > deadline) throw new Error(`the webview's DOM kept changing (${domNodes} elements)`);
  }
  // The webview's own renderer when it is an out-of-process iframe, else the page's (shared).
  let session;
  let heapScope = 'webview (own renderer)';
  try {
    session = await page.context().newCDPSession(frame);
  } catch {
    session = await page.context().newCDPSession(page);
    heapScope = 'renderer shared by the workbench and the webview';
  }
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const heap = await session.send('Runtime.getHeapUsage');
    const dom = await session.send('Memory.getDOMCounters');
    return {
      ok: true,
      heapScope,
      domNodes,
      jsHeapUsed: heap.usedSize,
      jsHeapTotal: heap.totalSize,
      rendererNodes: dom.nodes,
      rendererDocuments: dom.documents,
      rendererListeners: dom.jsEventListeners,
    };
  } finally {
    await session.detach().catch(() => {});
  }
}

/** The webview frame whose panel title (`data-testid="gg-title"`) is `title`. */
async function panelFrame(page, title, deadline) {
  for (;;) {
    const found = [];
    for (const frame of page.frames()) {
      try {
        if ((await frame.locator('[data-testid="gg-title"]').first().textContent({ timeout: 200 })) === title) found.push(frame);
      } catch {
        // not a panel, or detached while looking
      }
    }
    if (process.env.GG_PROBE_DEBUG) console.log(`  probe: ${page.frames().length} frames, ${found.length} show ${title}`);
    if (found.length === 1) return found[0];
    if (found.length > 1) throw new Error(`${found.length} webviews show ${title}`);
    if (Date.now() > deadline) throw new Error(`no webview shows ${title} among ${page.frames().length} frames`);
    await sleep(250);
  }
}
