// The user's own data in the real VS Code (issue 13 §2): `x = csv("…")` read through
// vscode.workspace.fs relative to the spec, the panel's picture from its rows, a missing file as a
// located diagnostic, and a new analysis when the data file changes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { isAnalysis, until, useCleanWorkbench, utf8, waitForPost, workspaceUri } from '../helpers';
import { codeLensTitles, diagnosticsOf, fixture } from './fixtures';
import { scaledWait } from '../suiteResults';

const rows = (k: number): string =>
  [
    'a,b,label',
    ...Array.from({ length: k }, (_, i) => `${(0.1 + (0.8 * ((i * 37) % 11)) / 11).toFixed(3)},${(0.1 + (0.8 * ((i * 53) % 13)) / 13).toFixed(3)},${i % 2}`),
  ].join('\n') + '\n';

describe('language features: data files (csv, npy)', function () {
  this.timeout(120_000);
  const gg = useCleanWorkbench();

  it('analyses x and y from a CSV beside the spec, and again when the file changes', async () => {
    const csv = `acts-${Date.now()}.csv`;
    await vscode.workspace.fs.writeFile(workspaceUri(csv), utf8(rows(12)));
    const { document } = await fixture('neuron', `x = csv("${csv}", columns = [0, 1])\ny = csv("${csv}", columns = [2])\nw = [1, -1]\nsteps = 20\n`);
    const key = document.uri.toString();
    const first = waitForPost(gg(), key, (m) => isAnalysis(m) && m.analysis.samples === 12);
    await vscode.commands.executeCommand('gradientGeometry.show');
    const message = await first;
    assert.ok(isAnalysis(message));
    assert.equal(message.analysis.dimension, 2);
    // The data changes on disk: the panel follows without an edit of the spec.
    const second = waitForPost(gg(), key, (m) => isAnalysis(m) && m.analysis.samples === 20);
    await vscode.workspace.fs.writeFile(workspaceUri(csv), utf8(rows(20)));
    assert.ok(isAnalysis(await second));
  });

  it('reports a file that is not there as GG230 on its name', async () => {
    const { document } = await fixture('neuron', 'x = csv("no-such-file.csv")\n');
    const d = await until(
      () => vscode.languages.getDiagnostics(document.uri).find((x) => String(typeof x.code === 'object' ? x.code.value : x.code) === 'GG230'),
      'GG230 on the missing file',
    );
    assert.match(d.message, /Cannot read the data file "no-such-file\.csv"/);
    assert.equal(document.getText(d.range), '"no-such-file.csv"');
  });

  it('reads the data files of a neuron: annotation relative to its document, in diagnostics and in its panel', async () => {
    const csv = `annotated-${Date.now()}.csv`;
    await vscode.workspace.fs.writeFile(workspaceUri(csv), utf8(rows(12)));
    const { document } = await fixture(
      'py',
      `# neuron: x = csv("${csv}", columns = [0, 1]); y = csv("${csv}", columns = [2]); w = [1, -1]; steps = 20\nout = w @ x + b\n`,
    );
    // Read in the background: once loaded, the annotation is analysed (its lens gives the run's
    // numbers, not a count of problems) and has no error at all.
    const deadline = Date.now() + scaledWait(20_000);
    let titles = await codeLensTitles(document.uri);
    while (!titles.some((t) => /converge|zig-zag/.test(t))) {
      assert.ok(Date.now() < deadline, `the annotation's lens never gave its run's numbers: ${titles.join(' | ')}`);
      await new Promise((r) => setTimeout(r, 100));
      titles = await codeLensTitles(document.uri);
    }
    await diagnosticsOf(document, (d) => d.every((x) => x.severity !== vscode.DiagnosticSeverity.Error));
    const key = `embedded:${document.uri.toString()}#0`;
    const shown = waitForPost(gg(), key, (m) => isAnalysis(m) && m.analysis.samples === 12);
    await vscode.commands.executeCommand('gradientGeometry.showEmbedded', document.uri.toString(), 0);
    const message = await shown;
    assert.ok(isAnalysis(message));
    assert.equal(message.analysis.dimension, 2);
  });

  it('names a missing data file of a ```neuron fence as GG230 on its name in the Markdown document', async () => {
    const { document } = await fixture('md', '# Notes\n\n```neuron\nx = csv("not-here.csv")\nw = [1, 2]\n```\n');
    const [d] = await diagnosticsOf(document, (all) => all.some((x) => String(typeof x.code === 'object' ? x.code.value : x.code) === 'GG230'));
    const gg230 = vscode.languages.getDiagnostics(document.uri).find((x) => String(typeof x.code === 'object' ? x.code.value : x.code) === 'GG230') ?? d;
    assert.equal(document.getText(gg230.range), '"not-here.csv"');
  });
});
