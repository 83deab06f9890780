/** The output layer's Hessian at a step (network/stepAnalysis.ts) against the engine's gram, bit for bit. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { gram } from '../../../src/core/engine/preprocess';
import { outputGram } from '../../../src/core/network/stepAnalysis';
import { firstDifference } from './sameBits';

describe('network step curvature', () => {
  it('is the engine gram of the hidden outputs, with and without the bias column, for every H up to 16', () => {
    const value = fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.constantFrom(0, -0, 1e-300, -5e-324, 1e150, -1e150, Infinity, NaN), fc.double());
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.array(value, { minLength: 640, maxLength: 640 }),
        (H, P, augment, pool) => {
          const h = Float64Array.from({ length: P * H }, (_, k) => pool[k % pool.length] * (1 + k / 7));
          const d = firstDifference(outputGram(h, P, H, augment), gram(h, P, H, augment));
          assert.equal(d, null, `H = ${H}, P = ${P}, augment ${augment}: ${d}`);
        },
      ),
      { numRuns: 400 },
    );
  });
});
