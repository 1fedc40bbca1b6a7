/** Half-open index range [start, end) into a sorted list of paths. */
export type PathRange = [start: number, end: number];

/**
 * The ranges of `sortedPaths` (default JS string order) that start with any of `prefixes`.
 * In a sorted list every prefix owns one contiguous range, found by two binary searches; a prefix
 * that extends another kept prefix is covered already, so the result is disjoint and ascending.
 * Requests paths carry no leading "/" here, matching how Vault stores rule paths.
 */
export function findCandidateRanges(sortedPaths: readonly string[], prefixes: readonly string[]): PathRange[] {
  const kept: string[] = [];
  for (const prefix of [...new Set(prefixes)].sort()) {
    const last = kept.at(-1);
    if (last === undefined || !prefix.startsWith(last)) kept.push(prefix);
  }
  const ranges: PathRange[] = [];
  for (const prefix of kept) {
    const start = lowerBound(sortedPaths, (p) => p >= prefix);
    const end = lowerBound(sortedPaths, (p) => p >= prefix && p.slice(0, prefix.length) > prefix, start);
    if (start < end) ranges.push([start, end]);
  }
  return ranges;
}

/** First index at or after `from` where the monotone predicate holds (length when none does). */
function lowerBound(items: readonly string[], holds: (item: string) => boolean, from = 0): number {
  let lo = from;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(items[mid] as string)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
