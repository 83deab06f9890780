// The CLI as a product (issue 13 §5): the `bin` entry, --help and --version, strict parseArgs
// usage errors that name the flag (exit 2), `-o -`, PNG and animated GIF output. The built
// dist/cli.js in a child process, as users run it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const examples = path.join(root, 'examples');
const dir = mkdtempSync(path.join(tmpdir(), 'gg-cli-product-'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; bin?: Record<string, string> };
const tanh = path.join(examples, 'tanh.neuron');

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000, input });
}

function runBytes(args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { timeout: 60_000, maxBuffer: 1 << 28 });
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Walks a GIF's blocks: its logical screen size, frames, frame delays (ms) and whether it loops. */
function gifInfo(gif: Buffer): { width: number; height: number; frames: number; delays: number[]; loops: boolean } {
  assert.equal(gif.toString('latin1', 0, 6), 'GIF89a', 'GIF signature');
  const width = gif.readUInt16LE(6);
  const height = gif.readUInt16LE(8);
  const table = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  let pos = 13 + table(gif[10]);
  let frames = 0;
  let loops = false;
  const delays: number[] = [];
  const skipSubBlocks = () => {
    while (gif[pos] !== 0) pos += gif[pos] + 1;
    pos++;
  };
  for (;;) {
    assert.ok(pos < gif.length, 'GIF ends with a trailer');
    const block = gif[pos];
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = gif[pos + 1];
      pos += 2;
      if (label === 0xf9) delays.push(gif.readUInt16LE(pos + 2) * 10);
      if (label === 0xff && gif.toString('latin1', pos + 1, pos + 12) === 'NETSCAPE2.0') loops = true;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames++;
      pos += 10 + table(gif[pos + 9]) + 1;
      skipSubBlocks();
    } else {
      assert.fail(`unexpected GIF block 0x${block.toString(16)} at ${pos}`);
    }
  }
  return { width, height, frames, delays, loops };
}

describe('CLI: the gradient-geometry command', function () {
  this.timeout(120_000);

  it('has a bin entry that points at the built CLI, which starts with a node shebang', () => {
    const bin = pkg.bin?.['gradient-geometry'];
    assert.ok(bin, 'package.json bin.gradient-geometry');
    const file = path.resolve(root, bin);
    assert.equal(file, cli);
    assert.ok(existsSync(file), `${bin} is built`);
    assert.equal(readFileSync(file, 'utf8').split('\n')[0], '#!/usr/bin/env node');
  });

  it('prints --version from package.json and --help with both commands, exit 0', () => {
    const v = run(['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout.trim(), pkg.version);
    const h = run(['--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /gradient-geometry analyze FILE/);
    assert.match(h.stdout, /gradient-geometry render FILE -o OUT/);
    assert.match(h.stdout, /Exit codes: 0 ok, 1 the spec has errors, 2 usage error/);
  });

  it("prints each command's help with every option, exit 0, even beside other arguments", () => {
    const a = run(['analyze', '--help']);
    assert.equal(a.status, 0);
    for (const flag of ['--json', '-o, --output', '--help']) assert.ok(a.stdout.includes(flag), flag);
    const r = run(['render', 'nothing.neuron', '--bogus', '-h']);
    assert.equal(r.status, 0, r.stderr);
    for (const flag of [
      '-o, --output',
      '--format',
      '--theme',
      '--step',
      '--width',
      '--height',
      '--per-sample',
      '--animate',
      '--duration',
      '--frames',
      '--help',
    ])
      assert.ok(r.stdout.includes(flag), flag);
  });

  it('rejects unknown options and missing values with exit 2 and a message naming the flag', () => {
    const cases: [string[], RegExp][] = [
      [['analyze', tanh, '--jsn'], /Unknown option '--jsn'/],
      [['render', tanh, '-o', path.join(dir, 'x.svg'), '--frob'], /Unknown option '--frob'/],
      [['render', tanh, '-o', path.join(dir, 'x.svg'), '--theme'], /'--theme <value>' argument missing/],
      [['render', tanh, '-o'], /'-o, --output <value>' argument missing/],
      [['render', tanh, '-o', path.join(dir, 'x.svg'), '--format', 'bmp'], /--format expects one of svg, png, gif, found bmp/],
      [['render', tanh, '-o', path.join(dir, 'x.svg'), '--format', 'png'], /--format png contradicts the output name/],
      [['render', tanh, '-o', path.join(dir, 'x.gif'), '--frames', '5'], /--frames is for an animated GIF/],
      [['render', tanh, '-o', path.join(dir, 'x.png'), '--animate'], /--animate writes SVG or GIF, not PNG/],
      [['render', tanh, '-o', path.join(dir, 'x.gif'), '--animate', '--width', '2000'], /a GIF is at most 1280 × 1280 pixels/],
      [['render', tanh, 'extra.neuron', '-o', path.join(dir, 'x.svg')], /unexpected argument 'extra\.neuron'/],
      [['--frob'], /unknown option '--frob' before a command/],
      [['frobnicate'], /unknown command 'frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
      assert.match(r.stderr, /--help' for/, 'points at --help');
    }
  });

  it('keeps the old argument order: flags before the command', () => {
    const r = run(['--json', 'analyze', tanh]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).schemaVersion, 1);
  });

  it('writes to standard output with -o -, the same bytes as to a file, and nothing else', () => {
    const file = path.join(dir, 'same.svg');
    assert.equal(run(['render', tanh, '-o', file, '--step', '5']).status, 0);
    const r = run(['render', tanh, '-o', '-', '--step', '5']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, readFileSync(file, 'utf8'));
    const s = run(['render', '-', '-o', '-'], readFileSync(tanh, 'utf8'));
    assert.equal(s.status, 0, s.stderr);
    assert.match(s.stdout, /^<\?xml/);
  });

  it('analyze -o FILE writes the JSON or the report there, the same as standard output', () => {
    const out = path.join(dir, 'tanh.json');
    const r = run(['analyze', tanh, '--json', '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /tanh\.json: .*analysis JSON \(schema version 1\)/);
    assert.equal(readFileSync(out, 'utf8'), run(['analyze', tanh, '--json']).stdout);
    const report = path.join(dir, 'tanh.txt');
    assert.equal(run(['analyze', tanh, '-o', report]).status, 0);
    assert.match(readFileSync(report, 'utf8'), /condition number κ = /);
    assert.equal(run(['analyze', tanh, '-o', path.join(dir, 'no', 'such', 'dir.json')]).status, 2);
  });

  it('writes a PNG of the picture chosen by the extension or --format, at the asked size, with a font found', () => {
    const out = path.join(dir, 'plane.png');
    const r = run(['render', tanh, '-o', out, '--width', '400', '--height', '300', '--theme', 'dark']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '', 'no font warning (scripts/setup.sh installs fonts-dejavu-core)');
    assert.match(r.stdout, /plane\.png: .*dark theme, PNG 400 × 300/);
    assert.deepEqual(pngSize(readFileSync(out)), { width: 400, height: 300 });
    const piped = runBytes(['render', tanh, '--format', 'png', '-o', '-']);
    assert.equal(piped.status, 0, piped.stderr.toString());
    assert.deepEqual(pngSize(piped.stdout), { width: 640, height: 600 });
  });

  it("writes an animated GIF of the run: looping, bounded frames, the run's timing, a hold at the end", () => {
    const out = path.join(dir, 'run.gif');
    const r = run([
      'render',
      path.join(examples, 'batch-vs-full.neuron'),
      '--animate',
      '-o',
      out,
      '--frames',
      '6',
      '--width',
      '320',
      '--height',
      '300',
      '--duration',
      '5',
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /run\.gif: .*animated run of 300 steps in 6 frames \(1000 ms each\), light theme, GIF 320 × 300/);
    const gif = gifInfo(readFileSync(out));
    assert.deepEqual({ width: gif.width, height: gif.height, frames: gif.frames, loops: gif.loops }, { width: 320, height: 300, frames: 6, loops: true });
    assert.deepEqual(gif.delays, [1000, 1000, 1000, 1000, 1000, 3000]);
  });

  it('defaults to at most 60 GIF frames, never more than the run has points, and a still GIF has one', () => {
    const spec = 'w = [1.5, -0.5]\nsteps = 4\n';
    const file = path.join(dir, 'short.neuron');
    writeFileSync(file, spec);
    const short = runBytes(['render', file, '--animate', '--format', 'gif', '-o', '-', '--width', '200', '--height', '200']);
    assert.equal(short.status, 0, short.stderr.toString());
    assert.equal(gifInfo(short.stdout).frames, 5, 'steps 0 … 4');
    const long = runBytes(['render', tanh, '--animate', '-o', '-', '--format', 'gif', '--width', '200', '--height', '200']);
    assert.equal(long.status, 0, long.stderr.toString());
    assert.equal(gifInfo(long.stdout).frames, 60);
    const still = runBytes(['render', tanh, '-o', '-', '--format', 'gif', '--width', '200', '--height', '200']);
    assert.equal(still.status, 0, still.stderr.toString());
    assert.equal(gifInfo(still.stdout).frames, 1);
  });
});
