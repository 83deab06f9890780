/**
 * The command-line tool `gradient-geometry` (bundled to dist/cliMain.js, started by dist/cli.js, bin.ts):
 *   gradient-geometry analyze FILE [--json] [-o OUT]
 *   gradient-geometry render FILE -o OUT [--format svg|png|gif] […]
 * Arguments are parsed by node:util parseArgs (strict). docs/cli.md documents every flag.
 * Exit codes: 0 ok, 1 the spec has errors (printed as file:line:col lines on stderr), 2 usage
 * error, unreadable input or unwritable output.
 */
import { ANALYZE_USAGE, runAnalyze } from './analyze';
import { EXIT, VERSION, type Io } from './io';
import { RENDER_USAGE, runRender } from './render';

const USAGE = `Usage:
${ANALYZE_USAGE}
${RENDER_USAGE}
  gradient-geometry --help | --version`;

const HELP = `gradient-geometry ${VERSION}: the geometry of a neuron's gradient descent, from a .neuron spec.

${USAGE}

Commands:
  analyze    the analysis as a short report, or as JSON (--json)
  render     the weight-plane picture as SVG, PNG, or an animated GIF of the run

Run 'gradient-geometry COMMAND --help' for a command's options; docs/cli.md has them all.
Exit codes: 0 ok, 1 the spec has errors, 2 usage error, unreadable input or unwritable output.`;

const COMMANDS: Record<string, (args: readonly string[], io: Io) => number> = { analyze: runAnalyze, render: runRender };

/**
 * Runs the CLI and returns its exit code (separate from process handling, for tests). The command is
 * the first argument that is not an option, so `--json analyze FILE` still works as it always did.
 */
export function runCli(args: readonly string[], io: Io): number {
  const at = args.findIndex((a) => !a.startsWith('-'));
  const command = at < 0 ? undefined : args[at];
  if (command === undefined || !(command in COMMANDS)) {
    if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
      io.out(HELP);
      return EXIT.ok;
    }
    if (args.length === 1 && args[0] === '--version') {
      io.out(VERSION);
      return EXIT.ok;
    }
    const why =
      command === undefined ? (args.length === 0 ? 'expects a command' : `unknown option '${args[0]}' before a command`) : `unknown command '${command}'`;
    io.err(`gradient-geometry: ${why}\n${USAGE}\nRun 'gradient-geometry --help' for more.`);
    return EXIT.usage;
  }
  return COMMANDS[command]([...args.slice(0, at), ...args.slice(at + 1)], io);
}

/** Runs the CLI as the process: its arguments, its streams, its exit code (dist/cli.js calls this, bin.ts). */
export function main(): void {
  // A closed pipe (`... | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.exitCode = runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t + '\n'),
    err: (t) => process.stderr.write(t + '\n'),
    write: (data) => process.stdout.write(data),
  });
}

if (require.main === module) main();
