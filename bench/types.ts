/** One section of `npm run bench`: a table to print and a summary written to bench/results.json. */
export interface BenchSection {
  name: string;
  /** Rows printed as a table (e.g. one per contender, with ops/s and ratio to the baseline). */
  rows: Record<string, string | number>[];
  /** Ratios and targets: `{ ratio: 12.3, target: 10, met: true }` and the like. */
  summary: Record<string, string | number | boolean>;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
