/**
 * Sorts in place, stably: by insertion for the handful of findings or assurances of a typical assessment (no
 * per-call setup of `Array.prototype.sort`), by `Array.prototype.sort` (also stable) for longer lists.
 */
export function sortShort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > 16) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    while (j >= 0 && compare(items[j]!, item) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

/** UTF-16 code-unit order, the order of `Array.prototype.sort` without a comparator. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
