/**
 * Safe Markdown building for hovers. Any text that comes from the document (values as written,
 * variant names, identifiers in other languages) goes through `escapeMarkdown` or `codeSpan`, so a
 * document can never inject links, images, HTML or formatting into a hover.
 */

/** Backslash-escapes every ASCII punctuation character Markdown could interpret; `<`/`>`/`&` become entities; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '&') out += '&amp;';
    else if (ch === '\n' || ch === '\r') out += ' ';
    else if ('\\`*_{}[]()#+-.!|~"\'$%=:;,/?@^'.includes(ch)) out += '\\' + ch;
    else out += ch;
  }
  return out;
}

/**
 * Inline code span for arbitrary text: the fence is one backtick longer than the longest run of
 * backticks inside, with padding spaces when the text starts or ends with a backtick (CommonMark).
 */
export function codeSpan(text: string, maxLength = 120): string {
  let t = text.replace(/[\r\n]+/g, ' ');
  if (t.length > maxLength) t = t.slice(0, maxLength - 1) + '…';
  let longest = 0;
  let run = 0;
  for (const ch of t) {
    run = ch === '`' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || t.length === 0 ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** A Markdown image whose source is a data URI (built by us, never from the document). */
export function image(alt: string, dataUri: string): string {
  return `![${escapeMarkdown(alt)}](${dataUri})`;
}
