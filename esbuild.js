// Bundles every entry point. Type-checking and lint run before this (npm run build).
// Usage: node esbuild.js [--production] [--watch]
const esbuild = require('esbuild');
const fs = require('fs');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Entries are added here as the parts of the product land; missing sources are skipped. */
const targets = [
  // The CLI (package.json `bin`): dist/cli.js is a small loader (src/cli/bin.ts) that runs the bundle
  // dist/cliMain.js through V8's code cache. resvg is a native module, loaded from node_modules at run time.
  { in: 'src/cli/bin.ts', out: 'dist/cli.js', platform: 'node' },
  {
    in: 'src/cli/main.ts',
    out: 'dist/cliMain.js',
    platform: 'node',
    external: ['@resvg/resvg-js'],
    define: { __GG_VERSION__: JSON.stringify(require('./package.json').version) },
  },
  { in: 'src/bench/bench.ts', out: 'dist/bench.js', platform: 'node' },
  // The extension (package.json `main` and `browser`): one bundle for the Node and the web worker
  // extension hosts and for the analysis worker each of them starts (src/extension/main.ts picks the
  // role). It runs in a browser too, so Node's built-ins stay external (reached only on Node).
  { in: 'src/extension/main.ts', out: 'dist/extension.js', platform: 'browser', format: 'cjs', external: ['vscode', 'node:*'] },
  // Both webviews' code as one ES module: the panel loads it with <script type="module">, and VS Code
  // imports it as the notebook renderer (contributes.notebookRenderer; its export `activate`).
  { in: 'src/webview/main.ts', out: 'dist/webview.js', platform: 'browser', format: 'esm' },
  // The panel's stylesheet, minified for the package (the source, media/panel.css, is what the webview tests load).
  { in: 'media/panel.css', out: 'dist/panel.css', platform: 'browser' },
];

/**
 * Every `import * as vscode from 'vscode'` through one ES module that re-exports it. esbuild
 * otherwise converts the CommonJS `vscode` module once per importing file (its __toESM copies the
 * API's ~400 names each time: about 10 ms of the host bundle's load for two dozen files).
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/**
 * Writes syntaxes/neuron.tmLanguage.json from the registries (src/core/editor/grammar.ts), so a new
 * optimizer, preprocessing or activation is coloured without editing the grammar by hand.
 */
function writeGrammar() {
  const out = esbuild.buildSync({
    entryPoints: ['src/core/editor/grammar.ts'],
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'cjs',
    logLevel: 'warning',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(mod, mod.exports);
  const text = mod.exports.neuronGrammarText();
  const file = 'syntaxes/neuron.tmLanguage.json';
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
}

async function main() {
  writeGrammar();
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
        plugins: (t.external ?? []).includes('vscode') ? [vscodeOnce] : [],
        define: t.define ?? {},
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
