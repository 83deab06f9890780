// The node:assert/strict stand-in that the web worker extension host's suite uses
// (test/suite/web/assert.ts) passes and fails exactly where Node's own does.
import * as nodeAssert from 'node:assert/strict';
import * as webAssert from '../suite/web/assert';

type Call = (a: typeof webAssert) => void;

const CASES: [string, Call][] = [
  ['ok(1)', (a) => a.ok(1)],
  ['ok(0)', (a) => a.ok(0)],
  ['ok("")', (a) => a.ok('')],
  ['equal(1, 1)', (a) => a.equal(1, 1)],
  ['equal(1, "1")', (a) => a.equal(1, '1')],
  ['equal(NaN, NaN)', (a) => a.equal(NaN, NaN)],
  ['equal(0, -0)', (a) => a.equal(0, -0)],
  ['deepEqual nested', (a) => a.deepEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })],
  ['deepEqual different value', (a) => a.deepEqual({ a: [1, 2] }, { a: [1, 3] })],
  ['deepEqual extra key', (a) => a.deepEqual({ a: 1, b: undefined }, { a: 1 })],
  ['deepEqual array vs object', (a) => a.deepEqual([1], { 0: 1 })],
  ['deepEqual loose types', (a) => a.deepEqual([1], ['1'])],
  ['deepEqual lengths', (a) => a.deepEqual([1, 2], [1])],
  ['match', (a) => a.match('κ = 4.0', /κ = \d/)],
  ['match fails', (a) => a.match('abc', /d/)],
  ['doesNotMatch', (a) => a.doesNotMatch('abc', /d/)],
  ['doesNotMatch fails', (a) => a.doesNotMatch('abc', /b/)],
];

function throws(call: Call, a: typeof webAssert): boolean {
  try {
    call(a);
    return false;
  } catch {
    return true;
  }
}

describe("the web suite's assert stand-in", () => {
  for (const [name, call] of CASES) {
    it(`agrees with node:assert/strict on ${name}`, () => {
      nodeAssert.equal(throws(call, webAssert), throws(call, nodeAssert as unknown as typeof webAssert));
    });
  }

  it('uses the given message', () => {
    nodeAssert.throws(() => webAssert.equal(1, 2, 'one is not two'), /one is not two/);
  });
});
