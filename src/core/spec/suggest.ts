/**
 * "Did you mean" by edit distance (optimal string alignment: insertions, deletions,
 * substitutions and adjacent transpositions each cost 1), compared case-insensitively.
 */

/** Words longer than this get no suggestion: the O(|a|·|b|) table stays tiny. */
const MAX_WORD = 40;

/** Edit distance between a and b (adjacent transpositions count 1). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/**
 * The candidate closest to `word`, if it is close enough: distance ≤ 2 and less than half the
 * word's length (so "x" does not suggest "lr"). Ties go to the earlier candidate.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (word.length === 0 || word.length > MAX_WORD) return undefined;
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  // A one-letter word is close to every one-letter name: suggest only a case difference there.
  const limit = w.length === 1 ? 0 : Math.min(2, Math.max(1, Math.floor(w.length / 2)));
  return bestD <= limit ? best : undefined;
}

/** Longest piece of the user's text a message quotes. */
const MAX_EXCERPT = 40;

/** The user's text as a message quotes it: cut to MAX_EXCERPT characters, so a huge token cannot flood the output. */
export function excerpt(text: string): string {
  return escapeControls(text.length <= MAX_EXCERPT ? text : `${text.slice(0, MAX_EXCERPT - 1)}…`);
}

/**
 * Control characters (C0, DEL, C1) and bidirectional overrides as visible escapes (\x1b, \u202e):
 * quoted text goes to terminals and editors, where a raw ESC or RLO would act instead of showing.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** " Did you mean 'x'?" or "" — appended to messages. */
export function didYouMeanText(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`;
}

/** "1 row", "3 rows": a count with its noun. */
export function plural(k: number, noun: string): string {
  return `${k} ${noun}${k === 1 ? '' : 's'}`;
}
