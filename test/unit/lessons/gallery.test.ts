import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { LESSON_ORDER, parseLessonHeader, sortLessons } from '../../../src/core/lessons';
import { assertLessonHeader, EXAMPLES, loadLesson } from './lesson';

describe('the lesson gallery (examples/)', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.neuron'));

  it('lists every lesson in teaching order, and every listed lesson exists', () => {
    assert.deepEqual([...files].sort(), [...LESSON_ORDER].sort());
    assert.deepEqual(sortLessons(files), LESSON_ORDER);
  });

  it('sorts unknown lessons after the known ones, by name', () => {
    assert.deepEqual(sortLessons(['z.neuron', 'tanh.neuron', 'a.neuron', 'sigmoid-northwest.neuron']), [
      'sigmoid-northwest.neuron',
      'tanh.neuron',
      'a.neuron',
      'z.neuron',
    ]);
  });

  for (const file of files) {
    it(`${file} parses without diagnostics and has a lesson header with distinct title`, () => {
      assertLessonHeader(loadLesson(file));
    });
  }

  it('titles are distinct', () => {
    const titles = files.map((f) => loadLesson(f).header.title);
    assert.equal(new Set(titles).size, titles.length);
  });
});

describe('parseLessonHeader', () => {
  it('reads the title, the one-line description and the body', () => {
    const h = parseLessonHeader('\n# Title\n# One line.\n#\n# Body one\n#\n# Try this:\n#   - a\n\nf = w·x\n# not header');
    assert.equal(h.title, 'Title');
    assert.equal(h.description, 'One line.');
    assert.deepEqual(h.body, ['Body one', '', 'Try this:', '  - a']);
  });

  it('accepts // comments and CRLF, and a file without header', () => {
    assert.deepEqual(parseLessonHeader('// T\r\n// D\r\nlr = 1'), { title: 'T', description: 'D', body: [] });
    assert.deepEqual(parseLessonHeader('lr = 1\n# late'), { title: '', description: '', body: [] });
  });
});
