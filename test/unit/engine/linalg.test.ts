import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { choleskySolve, symmetricEigen } from '../../../src/core/engine/linalg';
import { Rng } from '../../../src/core/engine/random';

/** Random symmetric n × n matrix from a seed. */
function randomSymmetric(n: number, seed: number): Float64Array {
  const r = new Rng(seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const v = r.normal();
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  return a;
}

/** max |A v − λ v| over all pairs, max |VVᵀ − I|, and descending order. */
function check(a: Float64Array, n: number): void {
  const { values, vectors } = symmetricEigen(a, n);
  let scale = 1e-300;
  for (let k = 0; k < n * n; k++) scale = Math.max(scale, Math.abs(a[k]));
  for (let k = 0; k < n; k++) {
    if (k > 0) assert.ok(values[k] <= values[k - 1], 'descending');
    for (let i = 0; i < n; i++) {
      let av = 0;
      for (let j = 0; j < n; j++) av += a[i * n + j] * vectors[k * n + j];
      assert.ok(Math.abs(av - values[k] * vectors[k * n + i]) < 1e-10 * scale * n, `A v = λ v (k=${k})`);
    }
    for (let l = 0; l < n; l++) {
      let d = 0;
      for (let j = 0; j < n; j++) d += vectors[k * n + j] * vectors[l * n + j];
      assert.ok(Math.abs(d - (k === l ? 1 : 0)) < 1e-10 * n, 'orthonormal');
    }
  }
}

describe('symmetric eigen-decomposition (Householder + implicit QL)', () => {
  it('decomposes a 2 × 2 matrix exactly', () => {
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    assert.ok(Math.abs(values[0] - 3) < 1e-14 && Math.abs(values[1] - 1) < 1e-14);
    assert.ok(Math.abs(vectors[0] - Math.SQRT1_2) < 1e-14 && Math.abs(vectors[1] - Math.SQRT1_2) < 1e-14);
  });

  it('handles n = 1, a zero matrix, a diagonal and repeated eigenvalues', () => {
    assert.deepEqual([...symmetricEigen([5], 1).values], [5]);
    assert.deepEqual([...symmetricEigen(new Float64Array(9), 3).values], [0, 0, 0]);
    assert.deepEqual([...symmetricEigen([1, 0, 0, 0, 3, 0, 0, 0, 2], 3).values], [3, 2, 1]);
    check(Float64Array.from([2, 0, 0, 0, 2, 0, 0, 0, 2]), 3);
    const ones = new Float64Array(16).fill(1); // eigenvalues 4, 0, 0, 0
    const e = symmetricEigen(ones, 4);
    assert.ok(Math.abs(e.values[0] - 4) < 1e-12 && Math.abs(e.values[3]) < 1e-12);
    check(ones, 4);
  });

  it('satisfies A v = λ v with orthonormal V for random symmetric matrices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 1e6 }), (n, seed) => check(randomSymmetric(n, seed), n)),
      { numRuns: 60 },
    );
  });

  it('decomposes n = 120 accurately', () => check(randomSymmetric(120, 42), 120));

  it('solves a positive definite system by Cholesky and refuses an indefinite one', () => {
    const x = choleskySolve(Float64Array.from([4, 1, 1, 3]), 2, [1, 2]);
    assert.ok(x && Math.abs(4 * x[0] + x[1] - 1) < 1e-14 && Math.abs(x[0] + 3 * x[1] - 2) < 1e-14);
    assert.equal(choleskySolve(Float64Array.from([1, 2, 2, 1]), 2, [1, 1]), null);
  });
});
