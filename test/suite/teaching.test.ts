import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GradientGeometryApi } from '../../src/extension/api';
import { api, closeAll, until } from './helpers';

const OPEN_LESSON = 'gradientGeometry.openLesson';

describe('teaching: lessons, walkthrough and Markdown figures in a real extension host', () => {
  let gg: GradientGeometryApi;

  before(async () => {
    gg = await api();
  });

  afterEach(async () => {
    await closeAll();
  });

  it('registers "Open Lesson..." and the walkthrough contribution', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(OPEN_LESSON));
    const ext = vscode.extensions.getExtension('gradient-geometry.gradient-geometry');
    const walkthroughs = ext?.packageJSON.contributes.walkthroughs as { id: string; steps: unknown[] }[];
    assert.equal(walkthroughs[0].id, 'gradientGeometry.getStarted');
  });

  it('opens a lesson by name: the workspace copy in an editor, with its panel beside it', async () => {
    const opened = await vscode.commands.executeCommand<string | undefined>(OPEN_LESSON, 'tanh.neuron');
    assert.equal(opened, 'tanh.neuron');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.path.endsWith('/tanh.neuron'), editor?.document.uri.toString());
    assert.equal(editor.document.languageId, 'neuron');
    const uri = editor.document.uri.toString();
    await until(() => gg.panels().find((p) => p.documentUri === uri), 'a panel for the lesson');
  });

  it('refuses an unknown lesson name without opening anything', async () => {
    const opened = await vscode.commands.executeCommand<string | undefined>(OPEN_LESSON, 'no-such-lesson.neuron');
    assert.equal(opened, undefined);
  });

  it('toggles presenter mode through its setting', async () => {
    const config = () => vscode.workspace.getConfiguration('gradientGeometry');
    const before = config().get<boolean>('presenterMode');
    assert.equal(before, false);
    assert.equal(await vscode.commands.executeCommand<boolean>('gradientGeometry.togglePresenterMode'), true);
    assert.equal(config().get<boolean>('presenterMode'), true);
    assert.equal(await vscode.commands.executeCommand<boolean>('gradientGeometry.togglePresenterMode'), false);
    assert.equal(config().get<boolean>('presenterMode'), false);
  });

  it('renders a fenced neuron block as an SVG figure in the built-in Markdown preview engine', async () => {
    const text = [
      '# Notes',
      '',
      '```neuron',
      'x ~ sigmoid(normal(0, 1))',
      'w* = [-1, 1]',
      'w = [1.5, -0.5]',
      'steps = 30',
      '```',
      '',
      '```python',
      'print(1)',
      '```',
      '',
    ].join('\n');
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', text);
    assert.match(html, /<div class="gg-neuron-figure code-line" data-line="2">/);
    assert.match(html, /<svg [^>]*role="img"/);
    assert.match(html, /<polyline class="gg-path"[^>]*points="[\d.,\s-]+"/);
    assert.match(html, /<figcaption>/);
    assert.doesNotMatch(html, /<script/);
    assert.match(html, /print/, 'other fences are untouched');
    assert.equal((html.match(/<svg /g) ?? []).length, 1, 'one figure');
  });

  it('renders a bad neuron block as escaped error text', async () => {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', '```neuron\nlr = <b>x</b>\n```\n');
    assert.match(html, /gg-neuron-error/);
    assert.match(html, /GG\d{3}/);
    assert.doesNotMatch(html, /<b>x<\/b>/);
  });
});
