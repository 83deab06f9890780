// The embedded-language activations are cheap: a Python or Markdown document that never says
// "neuron" is opened, edited, hovered, completed and asked for lenses and quick fixes without one
// request to the analysis service; the sign rule on a neuron expression is still offered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { replaceInDocument, useCleanWorkbench } from '../helpers';
import { codeActions, codeLensTitles, diagnosticsOf, fixture, hoverText, positionOf, textBecomes } from './fixtures';

const PLAIN_PYTHON = `import numpy as np

# an ordinary comment: w = [1, 2]
h = np.dot(W, a) + c
`;

const PLAIN_MARKDOWN = `# Notes

\`\`\`python
out = w @ x + b
\`\`\`
`;

describe('documents without the word "neuron"', () => {
  const gg = useCleanWorkbench();

  it('cost the analysis service nothing, and still get the sign rule on a neuron expression', async () => {
    const { document: py } = await fixture('py', PLAIN_PYTHON);
    const { document: md } = await fixture('md', PLAIN_MARKDOWN);
    for (const document of [py, md]) {
      assert.deepEqual(await codeLensTitles(document.uri), []);
      await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, positionOf(document, 'w'), '=');
    }
    // The sign rule and the annotation action, computed on the host from the expression's line.
    const hover = await hoverText(py, positionOf(py, 'np.dot'));
    assert.match(hover, /Sign rule/);
    assert.match(hover, /Insert a neuron: annotation\]\(command:gradientGeometry\.insertAnnotation\?/);
    assert.match(await hoverText(md, positionOf(md, 'w @ x')), /Sign rule/);
    const actions = await codeActions(py, new vscode.Range(positionOf(py, 'np.dot'), positionOf(py, 'np.dot')));
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Insert a neuron: annotation'],
    );
    await replaceInDocument(py, /ordinary/, 'everyday');

    // A document that does mention it, edited after: its diagnostics arrive after the plain
    // document's debounced update has run (same delay, scheduled later).
    const { document: annotated } = await fixture('py', '# neuron: w = [1, 2]; optimizer = adamm\nout = w @ x + b\n');
    await replaceInDocument(annotated, /adamm/, 'adammm');
    await diagnosticsOf(annotated, (d) => d.some((x) => x.message.includes('adammm')));

    const { host } = await gg().analysisStats();
    for (const document of [py, md]) {
      assert.ok(!host.keys.some((k) => k.includes(document.uri.toString())), `${document.uri.path} reached the analysis service`);
      assert.deepEqual(
        vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'gradient-geometry'),
        [],
      );
    }
    assert.ok(
      host.keys.some((k) => k.includes(annotated.uri.toString())),
      'the annotated document was analysed',
    );
  });

  it('wake up once the word is typed', async () => {
    const { document } = await fixture('py', PLAIN_PYTHON);
    await replaceInDocument(document, /# an ordinary comment: w = \[1, 2\]/, '# neuron: w = [1, 2]; optimizer = adamm');
    await textBecomes(document, (t) => t.includes('adamm'));
    await diagnosticsOf(document, (d) => d.some((x) => x.message.includes('adamm')));
  });
});
