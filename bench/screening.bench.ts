import { buildScreeningIndex, loadScreeningIndex, serializeScreeningIndex } from '../src/screening/index.js';
import { generateCorpus, generateQueries, measureQuality } from '../tests/screening/corpus.js';
import type { BenchSection } from './types.js';

// Screening at scale: 1,000,000 generated entities with Zipf word frequencies (tests/screening/corpus.ts). Index build
// (entry by entry, as from a streamed list), memory, save and load, indexed screening against a naive linear fuzzy
// scan with the same scorer over every name (sampled: a few queries), and quality on the labelled evaluation set.
const ENTITIES = Number(process.env.HRDD_BENCH_SCREENING_ENTITIES ?? 1_000_000);
const QUERIES = Number(process.env.HRDD_BENCH_SCREENING_QUERIES ?? 2000);

export default async function run(): Promise<BenchSection> {
  let start = performance.now();
  const corpus = generateCorpus(ENTITIES, 42);
  const generateMs = performance.now() - start;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buffersBefore = process.memoryUsage().arrayBuffers;
  start = performance.now();
  const index = buildScreeningIndex(corpus.entries);
  const buildMs = performance.now() - start;
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  // The typed arrays of the index (vocabulary, postings, names as word ids, per-name weights) live outside the JS heap.
  const buffersMb = (process.memoryUsage().arrayBuffers - buffersBefore) / 1e6;

  start = performance.now();
  const bytes = serializeScreeningIndex(index);
  const saveMs = performance.now() - start;
  start = performance.now();
  const loaded = loadScreeningIndex(bytes).index;
  const loadMs = performance.now() - start;

  // Non-matches that a listed name turns out to be a true variant of are left out of the set (and counted).
  const stats = { rejectedNonMatches: 0 };
  const queries = generateQueries(corpus, QUERIES, 43, stats);
  // One timed pass over the labelled queries gives both the speed and the quality.
  start = performance.now();
  const quality = measureQuality((name, options) => loaded.screen(name, options), queries);
  const indexed = (queries.length / (performance.now() - start)) * 1000;
  // The linear scan takes seconds a query at this size: a sample of the same queries, in the same run.
  const linearQueries = queries.filter((_, i) => i % 200 === 0);
  start = performance.now();
  for (const q of linearQueries) index.screenLinear(q.query, q);
  const linear = (linearQueries.length / (performance.now() - start)) * 1000;
  const speedup = indexed / linear;
  const loadSpeedup = buildMs / loadMs;
  return {
    name: 'screening',
    rows: [
      {
        method: 'naive linear fuzzy scan (same scorer, every name)',
        'queries/s': Number(linear.toFixed(2)),
        'vs linear': 1,
      },
      {
        method: 'weighted inverted index (loaded from file)',
        'queries/s': Math.round(indexed),
        'vs linear': Number(speedup.toFixed(1)),
      },
    ],
    summary: {
      entities: corpus.entries.length,
      names: index.names,
      generateMs: Math.round(generateMs),
      indexBuildMs: Math.round(buildMs),
      indexHeapMb: Number(heapMb.toFixed(1)),
      heapBytesPerEntity: Math.round((heapMb * 1e6) / corpus.entries.length),
      indexArrayBuffersMb: Number(buffersMb.toFixed(1)),
      arrayBufferBytesPerEntity: Math.round((buffersMb * 1e6) / corpus.entries.length),
      indexFileMb: Number((bytes.byteLength / 1e6).toFixed(1)),
      fileBytesPerEntity: Math.round(bytes.byteLength / corpus.entries.length),
      saveMs: Math.round(saveMs),
      loadMs: Math.round(loadMs),
      loadVsBuild: Number(loadSpeedup.toFixed(1)),
      speedup: Number(speedup.toFixed(1)),
      msPerQuery: Number((1000 / indexed).toFixed(2)),
      queries: queries.length,
      positives: quality.positives,
      negatives: quality.negatives,
      nonMatchesLeftOut: stats.rejectedNonMatches,
      linearSample: linearQueries.length,
      recall: Number(quality.recall.toFixed(4)),
      falsePositiveRate: Number(quality.falsePositiveRate.toFixed(4)),
      precision: Number(quality.precision.toFixed(4)),
      hitsPerAlert: Number(quality.hitsPerAlert.toFixed(2)),
      ...Object.fromEntries(
        Object.entries(quality.byVariant)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([variant, v]) => [`variant: ${variant}`, `${v.correct}/${v.total}`]),
      ),
      target: 'recall ≥ 0.97; false positives ≤ 2%; index ≥ 50× linear; load ≥ 5× faster than build',
      met: quality.recall >= 0.97 && quality.falsePositiveRate <= 0.02 && speedup >= 50 && loadSpeedup >= 5,
    },
  };
}
