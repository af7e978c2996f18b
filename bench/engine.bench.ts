import { canonicalJson, orderedJson, sha256Hex } from '../src/digest/index.js';
import { type BenchSection, builtPackage, cpuClock, interleavedRounds } from './types.js';
import { realWorkload } from './workload.js';

// The headline, on the real workload: the default rule set, questionnaire and data over the example transactions
// with their answers. assess (compiled) against the floor every assessment pays (parse + canonical input hash) and
// against the same assessment with the reference evaluator (json-logic-js). Timed in CPU time: everything runs on
// this thread, and on a machine shared with other benchmarks wall time mostly measures their load.
export default async function run(): Promise<BenchSection> {
  const { createEngine, defaultRuleset, parseTransaction } = await builtPackage();
  const asOf = '2026-11-01';
  type Input = ReturnType<typeof realWorkload>[number];
  // The floor: what any assessment must do before it evaluates a rule (the engine hashes exactly this way).
  const floor = ({ transaction, answers }: Input) => {
    const parsed = parseTransaction(transaction);
    return sha256Hex(`{"answers":${canonicalJson(answers)},"transaction":${orderedJson(parsed)}}`);
  };
  const compiled = createEngine();
  const headline = interleavedRounds<Input>(
    [
      ['floor: parse + input hash', floor],
      ['assess (compiled)', ({ transaction, answers }) => compiled.assess(transaction, { asOf, answers })],
    ],
    realWorkload(1000),
    31,
    3,
    cpuClock,
  );
  // Where the cost goes: the same pipeline with parts left out.
  const noQuestionnaire = createEngine({ questionnaire: false });
  const bare = createEngine({ questionnaire: false, ruleset: { ...defaultRuleset, rules: [], tests: [] } });
  const breakdown = interleavedRounds<Input>(
    [
      ['floor: parse + input hash', floor],
      ['facts (parse + derive)', ({ transaction, answers }) => compiled.facts(transaction, { asOf, answers })],
      ['assess, no rules or questions', ({ transaction, answers }) => bare.assess(transaction, { asOf, answers })],
      ['assess, rules only', ({ transaction, answers }) => noQuestionnaire.assess(transaction, { asOf, answers })],
      ['assess (compiled)', ({ transaction, answers }) => compiled.assess(transaction, { asOf, answers })],
    ],
    realWorkload(1000),
    15,
    3,
    cpuClock,
  );
  // The reference evaluator is far slower: fewer inputs and rounds, compiled timed beside it in the same rounds.
  const reference = createEngine({ evaluator: 'reference' });
  const vsReference = interleavedRounds<Input>(
    [
      ['assess (compiled)', ({ transaction, answers }) => compiled.assess(transaction, { asOf, answers })],
      ['assess (reference)', ({ transaction, answers }) => reference.assess(transaction, { asOf, answers })],
    ],
    realWorkload(130),
    9,
    3,
    cpuClock,
  );
  const base = headline.get('floor: parse + input hash')!;
  const fast = headline.get('assess (compiled)')!;
  const refRatio = vsReference.get('assess (compiled)')! / vsReference.get('assess (reference)')!;
  const row = (operation: string, tps: number, floor: number) => ({
    operation,
    'assessments/s': Math.round(tps),
    'µs each': round(1e6 / tps),
    'cost vs floor': round(floor / tps),
  });
  const breakdownFloor = breakdown.get('floor: parse + input hash')!;
  return {
    name: 'engine',
    rows: [
      ...[...headline].map(([operation, tps]) => row(operation, tps, base)),
      ...[...breakdown]
        .filter(([operation]) => !operation.startsWith('floor'))
        .map(([operation, tps]) => row(`  ${operation} (breakdown run)`, tps, breakdownFloor)),
      row('assess (reference)', fast / refRatio, base),
    ],
    summary: {
      workload: 'default rule set, questionnaire and data; 13 example transactions with filed answers',
      clock: 'CPU time of the bench process',
      assessCostVsFloor: round(base / fast),
      compiledVsReference: round(refRatio),
      target: 'assess ≤ 2.5× (parse + input hash); compiled ≥ 25× the reference evaluator per assessment',
      met: base / fast <= 2.5 && refRatio >= 25,
    },
  };
}

const round = (x: number) => Number(x.toFixed(2));
