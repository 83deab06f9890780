/**
 * What every CLI command shares: its streams (so tests and main.ts decide where text goes), the
 * version, `parseArgs` with usage errors in one form, and writing a result to a file or to `-`.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The streams of a command. `out` and `err` add a newline; `write` is raw standard output (binary). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  write(data: string | Uint8Array): void;
}

declare const __GG_VERSION__: string | undefined;

/** package.json's version, put in by the bundler (esbuild.js `define`); "dev" when run unbundled. */
export const VERSION: string = typeof __GG_VERSION__ === 'string' ? __GG_VERSION__ : 'dev';

/** Exit codes (docs/cli.md): 0 ok, 1 the spec has errors, 2 usage error or unusable input/output. */
export const EXIT = { ok: 0, spec: 1, usage: 2 } as const;

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed values of a command's options: strings, booleans, positionals. */
export interface Parsed {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
}

/**
 * `parseArgs` in strict mode with positionals, or the usage error as a string. Node's message names
 * the offending option ("Unknown option '--frob'", "Option '--theme <value>' argument missing").
 */
export function parseCommand(args: readonly string[], options: Options): Parsed | string {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS_')) return err.message;
    throw e;
  }
}

/** `--help` or `-h` before any `--`. */
export function wantsHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

/** Prints a usage error for `command` the same way everywhere and returns exit 2. */
export function usageError(io: Io, command: string, message: string, synopsis: string): number {
  io.err(
    `gradient-geometry${command ? ` ${command}` : ''}: ${message}\nUsage:\n${synopsis}\nRun 'gradient-geometry${command ? ` ${command}` : ''} --help' for every option.`,
  );
  return EXIT.usage;
}

/**
 * Writes `data` to `target` (`-`: standard output); returns an exit code after printing any error.
 * Parts (jsonParts.ts) are written one by one as they are made, never joined into one string.
 */
export function writeOutput(target: string, data: string | Uint8Array | Iterable<string>, io: Io): number {
  if (target === '-') {
    if (typeof data === 'string' || data instanceof Uint8Array) io.write(data);
    else for (const part of data) io.write(part);
    return EXIT.ok;
  }
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) writeFileSync(target, data);
    else {
      const fd = openSync(target, 'w');
      try {
        for (const part of data) writeSync(fd, part);
      } finally {
        closeSync(fd);
      }
    }
    return EXIT.ok;
  } catch (e) {
    io.err(`gradient-geometry: cannot write ${target}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return EXIT.usage;
  }
}
