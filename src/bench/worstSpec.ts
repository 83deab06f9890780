// The worst accepted spec, found by search rather than guessed (issue 11, part 1): random specs over
// every size, loss, preprocessing, batch, optimizer, shift and compare list, and adversarial ones
// pushed to just inside each limit (the largest value of one size the parser still accepts, by
// bisection). Each accepted candidate is analysed whole (all variants) and timed; the slowest
// is reported with its text. Times are CPU time of the process (all its threads, GC included). `node dist/bench.js --worst [--candidates N] [--seed S]`.
import { execFileSync } from 'node:child_process';
import { analyzeSpec } from '../core/analysis/analyze';
import { parseSpec } from '../core/spec/parse';
import { LIMITS } from '../core/spec/types';
import { estimatedSpecMs, specWorkParts, type WorkParts } from '../core/spec/work';

/** The work estimate's parts for a resolved spec (the limits' own estimate). */
export const workOf = specWorkParts;

/** A small seeded generator (mulberry32): the search is reproducible. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sizes and choices a candidate is made of. */
interface Candidate {
  n: number;
  P: number;
  steps: number;
  loss: 'squared' | 'logistic';
  preprocess: string;
  batch: string;
  optimizer: string;
  shift: boolean;
  /** Per-epoch shuffles of the main run. */
  shuffle: boolean;
  compare: string[];
  activation: string;
  /** A hidden layer in front of the neuron (n is then its units H): d inputs, W given so that d is. */
  net?: { d: number; act: string; bias: boolean; train: 'all' | 'output' };
}

const VARIANTS = [
  'center',
  'whiten',
  'standardize',
  'tanh',
  'relu',
  'softplus',
  'identity',
  'sigmoid',
  'batch all',
  'batch 1',
  'momentum(0.9)',
  'adam',
  'nesterov(0.9)',
  'rmsprop',
  'loss logistic',
  'loss squared',
  'lr 0.05',
  'shuffle',
  'batchnorm',
  'layernorm',
];
/** Variants of a network spec (the parser rejects the rest, GG226). */
const NETWORK_VARIANTS = [
  'hidden tanh',
  'hidden relu',
  'hidden sigmoid',
  'hidden softplus',
  'hidden identity',
  'batchnorm',
  'preprocess none',
  'batch all',
  'batch 1',
  'batch 8',
  'momentum(0.9)',
  'adam',
  'nesterov(0.9)',
  'rmsprop',
  'loss logistic',
  'loss squared',
  'lr 0.05',
  'shuffle',
  'tanh',
  'relu',
];

export function specText(c: Candidate): string {
  const vec = (k: number, f: (i: number) => number): string => `[${Array.from({ length: k }, (_, i) => f(i).toFixed(2)).join(', ')}]`;
  const net = c.net;
  const lines = [
    net ? 'f = w·h + b' : c.shift ? 'f = w·(x + s) + b' : 'f = w·x + b',
    `x ~ ${c.activation}(normal(0, 1))`,
    `samples = ${c.P}`,
    'seed = 3',
    `w = ${vec(c.n, (i) => (i % 2 ? -0.5 : 1.5))}`,
    `w* = ${vec(c.n, (i) => (i % 2 ? 1 : -1))}`,
    `loss = ${c.loss}`,
    `optimizer = ${c.optimizer}`,
    `lr = ${c.loss === 'logistic' ? 0.5 : 0.05}`,
    `batch = ${c.batch}`,
    `steps = ${c.steps}`,
    `preprocess = ${c.preprocess}`,
  ];
  if (net) {
    lines.push(`hidden = ${c.n}`, `h = ${net.act}(W·x${net.bias ? ' + c' : ''})`, `train = ${net.train}`);
    lines.push(`W = [${Array.from({ length: c.n }, (_, j) => vec(net.d, (k) => (((j * 7 + k * 3) % 11) - 5) / (5 * Math.sqrt(net.d)))).join(', ')}]`);
  }
  if (c.shuffle) lines.push('shuffle = true');
  if (c.compare.length > 0) lines.push(`compare = ${c.compare.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function randomCandidate(r: () => number): Candidate {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const logUniform = (lo: number, hi: number): number => Math.round(Math.exp(Math.log(lo) + r() * (Math.log(hi) - Math.log(lo))));
  // Half the candidates are networks (hidden = H ≤ LIMITS.maxHidden on d inputs).
  const isNet = r() < 0.5;
  const n = isNet ? logUniform(1, LIMITS.maxHidden) : logUniform(1, LIMITS.maxDimension);
  const d = isNet ? logUniform(1, 64) : n;
  const P = Math.max(1, Math.min(logUniform(1, LIMITS.maxSamples), Math.floor(LIMITS.maxSampleValues / d)));
  const compare: string[] = [];
  const k = r() < 0.5 ? 0 : Math.floor(r() * (LIMITS.maxCompareVariants + 1));
  while (compare.length < k) {
    const v = pick(isNet ? NETWORK_VARIANTS : VARIANTS);
    if (!compare.includes(v)) compare.push(v);
  }
  return {
    n,
    P,
    steps: logUniform(1, LIMITS.maxSteps),
    loss: r() < 0.5 ? 'squared' : 'logistic',
    preprocess: isNet ? pick(['none', 'batchnorm']) : pick(['none', 'center', 'standardize', 'whiten', 'batchnorm', 'layernorm']),
    // Mini-batches of every size up to P − 1 (a large one costs per sample, per step).
    batch: pick(['1', '8', '64', 'all', String(Math.max(1, P - 1)), String(logUniform(1, Math.max(1, P - 1)))]),
    optimizer: pick(['sgd', 'momentum(0.9)', 'nesterov(0.9)', 'adam', 'rmsprop']),
    shift: !isNet && r() < 0.15,
    shuffle: r() < 0.3,
    compare,
    activation: pick(['sigmoid', 'tanh', 'relu']),
    net: isNet ? { d, act: pick(['sigmoid', 'tanh', 'relu', 'softplus']), bias: r() < 0.5, train: r() < 0.7 ? 'all' : 'output' } : undefined,
  };
}

const describe = (c: Candidate): string =>
  `${c.net ? `network H=${c.n} d=${c.net.d} ${c.net.act}${c.net.bias ? '+c' : ''} train=${c.net.train} ` : `n=${c.n} `}P=${c.P} steps=${c.steps} ${c.loss} ${c.preprocess} batch=${c.batch}${c.shuffle ? ' shuffled' : ''} ${c.optimizer}${c.shift ? ' shift' : ''} compare=[${c.compare.join(', ')}]`;

const accepted = (c: Candidate): boolean => parseSpec(specText(c)).spec !== undefined;

/** The candidate with one size raised to the largest value still accepted (bisection on a log scale). */
function pushToLimit(c: Candidate, key: 'n' | 'P' | 'steps' | 'd' | 'batch', hi: number): Candidate {
  if (!accepted(c)) return c;
  // d is the network's input dimension (the columns of W); a batch is pushed only when it is a number.
  if (key === 'batch' && c.batch === 'all') return c;
  const get = (x: Candidate): number => (key === 'd' ? x.net!.d : key === 'batch' ? Number(x.batch) : x[key]);
  const set = (v: number): Candidate => (key === 'd' ? { ...c, net: { ...c.net!, d: v } } : key === 'batch' ? { ...c, batch: String(v) } : { ...c, [key]: v });
  let lo = get(c);
  let top = hi;
  if (accepted(set(top))) return set(top);
  while (top - lo > Math.max(1, lo * 0.01)) {
    const mid = Math.floor(Math.sqrt(lo * top));
    const m = mid <= lo ? lo + 1 : mid >= top ? top - 1 : mid;
    if (accepted(set(m))) lo = m;
    else top = m;
  }
  return set(lo);
}

/** One timed candidate: CPU ms in the search's process, its estimate, its text and a one-line summary. */
export interface Timed {
  readonly ms: number;
  readonly estimateMs: number;
  readonly text: string;
  readonly summary: string;
}

/** How many of the slowest and of the most under-priced the result keeps. */
const KEEP = 6;

/**
 * CPU ms of analysing `text` in a fresh Node process (the bench bundle itself, `--time-spec`,
 * reading the spec from stdin), as the first analysis of a newly started worker would.
 */
export function timeFresh(text: string, script = process.argv[1]): number {
  const out = execFileSync(process.execPath, [script, '--time-spec'], { input: text, encoding: 'utf8' });
  return Number(JSON.parse(out).ms);
}

/** `--time-spec`: analyses the spec on stdin once and prints {"ms": CPU time}. */
export function timeSpecFromStdin(text: string): string {
  const parsed = parseSpec(text);
  if (!parsed.spec) return JSON.stringify({ ms: -1 });
  const t0 = process.cpuUsage();
  analyzeSpec(parsed.spec);
  const used = process.cpuUsage(t0);
  return JSON.stringify({ ms: (used.user + used.system) / 1000 });
}

export interface WorstResult {
  readonly candidates: number;
  readonly accepted: number;
  readonly worstMs: number;
  readonly worstText: string;
  /** The worst one's work estimate (spec/work.ts estimatedSpecMs), ms. */
  readonly worstEstimateMs: number;
  /** The worst among network specs and among single neurons (-1 when none was accepted). */
  readonly worstNetwork: { readonly ms: number; readonly estimateMs: number; readonly text: string };
  readonly worstNeuron: { readonly ms: number; readonly estimateMs: number; readonly text: string };
  readonly networks: number;
  readonly medianMs: number;
  /** The slowest accepted candidates (measured in this long-running process), slowest first. */
  readonly slowest: readonly Timed[];
  /** The candidates whose time was the largest multiple of their estimate, largest first. */
  readonly underPriced: readonly Timed[];
  /** Every accepted candidate's work parts and CPU time (for fitting the cost model). */
  readonly rows: readonly (WorkParts & { readonly ms: number; readonly spec: string })[];
}

/** Searches `count` random candidates (each also pushed to its limits) and times every accepted one. */
export function searchWorstSpec(count: number, seed: number, log: (line: string) => void = () => {}): WorstResult {
  const r = generator(seed);
  const times: number[] = [];
  const rows: (WorkParts & { ms: number; spec: string })[] = [];
  let worst = { ms: -1, estimateMs: 0, text: '' };
  let worstNetwork = { ...worst };
  let worstNeuron = { ...worst };
  let networks = 0;
  let tried = 0;
  const timed: Timed[] = [];
  analyzeSpec(parseSpec('').spec!); // warm the JIT once
  const consider = (c: Candidate): void => {
    tried++;
    const text = specText(c);
    const parsed = parseSpec(text);
    if (!parsed.spec) return;
    // CPU time, not wall time: CI machines are shared, and a busy neighbour must not move the figure.
    const t0 = process.cpuUsage();
    analyzeSpec(parsed.spec);
    const used = process.cpuUsage(t0);
    const ms = (used.user + used.system) / 1000;
    times.push(ms);
    rows.push({ ...workOf(parsed.spec), ms, spec: describe(c) });
    const estimateMs = estimatedSpecMs(parsed.spec);
    timed.push({ ms, estimateMs, text, summary: describe(c) });
    if (parsed.spec.network) networks++;
    if (parsed.spec.network && ms > worstNetwork.ms) worstNetwork = { ms, estimateMs, text };
    if (!parsed.spec.network && ms > worstNeuron.ms) worstNeuron = { ms, estimateMs, text };
    if (ms > worst.ms) {
      worst = { ms, estimateMs, text };
      log(`  new worst ${ms.toFixed(0)} ms (estimate ${estimateMs.toFixed(0)} ms): ${describe(c)}`);
    }
  };
  for (let k = 0; k < count; k++) {
    const c = randomCandidate(r);
    consider(c);
    // Adversarial: each size pushed to just inside the limits, in a random order.
    let pushed = c;
    const keys = c.net ? (['P', 'steps', 'n', 'd', 'batch'] as const) : (['P', 'steps', 'n', 'batch'] as const);
    for (const key of keys.slice().sort(() => r() - 0.5)) {
      const hi =
        key === 'n'
          ? c.net
            ? LIMITS.maxHidden
            : LIMITS.maxDimension
          : key === 'd'
            ? LIMITS.maxDimension
            : key === 'P'
              ? LIMITS.maxSamples
              : key === 'batch'
                ? Math.max(1, pushed.P - 1)
                : LIMITS.maxSteps;
      pushed = pushToLimit(pushed, key, hi);
    }
    if (pushed !== c) consider(pushed);
  }
  times.sort((a, b) => a - b);
  return {
    candidates: tried,
    accepted: times.length,
    worstMs: worst.ms,
    worstText: worst.text,
    worstEstimateMs: worst.estimateMs,
    worstNetwork,
    worstNeuron,
    networks,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    slowest: timed
      .slice()
      .sort((a, b) => b.ms - a.ms)
      .slice(0, KEEP),
    underPriced: timed
      .filter((t) => t.ms >= 100)
      .sort((a, b) => b.ms / b.estimateMs - a.ms / a.estimateMs)
      .slice(0, KEEP),
    rows,
  };
}
