import type { HrddIssue } from '../errors.js';
import { DEFAULT_DECISION_POLICY } from './policy.js';
import type { AssuranceDef, MergedRuleset, Rule, RulesetDefinition } from './schema.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep-merges parameter objects: nested objects merge, anything else (arrays included) is replaced. */
export function mergeParameters(
  base: Record<string, unknown>,
  overlay: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(overlay)) {
    const [a, b] = [out[key], overlay[key]];
    out[key] = isPlainObject(a) && isPlainObject(b) ? mergeParameters(a, b) : b;
  }
  return out;
}

/** A self-contained rule set (no `extends`) in merged form. */
export function standalone(def: RulesetDefinition): MergedRuleset {
  const origin = { ruleset: def.id, version: def.version, kind: 'base' as const };
  return {
    id: def.id,
    version: def.version,
    title: def.title,
    ...(def.description ? { description: def.description } : {}),
    parameters: def.parameters ?? {},
    assurances: def.assurances ?? [],
    rules: (def.rules ?? []).map((rule) => ({ ...rule, origin })),
    decision: { ...DEFAULT_DECISION_POLICY, ...def.decision },
    tests: def.tests ?? [],
  };
}

/**
 * Layers an overlay on a merged base: parameters deep-merged, assurance definitions replaced by type, rules
 * disabled by id, replaced (same id) or added; every rule keeps its origin. Unknown ids in `disable` are issues.
 */
export function applyOverlay(
  base: MergedRuleset & { hash: string },
  overlay: RulesetDefinition,
  issues: HrddIssue[],
): MergedRuleset {
  const assurances = new Map<string, AssuranceDef>(base.assurances.map((a) => [a.type, a]));
  for (const a of overlay.assurances ?? []) assurances.set(a.type, a);
  const rules = new Map<string, Rule>(base.rules.map((r) => [r.id, r]));
  for (const [i, id] of (overlay.disable ?? []).entries()) {
    const rule = rules.get(id);
    if (!rule) issues.push({ path: `disable[${i}]`, message: `no rule "${id}" in base rule set ${base.id}` });
    else rules.set(id, { ...rule, enabled: false });
  }
  for (const rule of overlay.rules ?? []) {
    const kind = rules.has(rule.id) ? 'replaced' : 'overlay';
    rules.set(rule.id, { ...rule, origin: { ruleset: overlay.id, version: overlay.version, kind } });
  }
  return {
    id: overlay.id,
    version: overlay.version,
    title: overlay.title,
    ...(overlay.description ? { description: overlay.description } : {}),
    base: { id: base.id, version: base.version, hash: base.hash },
    parameters: mergeParameters(base.parameters, overlay.parameters ?? {}),
    assurances: [...assurances.values()],
    rules: [...rules.values()],
    decision: { ...base.decision, ...overlay.decision },
    tests: overlay.tests ?? [],
  };
}
