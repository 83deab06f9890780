/**
 * Links from hovers, hints and quick fixes to the project's own science document, docs/science.md,
 * which ships inside the extension. One table of its sections, so a renamed heading breaks one
 * test, not a dozen silent links.
 *
 * Core Markdown links to the document with a path relative to the extension's root,
 * `docs/science.md#anchor`, which also works on GitHub and in a checkout. The host, which knows
 * where the extension is installed, rewrites those targets to absolute URIs with
 * `resolveScienceLinks` before VS Code renders the hover (core never imports `vscode`). VS Code
 * opens a file link at a line fragment `#L26` but ignores a heading anchor, so the host may pass
 * the heading lines (`headingLines` of the shipped text) to turn anchors into lines.
 */
import { escapeMarkdown } from './markdown';

/** The document's path relative to the extension's (and the repository's) root. */
export const SCIENCE_DOC = 'docs/science.md';

/**
 * The sections hovers and hints point to: heading text and its anchor (GitHub's and VS Code's
 * slug of the heading: lower case, punctuation dropped, spaces to hyphens).
 */
export const SCIENCE_SECTIONS = {
  chainRule: { title: 'One neuron and the chain rule', anchor: 'one-neuron-and-the-chain-rule' },
  signConstraint: { title: 'The sign constraint', anchor: 'the-sign-constraint' },
  noZigzag: { title: 'When there is no zig-zag', anchor: 'when-there-is-no-zig-zag' },
  batches: { title: 'Batches', anchor: 'batches' },
  conditioning: { title: 'Conditioning', anchor: 'conditioning' },
  whichKappa: { title: 'Which condition number is shown', anchor: 'which-condition-number-is-shown' },
  stepSizeBounds: { title: 'Step-size bounds for each optimizer', anchor: 'step-size-bounds-for-each-optimizer' },
  fullBatch: { title: 'Full-batch bounds and real runs', anchor: 'full-batch-bounds-and-real-runs' },
  diverged: { title: 'When a run has diverged', anchor: 'when-a-run-has-diverged' },
  optimalSteps: { title: 'Optimal step sizes', anchor: 'optimal-step-sizes' },
  conventions: { title: 'Conventions', anchor: 'conventions' },
  measures: { title: 'What the run measures', anchor: 'what-the-run-measures' },
  fixes: { title: 'The fixes', anchor: 'the-fixes' },
  normalization: { title: 'Batch and layer normalisation', anchor: 'batch-and-layer-normalisation' },
  network: { title: 'A layer inside a network', anchor: 'a-layer-inside-a-network' },
  rule: { title: 'The rule for numbers on screen', anchor: 'the-rule-for-numbers-on-screen' },
} as const;

export type ScienceSection = keyof typeof SCIENCE_SECTIONS;

/** The relative target of a section: `docs/science.md#the-sign-constraint`. */
export function scienceTarget(section: ScienceSection): string {
  return `${SCIENCE_DOC}#${SCIENCE_SECTIONS[section].anchor}`;
}

/** A Markdown link to a section; the label defaults to the section's heading. */
export function scienceLink(section: ScienceSection, label: string = SCIENCE_SECTIONS[section].title): string {
  return `[${escapeMarkdown(label)}](${scienceTarget(section)})`;
}

/** The closing line of a hover: "More: [The sign constraint](…) · [Batches](…)". */
export function scienceFooter(...sections: readonly ScienceSection[]): string {
  return `_More in the science notes: ${sections.map((s) => scienceLink(s)).join(' · ')}._`;
}

/**
 * The same reference as plain text, for places that render no Markdown (diagnostics, quick-fix
 * titles): `docs/science.md, "The sign constraint"`.
 */
export function scienceReference(section: ScienceSection): string {
  return `${SCIENCE_DOC}, "${SCIENCE_SECTIONS[section].title}"`;
}

/** GitHub's slug of a heading: lower case, punctuation dropped, each space a hyphen. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The 1-based line of every ATX heading of a Markdown text, by slug (fenced code skipped; first wins). */
export function headingLines(markdown: string): Map<string, number> {
  const out = new Map<string, number>();
  let fence: string | null = null;
  markdown.split(/\r?\n/).forEach((line, i) => {
    const f = /^\s{0,3}(```|~~~)/.exec(line);
    if (f) {
      if (fence === null) fence = f[1];
      else if (f[1] === fence) fence = null;
      return;
    }
    const h = fence === null ? /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line) : null;
    if (h) {
      const slug = headingSlug(h[1]);
      if (!out.has(slug)) out.set(slug, i + 1);
    }
  });
  return out;
}

/** Matches the target of a Markdown link to the science document: `](docs/science.md#anchor)`. */
const LINK_TARGET = /\]\(docs\/science\.md(#[a-z0-9-]*)?\)/g;

/**
 * Rewrites every link target `docs/science.md#anchor` in `markdown` to `documentUri#anchor`
 * (`documentUri` without a fragment, e.g. the extension's file URI of docs/science.md), or to
 * `documentUri#L<line>` when `lines` (from `headingLines`) knows the anchor. Other links and text
 * are left alone.
 */
export function resolveScienceLinks(markdown: string, documentUri: string, lines?: ReadonlyMap<string, number>): string {
  return markdown.replace(LINK_TARGET, (_m, fragment: string | undefined) => {
    const line = fragment ? lines?.get(fragment.slice(1)) : undefined;
    return `](${documentUri}${line !== undefined ? `#L${line}` : (fragment ?? '')})`;
  });
}
