import { type CountryData, defaultCountryData } from '../data/index.js';
import { createEngine, type Engine, type EngineOptions } from '../engine/index.js';
import type { Assessment } from '../model/index.js';
import {
  bundledRuleset,
  type LoadRulesetOptions,
  loadRuleset,
  type Ruleset,
  type RulesetTest,
} from '../rules/index.js';
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
  /** The rule set whose test case this is: the one tested, or a base it extends. */
  from: string;
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

export interface RulesetTestOptions extends Omit<EngineOptions, 'ruleset'>, LoadRulesetOptions {}

function matchedRules(a: Assessment): Set<string> {
  return new Set((a.trace ?? []).filter((t) => t.matched).map((t) => t.ruleId));
}

/**
 * The test cases that apply to a rule set: those of every base it extends (nearest last), then its own; a case
 * of the same name as a base's replaces it (an overlay that changes a decision on purpose says so in its tests).
 */
function casesOf(input: unknown, options: LoadRulesetOptions): { test: RulesetTest; from: string }[] {
  const chain: Ruleset[] = [];
  let current: unknown = input;
  for (let depth = 0; depth < 6 && current !== undefined; depth++) {
    const loaded = loadRuleset(current, depth === 0 ? options : {});
    chain.unshift(loaded);
    const ext = (current as { extends?: unknown }).extends;
    if (typeof ext !== 'string') break;
    current = depth === 0 && options.base !== undefined ? options.base : (options.resolveBase ?? bundledRuleset)(ext);
  }
  const cases = new Map<string, { test: RulesetTest; from: string }>();
  for (const rs of chain) for (const test of rs.tests) cases.set(test.name, { test, from: rs.id });
  return [...cases.values()];
}

/** Runs a rule set's test cases, and an overlay's bases' cases too, against it; reports rule coverage. */
export function runRulesetTests(input: unknown, options: RulesetTestOptions = {}): RulesetTestReport {
  const { base, resolveBase, ...engineOptions } = options;
  const loadOptions: LoadRulesetOptions = {
    ...(base !== undefined ? { base } : {}),
    ...(resolveBase ? { resolveBase } : {}),
  };
  const ruleset: Ruleset = loadRuleset(input, loadOptions);
  const engine = createEngine({ ...engineOptions, ruleset });
  const fired = new Set<string>();
  const results = casesOf(input, loadOptions).map(({ test, from }): RulesetTestResult => {
    const failures: string[] = [];
    let a: Assessment;
    try {
      a = engineFor(test, engine, ruleset, engineOptions).assess(test.transaction, {
        asOf: test.asOf,
        ...(test.answers ? { answers: test.answers } : {}),
        trace: true,
      });
    } catch (error) {
      return {
        name: test.name,
        from,
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
    return { name: test.name, from, ok: failures.length === 0, decision: a.decision, failures };
  });
  const neverFired = ruleset.rules.filter((r) => r.enabled !== false && !fired.has(r.id)).map((r) => r.id);
  return { ok: results.every((r) => r.ok), results, neverFired };
}
