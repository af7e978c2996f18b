import { canonicalHash } from '../digest/index.js';
import { HrddError, type HrddIssue } from '../errors.js';
import { validateLogic } from '../logic/index.js';
import { safeParseWith } from '../model/index.js';
import { bundledRuleset } from './bundled.js';
import { applyOverlay, standalone } from './merge.js';
import { ruleOperations } from './operations.js';
import { type MergedRuleset, type RuleDefinition, type RulesetDefinition, RulesetSchema } from './schema.js';

/** A loaded rule set: merged (base and overlay applied), validated, with the canonical hash of its merged form. */
export type Ruleset = MergedRuleset & { hash: string };

export interface LoadRulesetOptions {
  /** The rule set an overlay's `extends` names (definition or loaded). */
  base?: unknown;
  /** Resolves an `extends` id when no `base` is given; default: the bundled rule sets (`hrdd-default`). */
  resolveBase?: (id: string) => unknown;
}

const LOGIC_FIELDS = ['when', 'likelihood', 'involvement', 'blocking'] as const;
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
    for (const field of LOGIC_FIELDS) check(rule, i, field, rule[field]);
    for (const part of SEVERITY_PARTS) check(rule, i, `severity.${part}`, rule.severity?.[part]);
  }
}

/** Checks the merged rule set: every assurance a rule requires is defined. */
function checkMerged(merged: MergedRuleset, def: RulesetDefinition, issues: HrddIssue[]): void {
  const defined = new Set(merged.assurances.map((a) => a.type));
  const own = new Map((def.rules ?? []).map((r, i) => [r.id, i]));
  merged.rules.forEach((rule, k) => {
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
  if (isLoaded(json)) return json;
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
  checkMerged(merged, def, issues);
  if (issues.length > 0) throw new HrddError(`Invalid rule set "${def.id}"`, issues, 'invalid-ruleset');
  return { ...merged, hash: canonicalHash(merged) };
}
