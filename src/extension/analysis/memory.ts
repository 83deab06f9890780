// Byte estimates of analysis results and a least-recently-used map bounded by them. The estimate
// need not be exact, only proportional: typed arrays count their bytes, arrays of numbers 8 bytes
// an element, strings 2 bytes a character, other arrays and objects a slot per entry plus a header.

/** Bytes of a slot or pointer, and of an object's header, on a 64-bit V8 without pointer compression. */
const SLOT = 8;
const HEADER = 32;

/** An estimate of the heap `value` keeps alive (shared parts counted once). */
export function estimateBytes(value: unknown, seen = new WeakSet<object>()): number {
  if (typeof value === 'string') return HEADER + 2 * value.length;
  if (value === null || typeof value !== 'object') return 0;
  if (seen.has(value)) return 0;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return HEADER + value.byteLength;
  if (Array.isArray(value)) {
    let bytes = HEADER + SLOT * value.length;
    // Arrays of numbers are the bulk (rows of x, labels, paths): their elements cost nothing more.
    if (value.length > 0 && typeof value[0] === 'number') return bytes;
    for (const item of value) bytes += estimateBytes(item, seen);
    return bytes;
  }
  let bytes = HEADER;
  for (const key in value) bytes += SLOT + estimateBytes((value as Record<string, unknown>)[key], seen);
  return bytes;
}

/** A map that keeps the most recently used entries whose estimated bytes fit `budget`. */
export class ByteBoundedCache<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private total = 0;

  constructor(readonly budget: number) {}

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  /**
   * Keeps `value` as the most recent entry and evicts the least recently used others until the
   * total fits the budget (an entry larger than the budget alone stays until the next one comes).
   */
  set(key: K, value: V, bytes: number): void {
    this.delete(key);
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [k, e] of this.entries) {
      if (this.total <= this.budget || k === key) break;
      this.entries.delete(k);
      this.total -= e.bytes;
    }
  }

  delete(key: K): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.total -= old.bytes;
  }

  keys(): IterableIterator<K> {
    return this.entries.keys();
  }
}
