/**
 * `gradient-geometry analyze FILE [--json] [-o OUT]`: the analysis as a short report, or as JSON
 * with a schemaVersion (docs/analysis-json.md, docs/analysis.schema.json).
 * Exit codes: 0 analysed, 1 the spec has errors (file:line:col lines on stderr), 2 usage error,
 * unreadable input or unwritable output.
 */
import { analyzeSpec } from '../core/analysis/analyze';
import { analysisDocument, SCHEMA_VERSION } from './analysisJson';
import { jsonParts } from './jsonParts';
import { EXIT, parseCommand, usageError, wantsHelp, writeOutput, type Io } from './io';
import { formatReport } from './report';
import { readSpecFile } from './specFile';

export const ANALYZE_USAGE = `  gradient-geometry analyze FILE [--json] [-o OUT]`;

export const ANALYZE_HELP = `Usage:
${ANALYZE_USAGE}

Analyse a .neuron spec: curvature, step-size bounds, the optimum, the run and its zig-zag, as a
short report or as JSON (docs/analysis-json.md; schema docs/analysis.schema.json).

Arguments:
  FILE                 the spec; - reads standard input

Options:
  --json               print the analysis as JSON, with "schemaVersion": ${SCHEMA_VERSION} at the top
  -o, --output OUT     write the report or JSON to OUT instead of standard output (- is standard output)
  -h, --help           show this help

Exit codes: 0 ok, 1 the spec has errors (file:line:col: … on stderr), 2 usage error, unreadable
input or unwritable output.`;

export function runAnalyze(args: readonly string[], io: Io): number {
  if (wantsHelp(args)) {
    io.out(ANALYZE_HELP);
    return EXIT.ok;
  }
  const parsed = parseCommand(args, {
    json: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
  });
  if (typeof parsed === 'string') return usageError(io, 'analyze', parsed, ANALYZE_USAGE);
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) return usageError(io, 'analyze', 'expects a .neuron FILE (or - for standard input)', ANALYZE_USAGE);
  if (extra.length > 0) return usageError(io, 'analyze', `unexpected argument '${extra[0]}'`, ANALYZE_USAGE);
  const json = parsed.values.json === true;
  const output = typeof parsed.values.output === 'string' ? parsed.values.output : '-';

  const read = readSpecFile(file, io);
  if ('exit' in read) return read.exit;
  const spec = read.parsed.spec;
  if (spec === undefined) return EXIT.spec;

  const analysis = analyzeSpec(spec);
  // JSON in parts, each written as it is made (jsonParts.ts): the same text as analysisJson.
  const text = json ? withNewline(jsonParts(analysisDocument(analysis))) : formatReport(file, analysis) + '\n';
  const code = writeOutput(output, text, io);
  if (code === EXIT.ok && output !== '-') io.out(`${output}: ${file}, ${json ? `analysis JSON (schema version ${SCHEMA_VERSION})` : 'report'}`);
  return code;
}

function* withNewline(parts: Iterable<string>): Generator<string> {
  yield* parts;
  yield '\n';
}
