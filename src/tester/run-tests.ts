import { type CountryData, defaultCountryData } from '../data/index.js';
import { createEngine, type Engine, type EngineOptions } from '../engine/index.js';
import type { Assessment } from '../model/index.js';
import { loadRuleset, type Ruleset, type RulesetTest } from '../rules/index.js';
import { buildScreeningIndex } from '../screening/index.js';

/** The engine a test case needs: the shared one, or one with the case's indicators and list. */
function engineFor(
  test: RulesetTest,
  shared: Engine,
  ruleset: Ruleset,
  options: Omit<EngineOptions, 'ruleset'>,
): Engine {
  if (!test.countryIndicators && !test.screeningList) return shared;
  const engineOptions: EngineOptions = { ...options, ruleset };
  if (test.countryIndicators) {
    const base = options.countryData ?? defaultCountryData;
    const countries: Record<string, Record<string, { value: number; year: number }>> = {
      ...(base.countries as Record<string, Record<string, { value: number; year: number }>>),
    };
    for (const [code, values] of Object.entries(test.countryIndicators)) {
      const observations = { ...countries[code] };
      for (const [name, value] of Object.entries(values)) observations[name] = { value, year: 0 };
      countries[code] = observations;
    }
    engineOptions.countryData = { ...base, id: `${base.id}+test`, countries } as CountryData;
  }
  if (test.screeningList) {
    const entries = test.screeningList.map((e) => ({
      altNames: [],
      countries: [],
      programs: [],
      type: 'Entity',
      ...e,
    }));
    engineOptions.screening = buildScreeningIndex(entries);
  }
  return createEngine(engineOptions);
}

export interface RulesetTestResult {
  name: string;
  ok: boolean;
  decision?: Assessment['decision'];
  failures: string[];
}

export interface RulesetTestReport {
  ok: boolean;
  results: RulesetTestResult[];
  /** Enabled rules that no test made fire. */
  neverFired: string[];
}

function matchedRules(a: Assessment): Set<string> {
  return new Set((a.trace ?? []).filter((t) => t.matched).map((t) => t.ruleId));
}

/** Runs a rule set's own test cases (`tests`) and reports rule coverage. */
export function runRulesetTests(input: unknown, options: Omit<EngineOptions, 'ruleset'> = {}): RulesetTestReport {
  const ruleset: Ruleset = loadRuleset(input);
  const engine = createEngine({ ...options, ruleset });
  const fired = new Set<string>();
  const results = ruleset.tests.map((test: RulesetTest): RulesetTestResult => {
    const failures: string[] = [];
    let a: Assessment;
    try {
      a = engineFor(test, engine, ruleset, options).assess(test.transaction, {
        asOf: test.asOf,
        ...(test.answers ? { answers: test.answers } : {}),
        trace: true,
      });
    } catch (error) {
      return {
        name: test.name,
        ok: false,
        failures: [`assessment failed: ${(error as Error).message.split('\n').join('; ')}`],
      };
    }
    const matched = matchedRules(a);
    for (const id of matched) fired.add(id);
    const { expect } = test;
    if (expect.decision && a.decision !== expect.decision)
      failures.push(`decision: expected ${expect.decision}, got ${a.decision}`);
    for (const id of expect.fired ?? []) if (!matched.has(id)) failures.push(`fired: expected rule ${id} to fire`);
    for (const id of expect.notFired ?? [])
      if (matched.has(id)) failures.push(`notFired: expected rule ${id} not to fire`);
    const types = new Set(a.requiredAssurances.map((r) => r.type));
    for (const type of expect.assurances ?? [])
      if (!types.has(type)) failures.push(`assurances: expected ${type} to be required`);
    return { name: test.name, ok: failures.length === 0, decision: a.decision, failures };
  });
  const neverFired = ruleset.rules.filter((r) => r.enabled !== false && !fired.has(r.id)).map((r) => r.id);
  return { ok: results.every((r) => r.ok), results, neverFired };
}
