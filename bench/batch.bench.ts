import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchSection, median } from './types.js';

// hrdd batch in fresh processes: throughput with 1 and 2 workers, peak RSS at 20,000 and 80,000 lines.
const root = join(import.meta.dirname, '..');
/** Interleaved 1-worker/2-worker pairs: the machine's speed drifts between runs. */
const PAIRS = 3;
/**
 * Throughput is measured on a long run, as overnight re-screening is: each worker starts, compiles its engine and
 * warms up its JIT once, which a short run would mostly measure.
 */
const THROUGHPUT_LINES = 160_000;

function input(n: number): string {
  const dir = join(root, 'examples', 'transactions');
  const examples = readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 97 === 13) lines.push('{not json');
    else lines.push(JSON.stringify({ transaction: { ...examples[i % examples.length], id: `T-${i}` } }));
  }
  const file = join(mkdtempSync(join(tmpdir(), 'hrdd-bench-')), `in-${n}.ndjson`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function run(file: string, workers: number): { linesPerSecond: number; maxRssMb: number; cores: number } {
  const out = execFileSync(process.execPath, [join(root, 'bench', 'batch-child.mjs'), file, String(workers)], {
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

export default async function bench(): Promise<BenchSection> {
  if (!existsSync(join(root, 'dist', 'node', 'index.js'))) throw new Error('run `npm run build` first');
  const small = input(20_000);
  const long = input(THROUGHPUT_LINES);
  const large = input(80_000);
  // Throughput: 1 and 2 workers in interleaved pairs (the machine's load drifts), median of each.
  const one: { linesPerSecond: number; cores: number }[] = [];
  const two: { linesPerSecond: number; cores: number }[] = [];
  for (let pair = 0; pair < PAIRS; pair++) {
    one.push(run(long, 1));
    two.push(run(long, 2));
  }
  const speed = (runs: typeof one) => median(runs.map((r) => r.linesPerSecond));
  const cores = (runs: typeof one) => median(runs.map((r) => r.cores));
  // Memory: peak RSS of whole runs at 20,000 and 80,000 lines with 2 workers.
  const rssSmall = run(small, 2).maxRssMb;
  const rssLarge = run(large, 2).maxRssMb;
  const speedup = speed(two) / speed(one);
  const rssRatio = rssLarge / rssSmall;
  return {
    name: 'batch',
    rows: [
      {
        run: `${THROUGHPUT_LINES.toLocaleString('en')} lines, 1 worker (median of ${PAIRS})`,
        'lines/s': speed(one),
        cores: cores(one),
        'peak RSS MB': '',
      },
      {
        run: `${THROUGHPUT_LINES.toLocaleString('en')} lines, 2 workers (median of ${PAIRS})`,
        'lines/s': speed(two),
        cores: cores(two),
        'peak RSS MB': '',
      },
      { run: '20,000 lines, 2 workers', 'lines/s': '', cores: '', 'peak RSS MB': rssSmall },
      { run: '80,000 lines, 2 workers', 'lines/s': '', cores: '', 'peak RSS MB': rssLarge },
    ],
    summary: {
      speedupTwoWorkers: Number(speedup.toFixed(2)),
      // One worker already keeps more than one core busy (main thread, garbage collectors): the ceiling for two.
      coresOneWorker: cores(one),
      rssRatio80kTo20k: Number(rssRatio.toFixed(2)),
      target: '2 workers ≥ 1.5× 1 worker; RSS at 80,000 lines ≤ 1.3× RSS at 20,000',
      met: speedup >= 1.5 && rssRatio <= 1.3,
    },
  };
}
