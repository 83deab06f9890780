import * as assert from 'node:assert/strict';
import { epochPermutation, Rng, STREAM_DATA, STREAM_SHUFFLE } from '../../../src/core/engine/random';
import { BatchSchedule } from '../../../src/core/engine/batches';

describe('seeded random numbers', () => {
  it('gives the same stream for the same seed, bit for bit', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    for (let i = 0; i < 1000; i++) assert.equal(a.nextUint32(), b.nextUint32());
  });

  it('pins the first draws of seed 1 (platform independence)', () => {
    const r = new Rng(1);
    const got = [r.nextUint32(), r.nextUint32(), r.nextUint32()];
    // Pinned so that any change to the seeding or the generator fails here.
    assert.deepEqual(got, PINNED_SEED1);
  });

  it('separates seeds, streams and epochs', () => {
    const draw = (r: Rng): number[] => [r.nextUint32(), r.nextUint32()];
    assert.notDeepEqual(draw(new Rng(1)), draw(new Rng(2)));
    assert.notDeepEqual(draw(new Rng(1, STREAM_DATA)), draw(new Rng(1, STREAM_SHUFFLE)));
    assert.notDeepEqual(draw(new Rng(1, STREAM_SHUFFLE, 0)), draw(new Rng(1, STREAM_SHUFFLE, 1)));
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = new Rng(3);
    let s = 0;
    let s2 = 0;
    const N = 200_000;
    for (let i = 0; i < N; i++) {
      const u = r.uniform();
      assert.ok(u >= 0 && u < 1);
      s += u;
      s2 += u * u;
    }
    assert.ok(Math.abs(s / N - 0.5) < 0.005);
    assert.ok(Math.abs(s2 / N - (s / N) ** 2 - 1 / 12) < 0.002);
  });

  it('draws standard normals (Marsaglia polar) with mean 0, variance 1 and no skew', () => {
    const r = new Rng(4);
    let s = 0;
    let s2 = 0;
    let s3 = 0;
    const N = 200_000;
    for (let i = 0; i < N; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
      s3 += z * z * z;
    }
    assert.ok(Math.abs(s / N) < 0.01);
    assert.ok(Math.abs(s2 / N - 1) < 0.01);
    assert.ok(Math.abs(s3 / N) < 0.03);
  });

  it('shuffles each epoch into a permutation, reproducibly', () => {
    const p = epochPermutation(5, 0, 100);
    assert.deepEqual(
      [...p].sort((a, b) => a - b),
      Array.from({ length: 100 }, (_, i) => i),
    );
    assert.deepEqual(p, epochPermutation(5, 0, 100));
    assert.notDeepEqual(p, epochPermutation(5, 1, 100));
  });
});

describe('batch schedule', () => {
  it('takes batches in sample order, wrapping across the end of the data set', () => {
    const s = new BatchSchedule(5, 2, false, 1);
    const out = new Int32Array(2);
    const got: number[][] = [];
    for (let k = 0; k < 4; k++) {
      s.batchOf(k, out);
      got.push([...out]);
    }
    assert.deepEqual(got, [
      [0, 1],
      [2, 3],
      [4, 0],
      [1, 2],
    ]);
  });

  it('with shuffling, each epoch visits every sample once', () => {
    const s = new BatchSchedule(6, 3, true, 9);
    const out = new Int32Array(3);
    for (let epoch = 0; epoch < 3; epoch++) {
      const seen: number[] = [];
      for (let k = 2 * epoch; k < 2 * epoch + 2; k++) {
        s.batchOf(k, out);
        seen.push(...out);
      }
      assert.deepEqual(seen.sort(), [0, 1, 2, 3, 4, 5]);
    }
  });
});

const PINNED_SEED1 = [1516088499, 163365239, 2048752386];
