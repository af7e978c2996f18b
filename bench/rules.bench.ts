import { LogicEngine } from 'json-logic-engine';
import jsonLogic from 'json-logic-js';
import { createEngine, defaultCountryGroups, defaultRuleset } from '../src/index.js';
import { type CompilerIdeas, compileWithIdeas } from '../src/logic/compile.js';
import { ruleOperations } from '../src/logic/index.js';
import { type BenchSection, interleavedRounds } from './types.js';
import { realWorkload } from './workload.js';

// Rule evaluation alone, on the real workload: the default rule set's conditions over the facts of the example
// transactions with their answers (each forEach rule once per element), by hrdd's compiled evaluator, json-logic-js
// and json-logic-engine running the same rules with the same custom operations. Then hrdd's compiler with each of
// its ideas switched off, to show what each pays.
export default async function run(): Promise<BenchSection> {
  const asOf = '2026-11-01';
  const engine = createEngine();
  const groups: Record<string, string[]> = {};
  for (const g of defaultCountryGroups.groups) groups[g.id] = [...g.countries];
  const operations = ruleOperations(groups);
  const rules = (defaultRuleset.rules ?? []).filter((r) => r.enabled !== false);
  // One input: the (rule, data) pairs one assessment evaluates.
  const inputs = realWorkload(13).map(({ transaction, answers }) => {
    const facts = engine.facts(transaction, { asOf, answers }) as unknown as Record<string, unknown>;
    const units: [ruleIndex: number, data: unknown][] = [];
    rules.forEach((rule, r) => {
      if (!rule.forEach) units.push([r, { ...facts, it: null }]);
      else {
        const list = rule.forEach.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], facts);
        for (const it of Array.isArray(list) ? list : []) units.push([r, { ...facts, it }]);
      }
    });
    return units;
  });

  const jle = new LogicEngine();
  for (const [name, op] of Object.entries(operations))
    jle.addMethod(name, (args: unknown[]) => op.fn(...args), { deterministic: true });
  for (const [name, op] of Object.entries(operations)) jsonLogic.add_operation(name, op.fn);
  const all: CompilerIdeas = { presplit: true, arities: true, shared: true };
  const hrdd = (ideas: CompilerIdeas = all) => rules.map((r) => compileWithIdeas(r.when, { operations }, ideas));
  const contenders: [string, ((d: unknown) => unknown)[]][] = [
    ['json-logic-js', rules.map((r) => (d: unknown) => jsonLogic.apply(r.when as jsonLogic.RulesLogic, d))],
    ['json-logic-engine (compiled)', rules.map((r) => jle.build(r.when as never) as (d: unknown) => unknown)],
    ['hrdd compiled', hrdd()],
    ['hrdd, paths split per read', hrdd({ ...all, presplit: false })],
    ['hrdd, n-ary closures only', hrdd({ ...all, arities: false })],
    ['hrdd, no shared subexpressions', hrdd({ ...all, shared: false })],
    ['hrdd, none of these', hrdd({ presplit: false, arities: false, shared: false })],
  ];
  // The same matches from every hrdd variant as from json-logic-js before anything is timed. json-logic-engine has
  // semantics of its own (`{"==": [null, false]}` is true there): the rules where it differs are counted.
  const differs = new Set<string>();
  for (const units of inputs) {
    for (const [name, fs] of contenders) {
      for (const [r, d] of units) {
        if (jsonLogic.truthy(fs[r]!(d)) === jsonLogic.truthy(contenders[0]![1][r]!(d))) continue;
        if (!name.startsWith('json-logic-engine')) throw new Error(`${name} disagrees on rule ${rules[r]!.id}`);
        differs.add(rules[r]!.id);
      }
    }
  }
  const timed = contenders.map(([name, fs]): [string, (units: [number, unknown][]) => unknown] => [
    name,
    (units) => {
      let matched = 0;
      for (let i = 0; i < units.length; i++) if (fs[units[i]![0]]!(units[i]![1])) matched++;
      return matched;
    },
  ]);
  // Each round runs every example 40 times: long enough that one pause hits few rounds.
  const perSecond = interleavedRounds(timed, Array.from({ length: 40 }, () => inputs).flat(), 31);
  for (const name of Object.keys(operations)) jsonLogic.rm_operation(name);
  const base = perSecond.get('json-logic-js')!;
  const ours = perSecond.get('hrdd compiled')!;
  const units = inputs.reduce((n, u) => n + u.length, 0) / inputs.length;
  return {
    name: 'rules',
    rows: [...perSecond].map(([name, tps]) => ({
      evaluator: name,
      'assessments/s (rules only)': Math.round(tps),
      'µs per assessment': Number((1e6 / tps).toFixed(2)),
      'vs json-logic-js': Number((tps / base).toFixed(2)),
      'vs hrdd compiled': Number((tps / ours).toFixed(2)),
    })),
    summary: {
      workload: `${rules.length} default rules, ${units.toFixed(1)} conditions per assessment on average`,
      compiledVsJsonLogicJs: Number((ours / base).toFixed(2)),
      compiledVsJsonLogicEngine: Number((ours / perSecond.get('json-logic-engine (compiled)')!).toFixed(2)),
      presplitPays: Number((ours / perSecond.get('hrdd, paths split per read')!).toFixed(2)),
      aritiesPay: Number((ours / perSecond.get('hrdd, n-ary closures only')!).toFixed(2)),
      sharedPays: Number((ours / perSecond.get('hrdd, no shared subexpressions')!).toFixed(2)),
      jsonLogicEngineDiffersOn: [...differs].sort().join(', '),
      target: 'compiled ≥ 10× json-logic-js and ≥ 1× json-logic-engine; each compiler idea > 1× on this workload',
      met: ours / base >= 10 && ours / perSecond.get('json-logic-engine (compiled)')! >= 1,
    },
  };
}
