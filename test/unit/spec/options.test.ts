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
    assert.ok(
      r.diagnostics.some((d) => d.code === 'GG309'),
      JSON.stringify(r.diagnostics.map((d) => d.code)),
    );
  });
});

describe('numbers out of double range', () => {
  it('rejects magnitudes above the limit and literals that underflow to 0, quoting them', () => {
    const big = parseSpec('w = [1e51, 1]');
    assert.deepEqual(
      big.diagnostics.map((d) => [d.code, d.range.start, d.range.end]),
      [['GG206', 5, 9]],
    );
    assert.match(big.diagnostics[0].message, /at most 1e\+50/);
    const tiny = parseSpec('lr = 1e-400');
    assert.deepEqual(
      tiny.diagnostics.map((d) => d.code),
      ['GG206'],
    );
    assert.match(tiny.diagnostics[0].message, /'1e-400' is too small/);
    assert.equal(parseSpec('lr = 0.0e-400\nsteps = 1').diagnostics.filter((d) => d.code === 'GG206').length, 0, 'a written zero is a zero');
  });

  it('quotes at most 40 characters of the user’s text in a message', () => {
    const name = 'q'.repeat(100_000);
    const r = parseSpec(`${name} = 1`);
    assert.equal(r.diagnostics[0].code, 'GG201');
    assert.ok(r.diagnostics[0].message.length < 400, String(r.diagnostics[0].message.length));
  });

  it('suggests for a one-letter name only when case is the difference', () => {
    const q = parseSpec('a = 1').diagnostics[0];
    assert.equal(q.suggestion, undefined);
    // (W is a statement of its own: the hidden layer's weights.)
    assert.equal(parseSpec('B = 1').diagnostics[0].suggestion, 'b');
  });
});
