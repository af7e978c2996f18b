import { HrddError } from '../errors.js';
import { truthy } from '../logic/index.js';
import {
  type Decision,
  type Finding,
  INVOLVEMENTS,
  type Involvement,
  type MissingInformation,
  type NotEvaluated,
  type RuleTrace,
  type Subject,
} from '../model/index.js';
import type { AssuranceSlot } from './assurances.js';
import type { CompiledRule, CompiledRules, LevelField, Value } from './compile-rules.js';
import type { CountryFact, DerivedFacts, Facts } from './types.js';

/** A finding with the rule that produced it, for the decision. */
export interface RuleMatch {
  finding: Finding;
  rule: CompiledRule;
  /** Decision floor from the rule set's `responses` (involvement, severity), beside the rule's own. */
  floor?: Decision | undefined;
  /** Assurances the `responses` add to the rule's own. */
  extra?: readonly AssuranceSlot[] | undefined;
}

export interface Evaluation {
  matches: RuleMatch[];
  missing: (MissingInformation & { ruleId: string })[];
  notEvaluated: NotEvaluated[];
  trace: RuleTrace[];
}

/** Extreme values an absent indicator is probed with: every threshold comparison goes one way for one of them. */
const PROBES = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];

export interface Absent {
  code: string;
  indicator: string;
  destination: boolean;
}

/**
 * The facts a probe runs on, built the first time an evaluation needs one: `derived` and its countries copied once,
 * each country fact probed copied once (country facts are shared between assessments, never written).
 */
interface Probe {
  data: RuleData;
  derived: DerivedFacts;
  /** Copies of country facts by code ('' for the destination), with indicators of their own. */
  copies: Map<string, CountryFact>;
}

/** Evaluates the rule with the absent indicators set to `value`: the facts as they would be with that value. */
function probeMatches(
  compiled: CompiledRule,
  data: RuleData,
  absent: readonly Absent[],
  value: number,
  probe: Probe,
): boolean {
  const { derived, copies } = probe;
  for (const a of absent) {
    const key = a.destination ? '' : a.code;
    let copy = copies.get(key);
    if (copy === undefined) {
      const original = a.destination ? derived.destination : derived.countries[a.code]!;
      copy = { ...original, indicators: { ...original.indicators } };
      copies.set(key, copy);
    }
    if (a.destination) derived.destination = copy;
    else derived.countries[a.code] = copy;
    copy.indicators[a.indicator] = value;
  }
  probe.data.it = data.it;
  try {
    return truthy(compiled.when(probe.data));
  } finally {
    // Back to the facts as they are, so the next probe starts from them: in reverse, so that each key removed is
    // the last one added (which keeps the copy a fast object, not a dictionary).
    for (let i = absent.length - 1; i >= 0; i--) {
      const a = absent[i]!;
      const copy = copies.get(a.destination ? '' : a.code)!;
      const original = a.destination ? data.derived.destination : data.derived.countries[a.code]!;
      if (Object.hasOwn(original.indicators, a.indicator))
        copy.indicators[a.indicator] = original.indicators[a.indicator]!;
      else delete copy.indicators[a.indicator];
      if (a.destination) derived.destination = original;
      else derived.countries[a.code] = original;
    }
  }
}

/** The indicators a rule reads that the facts lack, undefined when none. */
function absentIndicators(compiled: CompiledRule, data: RuleData): readonly Absent[] | undefined {
  // A rule reading the destination's indicators only lacks the same ones for every assessment to that country:
  // worked out once per country fact (country facts are built once per engine and never change).
  const byDestination = compiled.absentByDestination;
  const destination = data.derived.destination;
  if (byDestination) {
    const known = byDestination.get(destination);
    if (known !== undefined) return known ?? undefined;
  }
  let absent: Absent[] | undefined;
  for (const r of compiled.indicatorReads) {
    if (r.read(data) != null) continue;
    const code = String(r.country(data) ?? '');
    // A country that is not involved has no facts at all: that is not missing data.
    if (!r.destination && !Object.hasOwn(data.derived.countries, code)) continue;
    absent ??= [];
    if (!absent.some((a) => a.code === code && a.indicator === r.indicator))
      absent.push({ code, indicator: r.indicator, destination: r.destination });
  }
  if (byDestination && typeof destination === 'object' && destination !== null)
    byDestination.set(destination, absent ?? null);
  return absent;
}

/**
 * A rule that did not match while a country indicator its condition reads was absent is listed as not evaluated
 * when some value of that indicator would have made it match (probed with extreme values): the data, not the
 * transaction, decided that it stayed silent. A rule that could not match whatever the value is not listed.
 */
function noteUnevaluated(compiled: CompiledRule, data: RuleData, out: Evaluation, probes: Probes): void {
  const absent = absentIndicators(compiled, data);
  if (absent === undefined) return;
  if (probes.probe === undefined) {
    const derived = { ...data.derived, countries: { ...data.derived.countries } };
    probes.probe = { data: { ...data, derived }, derived, copies: new Map() };
  }
  const probe = probes.probe;
  if (!PROBES.some((value) => probeMatches(compiled, data, absent, value, probe))) return;
  const reason = `not evaluated: the country data has no ${absent.map((a) => `${a.indicator} for ${a.code || 'the destination'}`).join(', no ')}`;
  // A forEach rule reads the same country for every element: one entry per rule and reason.
  for (const n of out.notEvaluated) if (n.ruleId === compiled.id && n.reason === reason) return;
  out.notEvaluated.push({ ruleId: compiled.id, reason });
}

/** A severity part or likelihood as a whole number 1–4; anything that is not a number counts as 4 (unknown is not low). */
export function level(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(n)) return 4;
  return Math.min(4, Math.max(1, Math.round(n)));
}

function levelOf(field: LevelField, data: unknown): number {
  return typeof field === 'number' ? field : level(field(data));
}

function involvementOf(fn: Value | undefined, data: unknown): Involvement | undefined {
  const value = fn?.(data);
  return (INVOLVEMENTS as readonly unknown[]).includes(value) ? (value as Involvement) : undefined;
}

/** The assumed paths a rule's `assumed` field gives: strings only, sorted and distinct; undefined when none. */
function assumedOf(fn: Value | undefined, data: unknown): string[] | undefined {
  const value = fn?.(data);
  if (!Array.isArray(value)) return undefined;
  const paths = [...new Set(value.filter((v): v is string => typeof v === 'string' && v !== ''))].sort();
  return paths.length > 0 ? paths : undefined;
}

function ownValue(element: unknown, key: string): unknown {
  return typeof element === 'object' && element !== null && Object.hasOwn(element, key)
    ? (element as Record<string, unknown>)[key]
    : undefined;
}

function subjectOf(rule: CompiledRule, element: unknown, facts: Facts): Subject {
  if (rule.subjectKind === 'transaction') return { kind: 'transaction', id: facts.transaction.id };
  const id = ownValue(element, 'id') ?? ownValue(element, 'partyId') ?? ownValue(element, 'itemId') ?? null;
  return { kind: rule.subjectKind, id: typeof id === 'string' ? id : String(id) };
}

type RuleData = Facts & { it: unknown };

/** The facts probes run on, built once per evaluation when a rule first needs them. */
type Probes = { probe?: Probe };

/** One rule on one subject (`data.it` already set to the element, or null): a finding, a missing entry or nothing. */
function visit(
  compiled: CompiledRule,
  element: unknown,
  data: RuleData,
  out: Evaluation,
  withTrace: boolean,
  probes: Probes,
): void {
  const matched = truthy(compiled.when(data));
  if (withTrace)
    out.trace.push({
      ruleId: compiled.id,
      subject: subjectOf(compiled, element, data),
      matched,
      facts: compiled.readFacts(data),
    });
  if (!matched) {
    if (compiled.indicatorReads.length > 0) noteUnevaluated(compiled, data, out, probes);
    return;
  }
  const rationale = compiled.rationale(data);
  if (compiled.category === 'information') {
    out.missing.push({
      ruleId: compiled.id,
      path: compiled.path(data),
      reason: rationale,
      blocking: truthy(compiled.blocking(data)),
    });
    return;
  }
  const severity = {
    scale: levelOf(compiled.scale, data),
    scope: levelOf(compiled.scope, data),
    irremediability: levelOf(compiled.irremediability, data),
    level: 0,
  };
  severity.level = Math.max(severity.scale, severity.scope, severity.irremediability);
  const likelihood = levelOf(compiled.likelihood, data);
  const involvement = involvementOf(compiled.involvement, data);
  const subject = subjectOf(compiled, element, data);
  const risk = severity.level * likelihood;
  const refs = compiled.refs.slice();
  const factsRead = compiled.findingFacts(data);
  const { id: ruleId, title, category } = compiled;
  // Two literals rather than a spread: one fixed shape each, fields in the published order.
  const finding: Finding = involvement
    ? {
        ruleId,
        title,
        category,
        subject,
        severity,
        likelihood,
        risk,
        involvement,
        refs,
        rationale,
        facts: factsRead,
      }
    : { ruleId, title, category, subject, severity, likelihood, risk, refs, rationale, facts: factsRead };
  const assumed = assumedOf(compiled.assumed, data);
  if (assumed) finding.assumed = assumed;
  out.matches.push({ finding, rule: compiled });
}

/** A guard's value in one evaluation: not yet evaluated, true (or failed: then the rule runs as usual), false. */
const UNKNOWN = 0;
const PASS = 1;
const FALSE = 2;

/** Whether a guard of the rule is false (each guard evaluated at most once per assessment). */
function guardedOut(rule: CompiledRule, guards: CompiledRules['guards'], states: Uint8Array, data: RuleData): boolean {
  const own = rule.guards;
  for (let i = 0; i < own.length; i++) {
    const g = own[i]!;
    let state = states[g]!;
    if (state === UNKNOWN) {
      try {
        state = truthy(guards[g]!(data)) ? PASS : FALSE;
      } catch {
        // Out of its (smaller) budget: the rule is evaluated, and fails or not exactly as it would have.
        state = PASS;
      }
      states[g] = state;
    }
    if (state === FALSE) return true;
  }
  return false;
}

/**
 * Evaluates every compiled rule on the facts: one finding (or missing-information entry) per match. A rule with a
 * false guard cannot match and is skipped; with a trace every rule is evaluated, so the trace lists them all.
 */
export function evaluateRules(compiled: CompiledRules, facts: Facts, withTrace: boolean): Evaluation {
  const { rules, guards } = compiled;
  compiled.evaluation.count++;
  const states = withTrace || guards.length === 0 ? undefined : new Uint8Array(guards.length);
  const out: Evaluation = { matches: [], missing: [], notEvaluated: [], trace: [] };
  // What rules read: the facts plus the current forEach element as `it` (null outside forEach). One object of one
  // shape for the whole evaluation; adding and deleting `it` on the facts would turn them into a slow dictionary.
  const { transaction, answers, asOf, params, derived } = facts;
  const data: RuleData = { transaction, answers, asOf, params, derived, it: null };
  const probes: Probes = {};
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    if (states !== undefined && rule.guards.length > 0 && guardedOut(rule, guards, states, data)) continue;
    try {
      visitAll(rule, data, out, withTrace, probes);
    } catch (error) {
      throw ruleFailure(rule.id, error);
    }
  }
  return out;
}

/** One rule on every subject it applies to. */
function visitAll(compiled: CompiledRule, data: RuleData, out: Evaluation, withTrace: boolean, probes: Probes): void {
  if (compiled.list === undefined) {
    visit(compiled, undefined, data, out, withTrace, probes);
    return;
  }
  const list = compiled.list(data);
  if (!Array.isArray(list)) return;
  try {
    for (let i = 0; i < list.length; i++) {
      const element: unknown = list[i];
      data.it = element ?? null;
      visit(compiled, element, data, out, withTrace, probes);
    }
  } finally {
    data.it = null;
  }
}

/** A rule that could not be evaluated (over its work budget, or an operation that failed), named by its id. */
function ruleFailure(ruleId: string, error: unknown): HrddError {
  const cause = error instanceof HrddError ? error.issues.map((i) => i.message).join('; ') : String(error);
  return new HrddError(
    `rule "${ruleId}" could not be evaluated`,
    [{ path: `rules["${ruleId}"]`, message: cause }],
    error instanceof HrddError ? error.code : 'rule-failed',
  );
}

/** Ranking: severity level desc, likelihood desc, rule id, subject id — a total, deterministic order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    b.severity.level - a.severity.level ||
    b.likelihood - a.likelihood ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    ((a.subject?.id ?? '') < (b.subject?.id ?? '') ? -1 : (a.subject?.id ?? '') > (b.subject?.id ?? '') ? 1 : 0)
  );
}
