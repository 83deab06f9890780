// Starts the product: a real VS Code (code-server, in the browser) with the extension installed
// from a freshly built .vsix and examples/ open. Prints the local address to open.
// Usage: npm start   (PORT=8080 to choose the port; Ctrl+C stops it)
// Only Node built-ins here until setup has run, so this works on a machine without node_modules.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, projectRoot } from './vscode-host/install.mjs';

process.chdir(projectRoot);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

// Debian packages, npm packages and code-server, when missing (idempotent).
run('bash', ['scripts/setup.sh']);
const { installExtension, startCodeServer, freePort } = await import('./vscode-host/server.mjs');

console.log('> package the extension (type-check, lint, production bundles, vsce)');
mkdirSync(cacheDir, { recursive: true });
const vsix = path.join(cacheDir, 'gradient-geometry.vsix');
const { packageVsix } = await import('./vscode-host/package.mjs');
packageVsix(vsix, { quiet: true });

// A profile kept between runs, like a real installation; the extension is replaced each time.
const profileDir = path.join(cacheDir, 'start-profile');
installExtension(vsix, path.join(profileDir, 'extensions'), { force: true });

const examples = path.join(projectRoot, 'examples');
const requested = Number(process.env.PORT);
const port = Number.isInteger(requested) && requested > 0 ? requested : await freePort();
const server = await startCodeServer({ profileDir, port, folder: examples, keepSettings: true });
const url = `${server.url}/?folder=${encodeURIComponent(examples)}`;
console.log(`
Gradient Geometry is running in VS Code (code-server, on 127.0.0.1 only).
Open: ${url}
Then open an example (e.g. sigmoid-northwest.neuron) and run "Show Gradient Geometry" (F1), or
click the graph button in the editor's title bar. Ctrl+C stops the server.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('Stopping code-server...');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await server.exited;
if (!stopping) {
  console.error(`code-server stopped by itself:\n${server.output().split('\n').slice(-20).join('\n')}`);
  process.exit(1);
}
