import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchSection, builtPackage, interleavedRounds } from './types.js';

// assess (compiled, default content, no screening, no trace) against a bare parse and the reference evaluator.
export default async function run(): Promise<BenchSection> {
  const { createEngine, defaultRuleset, parseTransaction } = await builtPackage();
  const dir = join(import.meta.dirname, '..', 'examples', 'transactions');
  const examples = readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const inputs = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ ...examples[i % examples.length], id: `T-${i}` }));
  const asOf = '2026-11-01';
  // The headline first, with the one engine a deployment would have: engines compiled later share the evaluator's
  // closure copies (src/logic/site-templates.ts) and would slow this one down.
  const compiled = createEngine();
  const headline = interleavedRounds<unknown>(
    [
      ['parseTransaction', (tx) => parseTransaction(tx)],
      ['assess (compiled)', (tx) => compiled.assess(tx, { asOf })],
    ],
    inputs(1000),
    31,
  );
  // Where the cost goes: the same pipeline with parts left out (more engines in the process from here on).
  const noQuestionnaire = createEngine({ questionnaire: false });
  const bare = createEngine({ questionnaire: false, ruleset: { ...defaultRuleset, rules: [], tests: [] } });
  const vsParse = interleavedRounds<unknown>(
    [
      ['parseTransaction', (tx) => parseTransaction(tx)],
      ['facts (parse + derive)', (tx) => compiled.facts(tx, { asOf })],
      ['assess, no rules or questions', (tx) => bare.assess(tx, { asOf })],
      ['assess, rules only', (tx) => noQuestionnaire.assess(tx, { asOf })],
      ['assess (compiled)', (tx) => compiled.assess(tx, { asOf })],
    ],
    inputs(1000),
    15,
  );
  // The reference evaluator is ~50× slower: fewer inputs and rounds.
  const reference = createEngine({ evaluator: 'reference' });
  const vsReference = interleavedRounds<unknown>(
    [
      ['assess (compiled)', (tx) => compiled.assess(tx, { asOf })],
      ['assess (reference)', (tx) => reference.assess(tx, { asOf })],
    ],
    inputs(200),
    9,
  );
  const parse = headline.get('parseTransaction')!;
  const fast = headline.get('assess (compiled)')!;
  const breakdownParse = vsParse.get('parseTransaction')!;
  const refRatio = vsReference.get('assess (compiled)')! / vsReference.get('assess (reference)')!;
  const rows = [
    ...[...headline].map(([operation, tps]) => ({
      operation,
      'transactions/s': Math.round(tps),
      'µs each': round(1e6 / tps),
      'cost vs parse': round(parse / tps),
    })),
    ...[...vsParse]
      .filter(([operation]) => operation !== 'parseTransaction')
      .map(([operation, tps]) => ({
        operation: `  ${operation} (breakdown run)`,
        'transactions/s': Math.round(tps),
        'µs each': round(1e6 / tps),
        'cost vs parse': round(breakdownParse / tps),
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
