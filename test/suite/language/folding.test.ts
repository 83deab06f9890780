// Folding of .neuron files in a real extension host, through VS Code's own command: a multi-line
// bracketed value and comment blocks fold whatever their indentation.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll } from '../helpers';
import { fixture } from './fixtures';

const SPEC = `# A lesson with written inputs
# whose comment block spans three lines
# (not indented)
f = w·x + b
x = [
[0.7, 0.2],
[0.1, 0.9],
    [0.4, 0.4]
]
w = [1.5, -0.5]
lr = 0.5
`;

describe('language features: folding in .neuron files', () => {
  before(async () => {
    await api();
  });

  afterEach(async () => {
    await closeAll();
  });

  it('folds a multi-line sample list and a comment block regardless of indentation', async () => {
    const { document } = await fixture('neuron', SPEC);
    const ranges = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri)) ?? [];
    const simple = ranges.map((r) => [r.start, r.end, r.kind]).sort((a, b) => Number(a[0]) - Number(b[0]));
    assert.deepEqual(simple, [
      [0, 2, vscode.FoldingRangeKind.Comment],
      [4, 7, undefined],
    ]);
  });
});
