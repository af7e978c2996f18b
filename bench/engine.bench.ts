import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchSection, builtPackage, interleavedRounds } from './types.js';

// assess (compiled, default content, no screening, no trace) against a bare parse and the reference evaluator.
export default async function run(): Promise<BenchSection> {
  const { canonicalHash, createEngine, defaultRuleset, parseTransaction } = await builtPackage();
  const dir = join(import.meta.dirname, '..', 'examples', 'transactions');
  const examples = readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const inputs = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ ...examples[i % examples.length], id: `T-${i}` }));
  const compiled = createEngine();
  const reference = createEngine({ evaluator: 'reference' });
  // The same pipeline with parts left out, to show where the cost goes.
  const noQuestionnaire = createEngine({ questionnaire: false });
  const bare = createEngine({ questionnaire: false, ruleset: { ...defaultRuleset, rules: [], tests: [] } });
  const asOf = '2026-11-01';
  // Parse against assess: many short rounds, so a garbage collection or a slow moment hits a few rounds only.
  const vsParse = interleavedRounds<unknown>(
    [
      ['parseTransaction', (tx) => parseTransaction(tx)],
      ['parse + input hash', (tx) => canonicalHash({ transaction: parseTransaction(tx), answers: {} })],
      ['facts (parse + derive)', (tx) => compiled.facts(tx, { asOf })],
      ['assess, no rules or questions', (tx) => bare.assess(tx, { asOf })],
      ['assess, rules only', (tx) => noQuestionnaire.assess(tx, { asOf })],
      ['assess (compiled)', (tx) => compiled.assess(tx, { asOf })],
    ],
    inputs(1000),
    31,
  );
  // The reference evaluator is ~20× slower: fewer inputs and rounds.
  const vsReference = interleavedRounds<unknown>(
    [
      ['assess (compiled)', (tx) => compiled.assess(tx, { asOf })],
      ['assess (reference)', (tx) => reference.assess(tx, { asOf })],
    ],
    inputs(200),
    9,
  );
  const parse = vsParse.get('parseTransaction')!;
  const fast = vsParse.get('assess (compiled)')!;
  const refRatio = vsReference.get('assess (compiled)')! / vsReference.get('assess (reference)')!;
  const rows = [
    ...[...vsParse].map(([operation, tps]) => ({
      operation,
      'transactions/s': Math.round(tps),
      'µs each': round(1e6 / tps),
      'cost vs parse': round(parse / tps),
    })),
    {
      operation: 'assess (reference)',
      'transactions/s': Math.round(fast / refRatio),
      'µs each': round((1e6 / fast) * refRatio),
      'cost vs parse': round((parse / fast) * refRatio),
    },
  ];
  return {
    name: 'engine',
    rows,
    summary: {
      assessCostVsParse: round(parse / fast),
      compiledVsReference: round(refRatio),
      target: 'assess ≤ 3× a bare parse; compiled ≥ 3× the reference evaluator',
      met: parse / fast <= 3 && refRatio >= 3,
    },
  };
}

const round = (x: number) => Number(x.toFixed(2));
