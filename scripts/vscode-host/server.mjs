// Starts code-server on loopback with its own profile (user data, extensions, config), waits until
// it answers, and stops it cleanly (the whole process group).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureCodeServer } from './install.mjs';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server.
 * @param {object} o
 * @param {string} [o.folder] folder to open by default
 * @param {string} [o.profileDir] where user data, extensions and config live (default: a fresh temp dir, removed on stop)
 * @param {number} [o.port] default: a free one
 * @param {Record<string, unknown>} [o.settings] extra user settings
 * @param {boolean} [o.verbose] pipe the server's output to this process
 * @param {boolean} [o.keepSettings] keep an existing user settings.json (for a kept profile)
 * @returns {Promise<{ url: string, port: number, profileDir: string, extensionsDir: string, stop: () => Promise<void>, output: () => string }>}
 */
export async function startCodeServer(o = {}) {
  const entry = ensureCodeServer();
  const ownProfile = !o.profileDir;
  const profileDir = o.profileDir ?? mkdtempSync(path.join(os.tmpdir(), 'gg-code-server-'));
  const userDataDir = path.join(profileDir, 'user-data');
  const extensionsDir = path.join(profileDir, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  // keepSettings: a kept profile keeps what its user changed since the first start.
  if (!(o.keepSettings && existsSync(settingsFile)))
    writeFileSync(
      settingsFile,
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'workbench.tips.enabled': false,
          'workbench.enableExperiments': false,
          'telemetry.telemetryLevel': 'off',
          'security.workspace.trust.enabled': false,
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'update.mode': 'none',
          'chat.disableAIFeatures': true,
          'git.openRepositoryInParentFolders': 'never',
          ...o.settings,
        },
        null,
        2,
      ),
    );
  // Its own config file, so nothing is written to ~/.config/code-server.
  const configFile = path.join(profileDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const port = o.port ?? (await freePort());
  const args = [
    entry,
    '--config',
    configFile,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  if (o.folder) args.push(o.folder);
  let output = '';
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...o.env },
  });
  const collect = (chunk) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
    if (o.verbose) process.stdout.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone already */
      }
      const timedOut = await Promise.race([exitPromise.then(() => false), sleep(5000).then(() => true)]);
      if (timedOut) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone already */
        }
        await exitPromise;
      }
    }
    if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited while starting:\n${output}`);
    try {
      const res = await globalThis.fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within 60 s:\n${output}`);
    }
    await sleep(200);
  }
  return { url, port, profileDir, extensionsDir, userDataDir, stop, exited: exitPromise, output: () => output };
}

/** Installs a .vsix into an extensions folder with code-server's own CLI (as a user would). */
export function installExtension(vsix, extensionsDir, { force = false } = {}) {
  const entry = ensureCodeServer();
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'gg-cs-install-'));
  mkdirSync(extensionsDir, { recursive: true });
  try {
    const configFile = path.join(configDir, 'config.yaml');
    writeFileSync(configFile, 'auth: none\ncert: false\n');
    return execFileSync(
      process.execPath,
      [
        entry,
        '--config',
        configFile,
        '--user-data-dir',
        path.join(configDir, 'user-data'),
        '--extensions-dir',
        extensionsDir,
        '--install-extension',
        vsix,
        ...(force ? ['--force'] : []),
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  } catch (e) {
    throw new Error(`installing ${vsix} failed: ${e.stderr || e.stdout || e.message}`);
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}
