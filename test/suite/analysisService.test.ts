// The analysis service in the real extension host: one analysis per document version shared by
// the panel, diagnostics, hovers, CodeLens and quick fixes; heavy analyses off the host's thread;
// stale versions cancelled; memory bounded while a 7.9 MB spec is edited.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { GradientGeometryApi } from '../../src/extension/api';
import { isAnalysis, openEditor, useCleanWorkbench, waitForPost, workspaceUri } from './helpers';

const SHOW = 'gradientGeometry.show';

/** A valid spec with one warning (b without a bias), so its diagnostics are visible. */
const SMALL_SPEC = `f = w·x
b = 1
x ~ sigmoid(normal(0, 1))
samples = 16
w* = [-1, 1]
w = [1.5, -0.5]
lr = 0.5
steps = 20
`;

/** The machine's load factor the runner passed in (scripts/lib/timeScale.mjs); 1 on an idle machine. */
const LOAD = Number(process.env.GG_TIME_SCALE) > 0 ? Number(process.env.GG_TIME_SCALE) : 1;

/** A written-out P × 38 matrix (one digit per element): about 7.9 MB for P = 100,000, the largest accepted. */
function matrixSpec(P = 100_000): string {
  const n = 38;
  const rows: string[] = [];
  let seed = 7;
  for (let p = 0; p < P; p++) {
    const row = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      seed = (seed * 16807) % 2147483647;
      row[i] = seed % 10;
    }
    rows.push(`[${row.join(',')}]`);
  }
  return `f = w·x + b\nx = [${rows.join(',\n')}]\nw = [${new Array(n).fill(0).join(', ')}]\nw* = [${new Array(n).fill(0.5).join(', ')}]\nlr = 0.5\n`;
}

/**
 * A heavy spec whatever the work limits: 60,000 written-out samples take about a second to parse
 * and analyse on one core (the parse is linear in the text, which no work limit shortens).
 */
const HEAVY_SPEC = matrixSpec(60_000);

/** A measured figure: printed by the runner (scripts/vscode-host/runSuite.mjs reads GG_TEST_MEASUREMENTS). */
function record(line: string): void {
  console.log(`    ${line}`);
  const file = process.env.GG_TEST_MEASUREMENTS;
  if (file) fs.appendFileSync(file, `${line}\n`);
}

let counter = 0;
async function specFile(text: string): Promise<vscode.TextEditor> {
  const name = `svc-${Date.now()}-${counter++}.neuron`;
  await vscode.workspace.fs.writeFile(workspaceUri(name), Buffer.from(text, 'utf8'));
  return openEditor(name);
}

async function analysesOf(gg: GradientGeometryApi, key: string): Promise<number> {
  return (await gg.analysisStats()).worker?.analysesByKey[key] ?? 0;
}

async function hover(document: vscode.TextDocument, needle: string): Promise<string> {
  const position = document.positionAt(document.getText().indexOf(needle) + 1);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

function ours(document: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'gradient-geometry');
}

/** Resolves when this extension's diagnostics of `document` satisfy `check`, waiting on the event. */
function diagnosticsWhen(document: vscode.TextDocument, check: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 60_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const done = (): boolean => {
      const d = ours(document);
      if (!check(d)) return false;
      sub.dispose();
      clearTimeout(timer);
      resolve(d);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === document.uri.toString())) done();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics of ${document.uri.path} did not arrive within ${timeoutMs} ms`));
    }, timeoutMs);
    done();
  });
}

/** Largest gap between ticks of a 10 ms interval while `work` runs: how long the host's thread was held. */
async function maxEventLoopGap<T>(work: () => Promise<T>): Promise<{ result: T; maxGap: number; elapsed: number }> {
  const start = performance.now();
  let last = start;
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    const now = performance.now();
    return { result, maxGap: Math.max(maxGap, now - last), elapsed: now - start };
  } finally {
    clearInterval(timer);
  }
}

async function append(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, document.positionAt(document.getText().length), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('The analysis service (one analysis per version, off the host thread)', function () {
  this.timeout(240_000);
  const gg = useCleanWorkbench();

  it('analyses a document version once for the panel, diagnostics, hovers, CodeLens and quick fixes', async () => {
    const opened = performance.now();
    const editor = await specFile(SMALL_SPEC);
    const document = editor.document;
    const key = document.uri.toString();
    const diagnostics = await diagnosticsWhen(document, (d) => d.length > 0);
    record(`time to first diagnostics of a new document: ${(performance.now() - opened).toFixed(0)} ms`);
    assert.ok(
      diagnostics.some((d) => String(d.code) === 'GG206' || /no effect/.test(d.message)),
      diagnostics.map((d) => d.message).join('; '),
    );
    const posted = waitForPost(gg(), key, (m) => isAnalysis(m) && m.version === document.version, { timeoutMs: 60_000 });
    await vscode.commands.executeCommand(SHOW, document.uri);
    await posted;
    assert.match(await hover(document, 'lr ='), /Learning rate/);
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10)) ?? [];
    assert.ok(
      lenses.some((l) => /κ =/.test(l.command?.title ?? '')),
      lenses.map((l) => l.command?.title).join('; '),
    );
    const bias = document.getText().indexOf('b = 1');
    await vscode.commands.executeCommand(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(document.positionAt(bias), document.positionAt(bias + 5)),
    );
    assert.equal(document.isDirty, false, 'nothing edited the document');
    assert.equal(await analysesOf(gg(), key), 1, 'one analysis of this version for every feature');
  });

  it('keeps the host thread free while a heavy spec analyses (largest event-loop gap under 100 ms)', async () => {
    const editor = await specFile(HEAVY_SPEC);
    const document = editor.document;
    const key = document.uri.toString();
    await hover(document, 'lr ='); // the first analysis, with the workbench's own start-up work around it
    const before = await analysesOf(gg(), key);
    await append(document, '# edited\n');
    const { result, maxGap, elapsed } = await maxEventLoopGap(() => hover(document, 'lr ='));
    record(`heavy analysis: ${elapsed.toFixed(0)} ms on the worker, largest event-loop gap on the host ${maxGap.toFixed(1)} ms`);
    assert.match(result, /Learning rate/);
    assert.equal(await analysesOf(gg(), key), before + 1, 'the edited version was analysed');
    assert.ok(elapsed > 300, `the analysis was heavy enough to matter (${elapsed.toFixed(0)} ms)`);
    // A busy machine deschedules the host's thread whatever it does: the limit scales with the load (timeScale.mjs).
    assert.ok(
      maxGap < 100 * LOAD,
      `the host's event loop was held for ${maxGap.toFixed(1)} ms (limit ${(100 * LOAD).toFixed(0)} ms at ×${LOAD.toFixed(1)} load)`,
    );
  });

  it('cancels stale analyses during rapid edits, and the final picture matches the final text', async () => {
    const editor = await specFile(HEAVY_SPEC);
    const document = editor.document;
    const key = document.uri.toString();
    const started = performance.now();
    await hover(document, 'lr =');
    // Edits come faster than one analysis takes, slower than the debounce (diagnostics 120 ms, panel 250 ms).
    const spacing = Math.max(350, (performance.now() - started) / 2);
    const first = waitForPost(gg(), key, (m) => isAnalysis(m) && m.version === document.version, { timeoutMs: 60_000 });
    await vscode.commands.executeCommand(SHOW, document.uri);
    await first;
    const { host: before } = await gg().analysisStats();
    const rates = [0.11, 0.12, 0.13, 0.14, 0.15];
    for (const lr of rates) {
      const edit = new vscode.WorkspaceEdit();
      const text = document.getText();
      const at = text.indexOf('lr = ');
      edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(text.indexOf('\n', at))), `lr = ${lr}`);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await sleep(spacing);
    }
    const finalVersion = document.version;
    const last = await waitForPost(gg(), key, (m) => isAnalysis(m) && m.version === finalVersion, { timeoutMs: 60_000 });
    assert.ok(isAnalysis(last));
    assert.equal(last.spec?.lr, 0.15, 'the picture is of the final text');
    const { host: after } = await gg().analysisStats();
    record(`rapid edits: ${after.terminated - before.terminated} busy workers ended, ${after.dropped - before.dropped} queued requests dropped`);
    assert.ok(after.terminated - before.terminated >= 1, 'a worker busy with a stale version was ended');
    assert.match(await hover(document, 'lr ='), /0\.15/);
  });

  it('keeps the host heap bounded while a 7.9 MB spec (100,000 × 38 matrix) is edited 16 times', async function () {
    const text = matrixSpec();
    assert.ok(text.length > 7_500_000 && text.length < 8_388_608, `${text.length} characters`);
    const editor = await specFile(text);
    const document = editor.document;
    const key = document.uri.toString();
    const started = performance.now();
    assert.match(await hover(document, 'w* ='), /w\*/);
    record(`big spec: first analysis ${(performance.now() - started).toFixed(0)} ms`);
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    let maxGap = 0;
    for (let i = 0; i < 16; i++) {
      const typed = await maxEventLoopGap(async () => {
        await append(document, '#');
        await sleep(400);
      });
      maxGap = Math.max(maxGap, typed.maxGap);
    }
    // The final version's analysis, whatever was cancelled on the way.
    assert.match(await hover(document, 'w* ='), /w\*/);
    const heapAfter = process.memoryUsage().heapUsed;
    const rssAfter = process.memoryUsage().rss;
    const { worker, host } = await gg().analysisStats();
    const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
    record(
      `big spec, 16 edits: host heap ${mb(heapBefore)} → ${mb(heapAfter)} MB, rss ${mb(rssBefore)} → ${mb(rssAfter)} MB; ` +
        `worker heap ${worker?.heapUsed !== undefined ? mb(worker.heapUsed) : '?'} MB, cache ${mb(worker?.cachedBytes ?? 0)} MB for ${worker?.documents} documents; ` +
        `${worker?.analysesByKey[key] ?? 0} analyses since the worker started, ${host.terminated} workers ended; largest gap while typing ${maxGap.toFixed(0)} ms`,
    );
    assert.ok(heapAfter - heapBefore < 600 * 1024 * 1024, `host heap grew by ${mb(heapAfter - heapBefore)} MB`);
    assert.ok((worker?.cachedBytes ?? 0) < 512 * 1024 * 1024, 'the worker cache stays within its byte budget');
    // Typing reads the 7.9 MB text for the worker (getText, ~10 ms) but never parses it on the host.
    assert.ok(
      maxGap < 250 * LOAD,
      `typing held the host's thread for ${maxGap.toFixed(0)} ms (limit ${(250 * LOAD).toFixed(0)} ms at ×${LOAD.toFixed(1)} load)`,
    );
  });
});
