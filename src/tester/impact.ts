import { canonicalJson } from '../digest/index.js';
import { createEngine, type EngineOptions } from '../engine/index.js';
import { HrddError } from '../errors.js';
import { loadRuleset, type Rule } from '../rules/index.js';

export interface CorpusLine {
  transaction: unknown;
  answers?: Record<string, unknown>;
  asOf?: string;
}

export interface ImpactReport {
  added: string[];
  removed: string[];
  /** Rules whose definition changed, with the fields that changed. */
  changed: { id: string; fields: string[] }[];
  corpus?: {
    total: number;
    errors: number;
    decisionChanged: { line: number; transactionId: string; from: string; to: string }[];
    findingsChanged: number;
    /** Counts per decision change, e.g. `{ "proceed → escalate": 3 }`. */
    counts: Record<string, number>;
  };
}

const comparable = (rule: Rule) => {
  const { origin: _origin, ...rest } = rule;
  return rest as Record<string, unknown>;
};

/**
 * What a rule-set change would do: rules added, removed and changed; with a corpus of past transactions, which
 * ones change decision or findings — before a compliance team deploys it.
 */
export function rulesetImpact(
  oldInput: unknown,
  newInput: unknown,
  corpus?: readonly CorpusLine[],
  options: Omit<EngineOptions, 'ruleset'> = {},
  defaultAsOf?: string,
): ImpactReport {
  const before = loadRuleset(oldInput);
  const after = loadRuleset(newInput);
  const a = new Map(before.rules.map((r) => [r.id, comparable(r)]));
  const b = new Map(after.rules.map((r) => [r.id, comparable(r)]));
  const report: ImpactReport = {
    added: [...b.keys()].filter((id) => !a.has(id)).sort(),
    removed: [...a.keys()].filter((id) => !b.has(id)).sort(),
    changed: [],
  };
  for (const [id, rule] of a) {
    const other = b.get(id);
    if (!other) continue;
    const fields = [...new Set([...Object.keys(rule), ...Object.keys(other)])]
      .filter((k) => canonicalJson(rule[k] ?? null) !== canonicalJson(other[k] ?? null))
      .sort();
    if (fields.length > 0) report.changed.push({ id, fields });
  }
  report.changed.sort((x, y) => (x.id < y.id ? -1 : 1));
  if (!corpus) return report;
  const oldEngine = createEngine({ ...options, ruleset: before });
  const newEngine = createEngine({ ...options, ruleset: after });
  const impact: NonNullable<ImpactReport['corpus']> = {
    total: corpus.length,
    errors: 0,
    decisionChanged: [],
    findingsChanged: 0,
    counts: {},
  };
  corpus.forEach((line, i) => {
    const asOf = line.asOf ?? defaultAsOf;
    if (!asOf)
      throw new HrddError('Invalid corpus', [
        { path: `line ${i + 1}`, message: 'no asOf on the line and no default given' },
      ]);
    try {
      const opts = { asOf, ...(line.answers ? { answers: line.answers } : {}) };
      const x = oldEngine.assess(line.transaction, opts);
      const y = newEngine.assess(line.transaction, opts);
      if (x.decision !== y.decision) {
        impact.decisionChanged.push({ line: i + 1, transactionId: x.transactionId, from: x.decision, to: y.decision });
        const key = `${x.decision} → ${y.decision}`;
        impact.counts[key] = (impact.counts[key] ?? 0) + 1;
      }
      if (canonicalJson(x.findings) !== canonicalJson(y.findings)) impact.findingsChanged++;
    } catch {
      impact.errors++;
    }
  });
  report.corpus = impact;
  return report;
}
