/**
 * The one reader of spec files for every CLI command: a regular file or `-` (standard input),
 * never more than the parser's character limit allows (4 bytes a character, plus one to detect
 * more), with a byte-order mark removed as editors do, so `analyze` and `render` report the same
 * columns. Devices (`/dev/zero`), FIFOs and directories are refused before anything is read:
 * `stat` reports 0 bytes for a device, and opening a FIFO with no writer blocks forever.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { formatDiagnostic, LineIndex } from '../core/diagnostics';
import { CODES } from '../core/spec/codes';
import { dataFileReferences, MAX_DATA_FILE_BYTES } from '../core/spec/dataFiles';
import { parseSpec } from '../core/spec/parse';
import { LIMITS, type ParseResult } from '../core/spec/types';

/** Most bytes a spec of LIMITS.maxFileChars characters can take in UTF-8. */
export const MAX_SPEC_BYTES = LIMITS.maxFileChars * 4;

interface Io {
  err(text: string): void;
}

/** A parsed spec file, or the exit code after the error was printed (1 a located spec error, 2 unusable input). */
export type SpecFile = { readonly text: string; readonly parsed: ParseResult } | { readonly exit: 1 | 2 };

/**
 * Reads at most `cap` bytes from a file descriptor into one buffer (sized from `sizeHint`, the
 * file's size when known, and doubled when more comes); `over` when more were there. No chunk
 * list and no concatenated copy: an 8 MB spec is 8 MB here, once.
 */
function readCapped(fd: number, cap: number, sizeHint = 0): { bytes: Buffer; over: boolean } {
  let buffer = Buffer.allocUnsafe(Math.min(cap + 1, Math.max(1 << 16, sizeHint + 1)));
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.min(cap + 1, buffer.length * 2));
      buffer.copy(bigger, 0, 0, total);
      buffer = bigger;
    }
    let got: number;
    try {
      got = readSync(fd, buffer, total, buffer.length - total, null);
    } catch (e) {
      // A non-blocking standard input with nothing yet: wait briefly and try again.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw e;
    }
    if (got === 0) return { bytes: buffer.subarray(0, total), over: false };
    total += got;
    if (total > cap) return { bytes: Buffer.alloc(0), over: true };
  }
}

/**
 * The spec at `file` (or standard input for `-`), parsed, with its diagnostics printed as
 * `file:line:col: severity CODE: message`. Limits are reported in the same form (GG301 at 1:1).
 */
export function readSpecFile(file: string, io: Io, cap = MAX_SPEC_BYTES): SpecFile {
  const name = file === '-' ? '<stdin>' : file;
  let bytes: Buffer;
  try {
    let fd: number;
    let size = 0;
    if (file === '-') fd = 0;
    else {
      const st = statSync(file);
      if (!st.isFile()) {
        io.err(
          `gradient-geometry: ${file} is not a regular file (${st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a pipe' : 'a device or socket'}); give a .neuron file, or - for standard input`,
        );
        return { exit: 2 };
      }
      fd = openSync(file, 'r');
      // The path could have been swapped between stat and open: check what was opened.
      const opened = fstatSync(fd);
      if (!opened.isFile()) {
        closeSync(fd);
        io.err(`gradient-geometry: ${file} is not a regular file`);
        return { exit: 2 };
      }
      size = opened.size;
    }
    try {
      const r = readCapped(fd, cap, size);
      if (r.over) {
        io.err(
          `${name}:1:1: error ${CODES.fileTooLarge}: The file is larger than ${cap} bytes, more than a spec of at most ${LIMITS.maxFileChars} characters can take; expected a smaller spec.`,
        );
        return { exit: 1 };
      }
      bytes = r.bytes;
    } finally {
      if (fd !== 0) closeSync(fd);
    }
  } catch (e) {
    io.err(`gradient-geometry: cannot read ${name}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return { exit: 2 };
  }
  // Editors hide a byte-order mark; so do we, or every column on line 1 would be one off.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = parseSpec(text, { files: readDataFiles(text, file === '-' ? process.cwd() : path.dirname(path.resolve(file))) });
  if (parsed.diagnostics.length > 0) {
    const index = new LineIndex(text);
    for (const d of parsed.diagnostics) io.err(formatDiagnostic(name, index, d));
  }
  return parsed.spec === undefined ? { exit: 1 } : { text, parsed };
}

/**
 * The data files a spec names (csv("…"), npy("…")), read relative to its folder: regular files of
 * at most MAX_DATA_FILE_BYTES only; anything else is left out, and the parser reports it (GG230).
 */
export function readDataFiles(text: string, folder: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const { path: name } of dataFileReferences(text)) {
    if (files.has(name)) continue;
    try {
      const full = path.resolve(folder, name);
      const st = statSync(full);
      if (st.isFile() && st.size <= MAX_DATA_FILE_BYTES) files.set(name, readFileSync(full));
    } catch {
      // Missing or unreadable: the parser names it.
    }
  }
  return files;
}
