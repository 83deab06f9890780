import * as assert from 'node:assert/strict';
import { parseSpec } from '../../../src/core/spec/parse';
import { DEFAULTS } from '../../../src/core/spec/defaults';

describe('parseSpec options', () => {
  it('uses the caller’s default steps when the text has no steps statement', () => {
    assert.equal(parseSpec('w = [1, 2]').spec?.steps, DEFAULTS.steps);
    assert.equal(parseSpec('w = [1, 2]', { defaultSteps: 50 }).spec?.steps, 50);
  });

  it('keeps a steps statement over the caller’s default', () => {
    assert.equal(parseSpec('steps = 7', { defaultSteps: 50 }).spec?.steps, 7);
  });

  it('checks the work limits against the caller’s default steps', () => {
    const big = 'w = [' + Array.from({ length: 400 }, () => '0.1').join(', ') + ']\nbatch = all\n';
    assert.ok(parseSpec(big, { defaultSteps: 10 }).spec !== undefined);
    const r = parseSpec(big, { defaultSteps: 100_000 });
    assert.equal(r.spec, undefined);
    assert.ok(r.diagnostics.some((d) => d.code === 'GG309'), JSON.stringify(r.diagnostics.map((d) => d.code)));
  });
});
