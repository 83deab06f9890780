import * as assert from 'node:assert/strict';
import { gram } from '../../../src/core/engine/preprocess';
import { Rng } from '../../../src/core/engine/random';

/** The textbook definition G[i][j] = (1/P) Σₚ (ωₚ uₚᵢ) uₚⱼ, one entry at a time, in sample order. */
function naiveGram(x: Float64Array, P: number, n: number, augment: boolean, weights?: ArrayLike<number>, shift?: ArrayLike<number>): Float64Array {
  const q = augment ? n + 1 : n;
  const u = (p: number, i: number): number => (i === n ? 1 : x[p * n + i] - (shift ? shift[i] : 0));
  const g = new Float64Array(q * q);
  for (let i = 0; i < q; i++)
    for (let j = 0; j < q; j++) {
      const [a, b] = i <= j ? [i, j] : [j, i];
      let s = 0;
      for (let p = 0; p < P; p++) s += (weights ? weights[p] * u(p, a) : u(p, a)) * u(p, b);
      g[i * q + j] = s / P;
    }
  return g;
}

function randomInputs(P: number, n: number, seed: number): Float64Array {
  const r = new Rng(seed);
  const x = new Float64Array(P * n);
  for (let k = 0; k < x.length; k++) x[k] = r.normal() * (1 + (k % 7));
  return x;
}

describe('gram (blocked moments)', () => {
  // Sizes around the 2 × 4 tiles: odd and even q, remainders of 1 … 3 columns, q < 4.
  const sizes: [number, number][] = [
    [1, 5],
    [2, 3],
    [3, 17],
    [4, 10],
    [5, 64],
    [6, 1],
    [7, 33],
    [10, 100],
    [37, 250],
  ];
  for (const [n, P] of sizes) {
    it(`equals the naive reference (n = ${n}, P = ${P}; plain, augmented, weighted, shifted)`, () => {
      const x = randomInputs(P, n, n * 1000 + P);
      const r = new Rng(P);
      const w = Array.from({ length: P }, () => r.uniform() * 0.25);
      const shift = Array.from({ length: n }, () => r.normal());
      for (const augment of [false, true])
        for (const weights of [undefined, w])
          for (const s of [undefined, shift]) {
            const q = augment ? n + 1 : n;
            const fast = gram(x, P, n, augment, weights, s);
            const ref = naiveGram(x, P, n, augment, weights, s);
            assert.equal(fast.length, q * q);
            for (let k = 0; k < q * q; k++) {
              const tol = 1e-12 * Math.max(Math.abs(ref[k]), 1e-300);
              assert.ok(Math.abs(fast[k] - ref[k]) <= tol, `entry ${k}: ${fast[k]} vs ${ref[k]}`);
              // Same operations in the same order: in fact bit for bit.
              assert.ok(Object.is(fast[k], ref[k]), `entry ${k} bit for bit`);
            }
          }
    });
  }

  it('is exactly symmetric', () => {
    const x = randomInputs(90, 13, 5);
    const g = gram(
      x,
      90,
      13,
      true,
      Array.from({ length: 90 }, (_, p) => 0.1 + p / 90),
    );
    for (let i = 0; i < 14; i++) for (let j = 0; j < 14; j++) assert.ok(Object.is(g[i * 14 + j], g[j * 14 + i]));
  });
});
