#!/usr/bin/env node
/**
 * The `gradient-geometry` command (package.json `bin`, built to dist/cli.js): loads the CLI's bundle
 * (dist/cliMain.js, from main.ts) through V8's code cache and runs it.
 *
 * A run of the CLI is short (0.1–0.3 s), and compiling the functions it calls to bytecode is a fair
 * part of it: the first run of a command keeps the bytecode V8 compiled (`createCachedData` at exit)
 * in the user's cache folder, and later runs of that command start from it (render of a lesson
 * ~20 ms less CPU, analyze ~12 ms). This is what Node 22's `module.enableCompileCache()` does; Node 20
 * has only `vm.Script`'s `cachedData`. A cache V8 rejects (another Node, other flags) is replaced;
 * a cache that cannot be read or written is simply not used. The key holds the bundle's size and
 * modification time, so a rebuilt or upgraded bundle never meets an old cache.
 * GRADIENT_GEOMETRY_CODE_CACHE=0 turns the cache off.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';

/** Node's CommonJS internals this loader relies on (stable since Node 0.x, untyped in @types/node). */
interface ModuleInternals {
  wrap(source: string): string;
  _nodeModulePaths(from: string): string[];
}

/** The cache file of `command` for this bundle, or null when caching is off or has no folder. */
function cacheFile(bundle: string, command: string): string | null {
  if (process.env.GRADIENT_GEOMETRY_CODE_CACHE === '0') return null;
  try {
    const st = statSync(bundle);
    const root = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
    const key = `${command}-${st.size}-${Math.floor(st.mtimeMs)}-${process.version}-${process.arch}.v8cache`;
    return path.join(root, 'gradient-geometry', key);
  } catch {
    return null;
  }
}

/**
 * Writes `data` to `file` atomically (concurrent runs may race; the last complete file wins), and
 * removes the same command's caches of other bundles: each upgrade or rebuild would leave one more.
 */
function writeCache(file: string, command: string, data: Uint8Array): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
  for (const old of readdirSync(dir)) {
    if (old.startsWith(`${command}-`) && old.endsWith('.v8cache') && old !== path.basename(file)) rmSync(path.join(dir, old), { force: true });
  }
}

function start(): void {
  const bundle = path.join(__dirname, 'cliMain.js');
  const args = process.argv.slice(2);
  const command = args.find((a) => !a.startsWith('-')) ?? 'none';
  // Only commands that do their work leave a cache (not --help, --version or a usage error).
  const worthKeeping = /^(analyze|render)$/.test(command) && !args.some((a) => a === '--help' || a === '-h');
  const file = worthKeeping ? cacheFile(bundle, command) : null;
  let cachedData: Buffer | undefined;
  if (file !== null) {
    try {
      cachedData = readFileSync(file);
    } catch {
      // First run of this command (or an unreadable cache): compile as usual and keep the result.
    }
  }
  const source = readFileSync(bundle, 'utf8');
  const internals = Module as unknown as ModuleInternals;
  const script = new Script(internals.wrap(source), { filename: bundle, cachedData });
  const bundleModule = new Module(bundle, module);
  bundleModule.filename = bundle;
  bundleModule.paths = internals._nodeModulePaths(__dirname);
  const load = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  const bundleRequire = Object.assign((id: string) => bundleModule.require(id), {
    resolve: require.resolve,
    cache: require.cache,
    main: require.main,
    extensions: require.extensions,
  }) as NodeJS.Require;
  load.call(bundleModule.exports, bundleModule.exports, bundleRequire, bundleModule, bundle, __dirname);
  if (file !== null && (cachedData === undefined || script.cachedDataRejected === true)) {
    process.once('exit', (code) => {
      if (code !== 0) return;
      try {
        writeCache(file, command, script.createCachedData());
      } catch {
        // A read-only home or a full disk: run without a cache.
      }
    });
  }
  (bundleModule.exports as { main(): void }).main();
}

start();
