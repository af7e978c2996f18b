import { refsRegistry } from '../data/index.js';
import { canonicalHash } from '../digest/index.js';
import { HrddError, type HrddIssue } from '../errors.js';
import { closest, ruleOperations, validateLogic } from '../logic/index.js';
import { safeParseWith } from '../model/index.js';
import { bundledRuleset } from './bundled.js';
import { applyOverlay, standalone } from './merge.js';
import {
  FindingResponsesSchema,
  type MergedRuleset,
  type Rule,
  type RuleDefinition,
  type RulesetDefinition,
  RulesetSchema,
} from './schema.js';

/** A loaded rule set: merged (base and overlay applied), validated, with the canonical hash of its merged form. */
export type Ruleset = MergedRuleset & { hash: string };

export interface LoadRulesetOptions {
  /** The rule set an overlay's `extends` names (definition or loaded). */
  base?: unknown;
  /** Resolves an `extends` id when no `base` is given; default: the bundled rule sets (`hrdd-default`). */
  resolveBase?: (id: string) => unknown;
  /**
   * Checks one merged rule against the facts it will read (paths relative to the rule: `when.and[0].var`). The
   * engine supplies the facts shape (`factsRuleCheck`); without it only the rule set's own structure is checked.
   */
  checkRule?: (rule: Rule, ruleset: MergedRuleset) => HrddIssue[];
}

const LOGIC_FIELDS = ['when', 'likelihood', 'involvement', 'assumed', 'blocking'] as const;
const SEVERITY_PARTS = ['scale', 'scope', 'irremediability'] as const;

function isLogic(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/** Checks the rules a definition itself carries: unique ids, required parts, JsonLogic that validates. */
function checkRules(def: RulesetDefinition, issues: HrddIssue[]): void {
  const operations = ruleOperations();
  const seen = new Set<string>();
  const check = (rule: RuleDefinition, i: number, field: string, value: unknown) => {
    if (value === undefined || (field !== 'when' && !isLogic(value))) return;
    for (const issue of validateLogic(value, { operations })) {
      const sub = issue.path ? (issue.path.startsWith('[') ? issue.path : `.${issue.path}`) : '';
      issues.push({ path: `rules[${i}].${field}${sub}`, message: `rule "${rule.id}": ${issue.message}` });
    }
  };
  for (const [i, rule] of (def.rules ?? []).entries()) {
    if (seen.has(rule.id)) issues.push({ path: `rules[${i}].id`, message: `duplicate rule id "${rule.id}"` });
    seen.add(rule.id);
    if (rule.category !== 'information') {
      if (!rule.severity)
        issues.push({ path: `rules[${i}].severity`, message: `rule "${rule.id}": severity is required` });
      if (rule.likelihood === undefined)
        issues.push({ path: `rules[${i}].likelihood`, message: `rule "${rule.id}": likelihood is required` });
    }
    for (const [j, ref] of rule.refs.entries()) {
      if (Object.hasOwn(refsRegistry, ref)) continue;
      const near = closest(ref, Object.keys(refsRegistry))[0];
      issues.push({
        path: `rules[${i}].refs[${j}]`,
        message: `rule "${rule.id}": unknown reference "${ref}"${near ? `; did you mean "${near}"?` : ''}`,
      });
    }
    for (const field of LOGIC_FIELDS) check(rule, i, field, rule[field]);
    for (const part of SEVERITY_PARTS) check(rule, i, `severity.${part}`, rule.severity?.[part]);
  }
}

/** `parameters.responses` parsed (defaults filled), or issues when it is malformed or names undefined assurances. */
export function findingResponses(
  parameters: Record<string, unknown>,
  defined: ReadonlySet<string>,
  issues: HrddIssue[],
) {
  if (parameters.responses === undefined) return [];
  const parsed = FindingResponsesSchema.safeParse(parameters.responses);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      issues.push({ path: ['parameters', 'responses', ...issue.path].join('.'), message: issue.message });
    return [];
  }
  parsed.data.forEach((r, i) => {
    for (const [j, type] of r.assurances.entries())
      if (!defined.has(type))
        issues.push({
          path: `parameters.responses.${i}.assurances.${j}`,
          message: `assurance type "${type}" has no definition in the rule set`,
        });
  });
  return parsed.data;
}

/** Checks the merged rule set: every assurance a rule or response requires is defined; every rule against its facts. */
function checkMerged(
  merged: MergedRuleset,
  def: { rules?: readonly { id: string }[] | undefined },
  issues: HrddIssue[],
  checkRule: LoadRulesetOptions['checkRule'],
): void {
  const defined = new Set(merged.assurances.map((a) => a.type));
  findingResponses(merged.parameters, defined, issues);
  const own = new Map((def.rules ?? []).map((r, i) => [r.id, i]));
  merged.rules.forEach((rule, k) => {
    if (checkRule && rule.enabled !== false) {
      const i = own.get(rule.id);
      const at = i === undefined ? `(merged rule ${k})` : `rules[${i}]`;
      for (const issue of checkRule(rule, merged))
        issues.push({ path: `${at}.${issue.path}`, message: `rule "${rule.id}": ${issue.message}` });
    }
    for (const [j, type] of (rule.assurances ?? []).entries()) {
      if (!defined.has(type)) {
        const i = own.get(rule.id);
        const path = i === undefined ? `(merged rule ${k}).assurances[${j}]` : `rules[${i}].assurances[${j}]`;
        issues.push({ path, message: `rule "${rule.id}": assurance type "${type}" has no definition in the rule set` });
      }
    }
  });
}

function isLoaded(value: unknown): value is Ruleset {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Ruleset).hash === 'string' &&
    Array.isArray((value as Ruleset).rules)
  );
}

/**
 * Validates a rule set and applies `extends`: the schema, unique rule ids, every JsonLogic expression (on the safe
 * evaluator), assurance types defined, reference ids well formed. Throws `HrddError` naming rule id and JSON path.
 */
export function loadRuleset(json: unknown, options: LoadRulesetOptions = {}, depth = 0): Ruleset {
  if (isLoaded(json)) {
    // Loaded elsewhere, perhaps without the facts check: run it now.
    const issues: HrddIssue[] = [];
    checkMerged(json, json, issues, options.checkRule);
    if (issues.length > 0) throw new HrddError(`Invalid rule set "${json.id}"`, issues, 'invalid-ruleset');
    return json;
  }
  const parsed = safeParseWith(RulesetSchema, json, 'rule set', 'invalid-ruleset');
  if (!parsed.success) throw parsed.error;
  const def = parsed.data;
  const issues: HrddIssue[] = [];
  checkRules(def, issues);
  let merged: MergedRuleset;
  if (def.extends !== undefined) {
    if (depth > 4)
      throw new HrddError(
        'Invalid rule set',
        [{ path: 'extends', message: 'too many levels of extends' }],
        'invalid-ruleset',
      );
    const baseJson = options.base ?? (options.resolveBase ?? bundledRuleset)(def.extends);
    if (baseJson === undefined) {
      throw new HrddError(
        'Invalid rule set',
        [{ path: 'extends', message: `unknown base rule set "${def.extends}"` }],
        'invalid-ruleset',
      );
    }
    const base = loadRuleset(
      baseJson,
      { ...(options.resolveBase ? { resolveBase: options.resolveBase } : {}) },
      depth + 1,
    );
    if (base.id !== def.extends) {
      issues.push({ path: 'extends', message: `extends "${def.extends}" but the base rule set given is "${base.id}"` });
    }
    merged = applyOverlay(base, def, issues);
  } else {
    if (def.disable?.length) issues.push({ path: 'disable', message: 'disable needs extends' });
    merged = standalone(def);
  }
  checkMerged(merged, def, issues, options.checkRule);
  if (issues.length > 0) throw new HrddError(`Invalid rule set "${def.id}"`, issues, 'invalid-ruleset');
  return { ...merged, hash: canonicalHash(merged) };
}
