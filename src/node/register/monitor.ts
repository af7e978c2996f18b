import type { DataIdentity, Engine } from '../../engine/index.js';
import { HrddError } from '../../errors.js';
import { type Decision, decisionRank, IsoDateSchema, parseWith } from '../../model/index.js';
import { assessmentPool } from '../batch.js';
import type { ReassessTask } from '../batch-worker.js';
import { type EngineFiles, engineFromFiles } from '../engine-files.js';
import { appendPrepared, type PreparedEntry, pushTo } from './chain.js';
import type { PersonalValue } from './personal.js';
import { type ReassessJob, type ReassessResult, reassessJobs, type StoredAssurance } from './reassess.js';
import type { PartyMatch } from './records.js';
import type { Register } from './register.js';

export interface MonitorOptions {
  /** The date of the run (`YYYY-MM-DD`): reports, expiries and review dates up to it count. */
  asOf: string;
  /**
   * The engine to re-assess with, as files (rule set, questionnaire, country data, lists; absent = the bundled
   * defaults). Each worker thread builds its engine from them. Give `files` or `engine`, not both.
   */
  files?: EngineFiles;
  /** An engine object to re-assess with on this thread (it cannot move to a worker thread). */
  engine?: Engine;
  /** Identities of the screening lists `engine` holds, for the records' options. */
  lists?: DataIdentity[];
  /**
   * Worker threads to re-assess on — the pool `hrdd batch` uses; 0 (the default) re-assesses on this thread.
   * Needs `files` rather than `engine`. The report and the entries written are the same either way.
   */
  workers?: number;
  /** Called as the run goes on with the transactions looked at so far and their total, for progress on a terminal. */
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
  /** The assessment's input and fired rules (read only when re-assessing). */
  input?: string;
  fired?: string;
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
  reasons: string[];
  /** Assurances the register holds for the transaction's parties, to add to its input. */
  assurances: StoredAssurance[];
  /** High-credibility reports about an end user: the misuse answer is set from them. */
  misuseReports: string[];
  mentionsReport: boolean;
}

const short = (hash: string) => hash.replace(/^sha256:/, '').slice(0, 12);

function describeMatch(m: PartyMatch): string {
  return m.by === 'id' ? 'matched by id' : `matched by name "${m.query}" ~ "${m.matchedName}", score ${m.score}`;
}

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) pushTo(out, key(r), r);
  return out;
}

/** What every transaction is checked against: reports, assurances and terminations up to the run's date. */
interface Context {
  asOf: string;
  engine: Engine;
  reportsByParty: Map<string, ReportRow[]>;
  assurancesByParty: Map<string, AssuranceRow[]>;
  endedTx: Set<string>;
  endedParty: Set<string>;
}

async function loadContext(register: Register, asOf: string, engine: Engine): Promise<Context> {
  const db = register.db;
  const reports = await db.query<ReportRow>(
    `select r.seq, r.report_id, r.kind, r.date, r.credibility, r.source, rp.party_id, rp.match
       from register_reports r join register_report_parties rp on rp.seq = r.seq
      where r.date <= $1 order by r.seq, rp.idx`,
    [asOf],
  );
  const assurances = await db.query<AssuranceRow>(
    `select seq, transaction_id, party_id, type, reference, valid_from, valid_until
       from register_assurances where valid_from <= $1 order by seq`,
    [asOf],
  );
  const terminations = await db.query<{ transaction_id: string | null; party_id: string | null }>(
    `select transaction_id, party_id from register_leverage where action = 'terminate' and date <= $1`,
    [asOf],
  );
  return {
    asOf,
    engine,
    reportsByParty: group(reports, (r) => r.party_id),
    assurancesByParty: group(assurances, (a) => a.party_id),
    endedTx: new Set(terminations.flatMap((t) => (t.transaction_id ? [t.transaction_id] : []))),
    endedParty: new Set(terminations.flatMap((t) => (t.party_id ? [t.party_id] : []))),
  };
}

/** Transactions read per query: the active set is streamed in pages of this many, so memory stays flat. */
const PAGE = 2000;

/**
 * The latest assessment of every transaction, with its parties, in pages in transaction id order; `withInput`
 * adds what it was made from (for re-assessing).
 */
async function* latestAssessments(
  register: Register,
  withInput = false,
): AsyncGenerator<{ latest: Latest; parties: { partyId: string; role: string }[] }[]> {
  const db = register.db;
  // Two bounded queries a page: the next ids (an index-only scan that stops after a page), then their latest rows.
  for (let after = ''; ; ) {
    const ids = await db.query<{ transaction_id: string }>(
      `select distinct transaction_id from register_assessments where transaction_id > $1 order by transaction_id limit ${PAGE}`,
      [after],
    );
    if (ids.length === 0) return;
    const last: string = ids[ids.length - 1]!.transaction_id;
    const latest = await db.query<Latest>(
      `select distinct on (transaction_id) seq, transaction_id, as_of, decision, review_by, ruleset_hash,
              questionnaire_hash, data_hashes${withInput ? ', input, fired' : ''}
         from register_assessments
        where transaction_id > $1 and transaction_id <= $2
        order by transaction_id, seq desc`,
      [after, last],
    );
    const partyRows = await db.query<{ seq: number; party_id: string; role: string }>(
      'select seq, party_id, role from register_parties where seq = any($1::integer[]) order by seq, idx',
      [latest.map((l) => l.seq)],
    );
    const partiesBySeq = new Map<number, { partyId: string; role: string }[]>();
    for (const p of partyRows) pushTo(partiesBySeq, p.seq, { partyId: p.party_id, role: p.role });
    yield latest.map((l) => ({ latest: l, parties: partiesBySeq.get(l.seq) ?? [] }));
    after = last;
  }
}

/** Why a transaction should be re-assessed; undefined when it is not active (terminated). */
function examine(
  row: Latest,
  parties: { partyId: string; role: string }[],
  ctx: Context,
): Candidate | { inactive: true } | undefined {
  const { engine, asOf } = ctx;
  if (ctx.endedTx.has(row.transaction_id) || parties.some((p) => ctx.endedParty.has(p.partyId)))
    return { inactive: true };
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
  for (const d of engine.data) {
    const was = before.get(d.id);
    if (was === undefined) reasons.push(`data set ${d.id} ${d.version} is new`);
    else if (was !== d.hash) reasons.push(`data set ${d.id} changed: now ${d.version} (${short(d.hash)})`);
  }
  const current = new Set(engine.data.map((d) => d.id));
  for (const id of before.keys()) if (!current.has(id)) reasons.push(`data set ${id} is no longer supplied`);
  const misuse = new Set<string>();
  const assurances: StoredAssurance[] = [];
  let mentionsReport = false;
  for (const p of parties) {
    for (const r of ctx.reportsByParty.get(p.partyId) ?? []) {
      const applies = r.credibility === 'high' && p.role === 'end-user';
      if (applies) misuse.add(r.report_id);
      if (r.seq > row.seq) {
        mentionsReport = true;
        reasons.push(
          `${r.kind} report ${r.report_id} (${r.credibility} credibility, ${r.date}, ${r.source}) about ${p.role} ${p.partyId}, ${describeMatch(JSON.parse(r.match) as PartyMatch)}${applies ? '' : r.credibility !== 'high' ? ': corroborate it; only a high-credibility report is taken as a credible misuse report' : ': not about an end user; weigh it by hand'}`,
        );
      }
    }
    for (const a of ctx.assurancesByParty.get(p.partyId) ?? []) {
      if (a.transaction_id !== null && a.transaction_id !== row.transaction_id) continue;
      if (a.seq > row.seq) reasons.push(`assurance ${a.type} from ${p.partyId} recorded (${a.reference})`);
      if (a.valid_until !== null && a.valid_until < asOf && a.valid_until >= row.as_of)
        reasons.push(`assurance ${a.type} from ${p.partyId} expired on ${a.valid_until}`);
      assurances.push({
        type: a.type,
        from: a.party_id,
        obtainedOn: a.valid_from,
        ...(a.valid_until !== null ? { validUntil: a.valid_until } : {}),
        reference: a.reference,
      });
    }
  }
  if (row.review_by !== null && row.review_by <= asOf) reasons.push(`review date ${row.review_by} reached`);
  if (reasons.length === 0) return undefined;
  return { latest: row, reasons, assurances, misuseReports: [...misuse], mentionsReport };
}

/** The engine a run uses, and the files its workers build theirs from. */
function engineOf(options: Pick<MonitorOptions, 'engine' | 'lists' | 'files'>): {
  engine: Engine;
  lists: DataIdentity[];
  files?: EngineFiles;
} {
  if (options.engine && options.files) throw new HrddError('give monitor an engine or its files, not both');
  if (options.engine) return { engine: options.engine, lists: options.lists ?? [] };
  const files = options.files ?? {};
  return { ...engineFromFiles(files), files };
}

export async function needsAttention(
  register: Register,
  options: Pick<MonitorOptions, 'asOf' | 'engine' | 'lists' | 'files'>,
): Promise<Attention[]> {
  const asOf = parseWith(IsoDateSchema, options.asOf, 'asOf');
  const ctx = await loadContext(register, asOf, engineOf(options).engine);
  const out: Attention[] = [];
  for await (const page of latestAssessments(register))
    for (const { latest, parties } of page) {
      const c = examine(latest, parties, ctx);
      if (c && !('inactive' in c))
        out.push({ transactionId: latest.transaction_id, decision: latest.decision, reasons: c.reasons });
    }
  return out;
}

/** Transactions re-assessed per task (one worker's share at a time). */
const CHUNK = 250;
/** Chunks re-assessed ahead of the writing, per worker. */
const IN_FLIGHT_PER_WORKER = 4;
/** New entries stored per database transaction. */
const WRITE = 1000;

/**
 * Re-assesses every active transaction whose facts may have changed, stores each new assessment as a chain entry
 * with its reasons, and reports the decisions that changed. The active set is read in pages; chunks of it are
 * re-assessed on the worker pool (or this thread) while earlier chunks are written, in order, so the chain is the
 * same whichever ran them.
 */
export async function runMonitor(register: Register, options: MonitorOptions): Promise<MonitorReport> {
  const asOf = parseWith(IsoDateSchema, options.asOf, 'asOf');
  const workers = options.workers ?? 0;
  if (!Number.isInteger(workers) || workers < 0 || workers > 64)
    throw new HrddError('workers must be a whole number from 0 to 64');
  if (workers > 0 && options.engine)
    throw new HrddError('monitor on worker threads builds its engine from files: give `files`, not `engine`');
  const { engine, lists, files } = engineOf(options);
  const ctx = await loadContext(register, asOf, engine);
  // The total is for progress only: counting a large register is a scan of its own.
  const counted = options.onProgress
    ? await register.db.query<{ total: number }>(
        'select count(distinct transaction_id)::integer as total from register_assessments',
      )
    : [];
  const total = counted[0]?.total ?? 0;
  const report: MonitorReport = {
    asOf,
    checked: 0,
    reassessed: 0,
    changes: [],
    attention: [],
    errors: [],
    worse: false,
  };
  // Writing to PGlite holds this thread for a while: each worker keeps its share of the chunks in flight queued.
  const pool = workers > 0 ? assessmentPool(workers, IN_FLIGHT_PER_WORKER) : undefined;
  const run = (jobs: ReassessJob[]): Promise<ReassessResult> =>
    pool
      ? (pool.run({ files: files!, asOf, jobs } satisfies ReassessTask, {
          name: 'reassess',
        }) as Promise<ReassessResult>)
      : Promise.resolve().then(() => reassessJobs(engine, lists, jobs, asOf));
  const maxInFlight = pool ? workers * IN_FLIGHT_PER_WORKER : 1;
  const inFlight: { candidates: Candidate[]; seen: number; result: Promise<ReassessResult> }[] = [];

  let prepared: PreparedEntry[] = [];
  let personal: PersonalValue[] = [];
  const flush = async () => {
    const entries = prepared;
    const values = personal;
    prepared = [];
    personal = [];
    if (entries.length > 0) await register.db.transaction((sql) => appendPrepared(sql, entries, values));
    report.reassessed += entries.length;
  };

  const drainOne = async () => {
    const { candidates, seen, result } = inFlight.shift()!;
    const done = await result;
    personal.push(...done.personal);
    const { outcomes } = done;
    outcomes.forEach((outcome, k) => {
      const c = candidates[k]!;
      const transactionId = c.latest.transaction_id;
      if ('error' in outcome) {
        report.errors.push({ transactionId, message: outcome.error });
        return;
      }
      const { reasons, decision: to } = outcome;
      const from = c.latest.decision;
      if (from !== to) {
        report.changes.push({ transactionId, from, to, reasons });
        if (decisionRank(to) > decisionRank(from)) report.worse = true;
      } else if (c.mentionsReport || outcome.unasked) report.attention.push({ transactionId, decision: to, reasons });
      prepared.push(outcome.entry);
    });
    if (prepared.length >= WRITE) await flush();
    options.onProgress?.(seen, total);
  };

  let seen = 0;
  let pending: Candidate[] = [];
  const submit = async () => {
    const candidates = pending;
    pending = [];
    const inputs = await register.withPersonal(candidates.map((c) => c.latest.input!));
    const jobs = candidates.map((c, i) => ({
      input: inputs[i]!,
      fired: c.latest.fired!,
      reasons: c.reasons,
      assurances: c.assurances,
      misuseReports: c.misuseReports,
    }));
    const result = run(jobs);
    result.catch(() => {}); // observed when drained, in order
    inFlight.push({ candidates, seen, result });
    while (inFlight.length >= maxInFlight) await drainOne();
  };
  options.onProgress?.(0, total);
  try {
    for await (const page of latestAssessments(register, true)) {
      for (const { latest, parties } of page) {
        seen++;
        const c = examine(latest, parties, ctx);
        if (c && 'inactive' in c) continue;
        report.checked++;
        if (c) pending.push(c);
        if (pending.length >= CHUNK) await submit();
      }
    }
    if (pending.length > 0) await submit();
    while (inFlight.length > 0) await drainOne();
    await flush();
  } finally {
    // A chunk still running when the run fails is let finish before its pool goes.
    await Promise.allSettled(inFlight.map((chunk) => chunk.result));
    await pool?.destroy();
  }
  options.onProgress?.(total, total);
  report.changes.sort((a, b) => (a.transactionId < b.transactionId ? -1 : a.transactionId > b.transactionId ? 1 : 0));
  return report;
}
