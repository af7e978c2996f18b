import { toRecord } from '../../audit/index.js';
import { createEngine, type DataIdentity, type Engine } from '../../engine/index.js';
import { HrddError } from '../../errors.js';
import { type Decision, decisionRank, IsoDateSchema, parseWith } from '../../model/index.js';
import { appendEntries, pushTo } from './chain.js';
import { Pseudonymiser, pseudonymiseRecord } from './personal.js';
import type { AssessmentRecordLike, ChainRecord, PartyMatch } from './records.js';
import type { Register } from './register.js';

export interface MonitorOptions {
  /** The date of the run (`YYYY-MM-DD`): reports, expiries and review dates up to it count. */
  asOf: string;
  /** The engine to re-assess with (rule set, questionnaire, country data, lists); default: the bundled defaults. */
  engine?: Engine;
  /** Identities of the screening lists the engine holds, for the records' options. */
  lists?: DataIdentity[];
  /** Called after each chunk, for progress on a terminal. */
  onProgress?: (done: number, total: number) => void;
}

export interface MonitorChange {
  transactionId: string;
  from: Decision;
  to: Decision;
  reasons: string[];
}

/** A transaction whose facts may have changed, and why. */
export interface Attention {
  transactionId: string;
  decision: Decision;
  reasons: string[];
}

export interface MonitorReport {
  asOf: string;
  /** Active transactions looked at. */
  checked: number;
  /** Of those, re-assessed because a fact may have changed. */
  reassessed: number;
  /** Decisions that changed, worse or better. */
  changes: MonitorChange[];
  /** Re-assessed with the same decision but a reason a person should read (a report, an ignored answer). */
  attention: Attention[];
  /** Transactions that could not be re-assessed (their stored input no longer passes validation). */
  errors: { transactionId: string; message: string }[];
  /** Whether any decision got worse (the CLI exits 3). */
  worse: boolean;
}

interface Latest {
  seq: number;
  transaction_id: string;
  as_of: string;
  decision: Decision;
  review_by: string | null;
  ruleset_hash: string;
  questionnaire_hash: string | null;
  data_hashes: string;
}

interface ReportRow {
  seq: number;
  report_id: string;
  kind: string;
  date: string;
  credibility: string;
  source: string;
  party_id: string;
  match: string;
}

interface AssuranceRow {
  seq: number;
  transaction_id: string | null;
  party_id: string;
  type: string;
  reference: string;
  valid_from: string;
  valid_until: string | null;
}

interface Candidate {
  latest: Latest;
  parties: { partyId: string; role: string }[];
  reasons: string[];
  /** High-credibility reports about an end user: the misuse answer is set from them. */
  misuse: ReportRow[];
  mentionsReport: boolean;
}

const short = (hash: string) => hash.replace(/^sha256:/, '').slice(0, 12);

function describeMatch(m: PartyMatch): string {
  return m.by === 'id' ? 'matched by id' : `matched by name "${m.query}" ~ "${m.matchedName}", score ${m.score}`;
}

/** Everything `monitor` reads before re-assessing: the latest assessment of every active transaction and why to look again. */
async function findCandidates(
  register: Register,
  asOf: string,
  engine: Engine,
): Promise<{ checked: number; candidates: Candidate[]; assurancesByParty: Map<string, AssuranceRow[]> }> {
  const db = register.db;
  const latest = await db.query<Latest>(
    `select distinct on (transaction_id) seq, transaction_id, as_of, decision, review_by, ruleset_hash,
            questionnaire_hash, data_hashes
       from register_assessments order by transaction_id, seq desc`,
  );
  const partyRows = await db.query<{ seq: number; party_id: string; role: string }>(
    `with latest as (select distinct on (transaction_id) seq from register_assessments order by transaction_id, seq desc)
     select p.seq, p.party_id, p.role from register_parties p join latest l on l.seq = p.seq order by p.seq, p.idx`,
  );
  const partiesBySeq = new Map<number, { partyId: string; role: string }[]>();
  for (const p of partyRows) {
    pushTo(partiesBySeq, p.seq, { partyId: p.party_id, role: p.role });
  }
  const reports = await db.query<ReportRow>(
    `select r.seq, r.report_id, r.kind, r.date, r.credibility, r.source, rp.party_id, rp.match
       from register_reports r join register_report_parties rp on rp.seq = r.seq
      where r.date <= $1 order by r.seq, rp.idx`,
    [asOf],
  );
  const reportsByParty = group(reports, (r) => r.party_id);
  const assurances = await db.query<AssuranceRow>(
    `select seq, transaction_id, party_id, type, reference, valid_from, valid_until
       from register_assurances where valid_from <= $1 order by seq`,
    [asOf],
  );
  const assurancesByParty = group(assurances, (a) => a.party_id);
  const terminations = await db.query<{ transaction_id: string | null; party_id: string | null }>(
    `select transaction_id, party_id from register_leverage where action = 'terminate' and date <= $1`,
    [asOf],
  );
  const endedTx = new Set(terminations.flatMap((t) => (t.transaction_id ? [t.transaction_id] : [])));
  const endedParty = new Set(terminations.flatMap((t) => (t.party_id ? [t.party_id] : [])));

  const current = new Map(engine.data.map((d) => [d.id, d]));
  const candidates: Candidate[] = [];
  let checked = 0;
  for (const row of latest) {
    const parties = partiesBySeq.get(row.seq) ?? [];
    if (endedTx.has(row.transaction_id) || parties.some((p) => endedParty.has(p.partyId))) continue;
    checked++;
    const reasons: string[] = [];
    if (row.ruleset_hash !== engine.ruleset.hash)
      reasons.push(
        `rule set changed: now ${engine.ruleset.id} ${engine.ruleset.version} (${short(engine.ruleset.hash)}, was ${short(row.ruleset_hash)})`,
      );
    const q = engine.questionnaire;
    if ((q?.hash ?? null) !== row.questionnaire_hash)
      reasons.push(
        q ? `questionnaire changed: now ${q.id} ${q.version} (${short(q.hash)})` : 'questionnaire no longer used',
      );
    const before = new Map((JSON.parse(row.data_hashes) as [string, string][]).map(([id, hash]) => [id, hash]));
    for (const [id, d] of current) {
      const was = before.get(id);
      if (was === undefined) reasons.push(`data set ${id} ${d.version} is new`);
      else if (was !== d.hash) reasons.push(`data set ${id} changed: now ${d.version} (${short(d.hash)})`);
    }
    for (const id of before.keys()) if (!current.has(id)) reasons.push(`data set ${id} is no longer supplied`);
    const misuse: ReportRow[] = [];
    let mentionsReport = false;
    for (const p of parties) {
      for (const r of reportsByParty.get(p.partyId) ?? []) {
        const applies = r.credibility === 'high' && p.role === 'end-user';
        if (applies) misuse.push(r);
        if (r.seq > row.seq) {
          mentionsReport = true;
          reasons.push(
            `${r.kind} report ${r.report_id} (${r.credibility} credibility, ${r.date}, ${r.source}) about ${p.role} ${p.partyId}, ${describeMatch(JSON.parse(r.match) as PartyMatch)}${applies ? '' : r.credibility !== 'high' ? ': corroborate it; only a high-credibility report is taken as a credible misuse report' : ': not about an end user; weigh it by hand'}`,
          );
        }
      }
      for (const a of assurancesByParty.get(p.partyId) ?? []) {
        if (a.transaction_id !== null && a.transaction_id !== row.transaction_id) continue;
        if (a.seq > row.seq) reasons.push(`assurance ${a.type} from ${p.partyId} recorded (${a.reference})`);
        if (a.valid_until !== null && a.valid_until < asOf && a.valid_until >= row.as_of)
          reasons.push(`assurance ${a.type} from ${p.partyId} expired on ${a.valid_until}`);
      }
    }
    if (row.review_by !== null && row.review_by <= asOf) reasons.push(`review date ${row.review_by} reached`);
    if (reasons.length > 0) candidates.push({ latest: row, parties, reasons, misuse, mentionsReport });
  }
  return { checked, candidates, assurancesByParty };
}

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    pushTo(out, k, r);
  }
  return out;
}

export async function needsAttention(
  register: Register,
  options: Pick<MonitorOptions, 'asOf' | 'engine'>,
): Promise<Attention[]> {
  const asOf = parseWith(IsoDateSchema, options.asOf, 'asOf');
  const { candidates } = await findCandidates(register, asOf, options.engine ?? createEngine());
  return candidates.map((c) => ({
    transactionId: c.latest.transaction_id,
    decision: c.latest.decision,
    reasons: c.reasons,
  }));
}

const CHUNK = 1000;

interface StoredAssurance {
  type: string;
  from: string;
  obtainedOn: string;
  validUntil?: string;
  reference?: string;
}

/** The stored input with the register's assurances and the misuse answer its reports call for. */
function reassessmentInput(
  record: AssessmentRecordLike,
  c: Candidate,
  assurances: Map<string, AssuranceRow[]>,
  asOf: string,
): { transaction: Record<string, unknown>; answers: Record<string, unknown> } {
  const transaction = { ...(record.input.transaction as Record<string, unknown>) };
  const answers = { ...(record.input.answers ?? {}) };
  const have = (transaction.assurances as StoredAssurance[] | undefined) ?? [];
  const key = (a: StoredAssurance) => `${a.type}\u0000${a.from}\u0000${a.obtainedOn}\u0000${a.validUntil ?? ''}`;
  const seen = new Set(have.map(key));
  const added: StoredAssurance[] = [];
  for (const p of c.parties)
    for (const a of assurances.get(p.partyId) ?? []) {
      if (a.transaction_id !== null && a.transaction_id !== record.transactionId) continue;
      if (a.valid_from > asOf) continue;
      const obtained: StoredAssurance = {
        type: a.type,
        from: a.party_id,
        obtainedOn: a.valid_from,
        ...(a.valid_until !== null ? { validUntil: a.valid_until } : {}),
        reference: a.reference,
      };
      if (!seen.has(key(obtained))) {
        seen.add(key(obtained));
        added.push(obtained);
      }
    }
  if (added.length > 0) transaction.assurances = [...have, ...added];
  if (c.misuse.length > 0) answers.misuse_reports = true;
  return { transaction, answers };
}

function ruleIds(record: { findings: { ruleId: string; refs: string[] }[] }): Map<string, string[]> {
  return new Map(record.findings.map((f) => [f.ruleId, f.refs.filter((r) => r.startsWith('RF-'))]));
}

/**
 * Re-assesses every active transaction whose facts may have changed, stores each new assessment as a chain entry
 * with its reasons, and reports the decisions that changed.
 */
export async function runMonitor(register: Register, options: MonitorOptions): Promise<MonitorReport> {
  const asOf = parseWith(IsoDateSchema, options.asOf, 'asOf');
  const engine = options.engine ?? createEngine();
  const lists = options.lists ?? [];
  const { checked, candidates, assurancesByParty: assurances } = await findCandidates(register, asOf, engine);
  const report: MonitorReport = {
    asOf,
    checked,
    reassessed: 0,
    changes: [],
    attention: [],
    errors: [],
    worse: false,
  };
  options.onProgress?.(0, candidates.length);
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const chunk = candidates.slice(i, i + CHUNK);
    const stored = await register.records(chunk.map((c) => c.latest.seq));
    const personal = new Pseudonymiser();
    const writes: ChainRecord[] = [];
    for (const c of chunk) {
      const previous = (stored.get(c.latest.seq) as Extract<ChainRecord, { kind: 'assessment' }>).record;
      const input = reassessmentInput(previous, c, assurances, asOf);
      let record: AssessmentRecordLike;
      try {
        const assessment = engine.assess(input.transaction, { asOf, answers: input.answers });
        record = toRecord(assessment, input, engine, lists) as unknown as AssessmentRecordLike;
      } catch (error) {
        if (!(error instanceof HrddError)) throw error;
        report.errors.push({
          transactionId: c.latest.transaction_id,
          message: error.issues.map((x) => `${x.path}: ${x.message}`).join('; ') || error.message,
        });
        continue;
      }
      const reasons = [...c.reasons];
      if (c.misuse.length > 0 && previous.input.answers?.misuse_reports !== true)
        reasons.push(
          `answer misuse_reports taken as yes from ${[...new Set(c.misuse.map((r) => r.report_id))].join(', ')}`,
        );
      const notes = (record.notes as string[] | undefined) ?? [];
      if (c.misuse.length > 0 && notes.some((n) => n.includes('misuse_reports')))
        reasons.push('the rule set does not ask about misuse reports for this transaction: weigh the report by hand');
      const before = ruleIds(previous);
      const after = ruleIds(record);
      for (const [id, refs] of after)
        if (!before.has(id)) reasons.push(`now fires: ${id}${refs.length > 0 ? ` (${refs.join(', ')})` : ''}`);
      for (const id of before.keys()) if (!after.has(id)) reasons.push(`no longer fires: ${id}`);
      const from = c.latest.decision;
      const to = record.decision as Decision;
      if (from !== to) {
        report.changes.push({ transactionId: c.latest.transaction_id, from, to, reasons });
        if (decisionRank(to) > decisionRank(from)) report.worse = true;
      } else if (c.mentionsReport || reasons.some((r) => r.startsWith('the rule set does not ask'))) {
        report.attention.push({ transactionId: c.latest.transaction_id, decision: to, reasons });
      }
      writes.push({ kind: 'assessment', source: 'monitor', reasons, record: pseudonymiseRecord(record, personal) });
    }
    if (writes.length > 0) await register.db.transaction((sql) => appendEntries(sql, writes, personal.values));
    report.reassessed += writes.length;
    options.onProgress?.(Math.min(i + CHUNK, candidates.length), candidates.length);
  }
  report.changes.sort((a, b) => (a.transactionId < b.transactionId ? -1 : a.transactionId > b.transactionId ? 1 : 0));
  return report;
}
