import * as assert from 'node:assert/strict';
import {
  asPersistedSnapshot,
  isWebviewMessage,
  MAX_PERSISTED_SPEC_CHARS,
  persistedDocumentUri,
  persistedSnapshot,
  STATEMENT_KEYS,
} from '../../src/shared/protocol';

describe('persistedDocumentUri (the serializer reads untrusted webview state)', () => {
  it('returns the document URI of a well-formed state', () => {
    assert.equal(persistedDocumentUri({ documentUri: 'file:///tmp/a.neuron', step: 3 }), 'file:///tmp/a.neuron');
  });

  it('ignores states without a usable URI', () => {
    for (const state of [undefined, null, 'file:///a.neuron', [], {}, { documentUri: 3 }, { documentUri: '' }, { documentUri: 'x'.repeat(10_001) }]) {
      assert.equal(persistedDocumentUri(state), undefined, JSON.stringify(state)?.slice(0, 40));
    }
  });
});

describe('persistedSnapshot (a selection or an annotation restored after a reload)', () => {
  const good = { kind: 'embedded', name: 'notes.py:3 (neuron)', text: 'w = [1, 2]', originUri: 'file:///w/notes.py', line: 2, character: 2, index: 0 };

  it('returns a well-formed snapshot, and only its known fields', () => {
    assert.deepEqual(persistedSnapshot({ snapshot: { ...good, extra: 'x' }, step: 3 }), good);
    const selection = { kind: 'selection', name: 'notes.md (selection)', text: '', originUri: 'untitled:Untitled-1', line: 0, character: 0 };
    assert.deepEqual(persistedSnapshot({ snapshot: selection }), selection);
  });

  it('rejects malformed, oversized or incomplete snapshots', () => {
    const bad: unknown[] = [
      undefined,
      null,
      {},
      { snapshot: null },
      { snapshot: 'x' },
      { snapshot: [] },
      { snapshot: { ...good, kind: 'document' } },
      { snapshot: { ...good, name: '' } },
      { snapshot: { ...good, name: 'n'.repeat(301) } },
      { snapshot: { ...good, text: 3 } },
      { snapshot: { ...good, text: 'x'.repeat(MAX_PERSISTED_SPEC_CHARS + 1) } },
      { snapshot: { ...good, originUri: '' } },
      { snapshot: { ...good, originUri: 'u'.repeat(10_001) } },
      { snapshot: { ...good, line: -1 } },
      { snapshot: { ...good, line: 1.5 } },
      { snapshot: { ...good, character: '2' } },
      { snapshot: { ...good, index: -1 } },
      { snapshot: { ...good, index: undefined } },
    ];
    for (const state of bad) assert.equal(persistedSnapshot(state), undefined, JSON.stringify(state)?.slice(0, 80));
    assert.equal(
      asPersistedSnapshot({ ...good, text: 'x'.repeat(MAX_PERSISTED_SPEC_CHARS) })?.text.length,
      MAX_PERSISTED_SPEC_CHARS,
      'the limit itself is allowed',
    );
  });
});

describe('revealStatement guard', () => {
  it('accepts known statement keys and an optional row; rejects everything else', () => {
    assert.ok(isWebviewMessage({ type: 'revealStatement', key: 'w' }));
    assert.ok(isWebviewMessage({ type: 'revealStatement', key: 'teacherW' }));
    assert.ok(isWebviewMessage({ type: 'revealStatement', key: 'x', row: 3 }));
    for (const bad of [
      { type: 'revealStatement' },
      { type: 'revealStatement', key: 'w*' },
      { type: 'revealStatement', key: 'constructor' },
      { type: 'revealStatement', key: '__proto__' },
      { type: 'revealStatement', key: 'x', row: -1 },
      { type: 'revealStatement', key: 'x', row: 1.5 },
      { type: 'revealStatement', key: 'x', row: 100_000 },
      { type: 'revealStatement', key: 'x', row: '2' },
      { type: 'revealStatement', key: 'lr', extra: true },
    ]) {
      assert.equal(isWebviewMessage(bad), false, JSON.stringify(bad));
    }
    assert.equal(STATEMENT_KEYS.size, 27); // 22 of a single neuron, 5 of a hidden layer (hidden, h, W, c, train)
  });
});
