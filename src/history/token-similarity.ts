// How much of two token sequences is the same code in the same order: 2·LCS / (|a| + |b|), the
// ratio Python's difflib and git's rename detection are built on, with the longest common
// subsequence found by Myers' O((N+M)·D) algorithm ("An O(ND) Difference Algorithm and Its
// Variations", 1986), which is fast when the sequences are alike and bounded when they are not.

/** Past this many edits the sequences are unrelated for any threshold in use: the ratio is then a bound. */
const defaultMaxEdits = 6000;

/** The similarity of two token sequences, from 0 (nothing in common) to 1 (equal); 1 when both are empty. */
export function tokenSimilarity(a: readonly string[], b: readonly string[], maxEdits = defaultMaxEdits): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  return (2 * commonTokens(a, b, maxEdits)) / total;
}

/** The length of the longest common subsequence of `a` and `b` (a lower bound past `maxEdits` edits). */
export function commonTokens(a: readonly string[], b: readonly string[], maxEdits = defaultMaxEdits): number {
  const edits = editDistance(a, b, maxEdits);
  return Math.max(0, (a.length + b.length - edits) / 2);
}

/**
 * The number of insertions and deletions that turn `a` into `b` (no substitutions), or `limit`
 * when it is larger: the furthest-reaching D-paths of Myers' algorithm, without the path itself.
 */
function editDistance(a: readonly string[], b: readonly string[], limit: number): number {
  // Common prefix and suffix cost nothing and shrink the search.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0) return n + m;
  const max = Math.min(n + m, limit);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))) x = v[offset + k + 1] ?? 0;
      else x = (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return max;
}
