/**
 * The user's own data: `x = csv("activations.csv")`, `x = csv("data.csv", columns = [0, 1])`,
 * `x = npy("x.npy")`, and the same for `y` (one column, or a vector). The parser stays pure: the
 * host (the editor through vscode.workspace.fs, the CLI from disk) reads every file the text names
 * (`dataFileReferences`) relative to the spec's folder and passes the bytes in ParseOptions.files;
 * this module turns them into rows, with located errors (the call's range, and the file's own row
 * and column) for a missing file, a bad cell, ragged rows or an unsupported .npy.
 *
 * CSV: comma, semicolon or tab separated (the first data line decides), blank lines skipped, one
 * optional header line (a first line with a cell that is not a number). NPY: format 1.0–3.0,
 * little-endian float64/float32/int64/int32/uint8, C order, 1-D (one sample per value for y, one
 * feature for x) or 2-D (samples × features).
 */
import type { SourceRange } from '../diagnostics';
import { CODES } from './codes';
import type { Ctx } from './shapes';
import { escapeControls } from './suggest';
import type { Primary } from './values';

/** Largest data file a host reads (bytes): a 100,000 × 100 CSV with 8 digits a cell is about 90 MB. */
export const MAX_DATA_FILE_BYTES = 128 * 1024 * 1024;

/** The data-file functions and what they read. */
export const DATA_FUNCTIONS = ['csv', 'npy'] as const;
export type DataFunction = (typeof DATA_FUNCTIONS)[number];

export const isDataCall = (p: Primary): p is Extract<Primary, { kind: 'call' }> => p.kind === 'call' && (DATA_FUNCTIONS as readonly string[]).includes(p.name);

/** One file a spec names, where it is named. */
export interface DataFileReference {
  readonly path: string;
  readonly range: SourceRange;
}

/**
 * Every `csv("…")` / `npy("…")` path in a text, for the host to read before parsing. A scan of the
 * string literals after those names, linear and tolerant (the parser reports the errors).
 */
export function dataFileReferences(text: string): DataFileReference[] {
  const out: DataFileReference[] = [];
  const re = /\b(csv|npy)\s*\(\s*"([^"\n\r]*)"/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index + m[0].length - m[2].length - 2;
    out.push({ path: m[2], range: { start, end: start + m[2].length + 2 } });
  }
  return out;
}

/** Rows of numbers read from a data file, or undefined after reporting why not. */
export function readDataCall(
  ctx: Ctx & { readonly files?: ReadonlyMap<string, Uint8Array> },
  p: Extract<Primary, { kind: 'call' }>,
  what: string,
): number[][] | undefined {
  const fn = p.name as DataFunction;
  const [first, ...rest] = p.args;
  if (first?.kind !== 'string') {
    ctx.problems.error(
      CODES.wrongKind,
      first?.range ?? p.range,
      `Expected ${fn}("file.${fn}") with the file's name in double quotes, relative to this spec's folder.`,
    );
    return undefined;
  }
  let columns: number[] | undefined;
  for (const a of rest) {
    const selection = a.kind === 'named' && a.name === 'columns' ? a.value : a;
    const ok = selection.kind === 'numbers' && selection.values.length > 0 && selection.values.every((v) => Number.isInteger(v) && v >= 0);
    if (!ok || columns !== undefined || (a.kind === 'named' && a.name !== 'columns')) {
      ctx.problems.error(CODES.wrongKind, a.range, `Expected at most one column selection, columns = [0, 1] (0-based column numbers), after the file name.`);
      return undefined;
    }
    columns = Array.from((selection as Extract<Primary, { kind: 'numbers' }>).values);
  }
  const name = escapeControls(first.value);
  const bytes = ctx.files?.get(first.value);
  if (bytes === undefined) {
    ctx.problems.error(
      CODES.dataFile,
      first.range,
      `Cannot read the data file "${name}" for ${what}: expected a readable file of at most ${MAX_DATA_FILE_BYTES / 1048576} MB at that path, relative to this spec's folder.`,
    );
    return undefined;
  }
  const read = fn === 'csv' ? parseCsv(utf8(bytes)) : parseNpy(bytes);
  if ('error' in read) {
    ctx.problems.error(CODES.dataFile, first.range, `${name}: ${read.error}`);
    return undefined;
  }
  let rows = read.rows;
  if (columns) {
    const width = rows[0]?.length ?? 0;
    const bad = columns.find((c) => c >= width);
    if (bad !== undefined) {
      ctx.problems.error(
        CODES.dataFile,
        rest[0].range,
        `${name} has ${width} column${width === 1 ? '' : 's'} (0 … ${width - 1}); column ${bad} does not exist.`,
      );
      return undefined;
    }
    rows = rows.map((r) => columns!.map((c) => r[c]));
  }
  if (rows.length === 0) {
    ctx.problems.error(CODES.dataFile, first.range, `${name} holds no data rows: expected at least one sample.`);
    return undefined;
  }
  return rows;
}

type Read = { readonly rows: number[][] } | { readonly error: string };

/** CSV text → rows of numbers; the error names the file's line and column (1-based). */
export function parseCsv(text: string): Read {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const firstData = lines.findIndex((l) => l.trim() !== '');
  if (firstData < 0) return { rows: [] };
  const delimiter = [',', ';', '\t'].find((d) => lines[firstData].includes(d)) ?? ',';
  const rows: number[][] = [];
  let width = -1;
  for (let k = firstData; k < lines.length; k++) {
    const line = lines[k];
    if (line.trim() === '') continue;
    const cells = line.split(delimiter);
    const values: number[] = [];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c].trim();
      const v = cell === '' ? NaN : Number(cell);
      if (!Number.isFinite(v)) {
        // One header line is allowed: a first line with a cell that is not a number.
        if (k === firstData && rows.length === 0) {
          values.length = 0;
          break;
        }
        return {
          error: `line ${k + 1}, column ${c + 1}: expected a number, found ${cell === '' ? 'an empty cell' : `'${escapeControls(cell.slice(0, 24))}'`}.`,
        };
      }
      values.push(v);
    }
    if (values.length === 0) {
      if (k === firstData) continue; // the header
      return { error: `line ${k + 1}: expected numbers separated by '${delimiter === '\t' ? 'tab' : delimiter}'.` };
    }
    if (width < 0) width = values.length;
    else if (values.length !== width)
      return {
        error: `line ${k + 1} has ${values.length} cell${values.length === 1 ? '' : 's'} but the first data row has ${width}: every row needs the same number of columns.`,
      };
    rows.push(values);
  }
  return { rows };
}

/** NumPy .npy bytes → rows (2-D: samples × features; 1-D: one value per row). */
export function parseNpy(bytes: Uint8Array): Read {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || magic.some((b, i) => bytes[i] !== b)) return { error: 'not a NumPy .npy file (no \\x93NUMPY header).' };
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = utf8(bytes.subarray(headerStart, headerStart + headerLength));
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || !fortran || shapeText === undefined) return { error: 'the .npy header is not readable (expected descr, fortran_order and shape).' };
  if (fortran === 'True') return { error: 'the array is in Fortran order; save it in C order (numpy.ascontiguousarray).' };
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  if (shape.length < 1 || shape.length > 2 || shape.some((d) => !Number.isInteger(d) || d < 0))
    return { error: `expected a 1-D or 2-D array, found shape (${shapeText.trim()}).` };
  const readers: Record<string, [number, (o: number) => number]> = {
    '<f8': [8, (o) => view.getFloat64(o, true)],
    '<f4': [4, (o) => view.getFloat32(o, true)],
    '<i8': [8, (o) => Number(view.getBigInt64(o, true))],
    '<i4': [4, (o) => view.getInt32(o, true)],
    '|u1': [1, (o) => view.getUint8(o)],
  };
  const reader = readers[descr];
  if (!reader) return { error: `unsupported dtype '${escapeControls(descr)}': expected float64, float32, int64, int32 or uint8, little-endian.` };
  const [size, get] = reader;
  const [P, n = 1] = shape;
  const data = headerStart + headerLength;
  if (data + P * n * size > bytes.length) return { error: `the file is shorter than its shape (${shapeText.trim()}) needs.` };
  const rows: number[][] = [];
  for (let p = 0; p < P; p++) {
    const row: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = get(data + (p * n + i) * size);
      if (!Number.isFinite(v)) return { error: `row ${p + 1}, column ${i + 1}: the value is not a finite number.` };
      row.push(v);
    }
    rows.push(row);
  }
  return { rows };
}

/** UTF-8 bytes as text (the core has no TextDecoder); a malformed sequence reads as U+FFFD. */
export function utf8(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let cp = 0xfffd;
    let len = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0 && (bytes[i + 1] & 0xc0) === 0x80) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      len = 2;
    } else if (b >= 0xe0 && b < 0xf0 && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
      cp = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      len = 3;
    } else if (b >= 0xf0 && b < 0xf5 && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80 && (bytes[i + 3] & 0xc0) === 0x80) {
      cp = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      len = 4;
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else chunk.push(cp);
    i += len;
    if (chunk.length >= 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}
