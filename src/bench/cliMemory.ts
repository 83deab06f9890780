// Peak memory of the CLI on the largest accepted spec (issue 11, part 2): `analyze --json` on a
// written-out 100,000 × 38 matrix (about 7.9 MB, near LIMITS.maxFileChars), whole process, peak
// resident set size (Linux: /usr/bin/time's %M), beside the spec's size. Aim: under 350 MB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The aim for the CLI's peak RSS on the largest accepted spec. */
export const CLI_PEAK_RSS_AIM_MB = 350;

/** A written-out P × n matrix of one-digit inputs (seeded), with w and w*: ~7.9 MB for the defaults. */
export function largestSpec(P = 100_000, n = 38): string {
  const rows: string[] = [];
  let seed = 7;
  for (let p = 0; p < P; p++) {
    const row = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      seed = (seed * 16807) % 2147483647;
      row[i] = seed % 10;
    }
    rows.push(`[${row.join(',')}]`);
  }
  return `f = w·x + b\nx = [${rows.join(',\n')}]\nw = [${new Array(n).fill(0).join(', ')}]\nw* = [${new Array(n).fill(0.5).join(', ')}]\nlr = 0.5\n`;
}

/** Peak RSS (MB, decimal: /usr/bin/time's kB ÷ 1000) and CPU time (ms) of one child process, or null when it failed. */
function peakOf(command: string, args: readonly string[]): { rssMb: number; cpuMs: number } | null {
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const m = /(\d+) (\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) return null;
  return { rssMb: Number(m[1]) / 1000, cpuMs: (Number(m[2]) + Number(m[3])) * 1000 };
}

export function cliMemoryTable(root: string, reps = 3): void {
  console.log(`\n## CLI memory on the largest accepted spec (whole process, peak RSS, median of ${reps})`);
  const dir = mkdtempSync(path.join(tmpdir(), 'gg-memory-'));
  const spec = path.join(dir, 'largest.neuron');
  writeFileSync(spec, largestSpec());
  const bytes = statSync(spec).size;
  const cli = path.join(root, 'dist/cli.js');
  const runs: { rssMb: number; cpuMs: number }[] = [];
  for (let r = 0; r < reps; r++) {
    const m = peakOf(process.execPath, [cli, 'analyze', spec, '--json', '-o', path.join(dir, 'out.json')]);
    if (!m) {
      console.log('  skipped: the CLI did not run (or /usr/bin/time is missing)');
      return;
    }
    runs.push(m);
  }
  runs.sort((a, b) => a.rssMb - b.rssMb);
  const mid = runs[Math.floor(runs.length / 2)];
  console.log(
    `analyze --json, ${(bytes / 1e6).toFixed(1)} MB spec (100,000 × 38 written out): peak RSS ${mid.rssMb.toFixed(0)} MB ` +
      `(aim < ${CLI_PEAK_RSS_AIM_MB} MB; ${(mid.rssMb / (bytes / 1e6)).toFixed(0)}× the spec's size), CPU ${mid.cpuMs.toFixed(0)} ms`,
  );
}
