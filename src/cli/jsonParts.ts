/**
 * A JSON document as text in parts, produced one after the other for writing out as they come.
 *
 * `JSON.stringify` of a whole analysis builds one string of ~8 MB for a run of 1,000 steps with
 * n = 100. One non-ASCII character (the convention's "λ", the sentence's "θ") makes V8 switch that
 * whole string to two bytes a character, and writing it then transcodes 16 MB to UTF-8. In parts,
 * the numeric fields stay one-byte strings, and a part written at once is garbage before the next
 * young-generation collection (a list of all the parts kept ~8 MB alive to be copied twice by the
 * collector). The parts join to exactly `JSON.stringify(document)` (test/unit/cliJsonParts.test.ts).
 */

/** Objects and arrays of objects nested up to this depth are written field by field (a variant's path entries are at depth 5). */
const MAX_DEPTH = 5;
/** Small pieces are gathered into parts of about this many characters. */
const PART_CHARS = 64 * 1024;

/** An object JSON.stringify writes field by field: no toJSON, a plain or null prototype. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** An array of plain objects (the path, the variants), whose elements are written one by one. */
function isArrayOfObjects(v: unknown): v is unknown[] {
  return Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function' && v.length > 0 && isPlainObject(v[0]);
}

/** The pieces of `value`'s JSON text, or undefined (as JSON.stringify) when it has none. */
function* pieces(value: unknown, depth: number): Generator<string> {
  if (depth < MAX_DEPTH && isPlainObject(value)) {
    let separator = '{';
    for (const key of Object.keys(value)) {
      const v = value[key];
      // Like JSON.stringify: a field whose value has no JSON form (undefined, a function, a symbol) is left out.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      yield `${separator}${JSON.stringify(key)}:`;
      yield* pieces(v, depth + 1);
      separator = ',';
    }
    yield separator === '{' ? '{}' : '}';
  } else if (depth < MAX_DEPTH && isArrayOfObjects(value)) {
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? '[' : ',';
      const v = value[i];
      // An element without a JSON form is null in an array.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
      else yield* pieces(v, depth + 1);
    }
    yield ']';
  } else {
    yield JSON.stringify(value);
  }
}

/** The JSON text of `document` (a plain object) in parts of about PART_CHARS characters, in key order. */
export function* jsonParts(document: object): Generator<string> {
  let gathered: string[] = [];
  let chars = 0;
  for (const piece of pieces(document, 0)) {
    gathered.push(piece);
    chars += piece.length;
    if (chars >= PART_CHARS) {
      yield gathered.join('');
      gathered = [];
      chars = 0;
    }
  }
  if (gathered.length > 0) yield gathered.join('');
}
