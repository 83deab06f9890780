// Language features on .neuron files, in a real extension host: diagnostics with ranges and codes,
// hovers with the numbers of a known spec, completions, CodeLens titles and quick-fix edits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll } from '../helpers';
import { codeActions, codeLensTitles, codeOf, diagnosticsOf, fixture, hoverText, positionOf, span, textBecomes } from './fixtures';

/** Sample 1 at the start: f = 0.5·0.72 − 0.5·0.88 + 0.1 = 0.02, δ = 0.02 − 1 = −0.98. */
const KNOWN = `f = w·x + b
x = [[0.72, 0.88], [0.2, 0.4], [0.9, 0.1]]
y = [1.0, 0.3, 0.5]
w = [0.5, -0.5]
b = 0.1
lr = 0.5
steps = 50
`;

describe('language features: .neuron files', () => {
  before(async () => {
    await api();
  });

  afterEach(async () => {
    for (const d of vscode.workspace.textDocuments) if (d.isDirty && !d.isUntitled) await d.save();
    await closeAll();
  });

  it('reports parser diagnostics with their codes and exact ranges', async () => {
    const { document } = await fixture('neuron', 'optimizer = momentun(0.9)\nw = [1, 2]\nw* = [1]\n');
    const d = await diagnosticsOf(document, (x) => x.length >= 2);
    const byCode = new Map(d.map((x) => [codeOf(x), x]));
    assert.deepEqual(span(byCode.get('GG210')!.range), [0, 12, 0, 20]);
    assert.equal(byCode.get('GG210')!.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(span(byCode.get('GG203')!.range), [2, 5, 2, 8]);
  });

  it('reports semantic hints: mixed-sign inputs (info) and a learning rate above 2/λmax (warning)', async () => {
    const { document } = await fixture('neuron', 'x ~ tanh(normal(0, 1))\nlr = 5\n');
    const d = await diagnosticsOf(document, (x) => x.length >= 2);
    const mixed = d.find((x) => codeOf(x) === 'GG401')!;
    assert.deepEqual(span(mixed.range), [0, 4, 0, 22]);
    assert.equal(mixed.severity, vscode.DiagnosticSeverity.Information);
    // The hint names the science notes' section, never a section number of a document that does not ship.
    assert.match(mixed.message, /no sign constraint here: expect no zig-zag from the sign constraint/);
    assert.ok(!mixed.message.includes('§'), mixed.message);
    const lr = d.find((x) => codeOf(x) === 'GG403')!;
    assert.deepEqual(span(lr.range), [1, 5, 1, 6]);
    assert.equal(lr.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('updates diagnostics live as the document changes', async () => {
    const editor = await fixture('neuron', 'lr = 0.5\n');
    await diagnosticsOf(editor.document, (x) => x.length === 0);
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'lrr = 1\n'));
    const d = await diagnosticsOf(editor.document, (x) => x.some((y) => codeOf(y) === 'GG201'));
    assert.deepEqual(span(d.find((y) => codeOf(y) === 'GG201')!.range), [1, 0, 1, 3]);
  });

  it('hovers the model line with the chain rule and the numbers of sample 1, and a cone picture', async () => {
    const { document } = await fixture('neuron', KNOWN);
    const md = await hoverText(document, positionOf(document, 'f = w', 2));
    assert.ok(md.includes('δ = ∂L/∂f = f(x) − y = 0.02 − 1 = −0.98'), md);
    assert.ok(md.includes('∂L/∂w₁ = δ·x₁ = −0.98 × 0.72 = −0.706'), md);
    assert.ok(md.includes('∂L/∂w₂ = δ·x₂ = −0.98 × 0.88 = −0.862'), md);
    assert.match(md, /!\[[^\]]*\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
  });

  it("hovers lr with 2/λmax and Goh's optimal step, and x with its mean", async () => {
    const { document } = await fixture('neuron', KNOWN);
    const lr = await hoverText(document, positionOf(document, 'lr'));
    assert.match(lr, /Full-batch stability bound for gradient descent:\*\* η < 2\/λmax = [\d.]+ with λmax = [\d.]+/);
    assert.match(lr, /Goh/);
    const x = await hoverText(document, positionOf(document, 'x = [['));
    assert.ok(x.includes('Mean m = [0.607, 0.46]'), x);
  });

  it('completes statement names, optimizers and functions', async () => {
    const editor = await fixture('neuron', 'optimizer = \nx ~ \n\n');
    const at = async (p: vscode.Position) =>
      ((await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, p))?.items ?? []).map((i) =>
        typeof i.label === 'string' ? i.label : i.label.label,
      );
    assert.ok((await at(new vscode.Position(0, 12))).includes('momentum'));
    assert.ok((await at(new vscode.Position(1, 4))).includes('sigmoid'));
    const start = await at(new vscode.Position(2, 0));
    assert.ok(start.includes('preprocess') && start.includes('lesson: starter (zig-zag)'));
  });

  it('shows "Show Gradient Geometry" and the run summary above the model line', async () => {
    const { document } = await fixture('neuron', KNOWN);
    const titles = await codeLensTitles(document.uri);
    assert.ok(titles.includes('Show Gradient Geometry'), titles.join(' | '));
    assert.ok(
      titles.some((t) =>
        /^κ = (\d+\.\d|∞ \(singular\)) · (converges at step \d+|not converged in 50 steps|diverges at step \d+)( · zig-zag \d+\.\d×)?$/.test(t),
      ),
      titles.join(' | '),
    );
  });

  it('quick-fixes a misspelled optimizer', async () => {
    const { document } = await fixture('neuron', 'optimizer = momentun(0.9)\n');
    const [d] = await diagnosticsOf(document, (x) => x.length > 0);
    const fix = (await codeActions(document, d.range)).find((a) => a.title === "Change to 'momentum'");
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await textBecomes(document, (t) => t === 'optimizer = momentum(0.9)\n');
  });

  it('quick-fixes a vector to the dimension and a learning rate to the optimal step', async () => {
    const { document } = await fixture('neuron', 'w = [1.5, -0.5]\nw* = [1]\nlr = 5\n');
    const d = await diagnosticsOf(document, (x) => x.some((y) => codeOf(y) === 'GG203'));
    const pad = (await codeActions(document, d.find((y) => codeOf(y) === 'GG203')!.range)).find((a) => a.title === 'Pad w* with zeros to n = 2');
    assert.ok(pad?.edit && (await vscode.workspace.applyEdit(pad.edit)));
    await textBecomes(document, (t) => t.includes('w* = [1, 0]'));
    const warn = (await diagnosticsOf(document, (x) => x.some((y) => codeOf(y) === 'GG403'))).find((y) => codeOf(y) === 'GG403')!;
    const setLr = (await codeActions(document, warn.range)).find((a) => a.title.startsWith('Set lr to the optimal step'));
    assert.ok(setLr?.edit && (await vscode.workspace.applyEdit(setLr.edit)));
    const text = await textBecomes(document, (t) => !t.includes('lr = 5\n'));
    assert.match(text, /lr = \d+\.\d+\n/);
    await diagnosticsOf(document, (x) => x.length === 0);
  });
});
