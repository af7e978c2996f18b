import {
  type Decision,
  type Finding,
  type MissingInformation,
  maxDecision,
  type RequiredAssurance,
  type ScoreBand,
} from '../model/index.js';
import type { DecisionPolicy } from '../rules/index.js';
import type { RuleMatch } from './evaluate.js';

/** The decision one finding implies: the policy table, the rule's floor, and the severity-4 floors. */
export function impliedDecision(finding: Finding, minDecision: Decision | undefined, policy: DecisionPolicy): Decision {
  const { level } = finding.severity;
  let decision = policy.table[level - 1]![finding.likelihood - 1]!;
  if (minDecision) decision = maxDecision(decision, minDecision);
  if (level === 4) decision = maxDecision(decision, finding.likelihood >= 3 ? 'escalate' : 'proceed-with-conditions');
  return decision;
}

/**
 * The decision for the whole transaction: the most restrictive of every finding's implied decision, blocking
 * missing information (escalate), non-blocking missing information and outstanding assurances (conditions),
 * an outstanding authority consultation (escalate). Conditions become `proceed` only once every required
 * assurance is satisfied and no information is missing.
 */
export function decide(
  matches: readonly RuleMatch[],
  missing: readonly MissingInformation[],
  required: readonly RequiredAssurance[],
  policy: DecisionPolicy,
): Decision {
  let decision: Decision = 'proceed';
  for (const { finding, rule, floor } of matches) {
    decision = maxDecision(decision, impliedDecision(finding, rule.minDecision, policy));
    if (floor) decision = maxDecision(decision, floor);
  }
  for (const m of missing) decision = maxDecision(decision, m.blocking ? 'escalate' : 'proceed-with-conditions');
  for (const r of required) {
    if (r.status === 'outstanding')
      decision = maxDecision(decision, r.type === 'authority-consultation' ? 'escalate' : 'proceed-with-conditions');
  }
  if (
    decision === 'proceed-with-conditions' &&
    required.length > 0 &&
    missing.length === 0 &&
    required.every((r) => r.status === 'satisfied')
  ) {
    return 'proceed';
  }
  return decision;
}

/** Score band of a risk value 0–16: none 0, low 1–4, medium 5–8, high 9–12, critical 13–16. */
export function scoreBand(value: number): ScoreBand {
  if (value <= 0) return 'none';
  if (value <= 4) return 'low';
  if (value <= 8) return 'medium';
  if (value <= 12) return 'high';
  return 'critical';
}
