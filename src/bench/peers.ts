// Each figure beside its peer, measured in the same run (issue 10, part 4), whole processes, CPU
// time (user + system of the child: a busy neighbour changes wall time, not the work done), median
// of `reps` runs each, interleaved so that both see the same machine:
//   engine  `analyze --json` of 1,000 full-batch steps (n = 100, P = 1,000) against the numpy
//           script doing the same loop (scripts/bench-peers/numpy_descent.py); aim ≤ 0.5×
//   render  `render` of a 60-step batch-1 lesson to SVG against a numpy + matplotlib script drawing
//           the same picture (scripts/bench-peers/matplotlib_render.py); aim ≤ 0.2×
// A peer that cannot run here (no python3 with numpy, or matplotlib) is reported as missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

interface Measured {
  readonly cpuMs: number;
  readonly wallMs: number;
}

/**
 * CPU and wall time of one child process, or null when it failed: user + system of the children of
 * a bash that runs it, from bash's `times` (1 ms steps; /usr/bin/time's 10 ms steps are a tenth of
 * a 100 ms render).
 */
function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Measured | null {
  const t0 = performance.now();
  const script = '"$@" >/dev/null 2>&1; status=$?; times; exit $status';
  const r = spawnSync('bash', ['-c', script, 'measure', command, ...args], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 20 });
  const wallMs = performance.now() - t0;
  // `times` prints the shell's user and system time, then its children's: "0m0.091s 0m0.016s".
  const m = /(\d+)m(\d+\.\d+)s (\d+)m(\d+\.\d+)s\s*$/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) return null;
  return { cpuMs: (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000, wallMs };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A spec of the headline case: n weights, P samples, `steps` full-batch steps. */
function headlineSpec(n: number, P: number, steps: number): string {
  const w = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '1.5' : '-0.5')).join(', ');
  const wStar = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '-1' : '1')).join(', ');
  return `f = w·x + b\nx ~ sigmoid(normal(0, 1))\nsamples = ${P}\nw = [${w}]\nw* = [${wStar}]\nlr = 0.02\nbatch = all\nsteps = ${steps}\n`;
}

/** The lesson the render row draws: the sigmoid-northwest lesson with 60 steps of batch 1 (as the matplotlib peer). */
export const RENDER_LESSON = `f = w·x + b
x ~ sigmoid(normal(0, 1))
samples = 64
seed = 7
w* = [-1, 1]
b* = 0
w = [1.5, -0.5]
b = 0
loss = squared
optimizer = sgd
lr = 0.5
batch = 1
steps = 60
`;

/** One BLAS thread: the comparison is per core, and a busy machine must not oversubscribe. */
const ONE_THREAD = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

/** The first of `candidates` that imports every module, or null. */
function pythonWith(modules: string, candidates: readonly string[] = ['python3', '/usr/bin/python3']): string | null {
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', `import ${modules}`], { stdio: 'ignore', env: ONE_THREAD });
    if (r.status === 0) return python;
  }
  return null;
}

/** Ours against the peer, interleaved; the median CPU times, or why a side did not run. */
function versus(ours: readonly string[], peer: readonly string[], reps: number): { ours: number; peer: number } | string {
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < reps; r++) {
    const x = measure(process.execPath, ours);
    if (!x) return 'the CLI did not run';
    const y = measure(peer[0], peer.slice(1), ONE_THREAD);
    if (!y) return `the peer did not run (${peer.join(' ')})`;
    a.push(x.cpuMs);
    b.push(y.cpuMs);
  }
  return { ours: median(a), peer: median(b) };
}

export function peersTable(root: string, reps = 9): void {
  console.log(`\n## Against the peers (whole processes, CPU time user + system, median of ${reps}, interleaved)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'gg-peers-'));
  const cli = path.join(root, 'dist/cli.js');

  const spec = path.join(dir, 'headline.neuron');
  writeFileSync(spec, headlineSpec(100, 1000, 1000));
  const numpy = pythonWith('numpy');
  const engine =
    numpy === null
      ? 'missing peer: no python3 with numpy (pip install numpy, or apt-get install python3-numpy)'
      : versus(
          [cli, 'analyze', spec, '--json', '-o', path.join(dir, 'out.json')],
          [numpy, path.join(root, 'scripts/bench-peers/numpy_descent.py'), '100', '1000', '1000'],
          reps,
        );
  console.log(
    typeof engine === 'string'
      ? `engine, 1,000 full-batch steps, n = 100, P = 1,000, JSON out: skipped: ${engine}`
      : `engine, 1,000 full-batch steps, n = 100, P = 1,000, JSON out: ours ${engine.ours.toFixed(0)} ms, numpy ${engine.peer.toFixed(0)} ms: ${(engine.ours / engine.peer).toFixed(2)}× (aim ≤ 0.5×)`,
  );

  const lesson = path.join(dir, 'lesson60.neuron');
  writeFileSync(lesson, RENDER_LESSON);
  const matplotlib = pythonWith('numpy, matplotlib');
  const render =
    matplotlib === null
      ? 'missing peer: no python3 with numpy and matplotlib (Debian: apt-get install python3-matplotlib, or scripts/setup.sh --bench)'
      : versus(
          [cli, 'render', lesson, '-o', path.join(dir, 'ours.svg')],
          [matplotlib, path.join(root, 'scripts/bench-peers/matplotlib_render.py'), path.join(dir, 'peer.svg')],
          reps,
        );
  console.log(
    typeof render === 'string'
      ? `render, 60-step batch-1 lesson to SVG: skipped: ${render}`
      : `render, 60-step batch-1 lesson to SVG: ours ${render.ours.toFixed(0)} ms, numpy + matplotlib ${render.peer.toFixed(0)} ms: ${(render.ours / render.peer).toFixed(2)}× (aim ≤ 0.2×)`,
  );
}
