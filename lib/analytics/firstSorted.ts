/**
 * The first `count` (>= 0) items of `[...items].sort(compare)` without sorting them all: the panel shows
 * the top 5 polarity examples of ~3,000 papers and the top 30 of thousands of co-cited works.
 * Keeps a sorted buffer of at most `count` items; an item that does not sort before the buffer's
 * last one is dropped after one comparison. Stable like Array.prototype.sort: of two items that
 * compare equal, the earlier stays first.
 */
export function firstSorted<T>(items: readonly T[], compare: (a: T, b: T) => number, count: number): T[] {
  // Read `count` as slice(0, count) would for count >= 0: fractions truncated, NaN as 0.
  const limit = Number.isNaN(count) ? 0 : Math.trunc(count);
  if (limit <= 0) return [];
  if (limit >= items.length) return [...items].sort(compare);
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === limit && compare(item, kept[limit - 1]!) >= 0) continue;
    // After every kept item that sorts before or equal to it (stability), before the rest.
    let position = kept.length;
    while (position > 0 && compare(item, kept[position - 1]!) < 0) position -= 1;
    kept.splice(position, 0, item);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}
