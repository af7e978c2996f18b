import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BenchSection } from './types.js';

// `hrdd monitor` against `hrdd batch`, like for like: the same orders (the example transactions, cycled, with ids
// of their own), the same engine (bundled rule set, questionnaire and data, no lists), the same date, the same
// number of workers, each run in a fresh process on the same machine in the same bench run. Batch runs before and
// after monitor and their mean is the baseline: the machine's load drifts. Both figures include starting the
// worker pool; monitor's also includes reading the active set from the register (embedded PGlite) and writing
// every new assessment as a chain entry. The register is filled in a process of its own beforehand (not timed), so
// monitor's peak memory is its own. CPU per transaction (all threads) is shown too: it varies less with the load
// of a shared machine than throughput does.
const root = join(import.meta.dirname, '..');
/** Active transactions; the recorded figure is at 100,000 (set HRDD_BENCH_REGISTER_N lower for a quick run). */
const N = Number(process.env.HRDD_BENCH_REGISTER_N ?? 100_000);
const WORKERS = 2;
/** Every review date of the orders (assessed as of 2026-11-01) has passed: monitor re-assesses them all. */
const AS_OF = '2029-01-01';

function orders(n: number): string {
  const dir = join(root, 'examples', 'transactions');
  const examples = readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const lines: string[] = [];
  for (let i = 0; i < n; i++)
    lines.push(JSON.stringify({ transaction: { ...examples[i % examples.length], id: `T-${i}` } }));
  const file = join(mkdtempSync(join(tmpdir(), 'hrdd-bench-')), `orders-${n}.ndjson`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const cpuMs = (cores: number, perSecond: number) => Number(((cores / perSecond) * 1000).toFixed(3));

function child<T>(script: string, args: string[]): T {
  return JSON.parse(execFileSync(process.execPath, [join(root, 'bench', script), ...args], { encoding: 'utf8' })) as T;
}

export default async function bench(): Promise<BenchSection> {
  if (!existsSync(join(root, 'dist', 'node', 'index.js'))) throw new Error('run `npm run build` first');
  const file = orders(N);
  const batchRun = () =>
    child<{ linesPerSecond: number; cores: number }>('batch-child.mjs', [file, String(WORKERS), AS_OF]);
  const db = join(mkdtempSync(join(tmpdir(), 'hrdd-bench-register-')), 'db');
  child('register-child.mjs', ['fill', file, db]);
  const before = batchRun();
  const monitor = child<{ reassessed: number; perSecond: number; cores: number; maxRssMb: number }>(
    'register-child.mjs',
    ['monitor', db, String(WORKERS), AS_OF],
  );
  rmSync(dirname(db), { recursive: true, force: true });
  if (monitor.reassessed !== N) throw new Error(`monitor re-assessed ${monitor.reassessed} of ${N} transactions`);
  const after = batchRun();
  const batch = (before.linesPerSecond + after.linesPerSecond) / 2;
  const ratio = monitor.perSecond / batch;
  const count = N.toLocaleString('en');
  const same = `same ${count} orders, bundled rules and data, no lists, as of ${AS_OF}, ${WORKERS} workers`;
  return {
    name: 'register',
    rows: [
      {
        run: `hrdd batch before monitor (${same})`,
        'transactions/s': before.linesPerSecond,
        cores: before.cores,
        'CPU ms/transaction': cpuMs(before.cores, before.linesPerSecond),
      },
      {
        run: `hrdd monitor, ${count} active transactions re-assessed and stored (${same}, PGlite)`,
        'transactions/s': monitor.perSecond,
        cores: monitor.cores,
        'CPU ms/transaction': cpuMs(monitor.cores, monitor.perSecond),
      },
      {
        run: `hrdd batch after monitor (${same})`,
        'transactions/s': after.linesPerSecond,
        cores: after.cores,
        'CPU ms/transaction': cpuMs(after.cores, after.linesPerSecond),
      },
    ],
    summary: {
      transactions: N,
      workers: WORKERS,
      monitorPerSecond: monitor.perSecond,
      batchPerSecond: Math.round(batch),
      ratioToBatch: Number(ratio.toFixed(2)),
      cpuRatioToBatch: Number(
        (
          (cpuMs(before.cores, before.linesPerSecond) + cpuMs(after.cores, after.linesPerSecond)) /
          2 /
          cpuMs(monitor.cores, monitor.perSecond)
        ).toFixed(2),
      ),
      monitorPeakRssMb: monitor.maxRssMb,
      target: 'monitor ≥ 0.5× batch throughput on the same machine, at 100,000 active transactions',
      met: ratio >= 0.5 && N >= 100_000,
    },
  };
}
