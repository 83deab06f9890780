/**
 * Command-line tool: `node dist/cli.js analyze FILE [--json]`.
 * Exit codes: 0 analysed, 1 the spec has errors (printed as file:line:col lines on stderr),
 * 2 usage error or unreadable file.
 */
import { analyzeSpec } from '../core/analysis/analyze';
import { formatReport } from './report';
import { RENDER_USAGE, runRender } from './render';
import { readSpecFile } from './specFile';

const USAGE = `Usage:
  gradient-geometry analyze FILE [--json]   analyse a .neuron spec (JSON with --json); FILE - reads standard input
${RENDER_USAGE}
  gradient-geometry --help
Exit codes: 0 ok, 1 the spec has errors, 2 usage error or unreadable file.`;

interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Runs the CLI and returns its exit code (separate from process handling, for tests). */
export function runCli(args: readonly string[], io: Io): number {
  if (args[0] === 'render') return runRender(args.slice(1), io);
  const positional = args.filter((a) => !a.startsWith('--'));
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  if (flags.has('--help') || positional.length === 0) {
    (flags.has('--help') ? io.out : io.err)(USAGE);
    return flags.has('--help') ? 0 : 2;
  }
  const [command, file, ...rest] = positional;
  const unknownFlags = [...flags].filter((f) => f !== '--json');
  if (command !== 'analyze' || file === undefined || rest.length > 0 || unknownFlags.length > 0) {
    io.err(`gradient-geometry: unexpected arguments: ${args.join(' ')}\n${USAGE}`);
    return 2;
  }

  const read = readSpecFile(file, io);
  if ('exit' in read) return read.exit;
  const parsed = read.parsed;
  if (parsed.spec === undefined) return 1;

  const analysis = analyzeSpec(parsed.spec);
  io.out(flags.has('--json') ? JSON.stringify(analysis, null, 2) : formatReport(file, analysis));
  return 0;
}

if (require.main === module) {
  // A closed pipe (`... | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const code = runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t + '\n'),
    err: (t) => process.stderr.write(t + '\n'),
  });
  process.exitCode = code;
}
