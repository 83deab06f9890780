// The suite's side of the webview probe (scripts/vscode-host/webviewProbe.mjs): the extension
// host cannot reach the page that runs a webview, the runner's Chromium can. A request is a file
// in GG_TEST_PROBE; the runner answers with another. Node extension host only (it uses the disk).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What the runner measured of one panel's webview, after a settle and a forced GC. */
export interface WebviewMemory {
  /** What the JS heap figures cover: the webview's own renderer, or one shared with the workbench. */
  readonly heapScope: string;
  /** Elements in the webview's document. */
  readonly domNodes: number;
  /** Bytes of the renderer's V8 heap in use, and reserved. */
  readonly jsHeapUsed: number;
  readonly jsHeapTotal: number;
  /** The renderer's live DOM nodes, documents and JS event listeners (detached but referenced ones count). */
  readonly rendererNodes: number;
  readonly rendererDocuments: number;
  readonly rendererListeners: number;
}

/** Whether the runner can measure webviews here (code-server's runner sets GG_TEST_PROBE). */
export function canProbeWebviews(): boolean {
  const dir = process.env.GG_TEST_PROBE;
  return dir !== undefined && fs.existsSync(dir);
}

let counter = 0;

/**
 * Asks the runner to measure the webview whose panel title is `title`, once its element
 * `expectText.testid` shows `expectText.includes`. Rejects with the runner's reason, or after
 * `timeoutMs` without an answer. The answer is another process's file: checked, not trusted.
 */
export async function probeWebview(
  title: string,
  expectText?: { readonly testid: string; readonly includes: string },
  timeoutMs = 120_000 * (Number(process.env.GG_TIME_SCALE) > 0 ? Number(process.env.GG_TIME_SCALE) : 1),
): Promise<WebviewMemory> {
  const dir = process.env.GG_TEST_PROBE;
  if (!dir) throw new Error('GG_TEST_PROBE is not set: this runner cannot measure webviews');
  const id = `${Date.now()}${String(counter++).padStart(3, '0')}`;
  const request = path.join(dir, `${id}.request.json`);
  const response = path.join(dir, `${id}.response.json`);
  fs.writeFileSync(`${request}.tmp`, JSON.stringify({ title, expectText }));
  fs.renameSync(`${request}.tmp`, request);
  const deadline = Date.now() + timeoutMs;
  // Another process answers: no event to wait on, so look every 100 ms.
  while (!fs.existsSync(response)) {
    if (Date.now() > deadline) throw new Error(`the runner did not measure the webview within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const answer: unknown = JSON.parse(fs.readFileSync(response, 'utf8'));
  fs.rmSync(request, { force: true });
  fs.rmSync(response, { force: true });
  return checkAnswer(answer);
}

function checkAnswer(answer: unknown): WebviewMemory {
  if (typeof answer !== 'object' || answer === null) throw new Error('the runner answered with no object');
  const a = answer as Record<string, unknown>;
  if (a.ok !== true) throw new Error(`the runner could not measure the webview: ${typeof a.error === 'string' ? a.error : 'no reason given'}`);
  const count = (key: string): number => {
    const v = a[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`the runner's ${key} is not a count: ${JSON.stringify(v)}`);
    return v;
  };
  if (typeof a.heapScope !== 'string') throw new Error('the runner did not say what the heap covers');
  return {
    heapScope: a.heapScope,
    domNodes: count('domNodes'),
    jsHeapUsed: count('jsHeapUsed'),
    jsHeapTotal: count('jsHeapTotal'),
    rendererNodes: count('rendererNodes'),
    rendererDocuments: count('rendererDocuments'),
    rendererListeners: count('rendererListeners'),
  };
}
