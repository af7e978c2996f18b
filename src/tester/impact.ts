import { diffValues } from '../audit/index.js';
import { canonicalJson } from '../digest/index.js';
import { createEngine, type EngineOptions } from '../engine/index.js';
import { HrddError } from '../errors.js';
import type { Assessment } from '../model/index.js';
import { defaultQuestionnaire, loadQuestionnaire, type Questionnaire } from '../questionnaire/index.js';
import { loadRuleset, type Ruleset } from '../rules/index.js';

export interface CorpusLine {
  transaction: unknown;
  answers?: Record<string, unknown>;
  asOf?: string;
}

/** A value that differs between the old and the new version, at a path such as `table[2][3]`. */
export interface ValueChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** Entries of a keyed list (rules by id, assurance definitions by type, questions by id) added, removed, changed. */
export interface ListChanges {
  added: string[];
  removed: string[];
  /** With the fields that changed. */
  changed: { id: string; fields: string[] }[];
}

export interface Identity {
  id: string;
  version: string;
  hash: string;
}

export interface CorpusImpact {
  total: number;
  /** Lines that assessed the same way under both versions. */
  unchanged: number;
  /** Lines that could not be assessed under one version or both. */
  errors: number;
  failed: { line: number; message: string }[];
  /** Every line whose decision changes. */
  decisionChanged: { line: number; transactionId: string; from: string; to: string }[];
  findingsChanged: number;
  /** Counts per decision change, e.g. `{ "proceed → escalate": 3 }`. */
  counts: Record<string, number>;
  /** How many lines end in each decision, before and after. */
  decisions: { before: Record<string, number>; after: Record<string, number> };
}

export interface ImpactReport {
  before: Identity;
  after: Identity;
  /** Rules added and removed (by id). */
  added: string[];
  removed: string[];
  /** Rules whose definition changed, with the fields that changed. */
  changed: { id: string; fields: string[] }[];
  /** Rule-set parameters (`params.…`) that differ. */
  parameters: ValueChange[];
  /** The decision policy: the severity × likelihood table and review intervals. */
  decision: ValueChange[];
  /** Assurance definitions, by type. */
  assurances: ListChanges;
  /** Questions, when a questionnaire is compared. */
  questionnaire?: ListChanges & { before: Identity; after: Identity };
  corpus?: CorpusImpact;
}

export interface ImpactOptions {
  /** Past transactions to assess under both versions. */
  corpus?: readonly CorpusLine[];
  /** Date for corpus lines that carry none. */
  asOf?: string;
  /** Questionnaires (definition or loaded) before and after; default: the bundled one on both sides. */
  questionnaire?: { before?: unknown; after?: unknown };
  /** Country data, groups, screening and evaluator shared by both sides. */
  engine?: Omit<EngineOptions, 'ruleset' | 'questionnaire'>;
}

const identity = (x: { id: string; version: string; hash: string }): Identity => ({
  id: x.id,
  version: x.version,
  hash: x.hash,
});

function valueChanges(before: unknown, after: unknown): ValueChange[] {
  return diffValues(before, after, '', [], 1000).map((d) => ({ path: d.path, before: d.recorded, after: d.replayed }));
}

/** Keyed entries compared field by field (canonical JSON, so key order never counts as a change). */
function listChanges<T extends object>(before: readonly T[], after: readonly T[], key: (x: T) => string): ListChanges {
  const fieldsOf = (x: T) => x as Record<string, unknown>;
  const a = new Map(before.map((x) => [key(x), fieldsOf(x)]));
  const b = new Map(after.map((x) => [key(x), fieldsOf(x)]));
  const changed: ListChanges['changed'] = [];
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y) continue;
    const fields = [...new Set([...Object.keys(x), ...Object.keys(y)])]
      .filter((k) => canonicalJson(x[k] ?? null) !== canonicalJson(y[k] ?? null))
      .sort();
    if (fields.length > 0) changed.push({ id, fields });
  }
  return {
    added: [...b.keys()].filter((id) => !a.has(id)).sort(),
    removed: [...a.keys()].filter((id) => !b.has(id)).sort(),
    changed: changed.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
  };
}

function assessCorpus(
  corpus: readonly CorpusLine[],
  assess: [(line: CorpusLine, asOf: string) => Assessment, (line: CorpusLine, asOf: string) => Assessment],
  defaultAsOf: string | undefined,
): CorpusImpact {
  const impact: CorpusImpact = {
    total: corpus.length,
    unchanged: 0,
    errors: 0,
    failed: [],
    decisionChanged: [],
    findingsChanged: 0,
    counts: {},
    decisions: { before: {}, after: {} },
  };
  const count = (table: Record<string, number>, key: string) => {
    table[key] = (table[key] ?? 0) + 1;
  };
  corpus.forEach((line, i) => {
    const asOf = line.asOf ?? defaultAsOf;
    if (!asOf)
      throw new HrddError('Invalid corpus', [
        { path: `line ${i + 1}`, message: 'no asOf on the line and no default given' },
      ]);
    let x: Assessment;
    let y: Assessment;
    try {
      x = assess[0](line, asOf);
      y = assess[1](line, asOf);
    } catch (error) {
      impact.errors++;
      impact.failed.push({ line: i + 1, message: (error as Error).message.split('\n').join('; ') });
      return;
    }
    count(impact.decisions.before, x.decision);
    count(impact.decisions.after, y.decision);
    const findingsDiffer = canonicalJson(x.findings) !== canonicalJson(y.findings);
    if (findingsDiffer) impact.findingsChanged++;
    if (x.decision !== y.decision) {
      impact.decisionChanged.push({ line: i + 1, transactionId: x.transactionId, from: x.decision, to: y.decision });
      count(impact.counts, `${x.decision} → ${y.decision}`);
    } else if (!findingsDiffer) impact.unchanged++;
  });
  return impact;
}

/**
 * What a change of rule set (and questionnaire) would do, before a compliance team deploys it: rules, parameters,
 * decision policy, assurance definitions and questions added, removed and changed; with a corpus of past
 * transactions, every decision that changes.
 */
export function rulesetImpact(oldInput: unknown, newInput: unknown, options: ImpactOptions = {}): ImpactReport {
  const before: Ruleset = loadRuleset(oldInput);
  const after: Ruleset = loadRuleset(newInput);
  const comparable = (rs: Ruleset) => rs.rules.map(({ origin: _origin, ...rule }) => rule);
  const rules = listChanges(comparable(before), comparable(after), (r) => r.id);
  const report: ImpactReport = {
    before: identity(before),
    after: identity(after),
    ...rules,
    parameters: valueChanges(before.parameters, after.parameters),
    decision: valueChanges(before.decision, after.decision),
    assurances: listChanges(before.assurances, after.assurances, (a) => a.type),
  };
  const given = options.questionnaire;
  const compared = given?.before !== undefined || given?.after !== undefined;
  const qa = compared ? loadQuestionnaire(given?.before ?? defaultQuestionnaire) : undefined;
  const qb = compared ? loadQuestionnaire(given?.after ?? defaultQuestionnaire) : undefined;
  if (qa && qb) {
    const [x, y] = [qa, qb];
    report.questionnaire = {
      before: identity(x),
      after: identity(y),
      ...listChanges(x.definition.questions, y.definition.questions, (q) => q.id),
    };
  }
  if (options.corpus) {
    const engine = (ruleset: Ruleset, questionnaire: Questionnaire | undefined) =>
      createEngine({ ...options.engine, ruleset, ...(questionnaire ? { questionnaire } : {}) });
    const engines = [engine(before, qa), engine(after, qb)];
    const run = (k: 0 | 1) => (line: CorpusLine, asOf: string) =>
      engines[k]!.assess(line.transaction, { asOf, ...(line.answers ? { answers: line.answers } : {}) });
    report.corpus = assessCorpus(options.corpus, [run(0), run(1)], options.asOf);
  }
  return report;
}
