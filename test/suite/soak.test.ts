// A soak test in the real extension host (issue 11 §2): 1,000 rapid edits of the largest lesson
// with its panel open end in the right picture, with the host's memory and the webview's flat.
// Both are measured after a settle at the start and at the end, on the same text (the warm-up
// ends on the learning rate the 1,000 edits end on), so the webview's DOM can be compared nearly
// exactly. The webview is measured by the runner's Chromium (./webviewProbe.ts): after a forced
// GC, its document's elements, the JS heap of the renderer that runs it and that renderer's DOM
// counters. Figures go to the runner's measurements (GG_TEST_MEASUREMENTS).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { isAnalysis, openEditor, useCleanWorkbench, waitForPost, workspaceUri } from './helpers';
import { canProbeWebviews, probeWebview, type WebviewMemory } from './webviewProbe';

/** GG_SOAK_EDITS shortens a local loop (it must end on the warm-up's rate: 127 does). */
const EDITS = Number(process.env.GG_SOAK_EDITS) || 1000;
const MB = 1048576;

/** The learning rate of edit `k`: cycles through 97 values, so edit 29 and edit 999 agree. */
const lrOf = (k: number): number => Number((0.5 + (k % 97) / 100).toFixed(2));
const WARM_UP = 30;

/** A measured figure: printed by the runner (scripts/vscode-host/runSuite.mjs reads GG_TEST_MEASUREMENTS). */
function record(line: string): void {
  console.log(`    ${line}`);
  const file = process.env.GG_TEST_MEASUREMENTS;
  if (file) fs.appendFileSync(file, `${line}\n`);
}

/** Host heap after letting queued work finish (V8 collects on its own; no --expose-gc here). */
async function settledHeap(): Promise<number> {
  await new Promise((r) => setTimeout(r, 1500));
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number): string => (bytes / MB).toFixed(1);

describe('soak: 1,000 rapid edits with the panel open', function () {
  this.timeout(600_000);
  const gg = useCleanWorkbench();

  it('ends in the picture of the final text, with the host heap and the webview flat', async () => {
    assert.equal(lrOf(WARM_UP - 1), lrOf(EDITS - 1), 'the start and the end show the same text');
    const lesson = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('learning-rate.neuron')));
    const name = `soak-${Date.now()}.neuron`;
    await vscode.workspace.fs.writeFile(workspaceUri(name), Buffer.from(lesson, 'utf8'));
    const editor = await openEditor(name);
    const document = editor.document;
    const key = document.uri.toString();
    const first = waitForPost(gg(), key, isAnalysis);
    await vscode.commands.executeCommand('gradientGeometry.show');
    await first;
    const lrLine = (): vscode.Range => {
      const m = /^lr = [^\s#]+/m.exec(document.getText());
      assert.ok(m, 'the lesson has an lr statement');
      return new vscode.Range(document.positionAt(m.index), document.positionAt(m.index + m[0].length));
    };
    const edit = async (k: number): Promise<void> => {
      const e = new vscode.WorkspaceEdit();
      e.replace(document.uri, lrLine(), `lr = ${lrOf(k).toFixed(2)}`);
      assert.ok(await vscode.workspace.applyEdit(e));
    };
    const finalLr = lrOf(EDITS - 1);
    /** The final text's picture reached the webview and the webview shows it. */
    const shown = async (): Promise<void> => {
      const message = await waitForPost(gg(), key, (m) => isAnalysis(m) && m.version === document.version && m.analysis.learningRate.value === finalLr, {
        timeoutMs: 120_000,
        includePast: true,
      });
      assert.ok(isAnalysis(message));
      assert.equal(message.spec?.lr, finalLr, 'the picture is of the final text');
    };
    const probe = canProbeWebviews();
    const webview = (): Promise<WebviewMemory | undefined> =>
      probe ? probeWebview(name, { testid: 'gg-lr-value', includes: `η = ${finalLr}` }) : Promise.resolve(undefined);

    // A few rounds first, so the start is measured warm (caches, JIT, the worker up).
    for (let k = 0; k < WARM_UP; k++) await edit(k);
    await shown();
    const hostBefore = await settledHeap();
    const viewBefore = await webview();
    for (let k = 0; k < EDITS; k++) await edit(k);
    await shown();
    const hostAfter = await settledHeap();
    const viewAfter = await webview();

    record(`soak (${EDITS} edits of a copy of learning-rate.neuron, panel open): extension host heap ${mb(hostBefore)} → ${mb(hostAfter)} MB`);
    if (viewBefore && viewAfter) {
      record(
        `soak: webview document ${viewBefore.domNodes} → ${viewAfter.domNodes} elements; JS heap (${viewAfter.heapScope}, after GC) ${mb(viewBefore.jsHeapUsed)} → ${mb(viewAfter.jsHeapUsed)} MB used, ${mb(viewBefore.jsHeapTotal)} → ${mb(viewAfter.jsHeapTotal)} MB reserved`,
      );
      record(
        `soak: renderer DOM counters ${viewBefore.rendererNodes} → ${viewAfter.rendererNodes} nodes, ${viewBefore.rendererDocuments} → ${viewAfter.rendererDocuments} documents, ${viewBefore.rendererListeners} → ${viewAfter.rendererListeners} listeners`,
      );
    } else {
      record('soak: webview not measured (this runner has no webview probe: GG_TEST_PROBE is unset)');
    }

    const growth = (hostAfter - hostBefore) / MB;
    assert.ok(growth < 64, `the host heap grew by ${growth.toFixed(0)} MB over ${EDITS} edits`);
    if (viewBefore && viewAfter) {
      // The same text at both ends: the webview's document is the same size, give or take a few
      // transient elements (a tooltip, a focus ring); a view that rebuilt without removing would
      // have 1,000 times the elements.
      const nodes = viewAfter.domNodes / viewBefore.domNodes;
      assert.ok(Math.abs(nodes - 1) <= 0.05, `the webview's document went from ${viewBefore.domNodes} to ${viewAfter.domNodes} elements over ${EDITS} edits`);
      assert.ok(
        viewAfter.jsHeapUsed <= viewBefore.jsHeapUsed * 1.5 + 10 * MB,
        `the webview's JS heap went from ${mb(viewBefore.jsHeapUsed)} to ${mb(viewAfter.jsHeapUsed)} MB over ${EDITS} edits`,
      );
      // Detached nodes still referenced count here: a picture kept per edit would add ~10⁵–10⁶.
      assert.ok(
        viewAfter.rendererNodes <= viewBefore.rendererNodes * 1.25 + 2000,
        `the renderer's live DOM nodes went from ${viewBefore.rendererNodes} to ${viewAfter.rendererNodes} over ${EDITS} edits`,
      );
    }
  });
});
