// The gate in front of the embedded-language features (src/extension/language/selectors.ts
// holdsSpecs): a document without the word "neuron" is never scanned, so every form of embedded
// spec the editor recognises must spell it.
import * as assert from 'node:assert/strict';
import { embeddedRegions } from '../../../src/core/editor';
import { mentionsNeuron } from '../../../src/core/editor/mentionsNeuron';

const EMBEDDED: readonly (readonly [string, string])[] = [
  ['python', '# neuron: x ~ sigmoid(normal(0, 1)); w = [0.5, -0.5]\nout = w @ x + b\n'],
  ['python', 'def f(x):\n    #neuron:w = [1, 2]\n    return w @ x\n'],
  ['javascript', '// neuron: w = [1, 2]\nconst y = dot(w, x);\n'],
  ['typescript', '//   neuron  :  lr = 0.1\nconst y = w.x;\n'],
  ['markdown', '# Lesson\n\n```neuron\nlr = 5\n```\n'],
  ['markdown', '```NEURON\nlr = 5\n```\n'],
  ['markdown', '~~~Neuron title="a"\nw = [1, 2]\n~~~\n'],
  ['markdown', '```python\n# neuron: w = [1, 2]\nout = w @ x\n```\n'],
];

describe('the "neuron" gate of embedded specs', () => {
  it('lets through every document in which the editor finds an embedded spec', () => {
    for (const [language, text] of EMBEDDED) {
      const found = embeddedRegions(text, language).length;
      if (found > 0) assert.ok(mentionsNeuron(text), `${language}: ${JSON.stringify(text)}`);
    }
    // The fixtures are not vacuous: most of them hold a spec.
    assert.ok(EMBEDDED.filter(([language, text]) => embeddedRegions(text, language).length > 0).length >= 6);
  });

  it('stops documents without the word, whatever their size, and finds nothing in them', () => {
    const plain = 'import numpy as np\n# a comment: w = [1, 2]\nout = np.dot(w, x) + b\n'.repeat(2000);
    assert.equal(mentionsNeuron(plain), false);
    assert.equal(embeddedRegions(plain, 'python').length, 0);
    assert.equal(mentionsNeuron('```python\nx = 1\n```\n'), false);
  });

  it('matches the word in any letter case', () => {
    for (const t of ['neuron', 'NEURON', 'a Neuron b', '```NeUrOn']) assert.ok(mentionsNeuron(t), t);
    for (const t of ['', 'neur on', 'neuro', 'neutron']) assert.equal(mentionsNeuron(t), false, t);
  });
});
