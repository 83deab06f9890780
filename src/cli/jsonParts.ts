/**
 * A JSON document as text in parts, one per top-level field, for writing out piece by piece.
 *
 * `JSON.stringify` of a whole analysis builds one string of ~8 MB for a run of 1,000 steps with
 * n = 100. One non-ASCII character (the convention's "λ", the sentence's "θ") makes V8 switch that
 * whole string to two bytes a character, and writing it then transcodes 16 MB to UTF-8. In parts,
 * the big numeric fields (the path, the Hessian, the sample inputs) stay one-byte strings, written
 * as they are, and no part is ever concatenated into a larger copy. `parts.join('')` is exactly
 * `JSON.stringify(document)` (test/unit/cliJsonParts.test.ts).
 */

/** The JSON text of `document` (a plain object) as `{"a":…` `,"b":…` … `}`, in key order. */
export function jsonParts(document: object): string[] {
  const parts: string[] = [];
  let separator = '{';
  for (const key of Object.keys(document)) {
    const value = JSON.stringify((document as Record<string, unknown>)[key]);
    // Like JSON.stringify: a field whose value has no JSON form (undefined, a function) is left out.
    if (value === undefined) continue;
    parts.push(`${separator}${JSON.stringify(key)}:${value}`);
    separator = ',';
  }
  parts.push(separator === '{' ? '{}' : '}');
  return parts;
}
