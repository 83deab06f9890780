import * as assert from 'node:assert/strict';
import { persistedDocumentUri } from '../../src/shared/protocol';

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
