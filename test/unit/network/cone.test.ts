/** The cone of a step's hidden outputs from the samples that decide it (network/cone.ts) against allowedCone of all of them. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { allowedCone } from '../../../src/core/analysis/allowedCone';
import type { Vec2 } from '../../../src/core/analysis/types';
import { hiddenCone } from '../../../src/core/network/cone';
import { firstDifference } from './sameBits';

function assertSameCone(x: Float64Array, P: number, n: number, axes: readonly [number, number], toOptimum: Vec2 | null): void {
  const d = firstDifference(hiddenCone(x, P, n, axes, toOptimum), allowedCone(x, P, n, axes, toOptimum));
  assert.equal(d, null, `${d} for x = [${Array.from(x).join(', ')}], n = ${n}, axes ${axes.join()}, toOptimum ${JSON.stringify(toOptimum)}`);
}

const special = [0, -0, 1e-300, -1e-300, 5e-324, -5e-324, 1e-14, -1e-14, 1e-3, -1e-3, 1, -1, 1e300, -1e300, Infinity, -Infinity, NaN];
/** A coordinate: any double, a special one, or an ordinary one of either sign. */
const anyValue = fc.oneof(fc.double(), fc.constantFrom(...special), fc.double({ min: -2, max: 2, noNaN: true }));
/** A positive coordinate (σ, softplus outputs), sometimes tiny or huge. */
const positive = fc.oneof(
  fc.double({ min: 1e-6, max: 1, noNaN: true }),
  fc.constantFrom(5e-324, 1e-300, 1e-15, 1e-3, 1, 1e300),
  fc.double({ min: 0, max: 1e308, noNaN: true }),
);
/** A coordinate of a tanh output: both signs, sometimes near an axis. */
const signed = fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.constantFrom(0, -0, 1e-4, -1e-4, 1e-3, -1e-3, 1e-20, -1e-20));

const toOptimum = fc.option(fc.tuple(anyValue, anyValue));

describe('network step cone', () => {
  it('is allowedCone of all samples: random samples of any value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anyValue, anyValue, anyValue), { maxLength: 10 }),
        toOptimum,
        fc.constantFrom<[number, number]>([0, 1], [1, 0], [2, 0], [1, 1]),
        (rows, to, axes) => {
          assertSameCone(Float64Array.from(rows.flat()), rows.length, 3, axes, to);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is allowedCone of all samples: positive samples (one quadrant), some negated into the third or onto an axis', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(positive, positive), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('first', 'third', 'mixed', 'axis'),
        toOptimum,
        (rows, where, to) => {
          const x = Float64Array.from(rows.flat());
          if (where === 'third') x.forEach((v, i) => (x[i] = -v));
          if (where === 'mixed') x[0] = -x[0];
          if (where === 'axis') x[1] = 0;
          assertSameCone(x, rows.length, 2, [0, 1], to);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is allowedCone of all samples: samples of both signs (every quadrant, near the axes, a line)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(signed, signed), { minLength: 1, maxLength: 40 }), fc.boolean(), toOptimum, (rows, line, to) => {
        // On a line: every sample a multiple of the first (the cone is a line, or a plane by rounding).
        const x = Float64Array.from(line ? rows.flatMap(([s]) => [s * rows[0][0], s * rows[0][1]]) : rows.flat());
        assertSameCone(x, rows.length, 2, [0, 1], to);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives σ outputs a sector and tanh outputs the plane, as allowedCone does', () => {
    const sig = Float64Array.from({ length: 128 }, (_, i) => 1 / (1 + Math.exp(-Math.sin(1.7 * i) * 2)));
    const tanh = Float64Array.from({ length: 128 }, (_, i) => Math.tanh(Math.sin(1.7 * i) * 2));
    assert.equal(hiddenCone(sig, 64, 2, [0, 1], [1, -1]).kind, 'sector');
    assert.equal(hiddenCone(tanh, 64, 2, [0, 1], [1, -1]).kind, 'plane');
    assertSameCone(sig, 64, 2, [0, 1], [1, -1]);
    assertSameCone(tanh, 64, 2, [0, 1], [1, -1]);
  });
});
