// A throw-away workspace for the tests: a copy of examples/ (tests edit and add files freely).
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './install.mjs';

export function makeExamplesWorkspace(prefix = 'gg-workspace-') {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const examples = path.join(projectRoot, 'examples');
  for (const f of readdirSync(examples)) cpSync(path.join(examples, f), path.join(dir, f));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
