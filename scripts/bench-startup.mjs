// Start-up figures in the real VS Code extension host (code-server, the same Node extension host
// as desktop VS Code): the production bundles laid out as the .vsix ships them, a fresh window per
// run, the first .neuron file of the session opened by scripts/vscode-host/startupProbe.cjs.
// Prints, per run and as medians: the bundle's load, activate(), open → active, open → first
// diagnostics, and a second file's diagnostics once the worker runs.
// Usage: node scripts/bench-startup.mjs [RUNS]   (default 3; needs `npm run host:install` once)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import vsce from '@vscode/vsce';
import { launchChromium } from './lib/chromium.mjs';
import { projectRoot } from './vscode-host/install.mjs';
import { remoteUri } from './vscode-host/runSuite.mjs';
import { startCodeServer } from './vscode-host/server.mjs';
import { makeExamplesWorkspace } from './vscode-host/workspace.mjs';

const runs = Number(process.argv[2]) > 0 ? Number(process.argv[2]) : 3;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'gg-startup-'));

/** The extension folder as the package lays it out, with production bundles. */
async function packagedExtension() {
  const dir = path.join(scratch, 'extension');
  const files = await vsce.listFiles({ cwd: projectRoot, packageManager: vsce.PackageManager.None });
  for (const f of files.filter((f) => !f.startsWith('dist/'))) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    cpSync(path.join(projectRoot, f), path.join(dir, f));
  }
  const build = path.join(scratch, 'build');
  mkdirSync(build);
  for (const f of ['src', 'node_modules', 'tsconfig.json', 'syntaxes']) symlinkSync(path.join(projectRoot, f), path.join(build, f));
  execFileSync(process.execPath, [path.join(projectRoot, 'esbuild.js'), '--production'], { cwd: build, stdio: 'inherit' });
  cpSync(path.join(build, 'dist'), path.join(dir, 'dist'), { recursive: true, filter: (f) => !f.endsWith('.map') });
  return dir;
}

async function measure(extension, probe) {
  const workspace = makeExamplesWorkspace('gg-startup-ws-');
  const lesson = readFileSync(path.join(projectRoot, 'examples', 'sigmoid-northwest.neuron'), 'utf8');
  for (const name of ['startup-first.neuron', 'startup-second.neuron']) writeFileSync(path.join(workspace.dir, name), `${lesson}\noptimizer = adamm\n`);
  const results = path.join(scratch, `results-${Date.now()}.json`);
  const server = await startCodeServer({ env: { GG_STARTUP_RESULTS: results } });
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server.port, extension)],
      ['extensionTestsPath', remoteUri(server.port, probe)],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace.dir)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const deadline = Date.now() + 180_000;
    while (!existsSync(results)) {
      if (Date.now() > deadline) throw new Error(`no result within 180 s:\n${server.output().split('\n').slice(-20).join('\n')}`);
      await sleep(100);
    }
    await sleep(50);
    const r = JSON.parse(readFileSync(results, 'utf8'));
    if (!r.ok) throw new Error(r.error);
    return r;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    workspace.remove();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (x === undefined ? '–' : `${x.toFixed(1)} ms`);
const LABELS = {
  toLoad: 'open first .neuron → VS Code loads the bundle',
  load: 'bundle load (compile + evaluate dist/extension.js)',
  activate: 'activate()',
  toActive: 'open first .neuron → extension active',
  toWorker: 'open first .neuron → analysis worker created',
  workerFirstAnswer: 'worker created → its first answer',
  toFirst: 'open first .neuron → its diagnostics',
  activationToFirst: "activate() → the first file's diagnostics",
  warm: 'open a second .neuron → its diagnostics (worker running)',
};

try {
  const extension = await packagedExtension();
  const probe = path.join(projectRoot, 'scripts', 'vscode-host', 'startupProbe.cjs');
  const all = [];
  for (let i = 0; i < runs; i++) {
    const r = await measure(extension, probe);
    all.push(r.times);
    console.log(
      `run ${i + 1} (VS Code ${r.vscode}): ${Object.keys(LABELS)
        .map((k) => `${k} ${ms(r.times[k])}`)
        .join(', ')}`,
    );
  }
  console.log(`\nmedians of ${runs} runs, ${os.loadavg()[0].toFixed(1)} load on ${os.cpus().length} cores:`);
  for (const [k, label] of Object.entries(LABELS)) console.log(`  ${label}: ${ms(median(all.map((t) => t[k]).filter((x) => x !== undefined)))}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
