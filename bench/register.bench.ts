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
/**
 * A Postgres server to run the same monitor against as well (a fresh database, dropped afterwards), e.g. the
 * throwaway cluster `.ci/run` starts. Its server process's CPU is not the bench's, so that row shows throughput only.
 */
const PG_URL = process.env.HRDD_BENCH_PG_URL;

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

/** A fresh database on the server at `PG_URL`, and how to drop it. */
async function freshPostgres(): Promise<{ db: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `hrdd_bench_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return { db: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

type MonitorRun = { reassessed: number; perSecond: number; cores: number; maxRssMb: number };

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
  const monitor = child<MonitorRun>('register-child.mjs', ['monitor', db, String(WORKERS), AS_OF]);
  rmSync(dirname(db), { recursive: true, force: true });
  if (monitor.reassessed !== N) throw new Error(`monitor re-assessed ${monitor.reassessed} of ${N} transactions`);
  let server: MonitorRun | undefined;
  if (PG_URL) {
    const fresh = await freshPostgres();
    try {
      child('register-child.mjs', ['fill', file, fresh.db]);
      server = child<MonitorRun>('register-child.mjs', ['monitor', fresh.db, String(WORKERS), AS_OF]);
    } finally {
      await fresh.drop();
    }
    if (server.reassessed !== N) throw new Error(`monitor re-assessed ${server.reassessed} of ${N} transactions`);
  }
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
      ...(server
        ? [
            {
              run: `hrdd monitor, the same on a local Postgres server (${same}; the server's CPU not counted)`,
              'transactions/s': server.perSecond,
              cores: server.cores,
              'CPU ms/transaction': cpuMs(server.cores, server.perSecond),
            },
          ]
        : []),
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
      ...(server
        ? {
            postgresMonitorPerSecond: server.perSecond,
            postgresRatioToBatch: Number((server.perSecond / batch).toFixed(2)),
          }
        : {}),
      target: 'monitor ≥ 0.5× batch throughput on the same machine, at 100,000 active transactions',
      met: ratio >= 0.5 && N >= 100_000,
    },
  };
}
