import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { packagedFiles } from './packagedFiles';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const localize = (s: string): string => s.replace(/^%(.+)%$/, (_m, k: string) => nls[k] ?? `<missing ${k}>`);
const commands = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
const hostSource = (file: string): string => readFileSync(path.join(root, 'src/extension', file), 'utf8');

/** Every "%key%" string anywhere in the manifest. */
function placeholders(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') {
    const m = /^%(.+)%$/.exec(v);
    if (m) out.push(m[1]);
  } else if (Array.isArray(v)) v.forEach((x) => placeholders(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => placeholders(x, out));
  return out;
}

describe('localisable manifest (package.nls.json)', () => {
  it('defines every %key% the manifest uses, and no unused key', () => {
    const used = new Set(placeholders(manifest));
    for (const k of used) assert.ok(k in nls, `package.nls.json lacks ${k}`);
    for (const k of Object.keys(nls)) assert.ok(used.has(k), `${k} is not used`);
  });

  it('localises command titles, setting descriptions and the walkthrough', () => {
    for (const c of manifest.contributes.commands) assert.match(c.title, /^%.+%$/, c.command);
    for (const [name, p] of Object.entries<Record<string, string>>(manifest.contributes.configuration.properties))
      assert.match(p.description ?? p.markdownDescription, /^%.+%$/, name);
    const w = manifest.contributes.walkthroughs[0];
    for (const s of [w, ...w.steps]) {
      assert.match(s.title, /^%.+%$/);
      assert.match(s.description, /^%.+%$/);
    }
  });

  it('ships the nls files in the package', async () => {
    assert.ok((await packagedFiles()).includes('package.nls.json'));
  });
});

describe('walkthrough "Get started with Gradient Geometry"', () => {
  const walkthrough = manifest.contributes.walkthroughs.find((w: { id: string }) => w.id === 'gradientGeometry.getStarted');

  it('exists with its steps', () => {
    assert.ok(walkthrough);
    assert.equal(localize(walkthrough.title), 'Get started with Gradient Geometry');
    assert.ok(walkthrough.steps.length >= 5);
  });

  it("every step's media file exists and every command link names a contributed command and a real lesson", () => {
    const lessons = new Set(readdirSync(path.join(root, 'examples')));
    let links = 0;
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(path.join(root, step.media.markdown)), step.media.markdown);
      assert.match(step.media.markdown, /^media\/walkthrough\//);
      const description = localize(step.description);
      for (const m of description.matchAll(/\(command:([\w.]+)(?:\?([^)]*))?\)/g)) {
        links++;
        assert.ok(commands.has(m[1]), `${step.id}: ${m[1]} is a contributed command`);
        if (m[2]) {
          const args = JSON.parse(decodeURIComponent(m[2])) as unknown[];
          if (m[1] === 'gradientGeometry.openLesson') assert.ok(lessons.has(String(args[0])), `${step.id}: lesson ${String(args[0])} exists`);
        }
      }
    }
    assert.ok(links >= 4, 'the steps link to commands');
  });

  it('completion events name contributed commands or context keys the extension sets', () => {
    const lessonsSource = hostSource('lessons/openLessonCommand.ts') + hostSource('lessons/walkthroughContext.ts');
    for (const step of walkthrough.steps) {
      for (const e of step.completionEvents as string[]) {
        const cmd = /^onCommand:(.+)$/.exec(e);
        const ctx = /^onContext:([\w.]+)/.exec(e);
        if (cmd) assert.ok(commands.has(cmd[1]), `${step.id}: ${e}`);
        else if (ctx) assert.ok(lessonsSource.includes(`'${ctx[1]}'`), `${step.id}: the extension sets ${ctx[1]}`);
        else assert.ok(['onStepSelected'].includes(e) || e.startsWith('onSettingChanged:') || e.startsWith('onView:'), `${step.id}: ${e}`);
      }
    }
  });

  it('ships its media and the lessons in the package', async () => {
    const files = await packagedFiles();
    for (const step of walkthrough.steps) assert.ok(files.includes(step.media.markdown), step.media.markdown);
    for (const lesson of readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.neuron'))) assert.ok(files.includes(`examples/${lesson}`), lesson);
  });
});

describe('host strings (l10n/bundle.l10n.json)', () => {
  it('lists every vscode.l10n.t string of the host code, and the manifest points at the folder', () => {
    const bundle: Record<string, string> = JSON.parse(readFileSync(path.join(root, 'l10n/bundle.l10n.json'), 'utf8'));
    assert.equal(manifest.l10n, './l10n');
    const files = readdirSync(path.join(root, 'src/extension'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    let count = 0;
    for (const f of files) {
      for (const m of hostSource(f).matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)) {
        count++;
        assert.ok(m[1] in bundle, `${f}: '${m[1]}' is in the bundle`);
      }
    }
    assert.ok(count >= 4);
  });
});
