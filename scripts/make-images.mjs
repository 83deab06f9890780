// Makes the few pictures the package ships, small: the extension's icon and the .neuron file icons
// from the SVGs drawn in scripts/images/, and the README's pictures from a panel screenshot
// (docs/images, made by `npm run docs:images`) and two CLI figures. Each is rasterised with resvg,
// reduced to a palette (gifenc's quantiser) and written as an indexed PNG: a third to a tenth of
// the RGBA size, and no SVG in the package (the Marketplace and vsce refuse them in READMEs);
// then deflated again by zopflipng when it is installed (lossless, about 14 % smaller).
// Usage: node scripts/make-images.mjs   (after `node esbuild.js`, which builds the CLI it calls)
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import gifenc from 'gifenc';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = (...p) => path.join(root, 'scripts', 'images', ...p);
const out = (...p) => path.join(root, 'media', ...p);

/** RGBA pixels of an SVG drawn `width` pixels wide. */
function rasterise(svg, width) {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render();
  return { width: image.width, height: image.height, rgba: new Uint8Array(image.pixels) };
}

/** An existing PNG redrawn `width` pixels wide (resvg scales the embedded image). */
function resizePng(file, width) {
  const bytes = readFileSync(file);
  const w = bytes.readUInt32BE(16);
  const h = bytes.readUInt32BE(20);
  const height = Math.round((h * width) / w);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><image width="${w}" height="${h}" xlink:href="data:image/png;base64,${bytes.toString('base64')}"/></svg>`;
  const r = rasterise(svg, width);
  if (r.height !== height) throw new Error(`${file}: expected ${width}×${height}, got ${r.width}×${r.height}`);
  return r;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const b of buffer) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An indexed (palette) PNG of at most `colours` colours; alpha kept when the picture has any. */
function indexedPng({ width, height, rgba }, colours) {
  const transparent = rgba.some((v, i) => i % 4 === 3 && v < 255);
  const format = transparent ? 'rgba4444' : 'rgb565';
  const palette = gifenc.quantize(rgba, colours, { format });
  const index = gifenc.applyPalette(rgba, palette, format);
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0; // filter: none (the right choice for palette images)
    rows.set(index.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8); // 8-bit, palette, deflate, adaptive filtering, no interlace
  const parts = [Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('PLTE', Buffer.from(palette.flatMap((c) => c.slice(0, 3))))];
  if (transparent) parts.push(chunk('tRNS', Buffer.from(palette.map((c) => c[3] ?? 255))));
  parts.push(chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/** Debian's `zopflipng` (package zopfli), when installed: the same pixels, deflated about 14 % smaller. */
const zopflipng = (() => {
  try {
    execFileSync('zopflipng', ['-h'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn('zopflipng is not installed (apt-get install zopfli): the PNGs come out about 14 % larger than the committed ones.');
    return false;
  }
})();

function write(file, png) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, png);
  // Lossless: zopfli's deflate over the same filter (none) and palette; the package's size test counts on it.
  if (zopflipng) execFileSync('zopflipng', ['-y', '-m', '--filters=0', file, file], { stdio: 'ignore' });
  console.log(`${path.relative(root, file)}: ${(readFileSync(file).length / 1024).toFixed(1)} KB`);
}

// The icon (package.json "icon", 128 × 128) and the .neuron file icon for light and dark themes.
write(out('icon.png'), indexedPng(rasterise(readFileSync(src('icon.svg'), 'utf8'), 128), 64));
const fileIcon = readFileSync(src('neuron-file.svg'), 'utf8');
write(out('neuron-file-light.png'), indexedPng(rasterise(fileIcon.replaceAll('PATH', '#c2410c').replaceAll('PURPLE', '#8e24aa'), 32), 32));
write(out('neuron-file-dark.png'), indexedPng(rasterise(fileIcon.replaceAll('PATH', '#ff9d5c').replaceAll('PURPLE', '#df8cf2'), 32), 32));

// The README's pictures: the panel beside a lesson, and the zig-zag against tanh (CLI figures).
write(out('readme', 'panel.png'), indexedPng(resizePng(path.join(root, 'docs', 'images', 'panel-sigmoid-northwest.png'), 480), 32));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'gg-images-'));
try {
  for (const lesson of ['sigmoid-northwest', 'tanh']) {
    const png = path.join(scratch, `${lesson}.png`);
    execFileSync(
      process.execPath,
      [path.join(root, 'dist', 'cli.js'), 'render', path.join(root, 'examples', `${lesson}.neuron`), '-o', png, '--width', '640', '--height', '600'],
      { stdio: 'ignore' },
    );
    write(out('readme', `${lesson}.png`), indexedPng(resizePng(png, 320), 32));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
