import { lookupVar, readFacts, truthy } from '../logic/index.js';
import {
  type Finding,
  INVOLVEMENTS,
  type Involvement,
  type MissingInformation,
  type RuleTrace,
  type Subject,
} from '../model/index.js';
import type { CompiledRule, Value } from './compile-rules.js';
import { renderTemplate } from './rationale.js';
import type { Facts } from './types.js';

const NO_ELEMENT: readonly unknown[] = [undefined];

/** A finding with the rule that produced it, for the decision. */
export interface RuleMatch {
  finding: Finding;
  rule: CompiledRule;
}

export interface Evaluation {
  matches: RuleMatch[];
  missing: (MissingInformation & { ruleId: string })[];
  trace: RuleTrace[];
}

/** A severity part or likelihood as a whole number 1–4; anything that is not a number counts as 4 (unknown is not low). */
export function level(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(n)) return 4;
  return Math.min(4, Math.max(1, Math.round(n)));
}

function involvementOf(fn: Value | undefined, data: unknown): Involvement | undefined {
  const value = fn?.(data);
  return (INVOLVEMENTS as readonly unknown[]).includes(value) ? (value as Involvement) : undefined;
}

function subjectOf(rule: CompiledRule, element: unknown, facts: Facts): Subject {
  if (rule.subjectKind === 'transaction') return { kind: 'transaction', id: facts.transaction.id };
  const id = lookupVar(element, 'id') ?? lookupVar(element, 'partyId');
  return { kind: rule.subjectKind, id: typeof id === 'string' ? id : String(id) };
}

/** Evaluates every compiled rule on the facts: one finding (or missing-information entry) per match. */
export function evaluateRules(rules: readonly CompiledRule[], facts: Facts, withTrace: boolean): Evaluation {
  const out: Evaluation = { matches: [], missing: [], trace: [] };
  const data = facts as unknown as Record<string, unknown>;
  for (const compiled of rules) {
    const { rule } = compiled;
    const list = rule.forEach ? lookupVar(facts, rule.forEach) : undefined;
    const elements: readonly unknown[] = rule.forEach ? (Array.isArray(list) ? list : []) : NO_ELEMENT;
    for (const element of elements) {
      if (rule.forEach) data.it = element;
      const matched = truthy(compiled.when(facts));
      if (withTrace)
        out.trace.push({
          ruleId: rule.id,
          subject: subjectOf(compiled, element, facts),
          matched,
          facts: readFacts(compiled.reads, facts),
        });
      if (!matched) continue;
      const subject = subjectOf(compiled, element, facts);
      const rationale = renderTemplate(rule.rationale, facts);
      if (rule.category === 'information') {
        out.missing.push({
          ruleId: rule.id,
          path: renderTemplate(rule.path ?? rule.forEach ?? rule.id, facts),
          reason: rationale,
          blocking: truthy(compiled.blocking(facts)),
        });
        continue;
      }
      const severity = {
        scale: level(compiled.scale(facts)),
        scope: level(compiled.scope(facts)),
        irremediability: level(compiled.irremediability(facts)),
        level: 0,
      };
      severity.level = Math.max(severity.scale, severity.scope, severity.irremediability);
      const likelihood = level(compiled.likelihood(facts));
      const involvement = involvementOf(compiled.involvement, facts);
      const finding: Finding = {
        ruleId: rule.id,
        title: rule.title,
        category: rule.category,
        subject,
        severity,
        likelihood,
        risk: severity.level * likelihood,
        ...(involvement ? { involvement } : {}),
        refs: [...rule.refs],
        rationale,
        facts: readFacts(compiled.reads, facts),
      };
      out.matches.push({ finding, rule: compiled });
    }
    delete data.it;
  }
  return out;
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
