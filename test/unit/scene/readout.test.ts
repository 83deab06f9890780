import * as assert from 'node:assert/strict';
import { compass, readoutRows, stepSummary } from '../../../src/core/scene';
import { makeFixture } from './fixture';

describe('readout', () => {
  const a = makeFixture();

  it('lists the numbers a student needs, with the step-size convention named', () => {
    const rows = readoutRows(a);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    assert.equal(byKey.coherent.value, '100 %');
    assert.match(byKey.max.hint ?? '', /½/);
    assert.match(byKey.optimal.label, /2\/\(λmin\+λmax\)/);
    assert.match(byKey.lecun.label, /1\/λmax/);
    assert.ok(rows.every((r) => !/NaN|Infinity|undefined/.test(r.value)));
  });

  it('reads "—" and "∞" instead of NaN for missing values', () => {
    const b = {
      ...a,
      hessian: {
        ...a.hessian,
        matrix: [
          [1, 1],
          [1, 1],
        ],
        conditionNumber: null,
      },
      run: { ...a.run, zigzagRatio: null, convergedAt: null, diverged: true, divergedAt: 12 },
    };
    const byKey = Object.fromEntries(readoutRows(b).map((r) => [r.key, r.value]));
    assert.equal(byKey.zigzag, '—');
    assert.match(byKey.kappa, /^∞/);
    assert.equal(byKey.converge, 'diverged after 12 steps');
  });

  it('names compass directions with x east and y north', () => {
    assert.equal(compass(1, 1), 'north-east');
    assert.equal(compass(-1, -1), 'south-west');
    assert.equal(compass(-1, 1), 'north-west');
    assert.equal(compass(0, -2), 'south');
    assert.equal(compass(0, 0), 'nowhere');
  });

  it('summarises one step for the live region', () => {
    assert.match(
      stepSummary(a, 0),
      /^Step 0 of 60: loss [\d.e-]+; next update heads (north-east|south-west), sign-coherent, \d+° off the straight way to the optimum\.$/,
    );
    assert.match(stepSummary(a, 999), /^Step 60 of 60: .*end of the path\.$/);
  });
});
