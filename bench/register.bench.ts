import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from './types.js';

// `hrdd monitor` re-assessing every active transaction of a register (embedded PGlite), against `hrdd batch` over
// the same orders on the same machine, each in a fresh process; batch runs before and after, and their mean is the
// baseline (the machine's load drifts).
const root = join(import.meta.dirname, '..');
const N = Number(process.env.HRDD_BENCH_REGISTER_N ?? 100_000);
const WORKERS = 2;

function batchInput(n: number): string {
  const dir = join(root, 'examples', 'transactions');
  const examples = readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const lines: string[] = [];
  for (let i = 0; i < n; i++)
    lines.push(JSON.stringify({ transaction: { ...examples[i % examples.length], id: `T-${i}` } }));
  const file = join(mkdtempSync(join(tmpdir(), 'hrdd-bench-')), `in-${n}.ndjson`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function child<T>(script: string, args: string[]): T {
  return JSON.parse(execFileSync(process.execPath, [join(root, 'bench', script), ...args], { encoding: 'utf8' })) as T;
}

export default async function bench(): Promise<BenchSection> {
  if (!existsSync(join(root, 'dist', 'node', 'index.js'))) throw new Error('run `npm run build` first');
  const file = batchInput(N);
  const before = child<{ linesPerSecond: number }>('batch-child.mjs', [file, String(WORKERS)]).linesPerSecond;
  const db = join(mkdtempSync(join(tmpdir(), 'hrdd-bench-register-')), 'db');
  const monitor = child<{ reassessed: number; perSecond: number; cores: number }>('register-child.mjs', [
    db,
    String(N),
  ]);
  const after = child<{ linesPerSecond: number }>('batch-child.mjs', [file, String(WORKERS)]).linesPerSecond;
  const batch = (before + after) / 2;
  const ratio = monitor.perSecond / batch;
  return {
    name: 'register',
    rows: [
      {
        run: `hrdd batch, ${N.toLocaleString('en')} lines, ${WORKERS} workers (mean of 2)`,
        'transactions/s': Math.round(batch),
      },
      {
        run: `hrdd monitor, ${monitor.reassessed.toLocaleString('en')} active transactions re-assessed (PGlite)`,
        'transactions/s': monitor.perSecond,
      },
    ],
    summary: {
      transactions: N,
      monitorPerSecond: monitor.perSecond,
      batchPerSecond: Math.round(batch),
      ratioToBatch: Number(ratio.toFixed(2)),
      target: 'monitor ≥ 0.5× batch throughput on the same machine',
      met: ratio >= 0.5,
    },
  };
}
