// Each figure beside its peer, measured in the same run (issue 10, part 4): the CLI against the numpy
// script doing the same loop (scripts/bench-peers/numpy_descent.py), whole processes, CPU time
// (user + system of the child: a busy neighbour changes wall time, not the work done), median of
// `reps` runs each, interleaved so that both see the same machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

interface Measured {
  readonly cpuMs: number;
  readonly wallMs: number;
}

/** CPU and wall time of one child process (Linux: from /usr/bin/time's %U and %S), or null when it failed. */
function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Measured | null {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', command, ...args], { encoding: 'utf8', env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t0;
  const m = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) return null;
  return { cpuMs: (Number(m[1]) + Number(m[2])) * 1000, wallMs };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A spec of the headline case: n weights, P samples, `steps` full-batch steps. */
function headlineSpec(n: number, P: number, steps: number): string {
  const w = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '1.5' : '-0.5')).join(', ');
  const wStar = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '-1' : '1')).join(', ');
  return `f = w·x + b\nx ~ sigmoid(normal(0, 1))\nsamples = ${P}\nw = [${w}]\nw* = [${wStar}]\nlr = 0.02\nbatch = all\nsteps = ${steps}\n`;
}

export function peersTable(root: string, reps = 5): void {
  console.log('\n## Against the peers (whole processes, CPU time user + system, median of 5, interleaved)');
  const dir = mkdtempSync(path.join(tmpdir(), 'gg-peers-'));
  const spec = path.join(dir, 'headline.neuron');
  writeFileSync(spec, headlineSpec(100, 1000, 1000));
  const cli = path.join(root, 'dist/cli.js');
  const peer = path.join(root, 'scripts/bench-peers/numpy_descent.py');
  // One BLAS thread: the comparison is per core, and a busy machine must not oversubscribe.
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const a = measure(process.execPath, [cli, 'analyze', spec, '--json', '-o', path.join(dir, 'out.json')]);
    const b = measure('python3', [peer, '100', '1000', '1000'], env);
    if (!a || !b) {
      console.log(`  skipped: ${!a ? 'the CLI' : 'python3 with numpy'} did not run (the peer needs python3 and numpy)`);
      return;
    }
    ours.push(a.cpuMs);
    theirs.push(b.cpuMs);
  }
  const o = median(ours);
  const t = median(theirs);
  console.log(`1,000 full-batch steps, n = 100, P = 1,000, JSON out: ours ${o.toFixed(0)} ms, numpy ${t.toFixed(0)} ms: ${(o / t).toFixed(2)}× (aim ≤ 0.5×)`);
}
