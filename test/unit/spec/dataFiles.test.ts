// The user's own data (issue 13 §2): x and y from CSV and .npy files, located errors.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { dataFileReferences, parseCsv, parseNpy } from '../../../src/core/spec/dataFiles';
import { parseSpec } from '../../../src/core/spec/parse';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** A .npy file (format 1.0) of float64 values with the given shape. */
function npy(shape: number[], values: number[], descr = '<f8', fortran = false): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  while ((10 + header.length + 1) % 64 !== 0) header += ' ';
  header += '\n';
  const size = descr === '<f4' ? 4 : 8;
  const out = new Uint8Array(10 + header.length + values.length * size);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(bytes(header), 10);
  const view = new DataView(out.buffer, 10 + header.length);
  values.forEach((v, k) => (size === 4 ? view.setFloat32(k * 4, v, true) : view.setFloat64(k * 8, v, true)));
  return out;
}

const CSV = 'a,b,label\n0.7,0.2,1\n0.1,0.9,0\n\n0.4,0.5,1\n';

describe('data files: csv("…") and npy("…")', () => {
  it('finds every file a spec names, with the range of its name', () => {
    const text = 'x = csv("acts.csv", columns = [0, 1])\ny = npy( "y.npy" )';
    const refs = dataFileReferences(text);
    assert.deepEqual(
      refs.map((r) => r.path),
      ['acts.csv', 'y.npy'],
    );
    assert.equal(text.slice(refs[1].range.start, refs[1].range.end), '"y.npy"');
  });

  it('reads CSV with a header, blank lines and any of , ; tab; names the line and column of a bad cell; refuses ragged rows', () => {
    assert.deepEqual(parseCsv(CSV), {
      rows: [
        [0.7, 0.2, 1],
        [0.1, 0.9, 0],
        [0.4, 0.5, 1],
      ],
    });
    assert.deepEqual(parseCsv('1;2\n3;4'), {
      rows: [
        [1, 2],
        [3, 4],
      ],
    });
    assert.deepEqual(parseCsv('1\t2\n3\t4\n'), {
      rows: [
        [1, 2],
        [3, 4],
      ],
    });
    assert.deepEqual(parseCsv('1,2\n3,oops\n'), { error: "line 2, column 2: expected a number, found 'oops'." });
    assert.deepEqual(parseCsv('1,2\n3,\n'), { error: 'line 2, column 2: expected a number, found an empty cell.' });
    assert.match((parseCsv('1,2\n3,4,5\n') as { error: string }).error, /^line 2 has 3 cells but the first data row has 2/);
  });

  it('reads .npy float64/float32 arrays, 1-D and 2-D, and refuses Fortran order and other dtypes', () => {
    assert.deepEqual(parseNpy(npy([2, 2], [1, 2, 3, 4])), {
      rows: [
        [1, 2],
        [3, 4],
      ],
    });
    assert.deepEqual(parseNpy(npy([3], [0.5, 1.5, 2.5])), { rows: [[0.5], [1.5], [2.5]] });
    assert.deepEqual(parseNpy(npy([1, 2], [0.25, 0.75], '<f4')), { rows: [[0.25, 0.75]] });
    assert.match((parseNpy(npy([2, 2], [1, 2, 3, 4], '<f8', true)) as { error: string }).error, /Fortran order/);
    assert.match((parseNpy(bytes('not numpy at all')) as { error: string }).error, /not a NumPy \.npy file/);
  });

  it('x and y from one CSV with column selections; the spec is the same as with the numbers written out', () => {
    const files = new Map([['data.csv', bytes(CSV)]]);
    const fromFile = parseSpec('x = csv("data.csv", columns = [0, 1])\ny = csv("data.csv", columns = [2])\nw = [1, -1]', { files }).spec!;
    const written = parseSpec('x = [[0.7, 0.2], [0.1, 0.9], [0.4, 0.5]]\ny = [1, 0, 1]\nw = [1, -1]').spec!;
    // The same numbers; the written-out rows are views into the parser's one Float64Array.
    const plain = (i: typeof written.inputs) => (i.kind === 'explicit' ? { ...i, rows: i.rows.map((r) => Array.from(r)) } : i);
    assert.deepEqual(plain(fromFile.inputs), plain(written.inputs));
    assert.deepEqual(fromFile.labels, written.labels);
    assert.equal(fromFile.samples, 3);
  });

  it('reports a missing file, a bad cell, a missing column, y with several columns and a dimension that does not match w, each located', () => {
    const files = new Map([
      ['data.csv', bytes(CSV)],
      ['bad.csv', bytes('1,2\n3,x\n')],
      ['y.npy', npy([3], [1, 0, 1])],
    ]);
    const one = (text: string) => {
      const r = parseSpec(text, { files });
      assert.equal(r.spec, undefined, text);
      return r.diagnostics[0];
    };
    let d = one('x = csv("gone.csv")');
    assert.equal(d.code, 'GG230');
    assert.deepEqual(d.range, { start: 8, end: 18 });
    assert.match(d.message, /Cannot read the data file "gone\.csv" for x/);
    d = one('x = csv("bad.csv")');
    assert.match(d.message, /^bad\.csv: line 2, column 2: expected a number, found 'x'\.$/);
    d = one('x = csv("data.csv", columns = [7])');
    assert.match(d.message, /has 3 columns \(0 … 2\); column 7 does not exist/);
    d = one('x = csv("data.csv", columns = [0, 1])\ny = csv("data.csv")');
    assert.match(d.message, /Expected one label per row for y, found 3 columns/);
    d = one('x = csv("data.csv")\nw = [1, 2]');
    assert.equal(d.code, 'GG203');
    assert.match(d.message, /3 elements but w has 2/);
    assert.equal(parseSpec('x = csv("data.csv", columns = [0, 1])\ny = npy("y.npy")', { files }).spec?.samples, 3);
  });

  it('the CLI reads the files relative to the spec', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gg-data-'));
    writeFileSync(path.join(dir, 'acts.csv'), CSV);
    const spec = path.join(dir, 'own.neuron');
    writeFileSync(spec, 'x = csv("acts.csv", columns = [0, 1])\ny = csv("acts.csv", columns = [2])\nsteps = 10\n');
    const r = spawnSync(process.execPath, [path.resolve(__dirname, '../../../../dist/cli.js'), 'analyze', spec, '--json'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).samples, 3);
    writeFileSync(spec, 'x = csv("elsewhere.csv")\n');
    const bad = spawnSync(process.execPath, [path.resolve(__dirname, '../../../../dist/cli.js'), 'analyze', spec], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /own\.neuron:1:9: error GG230: Cannot read the data file "elsewhere\.csv"/);
  });
});
