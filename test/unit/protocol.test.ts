import * as assert from 'node:assert/strict';
import { isPanelRequest, isWebviewMessage, persistedDocumentUri } from '../../src/shared/protocol';

describe('protocol guards (webview → host is untrusted)', () => {
  it('accepts the plain messages and rejects malformed ones', () => {
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(isWebviewMessage({ type: 'revealError', line: 3, column: 1 }));
    assert.ok(!isWebviewMessage({ type: 'revealError', line: 0, column: 1 }));
    assert.ok(!isWebviewMessage({ type: 'log', level: 'warn', text: 'x' }));
    assert.ok(!isWebviewMessage(null) && !isWebviewMessage('ready') && !isWebviewMessage([]));
  });

  const write = (changes: unknown, extra: Record<string, unknown> = {}): unknown => ({ type: 'writeSpec', version: 4, changes, ...extra });

  it('accepts writeSpec with valid changes, field by field', () => {
    assert.ok(isPanelRequest(write({ lr: 0.71 })));
    assert.ok(isPanelRequest(write({ batch: 'all', preprocess: 'center' })));
    assert.ok(isPanelRequest(write({ batch: 8, optimizer: { kind: 'momentum', beta: 0.9 } })));
    assert.ok(isPanelRequest(write({ optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 } })));
    assert.ok(isPanelRequest(write({ start: { axes: [0, 1], values: [1.2, -0.4] }, teacher: { axes: [0, 1], values: [-1, 1] } })));
  });

  it('rejects writeSpec with anything off', () => {
    const bad: unknown[] = [
      write({}),
      write({ lr: 0 }),
      write({ lr: -1 }),
      write({ lr: Infinity }),
      write({ lr: '0.5' }),
      write({ batch: 0 }),
      write({ batch: 2.5 }),
      write({ batch: 'some' }),
      write({ preprocess: 'normalize' }),
      write({ optimizer: { kind: 'momentum', beta: 1 } }),
      write({ optimizer: { kind: 'sgd', extra: 1 } }),
      write({ optimizer: { kind: 'lbfgs' } }),
      write({ start: { axes: [0, 0], values: [1, 2] } }),
      write({ start: { axes: [0, 1], values: [1, NaN] } }),
      write({ start: { axes: [0, 1], values: [1] } }),
      write({ unknown: 1 }),
      write({ lr: 0.5 }, { version: -1 }),
      write({ lr: 0.5 }, { version: 1.5 }),
      write({ lr: 0.5 }, { extra: true }),
      { type: 'writeSpec', changes: { lr: 0.5 } },
    ];
    for (const m of bad) assert.ok(!isPanelRequest(m), JSON.stringify(m));
  });

  it('accepts exports with a safe file name of the right extension and bounded data', () => {
    assert.ok(isPanelRequest({ type: 'export', format: 'svg', fileName: 'lesson-step3.svg', data: '<svg/>' }));
    assert.ok(isPanelRequest({ type: 'export', format: 'png', fileName: 'lesson.png', data: 'iVBORw0KGgo=' }));
    assert.ok(isPanelRequest({ type: 'export', format: 'csv', fileName: 'path.csv', data: 'step\n0\n' }));
    const bad: unknown[] = [
      { type: 'export', format: 'exe', fileName: 'a.exe', data: 'x' },
      { type: 'export', format: 'svg', fileName: '../a.svg', data: 'x' },
      { type: 'export', format: 'svg', fileName: '/etc/a.svg', data: 'x' },
      { type: 'export', format: 'svg', fileName: '.hidden.svg', data: 'x' },
      { type: 'export', format: 'svg', fileName: 'a.png', data: 'x' },
      { type: 'export', format: 'svg', fileName: 'a.svg', data: '' },
      { type: 'export', format: 'png', fileName: 'a.png', data: 'not base64!' },
      { type: 'export', format: 'svg', fileName: 'a.svg', data: 42 },
      { type: 'export', format: 'svg', fileName: 'a.svg', data: 'x', more: 1 },
    ];
    for (const m of bad) assert.ok(!isPanelRequest(m), JSON.stringify(m));
  });

  it('reads only a sane document URI from a restored state', () => {
    assert.equal(persistedDocumentUri({ documentUri: 'file:///a.neuron', zoom: {} }), 'file:///a.neuron');
    assert.equal(persistedDocumentUri({ documentUri: 42 }), undefined);
    assert.equal(persistedDocumentUri('x'), undefined);
  });
});
