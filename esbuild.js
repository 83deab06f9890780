// Bundles every entry point. Type-checking and lint run before this (npm run build).
// Usage: node esbuild.js [--production] [--watch]
const esbuild = require('esbuild');
const fs = require('fs');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Entries are added here as the parts of the product land; missing sources are skipped. */
const targets = [
  { in: 'src/cli/main.ts', out: 'dist/cli.js', platform: 'node' },
  { in: 'src/bench/bench.ts', out: 'dist/bench.js', platform: 'node' },
  { in: 'src/extension/extension.ts', out: 'dist/extension.js', platform: 'node', external: ['vscode'] },
  // The analysis worker (src/extension/analysis): parse and analysis off the extension host's thread.
  { in: 'src/extension/analysis/worker.ts', out: 'dist/analysisWorker.js', platform: 'node' },
  { in: 'src/webview/main.ts', out: 'dist/webview.js', platform: 'browser', format: 'iife' },
];

async function main() {
  const contexts = [];
  for (const t of targets) {
    if (!fs.existsSync(t.in)) continue;
    contexts.push(
      await esbuild.context({
        entryPoints: [t.in],
        outfile: t.out,
        bundle: true,
        platform: t.platform,
        format: t.format ?? 'cjs',
        target: t.platform === 'node' ? 'node20' : 'es2022',
        external: t.external ?? [],
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        logLevel: 'warning',
        legalComments: 'none',
      }),
    );
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
  } else {
    await Promise.all(contexts.map((c) => c.rebuild()));
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
