import { canonicalJson } from '../digest/index.js';
import {
  type CompiledLogic,
  compileLogic,
  compileWith,
  completeReads,
  type EvaluatorKind,
  factsReader,
  type LogicOperations,
  pathReader,
  recordReader,
} from '../logic/index.js';
import type { Involvement } from '../model/index.js';
import { type Rule, type Ruleset, ruleGuards } from '../rules/index.js';
import { type AssuranceSlot, assuranceSlots } from './assurances.js';
import { type Absent, level } from './evaluate.js';
import { compileTemplate, templatePaths } from './rationale.js';
import type { Facts } from './types.js';

/** A number, boolean, string or JsonLogic field of a rule, ready to evaluate. */
export type Value = (data: unknown) => unknown;

/** A severity part or likelihood: a fixed level 1–4 worked out once, or JsonLogic evaluated per finding. */
export type LevelField = number | Value;

function levelField(field: unknown, compiled: { fn: Value }): LevelField {
  return isLogic(field) ? compiled.fn : level(field);
}

export interface CompiledRule {
  rule: Rule;
  /** The rule's fields the engine reads per assessment, copied: parsed rules differ in which optional fields they have. */
  id: string;
  title: string;
  category: Rule['category'];
  refs: readonly string[];
  minDecision: Rule['minDecision'];
  when: CompiledLogic;
  scale: LevelField;
  scope: LevelField;
  irremediability: LevelField;
  likelihood: LevelField;
  involvement: Value | undefined;
  /** Paths of unknown facts taken at their worst (`rule.assumed`). */
  assumed: Value | undefined;
  blocking: Value;
  /** Fact paths the rule reads (condition, severity, likelihood), reported in each finding. */
  reads: string[];
  /** The values at `reads`, keyed by path. */
  readFacts: (facts: unknown) => Record<string, unknown>;
  /** A finding's facts: `readFacts` and the data year of every indicator read (`….indicatorYears.<name>`). */
  findingFacts: (facts: unknown) => Record<string, unknown>;
  /** The `forEach` list, when the rule has one. */
  list: ((facts: unknown) => unknown) | undefined;
  rationale: (facts: unknown) => string;
  /** The missing-information path (information rules). */
  path: (facts: unknown) => string;
  subjectKind: 'party' | 'item' | 'transaction';
  /** The assurances the rule requires, resolved against the rule set's definitions. */
  assurances: readonly AssuranceSlot[];
  /**
   * The country indicators the condition reads (`derived.destination.indicators.X`,
   * `derived.countries.<code>.indicators.X`): when one is absent and the rule does not match, the rule was not
   * evaluated for lack of data, and says so.
   */
  indicatorReads: readonly IndicatorRead[];
  /**
   * For a rule whose indicator reads are all the destination's: the indicators it lacks by destination country fact
   * (null: none), filled as countries are met.
   */
  absentByDestination: WeakMap<object, readonly Absent[] | null> | undefined;
  /** Indices of the rule's guards in `CompiledRules.guards`: when one is false, the rule cannot match. */
  guards: readonly number[];
}

/** A rule set's compiled rules, and the guards they share (one closure per distinct guard, evaluated once). */
export interface CompiledRules {
  rules: CompiledRule[];
  guards: CompiledLogic[];
  /** The number of the current evaluation: shared fields keep their value for one evaluation (see `sharedFields`). */
  evaluation: { count: number };
}

/**
 * A field that reads no element (`it`) has one value per assessment, and rules often share it (the likelihood that
 * follows the destination's civil liberties, the involvement that follows the services sold): one closure per
 * distinct field, evaluated at most once per evaluation, whichever rule or element asks first.
 */
function sharedFields(
  compile: (logic: unknown) => CompiledLogic,
  evaluation: { count: number },
): (logic: unknown) => CompiledLogic {
  const byText = new Map<string, CompiledLogic>();
  return (logic) => {
    const reads = completeReads(logic);
    if (reads === undefined || reads.some((path) => path === 'it' || path.startsWith('it.'))) return compile(logic);
    const key = canonicalJson(logic);
    const known = byText.get(key);
    if (known) return known;
    const fn = compile(logic);
    let filled = -1;
    let value: unknown;
    const shared = (data: unknown): unknown => {
      if (filled === evaluation.count) return value;
      value = fn(data);
      filled = evaluation.count;
      return value;
    };
    const compiled = Object.assign(shared, { reads: fn.reads }) as CompiledLogic;
    byText.set(key, compiled);
    return compiled;
  };
}

/** A country indicator a condition reads, with a reader for its value and the country it belongs to. */
export interface IndicatorRead {
  indicator: string;
  /** Whether the path is the destination's (`derived.destination`), else a named country's. */
  destination: boolean;
  read: (facts: unknown) => unknown;
  country: (facts: unknown) => unknown;
}

const INDICATOR_PATH = /^derived\.(destination|countries\.[^.]+)\.indicators\.([^.]+)$/;

/** The indicator paths among a condition's reads. */
export function indicatorReads(reads: readonly string[]): IndicatorRead[] {
  return reads.flatMap((path) => {
    const match = INDICATOR_PATH.exec(path);
    if (!match) return [];
    const where = match[1]!;
    const code = where.startsWith('countries.') ? where.slice('countries.'.length) : undefined;
    return [
      {
        indicator: match[2]!,
        destination: code === undefined,
        read: pathReader(path),
        country: code !== undefined ? () => code : pathReader('derived.destination.code'),
      },
    ];
  });
}

const YEAR_OF = /^(derived\.(?:destination|countries\.[A-Z]{2}))\.indicators\.([A-Za-z0-9_]+)$/;

/**
 * The reader of a finding's facts: the values at `reads`, then, for each indicator read, its data year (null when
 * unknown). The paths are known when the rule is compiled, so every finding of a rule is built in one fixed shape.
 */
export function findingFactsReader(reads: readonly string[]): (facts: unknown) => Record<string, unknown> {
  const readers = new Map<string, (facts: unknown) => unknown>();
  for (const path of reads) readers.set(path, pathReader(path));
  for (const path of reads) {
    const m = YEAR_OF.exec(path);
    if (!m) continue;
    const name = m[2]!;
    const code = m[1] === 'derived.destination' ? undefined : m[1]!.slice('derived.countries.'.length);
    readers.set(`${m[1]}.indicatorYears.${name}`, (facts) => {
      const derived = (facts as Facts).derived;
      const country = code === undefined ? derived.destination : derived.countries[code];
      return country?.indicatorYears[name] ?? null;
    });
  }
  return recordReader([...readers]);
}

function isLogic(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function fieldValue(
  field: unknown,
  compile: (logic: unknown) => CompiledLogic,
): { fn: Value; reads: readonly string[] } {
  if (!isLogic(field)) return { fn: () => field, reads: [] };
  const compiled = compile(field);
  return { fn: compiled, reads: compiled.reads };
}

/** The kind of subject a `forEach` path yields: items and assumed item features → item; parties, endUsers, hits → party. */
export function subjectKindOf(forEach: string | undefined): CompiledRule['subjectKind'] {
  if (!forEach) return 'transaction';
  return /(items|assumedFeatures)$/i.test(forEach) ? 'item' : 'party';
}

/**
 * Compiles every enabled rule of a rule set once, with the engine's evaluator and operations. The compiled
 * evaluator also gets each rule's guards (`ruleGuards`), shared between rules that have the same one; the reference
 * evaluator runs every rule as written.
 */
export function compileRules(ruleset: Ruleset, kind: EvaluatorKind, operations: LogicOperations): CompiledRules {
  const slots = assuranceSlots(ruleset.assurances);
  const compile = (logic: unknown): CompiledLogic => compileWith(kind, logic, { operations });
  const evaluation = { count: 0 };
  // Severity, likelihood, involvement, blocking and assumed: shared by the compiled evaluator; the reference
  // evaluator runs every field as written.
  const field = kind === 'compiled' ? sharedFields(compile, evaluation) : compile;
  // Guards by their canonical text, with the least budget any rule gives it (a smaller budget only falls back more).
  const guardIndex = new Map<string, { index: number; logic: unknown; budget: number }>();
  const guardsOf = (rule: Rule): number[] => {
    if (kind !== 'compiled') return [];
    return ruleGuards(rule.when, operations).map(({ logic, budget }) => {
      const key = canonicalJson(logic);
      const known = guardIndex.get(key);
      if (known) {
        known.budget = Math.min(known.budget, budget);
        return known.index;
      }
      const index = guardIndex.size;
      guardIndex.set(key, { index, logic, budget });
      return index;
    });
  };
  const rules = ruleset.rules
    .filter((rule) => rule.enabled !== false)
    .map((rule) => {
      const when = compile(rule.when);
      const parts = {
        scale: fieldValue(rule.severity?.scale ?? 1, field),
        scope: fieldValue(rule.severity?.scope ?? 1, field),
        irremediability: fieldValue(rule.severity?.irremediability ?? 1, field),
        likelihood: fieldValue(rule.likelihood ?? 1, field),
      };
      const reads = new Set<string>([
        ...when.reads,
        ...parts.scale.reads,
        ...parts.scope.reads,
        ...parts.irremediability.reads,
        ...parts.likelihood.reads,
        ...templatePaths(rule.rationale),
      ]);
      const compiled: CompiledRule = {
        rule,
        id: rule.id,
        title: rule.title,
        category: rule.category,
        refs: rule.refs,
        minDecision: rule.minDecision,
        when,
        scale: levelField(rule.severity?.scale ?? 1, parts.scale),
        scope: levelField(rule.severity?.scope ?? 1, parts.scope),
        irremediability: levelField(rule.severity?.irremediability ?? 1, parts.irremediability),
        likelihood: levelField(rule.likelihood ?? 1, parts.likelihood),
        blocking: fieldValue(rule.blocking ?? false, field).fn,
        reads: [...reads].sort(),
        readFacts: factsReader([...reads].sort()),
        findingFacts: findingFactsReader([...reads].sort()),
        list: rule.forEach ? pathReader(rule.forEach) : undefined,
        rationale: compileTemplate(rule.rationale),
        path: compileTemplate(rule.path ?? rule.forEach ?? rule.id),
        subjectKind: subjectKindOf(rule.forEach),
        // Loading checked that every type is defined.
        assurances: (rule.assurances ?? []).flatMap((type) => slots.get(type) ?? []),
        assumed: rule.assumed === undefined ? undefined : fieldValue(rule.assumed, field).fn,
        indicatorReads: rule.category === 'information' ? [] : indicatorReads([...when.reads].sort()),
        absentByDestination: undefined,
        guards: guardsOf(rule),
        involvement:
          rule.involvement === undefined ? undefined : fieldValue(rule.involvement as Involvement | object, field).fn,
      };
      if (compiled.indicatorReads.length > 0 && compiled.indicatorReads.every((r) => r.destination))
        compiled.absentByDestination = new WeakMap();
      // Every compiled rule has every field (absent ones undefined): one object shape, so the loops that read them
      // stay monomorphic.
      return compiled;
    });
  const guards = [...guardIndex.values()].map(({ logic, budget }) => compileLogic(logic, { operations, budget }));
  return { rules, guards, evaluation };
}
