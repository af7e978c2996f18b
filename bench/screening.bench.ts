import { buildScreeningIndex } from '../src/screening/index.js';
import { generateList, generateQueries, measureQuality } from '../tests/screening/labelled-set.js';
import { type BenchSection, median } from './types.js';

// Screening on a 100,000-entry list: index build, memory, indexed vs linear scan with the same scorer, quality.
export default async function run(): Promise<BenchSection> {
  const list = generateList(100_000, 42);
  const heapBefore = process.memoryUsage().heapUsed;
  let start = performance.now();
  const index = buildScreeningIndex(list);
  const buildMs = performance.now() - start;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  const queries = generateQueries(list, 400, 43);

  const indexedRounds: number[] = [];
  for (let round = 0; round < 3; round++) {
    start = performance.now();
    for (const q of queries) index.screen(q.query, q.country ? { country: q.country } : {});
    indexedRounds.push((queries.length / (performance.now() - start)) * 1000);
  }
  const linearQueries = queries.slice(0, 6);
  const linearRounds: number[] = [];
  for (let round = 0; round < 2; round++) {
    start = performance.now();
    for (const q of linearQueries) index.screenLinear(q.query, q.country ? { country: q.country } : {});
    linearRounds.push((linearQueries.length / (performance.now() - start)) * 1000);
  }
  const indexed = median(indexedRounds);
  const linear = median(linearRounds);

  const quality = measureQuality((name, options) => index.screen(name, options), queries);
  const speedup = indexed / linear;
  return {
    name: 'screening',
    rows: [
      { method: 'linear scan (same scorer)', 'queries/s': Number(linear.toFixed(1)), 'vs linear': 1 },
      { method: 'inverted index', 'queries/s': Math.round(indexed), 'vs linear': Number(speedup.toFixed(1)) },
    ],
    summary: {
      entries: list.length,
      indexBuildMs: Math.round(buildMs),
      indexHeapMb: Number(heapMb.toFixed(1)),
      speedup: Number(speedup.toFixed(1)),
      recall: Number(quality.recall.toFixed(3)),
      falsePositiveRate: Number(quality.falsePositiveRate.toFixed(3)),
      target: 'index ≥ 20× linear; recall ≥ 0.97; false positives ≤ 2%',
      met: speedup >= 20 && quality.recall >= 0.97 && quality.falsePositiveRate <= 0.02,
    },
  };
}
