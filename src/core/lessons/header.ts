/**
 * The header comment of a lesson (a `.neuron` file in examples/): the first comment lines of the
 * file, before the first statement.
 *
 *   # Title                                  ← line 1: the title
 *   # One-line description.                  ← line 2: shown beside the title in "Open Lesson..."
 *   #                                        ← an empty comment line
 *   # The lesson text, any number of lines.  ← the body (paragraphs separated by empty comment lines)
 *
 * `#` and `//` comments are both accepted. Pure text handling: no I/O.
 */

/** What a lesson's header says. */
export interface LessonHeader {
  /** The first comment line (without the comment marker), or '' when the file has no header. */
  readonly title: string;
  /** The second comment line, or '' when there is none. */
  readonly description: string;
  /** The remaining header lines, markers and one following space removed, leading/trailing empty lines dropped. */
  readonly body: readonly string[];
}

/** The text of a comment line without its marker and one following space, or undefined for a non-comment line. */
function commentText(line: string): string | undefined {
  const t = line.trimStart();
  const marker = t.startsWith('#') ? 1 : t.startsWith('//') ? 2 : 0;
  if (marker === 0) return undefined;
  const rest = t.slice(marker);
  return (rest.startsWith(' ') ? rest.slice(1) : rest).trimEnd();
}

/** Reads the header comment at the top of a lesson's text (leading blank lines allowed). */
export function parseLessonHeader(text: string): LessonHeader {
  const lines = text.split(/\r?\n/);
  const header: string[] = [];
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  for (; i < lines.length; i++) {
    const c = commentText(lines[i]);
    if (c === undefined) break;
    header.push(c);
  }
  const title = header[0]?.trim() ?? '';
  const description = header[1]?.trim() ?? '';
  const body = header.slice(2);
  while (body.length > 0 && body[0].trim() === '') body.shift();
  while (body.length > 0 && body[body.length - 1].trim() === '') body.pop();
  return { title, description, body };
}
