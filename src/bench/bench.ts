// Benchmark of the engine, the analysis and the parser. Bundled by esbuild to dist/bench.js.
//   npm run bench                 every table
//   node dist/bench.js --headline only the 1,000-step n = 100 case, then the whole process's time
//   node dist/bench.js --peers    each whole-process figure beside its peer (numpy, matplotlib)
//   node dist/bench.js --memory   the CLI's peak RSS on the largest accepted spec
// Times are wall-clock medians (performance.now); memory is the heap/RSS high-water mark seen.
import { readFileSync } from 'node:fs';
import { analyzeSpec, initialTheta } from '../core/analysis/analyze';
import { analyseHessian } from '../core/analysis/hessian';
import { findOptimum } from '../core/analysis/optimum';
import { learningRateInfo } from '../core/analysis/stability';
import { BatchSchedule } from '../core/engine/batches';
import { buildDataset } from '../core/engine/dataset';
import { runDescent } from '../core/engine/descentPath';
import { buildObjective } from '../core/engine/objective';
import { batchSize, createStepper } from '../core/engine/optimizers';
import { parseSpec } from '../core/spec/parse';
import { cliMemoryTable } from './cliMemory';
import { editorTable } from './editorBench';
import { peersTable } from './peers';
import { searchWorstSpec, timeFresh, timeSpecFromStdin } from './worstSpec';
import type { Spec } from '../core/spec/types';

let peakHeap = 0;
let peakRss = 0;
function sampleMemory(): void {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
}

/** Median wall time in ms of `reps` calls (after one warm-up unless reps is 1). */
function time(fn: () => unknown, reps: number): number {
  if (reps > 1) fn();
  const ts: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
    sampleMemory();
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)];
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;
const pad = (s: string | number, w: number): string => String(s).padStart(w);

/** The default lesson as the engine sees it: the parser's defaults for an empty text. */
function lesson(over: Partial<Spec> = {}): Spec {
  const base = parseSpec('').spec;
  if (base === undefined) throw new Error('the default lesson does not parse');
  return { ...base, ...over };
}

/** A spec of dimension n with P samples, `steps` steps and the given batch. */
function sized(n: number, P: number, steps: number, batch: number | 'all', over: Partial<Spec> = {}): Spec {
  const wStar = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1 : 1));
  const w = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1.5 : -0.5));
  return lesson({ samples: P, steps, batch, w, labels: { kind: 'teacher', w: wStar, b: 0 }, lr: 0.02, ...over });
}

/** Engine stages of one spec, timed separately. */
function engineRow(label: string, spec: Spec): void {
  const P = spec.samples;
  const B = batchSize(spec.batch, P);
  let data = buildDataset(spec);
  const tData = time(() => (data = buildDataset(spec)), 1);
  let obj = buildObjective(data, spec.loss, spec.biasTrained, spec.b);
  const tMoments = time(() => (obj = buildObjective(data, spec.loss, spec.biasTrained, spec.b)), 1);
  const theta0 = initialTheta(spec);
  let hess = analyseHessian(obj, theta0);
  const tEig = time(() => (hess = analyseHessian(obj, theta0)), 1);
  const opt = findOptimum(obj, theta0, hess.eig);
  const lr = learningRateInfo(hess.eig, spec.optimizer, spec.lr, spec.loss);
  const tRun = time(
    () =>
      runDescent(obj, createStepper(spec.optimizer, spec.lr, obj.q), new BatchSchedule(P, B, spec.shuffle, spec.seed), theta0, opt.theta, {
        steps: spec.steps,
        unstable: lr.unstableDirections,
      }),
    1,
  );
  const perStep = (tRun * 1000) / spec.steps;
  const perSample = (tRun * 1e6) / (spec.steps * B);
  const setupPerSample = ((tData + tMoments) * 1e6) / P;
  console.log(
    `${label.padEnd(34)}${pad(tData.toFixed(1), 9)}${pad(tMoments.toFixed(1), 10)}${pad(tEig.toFixed(1), 10)}${pad(tRun.toFixed(1), 10)}` +
      `${pad(perStep.toFixed(2), 11)}${pad(perSample.toFixed(1), 13)}${pad(setupPerSample.toFixed(0), 12)}`,
  );
}

function engineTable(): void {
  console.log('\n## Engine (ms; µs per step; ns per sample visited in the run; ns per sample to build data + moments)');
  console.log(
    `${'case'.padEnd(34)}${pad('data', 9)}${pad('moments', 10)}${pad('hess+eig', 10)}${pad('run', 10)}${pad('µs/step', 11)}${pad('ns/sample', 13)}${pad('ns/sample', 12)}`,
  );
  const cases: [string, Spec][] = [
    [`n=2 P=64 steps=${lesson().steps} B=1 (lesson)`, lesson()],
    ['n=2 P=1000 steps=10000 B=1', sized(2, 1000, 10_000, 1, { lr: 0.5 })],
    ['n=2 P=100000 steps=1000 B=all', sized(2, 100_000, 1000, 'all', { lr: 0.5 })],
    ['n=2 P=100000 steps=1000 B=all log', sized(2, 100_000, 1000, 'all', { lr: 0.5, loss: 'logistic' })],
    ['n=10 P=10000 steps=10000 B=32', sized(10, 10_000, 10_000, 32)],
    ['n=100 P=1000 steps=1000 B=all', sized(100, 1000, 1000, 'all')],
    ['n=100 P=100000 steps=100 B=all', sized(100, 100_000, 100, 'all')],
    ['n=100 P=10000 steps=10000 B=64', sized(100, 10_000, 10_000, 64, { lr: 0.002 })],
    ['n=1000 P=1000 steps=100 B=all', sized(1000, 1000, 100, 'all', { lr: 0.001 })],
    ['n=1000 P=10000 steps=1000 B=16', sized(1000, 10_000, 1000, 16, { lr: 0.0005 })],
  ];
  for (const [label, spec] of cases) engineRow(label, spec);
}

function parserTable(): void {
  console.log('\n## Parser (ms per MB; median of 5)');
  const rows: string[] = [];
  for (let p = 0, size = 0; size < 1_000_000; p++) {
    const r = `[${(0.5 + 0.4 * Math.sin(p)).toFixed(6)}, ${(0.5 + 0.4 * Math.cos(p * 1.3)).toFixed(6)}]`;
    rows.push(r);
    size += r.length + 2;
  }
  const matrix = `f = w·x + b\nx = [${rows.join(', ')}]\nw* = [-1, 1]\nw = [1.5, -0.5]\nlr = 0.1\n`;
  const lines: string[] = [];
  for (let k = 0, size = 0; size < 1_000_000; k++) {
    const line = k % 3 === 0 ? `# comment line ${k} about the lesson` : k % 3 === 1 ? `lr = 0.${(k % 9) + 1}   // the step size` : `w = [1.5, -0.5]`;
    lines.push(line);
    size += line.length + 1;
  }
  const statements = `x ~ sigmoid(normal(0, 1))\nsamples = 64\nseed = 7\n${lines.join('\n')}\n`;
  for (const [label, text] of [
    ['1 MB matrix of samples', matrix],
    ['1 MB of statements/comments', statements],
  ] as const) {
    let diags = 0;
    const t = time(() => (diags = parseSpec(text).diagnostics.length), 5);
    console.log(
      `${label.padEnd(34)}${pad((t / (text.length / 1048576)).toFixed(1), 9)} ms/MB  (${(text.length / 1048576).toFixed(2)} MB, ${diags} diagnostics)`,
    );
  }
}

function headline(): number {
  const spec = sized(100, 1000, 1000, 'all');
  const t = time(() => analyzeSpec(spec), 1);
  console.log(`1,000 full-batch steps, n = 100, P = 1,000 (whole analysis): ${t.toFixed(1)} ms`);
  return t;
}

/**
 * The worst accepted spec by search (issue 11, part 1): aim ≤ 2 s on one core, all variants
 * included, both in the search's long-running process (after every other candidate, as in the
 * analysis worker) and in a fresh process (the slowest few timed again, each in its own).
 */
function worstSpecTable(candidates: number, seed: number): void {
  console.log(`\n## Worst accepted spec (search: ${candidates} random specs, each also pushed to its limits; seed ${seed})`);
  const r = searchWorstSpec(candidates, seed, (line) => console.log(line));
  console.log(
    `${r.accepted} of ${r.candidates} candidates accepted (${r.networks} networks); median ${r.medianMs.toFixed(0)} ms; worst ${r.worstMs.toFixed(0)} ms, estimated ${r.worstEstimateMs.toFixed(0)} ms (aim ≤ 2000 ms):`,
  );
  console.log(
    `  worst network ${r.worstNetwork.ms.toFixed(0)} ms (estimated ${r.worstNetwork.estimateMs.toFixed(0)} ms); worst single neuron ${r.worstNeuron.ms.toFixed(0)} ms (estimated ${r.worstNeuron.estimateMs.toFixed(0)} ms)`,
  );
  console.log(
    r.worstText
      .replace(/^/gm, '    ')
      .replace(/(w\*? = \[[^\]]{60})[^\]]*\]/g, '$1…]')
      .replace(/(W = \[.{60}).*/g, '$1…]'),
  );
  console.log('  slowest, CPU ms in this process / in a fresh process / estimated:');
  for (const t of r.slowest) console.log(`    ${t.ms.toFixed(0)} / ${timeFresh(t.text).toFixed(0)} / ${t.estimateMs.toFixed(0)}: ${t.summary}`);
  console.log('  most under-priced (≥ 100 ms), CPU ms in this process / estimated:');
  for (const t of r.underPriced) console.log(`    ${t.ms.toFixed(0)} / ${t.estimateMs.toFixed(0)} (×${(t.ms / t.estimateMs).toFixed(2)}): ${t.summary}`);
}

function option(name: string, fallback: number): number {
  const k = process.argv.indexOf(name);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
}

function main(): void {
  if (process.argv.includes('--fit')) {
    // Rows for fitting the work model's prices (ns per unit of each part), one JSON per line.
    for (const row of searchWorstSpec(option('--candidates', 40), option('--seed', 1)).rows) console.log(JSON.stringify(row));
    return;
  }
  if (process.argv.includes('--peers')) {
    peersTable(process.cwd());
    return;
  }
  if (process.argv.includes('--memory')) {
    cliMemoryTable(process.cwd());
    return;
  }
  if (process.argv.includes('--time-spec')) {
    console.log(timeSpecFromStdin(readFileSync(0, 'utf8')));
    return;
  }
  if (process.argv.includes('--worst')) {
    worstSpecTable(option('--candidates', 40), option('--seed', 1));
    return;
  }
  if (process.argv.includes('--headline')) {
    headline();
    console.log(`whole process (node start to here): ${performance.now().toFixed(0)} ms`);
    return;
  }
  console.log('# Gradient Geometry benchmark');
  console.log(`node ${process.version}, ${process.arch}`);
  const t = time(() => analyzeSpec(lesson()), 51);
  console.log(`\ndefault lesson analysed (n = 2, P = 64, ${lesson().steps} SGD steps, grid 48²): ${t.toFixed(2)} ms (median of 51; aim < 5 ms)`);
  const withVariants = lesson({
    compare: ['center', 'tanh', 'batch all', 'optimizer momentum(0.9)'].map((name) => ({
      name,
      range: { start: 0, end: 0 },
      changes:
        name === 'center'
          ? { preprocess: 'center' as const }
          : name === 'tanh'
            ? { activation: 'tanh' as const }
            : name === 'batch all'
              ? { batch: 'all' as const }
              : { optimizer: { kind: 'momentum' as const, beta: 0.9 } },
    })),
  });
  const tv = time(() => analyzeSpec(withVariants), 21);
  console.log(`default lesson + 4 compare variants: ${tv.toFixed(2)} ms (median of 21)`);
  headline();
  engineTable();
  parserTable();
  editorTable(time);
  peersTable(process.cwd());
  cliMemoryTable(process.cwd());
  worstSpecTable(40, 1);
  sampleMemory();
  console.log(`\npeak heap used ${mb(peakHeap)}, peak RSS ${mb(peakRss)}`);
}

main();
