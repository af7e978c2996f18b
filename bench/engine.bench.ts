import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, parseTransaction } from '../src/index.js';
import { type BenchSection, interleavedRounds } from './types.js';

// assess (compiled, default content, no screening, no trace) against a bare parse and the reference evaluator.
export default async function run(): Promise<BenchSection> {
  const dir = join(import.meta.dirname, '..', 'examples', 'transactions');
  const examples = readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const inputs = Array.from({ length: 400 }, (_, i) => ({ ...examples[i % examples.length], id: `T-${i}` }));
  const compiled = createEngine();
  const reference = createEngine({ evaluator: 'reference' });
  const contenders: [string, (tx: unknown) => unknown][] = [
    ['parseTransaction', (tx) => parseTransaction(tx)],
    ['assess (compiled)', (tx) => compiled.assess(tx, { asOf: '2026-11-01' })],
    ['assess (reference)', (tx) => reference.assess(tx, { asOf: '2026-11-01' })],
  ];
  const perSecond = interleavedRounds(contenders, inputs, 9);
  const parse = perSecond.get('parseTransaction')!;
  const fast = perSecond.get('assess (compiled)')!;
  const slow = perSecond.get('assess (reference)')!;
  return {
    name: 'engine',
    rows: [...perSecond].map(([name, tps]) => ({
      operation: name,
      'transactions/s': Math.round(tps),
      'cost vs parse': Number((parse / tps).toFixed(2)),
    })),
    summary: {
      assessCostVsParse: Number((parse / fast).toFixed(2)),
      compiledVsReference: Number((fast / slow).toFixed(2)),
      target: 'assess ≤ 3× a bare parse; compiled ≥ 3× the reference evaluator',
      met: parse / fast <= 3 && fast / slow >= 3,
    },
  };
}
