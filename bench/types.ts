import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** Milliseconds of CPU time this process has used: a clock that other processes on a shared machine barely move. */
export const cpuClock = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Runs each contender over the same inputs in interleaved rounds (so drift in machine load hits all alike) and
 * returns the median throughput of each, in inputs per second. `clock` gives milliseconds: wall time by default,
 * `cpuClock` for work done in this process alone.
 */
export function interleavedRounds<T>(
  contenders: readonly [name: string, run: (input: T) => unknown][],
  inputs: readonly T[],
  rounds: number,
  warmup = 3,
  clock: () => number = () => performance.now(),
): Map<string, number> {
  const samples = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
  let sink = 0;
  // Unmeasured rounds first, so every contender is compiled by the optimising JIT before it is timed.
  for (let round = 0; round < warmup; round++)
    for (const [, run] of contenders) for (const input of inputs) if (run(input)) sink++;
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of contenders) {
      const start = clock();
      for (const input of inputs) if (run(input)) sink++;
      samples.get(name)!.push((inputs.length / (clock() - start)) * 1000);
    }
  }
  if (sink < 0) console.log(sink); // keeps the results observable
  return new Map([...samples].map(([name, s]) => [name, median(s)]));
}

/** The built package (`dist/`), as users run it: `npm run bench` builds first. Typed as the sources. */
export async function builtPackage(): Promise<typeof import('../src/index.js')> {
  const entry = join(import.meta.dirname, '..', 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error('dist/index.js is missing: run `npm run build` (npm run bench does)');
  return import(pathToFileURL(entry).href);
}
