/**
 * Hovers, hints and quick fixes cite the project's own science document, docs/science.md, which
 * ships with the extension (issue 9): never a file outside the repository or its "§N" sections.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { editorDiagnostics, embeddedHoverAt, HINT_DESCRIPTIONS, hoverAt, quickFixes } from '../../../src/core/editor';
import {
  headingLines,
  headingSlug,
  resolveScienceLinks,
  SCIENCE_DOC,
  SCIENCE_SECTIONS,
  scienceLink,
  type ScienceSection,
} from '../../../src/core/editor/text/scienceLinks';
import type { StatementKey } from '../../../src/core/spec/types';
import { analyzed, at } from './helpers';

const root = path.resolve(__dirname, '../../../..');
const examplesDir = path.join(root, 'examples');
const EXAMPLES = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.neuron'))
  .sort();
const SCIENCE = readFileSync(path.join(root, SCIENCE_DOC), 'utf8');

/** What a user must never read: the design document outside the repository, or its section signs. */
const FOREIGN = /GEOMETRY\.md|shared\/|§/;

/** Hover Markdown on every statement of a text (valid or not). */
function everyHover(text: string): { key: StatementKey; markdown: string }[] {
  const a = analyzed(text);
  return (Object.keys(a.parsed.ranges) as StatementKey[]).flatMap((key) => {
    const h = hoverAt(text, a.parsed.ranges[key]!.statement.start, a.parsed, a.analysis);
    return h ? [{ key, markdown: h.markdown }] : [];
  });
}

/** The science-document links of a Markdown text: [anchor, …]. */
function scienceAnchors(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(docs\/science\.md#([a-z0-9-]+)\)/g)].map((m) => m[1]);
}

describe('science links', () => {
  it('every section the editor links to is a heading of docs/science.md, with that title', () => {
    const lines = headingLines(SCIENCE);
    for (const [name, { title, anchor }] of Object.entries(SCIENCE_SECTIONS)) {
      assert.equal(headingSlug(title), anchor, name);
      const line = lines.get(anchor);
      assert.ok(line !== undefined, `no heading for ${anchor}`);
      assert.equal(SCIENCE.split('\n')[line - 1], `## ${title}`);
    }
  });

  it('ships docs/science.md with the extension (.vscodeignore allowlist)', () => {
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split(/\r?\n/);
    assert.ok(ignore.includes(`!${SCIENCE_DOC}`), 'docs/science.md is not allowlisted');
  });

  it('slugs headings as GitHub and VS Code do, skipping fenced code', () => {
    assert.equal(headingSlug('Step-size bounds for each optimizer'), 'step-size-bounds-for-each-optimizer');
    assert.equal(headingSlug('When there is no zig-zag'), 'when-there-is-no-zig-zag');
    assert.equal(headingSlug("What's κ? (2×2)"), 'whats-κ-22');
    const lines = headingLines('# Title\n\n```\n# not a heading\n```\n## The sign constraint ##\n');
    assert.deepEqual(
      [...lines],
      [
        ['title', 1],
        ['the-sign-constraint', 6],
      ],
    );
  });

  it('resolves science links to the shipped file, at the heading line when known, and nothing else', () => {
    const md = `${scienceLink('signConstraint')} and ${scienceLink('batches', 'batches')}, [other](https://example.com/docs/science.md#x), docs/science.md#batches`;
    const uri = 'file:///ext/docs/science.md';
    assert.equal(
      resolveScienceLinks(md, uri),
      `[The sign constraint](${uri}#the-sign-constraint) and [batches](${uri}#batches), [other](https://example.com/docs/science.md#x), docs/science.md#batches`,
    );
    const lines = new Map([['the-sign-constraint', 26]]);
    assert.equal(
      resolveScienceLinks(scienceLink('signConstraint') + scienceLink('batches'), uri, lines),
      `[The sign constraint](${uri}#L26)[Batches](${uri}#batches)`,
    );
  });

  it('no hover, hint or quick fix over every example cites GEOMETRY.md or a § section', () => {
    assert.ok(EXAMPLES.length >= 10);
    for (const v of Object.values(HINT_DESCRIPTIONS)) assert.doesNotMatch(v, FOREIGN, v);
    for (const file of EXAMPLES) {
      const text = readFileSync(path.join(examplesDir, file), 'utf8');
      // The example as written, with mixed-sign inputs (GG401), and with an error (the no-numbers hovers).
      const texts = [text, text.replace(/sigmoid\(|relu\(/, 'tanh('), text.replace(/^lr\s*=.*$/m, 'lr = -1')];
      for (const t of texts) {
        for (const { key, markdown } of everyHover(t)) assert.doesNotMatch(markdown, FOREIGN, `${file}: hover on ${key}`);
        const a = analyzed(t);
        const diagnostics = editorDiagnostics(a.parsed, a.analysis);
        for (const d of diagnostics) assert.doesNotMatch(d.message, FOREIGN, `${file}: ${d.code}`);
        for (const f of quickFixes(t, a.parsed, a.analysis, diagnostics)) assert.doesNotMatch(f.title, FOREIGN, `${file}: ${f.title}`);
      }
    }
  });

  it('links the hovers on the model, x, w, w*, b and y to existing sections of docs/science.md', () => {
    const known = new Set<string>(Object.values(SCIENCE_SECTIONS).map((s) => s.anchor));
    const expected: Partial<Record<StatementKey, ScienceSection[]>> = {
      model: ['chainRule', 'signConstraint', 'measures'],
      x: ['signConstraint', 'conditioning'],
      w: ['signConstraint', 'noZigzag'],
      teacherW: ['signConstraint', 'noZigzag'],
      b: ['conditioning', 'whichKappa'],
      y: ['chainRule', 'conventions'],
    };
    for (const file of EXAMPLES) {
      const text = readFileSync(path.join(examplesDir, file), 'utf8');
      const hovers = new Map(everyHover(text).map((h) => [h.key, h.markdown]));
      for (const [key, markdown] of hovers) {
        for (const anchor of scienceAnchors(markdown)) assert.ok(known.has(anchor), `${file}: ${key} links to unknown #${anchor}`);
      }
      for (const [key, sections] of Object.entries(expected) as [StatementKey, ScienceSection[]][]) {
        const markdown = hovers.get(key);
        if (markdown === undefined) continue;
        const anchors = scienceAnchors(markdown);
        for (const s of sections) assert.ok(anchors.includes(SCIENCE_SECTIONS[s].anchor), `${file}: hover on ${key} lacks ${s}:\n${markdown}`);
      }
    }
    assert.ok(
      scienceAnchors(
        everyHover('x = [[0.2, 0.7]]\ny = [1]\nw = [0.1, 0.2]\nb = 0\n')
          .map((h) => h.markdown)
          .join('\n'),
      ).length >= 6,
    );
  });

  it('links the hover on an unannotated neuron expression elsewhere to the chain rule and the sign constraint', () => {
    const py = 'import numpy as np\nh = np.dot(W, h) + c\n';
    const h = embeddedHoverAt(py, at(py, 'np.dot'), 'python');
    assert.ok(h);
    assert.doesNotMatch(h.markdown, FOREIGN);
    const anchors = scienceAnchors(h.markdown);
    assert.ok(anchors.includes('one-neuron-and-the-chain-rule') && anchors.includes('the-sign-constraint'), h.markdown);
  });
});
