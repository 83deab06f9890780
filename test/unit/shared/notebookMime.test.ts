import * as assert from 'node:assert/strict';
import { NOTEBOOK_MIME, isRendererMessage, readNotebookFigure } from '../../../src/shared/notebookMime';

describe('notebook output format (a saved notebook is untrusted input)', () => {
  it('names the documented MIME type', () => {
    assert.equal(NOTEBOOK_MIME, 'application/vnd.gradient-geometry+json');
  });

  it('reads a spec with an optional step and title, ignoring unknown fields', () => {
    assert.deepEqual(readNotebookFigure({ spec: 'lr = 0.1\n' }), { figure: { spec: 'lr = 0.1\n' } });
    assert.deepEqual(readNotebookFigure({ spec: '', step: 3, title: 'mine', later: true }), { figure: { spec: '', step: 3, title: 'mine' } });
  });

  it('says what is wrong with anything else', () => {
    for (const bad of [null, 'lr = 0.1', [], { spec: 3 }, { text: 'lr = 0.1' }])
      assert.match((readNotebookFigure(bad) as { error: string }).error, /"spec"/, JSON.stringify(bad));
    assert.match((readNotebookFigure({ spec: '', step: -1 }) as { error: string }).error, /"step"/);
    assert.match((readNotebookFigure({ spec: '', step: 1.5 }) as { error: string }).error, /"step"/);
    assert.match((readNotebookFigure({ spec: '', title: 7 }) as { error: string }).error, /"title"/);
  });

  it('shortens a very long title', () => {
    const read = readNotebookFigure({ spec: '', title: 'x'.repeat(5000) });
    assert.ok('figure' in read && read.figure.title?.length === 200);
  });

  it('accepts only well-formed renderer messages', () => {
    const rendered = { type: 'rendered', outputId: 'o1', title: 't', pathPoints: 3, conePolygons: 2, step: 2, lastStep: 2, sentence: 's', problems: [] };
    assert.ok(isRendererMessage(rendered));
    assert.ok(isRendererMessage({ type: 'openInPanel', spec: 'lr = 1', title: 't' }));
    assert.ok(!isRendererMessage({ ...rendered, pathPoints: Number.NaN }));
    assert.ok(!isRendererMessage({ ...rendered, problems: [1] }));
    assert.ok(!isRendererMessage({ type: 'openInPanel', spec: 3, title: 't' }));
    assert.ok(!isRendererMessage({ type: 'run', command: 'x' }) && !isRendererMessage(null) && !isRendererMessage('rendered'));
  });
});
