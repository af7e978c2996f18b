import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type AssessmentRecord, AssessmentRecordSchema, type LogEntry } from '../../audit/index.js';
import { HrddError } from '../../errors.js';
import { IsoDateSchema, parseTransaction, parseWith } from '../../model/index.js';
import { buildScreeningIndex, DEFAULT_SCREENING_THRESHOLD, type ListEntry } from '../../screening/index.js';
import { appendEntries, type RegisterVerifyResult, verifyChain } from './chain.js';
import { type Db, defaultDbLocation, isServerUrl, openDb, type Sql } from './db.js';
import { migrate } from './migrations.js';
import { type Attention, type MonitorOptions, type MonitorReport, needsAttention, runMonitor } from './monitor.js';
import { ERASED, hydrateText, Pseudonymiser, pseudonymiseRecord, refsIn } from './personal.js';
import {
  type AssessmentRecordLike,
  type AssuranceInput,
  AssuranceInputSchema,
  type ChainRecord,
  type LeverageInput,
  LeverageInputSchema,
  type MisuseReportInput,
  MisuseReportInputSchema,
  type PartyMatch,
  parseInput,
  type RemediationInput,
  RemediationInputSchema,
  type ReviewInput,
  ReviewInputSchema,
} from './records.js';
import { type TransparencyReport, transparencyReport } from './transparency.js';

/** Retention of personal data by default: five years after a party's last assessment (EU 2021/821 Art. 27). */
export const DEFAULT_RETENTION_DAYS = 5 * 366;

export interface OpenRegisterOptions {
  /** A PGlite directory, `memory://`, a `postgres://` URL, or an open `Db`. Default: `HRDD_DB` or `./hrdd-register`. */
  db?: string | Db;
  /** Create the register when it holds no chain yet (what `hrdd register init` does). Default: false. */
  create?: boolean;
  /** Days personal data is kept after a party's last assessment (set when the register is created). */
  retentionDays?: number;
}

/** One entry written: its place in the chain and its hash. */
export interface Written {
  seq: number;
  hash: string;
}

export interface AddResult {
  added: number;
  skipped: { line: number; reason: string }[];
  head: string;
}

export interface TransactionView {
  transactionId: string;
  active: boolean;
  assessments: {
    seq: number;
    asOf: string;
    decision: string;
    band: string;
    reviewBy: string | null;
    source: string;
  }[];
  /** The latest assessment record, with personal data put back (or `[erased]`). */
  latest: AssessmentRecord;
  parties: { partyId: string; role: string; type: string; country: string; name: string }[];
  assurances: (AssuranceInput & { seq: number })[];
  reviews: (ReviewInput & { seq: number })[];
  reports: {
    seq: number;
    reportId: string;
    kind: string;
    source: string;
    date: string;
    credibility: string;
    summary: string;
    partyId: string;
    match: PartyMatch;
  }[];
  leverage: (LeverageInput & { seq: number })[];
  remediation: (RemediationInput & { seq: number })[];
}

const CHUNK = 1000;

const noRegister = (where: string) =>
  new HrddError(`no register at ${where}: run \`hrdd register init\` (or openRegister({ create: true })) first`, [
    { path: 'db', message: 'no register here yet' },
  ]);
const written = (e: LogEntry): Written => ({ seq: e.seq, hash: e.hash });

/** The ongoing due-diligence register (DESIGN.md "Ongoing due diligence: the register"). */
export class Register {
  private constructor(
    /** The database, for callers that need SQL of their own (reports, dashboards). */
    readonly db: Db,
    private readonly owned: boolean,
  ) {}

  /** @internal use `openRegister`. */
  static async open(options: OpenRegisterOptions = {}): Promise<Register> {
    const spec = options.db ?? defaultDbLocation();
    if (typeof spec === 'string' && !options.create && !isServerUrl(spec) && spec !== 'memory://')
      if (!existsSync(join(spec, 'PG_VERSION'))) throw noRegister(spec);
    const db = typeof spec === 'string' ? await openDb(spec) : spec;
    const register = new Register(db, typeof spec === 'string');
    try {
      await migrate(db);
      const settings = await db.query('select 1 from register_settings limit 1');
      if (settings.length === 0) {
        if (!options.create) throw noRegister(db.location);
        const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
        if (!Number.isInteger(retentionDays) || retentionDays < 1)
          throw new HrddError('Invalid retentionDays', [{ path: 'retentionDays', message: 'expected whole days ≥ 1' }]);
        await register.write([{ kind: 'settings', retentionDays }]);
      }
    } catch (error) {
      if (register.owned) await db.close();
      throw error;
    }
    return register;
  }

  /** Appends records as one database transaction; the chain and projections change together or not at all. */
  private async write(records: ChainRecord[], personal: Pseudonymiser = new Pseudonymiser()): Promise<LogEntry[]> {
    return this.db.transaction((sql) => appendEntries(sql, records, personal.values));
  }

  async settings(): Promise<{ retentionDays: number }> {
    const rows = await this.db.query<{ retention_days: number }>(
      'select retention_days from register_settings order by seq desc limit 1',
    );
    return { retentionDays: rows[0]!.retention_days };
  }

  /** The hash of the chain's last entry: store it elsewhere to catch truncation (`verify({ head })`). */
  async head(): Promise<string> {
    const rows = await this.db.query<{ hash: string }>('select hash from register_entries order by seq desc limit 1');
    return rows[0]!.hash;
  }

  /**
   * Adds assessment records (the output of `hrdd assess --format json`, `hrdd batch`, or entries of a decision
   * log). Each is validated; its transaction must parse. Invalid ones are reported, not added.
   */
  async addAssessments(records: readonly unknown[]): Promise<AddResult> {
    const skipped: AddResult['skipped'] = [];
    const valid: { record: AssessmentRecord; line: number }[] = [];
    records.forEach((raw, i) => {
      let value = raw;
      if (value && typeof value === 'object' && 'record' in value && 'hash' in value)
        value = (value as { record: unknown }).record;
      if (value && typeof value === 'object' && 'error' in value && 'line' in value) {
        skipped.push({ line: i + 1, reason: 'an error line of a batch, not an assessment' });
        return;
      }
      if (value && typeof value === 'object' && (value as { kind?: unknown }).kind === 'review') {
        skipped.push({ line: i + 1, reason: 'a review entry of a decision log (record reviews with addReview)' });
        return;
      }
      try {
        const record = parseWith(AssessmentRecordSchema, value, 'assessment record');
        parseTransaction(record.input.transaction);
        valid.push({ record, line: i + 1 });
      } catch (error) {
        if (!(error instanceof HrddError)) throw error;
        const first = error.issues[0];
        skipped.push({ line: i + 1, reason: first ? `${first.path}: ${first.message}` : error.message });
      }
    });
    let last: LogEntry | undefined;
    for (let i = 0; i < valid.length; i += CHUNK) {
      const personal = new Pseudonymiser();
      const chunk = valid.slice(i, i + CHUNK).map(
        ({ record }): ChainRecord => ({
          kind: 'assessment',
          source: 'add',
          record: pseudonymiseRecord(record as unknown as AssessmentRecordLike, personal),
        }),
      );
      last = (await this.write(chunk, personal)).at(-1);
    }
    return { added: valid.length, skipped, head: last?.hash ?? (await this.head()) };
  }

  async addAssurance(input: AssuranceInput): Promise<Written> {
    const a = parseInput(AssuranceInputSchema, input, 'assurance');
    await this.requireParty(a.partyId, a.transactionId);
    const [entry] = await this.write([{ kind: 'assurance', ...a }]);
    return written(entry!);
  }

  /** A review with sign-off: the approver must differ from the preparer (four eyes). */
  async addReview(input: ReviewInput): Promise<Written> {
    const r = parseInput(ReviewInputSchema, input, 'review');
    await this.requireTransaction(r.transactionId);
    const [entry] = await this.write([{ kind: 'review', ...r }]);
    return written(entry!);
  }

  /**
   * Records a misuse report or grievance. `party` is a party id in the register, or a name matched against every
   * party's name and aliases by the screening matcher; each party concerned is kept with how it was matched.
   */
  async addMisuseReport(input: MisuseReportInput): Promise<Written & { reportId: string; parties: PartyMatch[] }> {
    const r = parseInput(MisuseReportInputSchema, input, 'misuse report');
    const parties = await this.matchParty(r.party, r.threshold);
    if (parties.length === 0)
      throw new HrddError(`no party in the register matches "${r.party}"`, [
        { path: 'party', message: 'give a party id of the register, or a name close to a party name or alias' },
      ]);
    const reportId = `MR-${randomBytes(6).toString('hex')}`;
    const personal = new Pseudonymiser();
    const [entry] = await this.write(
      [
        {
          kind: 'report',
          reportId,
          reportKind: r.kind,
          source: r.source,
          date: r.date,
          credibility: r.credibility,
          summary: personal.token(`report:${reportId}`, r.summary),
          parties,
        },
      ],
      personal,
    );
    return { ...written(entry!), reportId, parties };
  }

  async addLeverage(input: LeverageInput): Promise<Written> {
    const l = parseInput(LeverageInputSchema, input, 'leverage action');
    if (l.transactionId) await this.requireTransaction(l.transactionId);
    if (l.partyId) await this.requireParty(l.partyId);
    const [entry] = await this.write([{ kind: 'leverage', ...l }]);
    return written(entry!);
  }

  async addRemediation(input: RemediationInput): Promise<Written> {
    const r = parseInput(RemediationInputSchema, input, 'remediation');
    if (r.transactionId) await this.requireTransaction(r.transactionId);
    if (r.reportSeq !== undefined) {
      const rows = await this.db.query('select 1 from register_reports where seq = $1', [r.reportSeq]);
      if (rows.length === 0)
        throw new HrddError('Invalid remediation', [
          { path: 'reportSeq', message: `no report at entry ${r.reportSeq}` },
        ]);
    }
    const [entry] = await this.write([{ kind: 'remediation', ...r }]);
    return written(entry!);
  }

  private async requireTransaction(id: string): Promise<void> {
    const rows = await this.db.query('select 1 from register_assessments where transaction_id = $1 limit 1', [id]);
    if (rows.length === 0)
      throw new HrddError(`no transaction ${id} in the register`, [
        { path: 'transactionId', message: 'add its assessment first' },
      ]);
  }

  private async requireParty(partyId: string, transactionId?: string): Promise<void> {
    const rows = await this.db.query(
      `select 1 from register_parties where party_id = $1${transactionId ? ' and transaction_id = $2' : ''} limit 1`,
      transactionId ? [partyId, transactionId] : [partyId],
    );
    if (rows.length === 0)
      throw new HrddError(`no party ${partyId}${transactionId ? ` in transaction ${transactionId}` : ''}`, [
        { path: 'partyId', message: 'the party must appear in an assessed transaction of the register' },
      ]);
  }

  /** The register's parties (latest name, aliases and country of each id), for matching by name. */
  private async partyIdentities(): Promise<ListEntry[]> {
    const rows = await this.db.query<{
      party_id: string;
      name: string;
      aliases: string;
      country: string;
      type: string;
    }>(
      `select distinct on (party_id) party_id, name, aliases, country, type
         from register_parties order by party_id, seq desc`,
    );
    const lookup = await this.personalLookup(rows.flatMap((r) => refsIn(r.name + r.aliases)));
    return rows.map((r) => ({
      id: r.party_id,
      source: 'register',
      name: hydrateText(JSON.stringify(r.name), lookup).slice(1, -1),
      altNames: JSON.parse(hydrateText(r.aliases, lookup)) as string[],
      type: r.type,
      countries: [r.country],
      programs: [],
    }));
  }

  private async matchParty(query: string, threshold?: number): Promise<PartyMatch[]> {
    const byId = await this.db.query('select 1 from register_parties where party_id = $1 limit 1', [query]);
    if (byId.length > 0) return [{ by: 'id', partyId: query }];
    const entries = (await this.partyIdentities()).filter((e) => e.name !== ERASED);
    const index = buildScreeningIndex(entries);
    const seen = new Set<string>();
    const matches: PartyMatch[] = [];
    for (const hit of index.screen(query, { threshold: threshold ?? DEFAULT_SCREENING_THRESHOLD })) {
      if (seen.has(hit.entry.id)) continue;
      seen.add(hit.entry.id);
      matches.push({
        by: 'name',
        partyId: hit.entry.id,
        query,
        matchedName: hit.matchedName,
        score: Math.round(hit.score * 1000) / 1000,
        explanation: hit.explanation.text,
      });
    }
    return matches;
  }

  /** @internal personal values by ref (erased ones absent). */
  async personalLookup(refs: readonly string[], sql: Sql = this.db): Promise<Map<string, string>> {
    const lookup = new Map<string, string>();
    if (refs.length === 0) return lookup;
    const rows = await sql.query<{ ref: string; value: string }>(
      'select ref, value from register_personal where ref = any($1::text[])',
      [[...new Set(refs)]],
    );
    for (const r of rows) lookup.set(r.ref, r.value);
    return lookup;
  }

  /** @internal JSON texts as stored, with personal data put back. */
  async withPersonal(texts: readonly string[], sql: Sql = this.db): Promise<string[]> {
    const personal = (text: string) => text.includes('⟦personal:');
    const lookup = await this.personalLookup(
      texts.flatMap((t) => (personal(t) ? refsIn(t) : [])),
      sql,
    );
    return texts.map((t) => (personal(t) ? hydrateText(t, lookup) : t));
  }

  /** @internal chain records by seq, as JSON texts with personal data put back. */
  async recordTexts(seqs: readonly number[], sql: Sql = this.db): Promise<Map<number, string>> {
    const rows = await sql.query<{ seq: number; record: string }>(
      'select seq, record from register_entries where seq = any($1::integer[])',
      [seqs],
    );
    const texts = await this.withPersonal(
      rows.map((r) => r.record),
      sql,
    );
    return new Map(rows.map((r, i) => [r.seq, texts[i]!]));
  }

  /** @internal chain records by seq, personal data put back. */
  async records(seqs: readonly number[], sql: Sql = this.db): Promise<Map<number, ChainRecord>> {
    const texts = await this.recordTexts(seqs, sql);
    return new Map([...texts].map(([seq, text]) => [seq, JSON.parse(text) as ChainRecord]));
  }

  /** Everything the register holds about one transaction. */
  async show(transactionId: string, options: { asOf?: string } = {}): Promise<TransactionView> {
    await this.requireTransaction(transactionId);
    const assessments = await this.db.query<{
      seq: number;
      as_of: string;
      decision: string;
      band: string;
      review_by: string | null;
      source: string;
    }>(
      'select seq, as_of, decision, band, review_by, source from register_assessments where transaction_id = $1 order by seq',
      [transactionId],
    );
    const latestSeq = assessments.at(-1)!.seq;
    const latest = (await this.records([latestSeq])).get(latestSeq) as Extract<ChainRecord, { kind: 'assessment' }>;
    const partyRows = await this.db.query<{ party_id: string; role: string; type: string; country: string }>(
      'select party_id, role, type, country from register_parties where seq = $1 order by idx',
      [latestSeq],
    );
    const txParties = (latest.record.input.transaction as Record<string, unknown>) ?? {};
    const names = new Map<string, string>();
    for (const key of ['exporter', 'consignee', 'endUsers', 'intermediaries']) {
      const v = txParties[key];
      for (const p of (Array.isArray(v) ? v : v ? [v] : []) as { id: string; name: string }[]) names.set(p.id, p.name);
    }
    const partyIds = partyRows.map((p) => p.party_id);
    const idsParam = [partyIds];
    const forTx = 'transaction_id = $2 or (transaction_id is null and party_id = any($1::text[]))';
    const seqsOf = async (table: string, where: string, params: unknown[]) =>
      (await this.db.query<{ seq: number }>(`select seq from ${table} where ${where} order by seq`, params)).map(
        (r) => r.seq,
      );
    const assuranceSeqs = await seqsOf('register_assurances', forTx, [...idsParam, transactionId]);
    const reviewSeqs = await seqsOf('register_reviews', 'transaction_id = $1', [transactionId]);
    const leverageSeqs = await seqsOf('register_leverage', forTx, [...idsParam, transactionId]);
    const remediationSeqs = await seqsOf(
      'register_remediation',
      'transaction_id = $1 or report_seq in (select seq from register_report_parties where party_id = any($2::text[]))',
      [transactionId, partyIds],
    );
    const reportRows = await this.db.query<{ seq: number; party_id: string }>(
      'select seq, party_id from register_report_parties where party_id = any($1::text[]) order by seq, idx',
      [partyIds],
    );
    const all = await this.records([
      ...assuranceSeqs,
      ...reviewSeqs,
      ...leverageSeqs,
      ...remediationSeqs,
      ...reportRows.map((r) => r.seq),
    ]);
    const strip = <T extends { kind: string }>(seq: number) => {
      const { kind: _kind, ...rest } = all.get(seq) as unknown as T;
      return { seq, ...rest };
    };
    const leverage = leverageSeqs.map((s) => strip<Extract<ChainRecord, { kind: 'leverage' }>>(s));
    const asOf = options.asOf;
    const active = !leverage.some((l) => l.action === 'terminate' && (asOf === undefined || l.date <= asOf));
    return {
      transactionId,
      active,
      assessments: assessments.map((a) => ({
        seq: a.seq,
        asOf: a.as_of,
        decision: a.decision,
        band: a.band,
        reviewBy: a.review_by,
        source: a.source,
      })),
      latest: latest.record as unknown as AssessmentRecord,
      parties: partyRows.map((p) => ({
        partyId: p.party_id,
        role: p.role,
        type: p.type,
        country: p.country,
        name: names.get(p.party_id) ?? '',
      })),
      assurances: assuranceSeqs.map((s) => strip<Extract<ChainRecord, { kind: 'assurance' }>>(s)),
      reviews: reviewSeqs.map((s) => strip<Extract<ChainRecord, { kind: 'review' }>>(s)),
      reports: reportRows.map((r) => {
        const rec = all.get(r.seq) as Extract<ChainRecord, { kind: 'report' }>;
        return {
          seq: r.seq,
          reportId: rec.reportId,
          kind: rec.reportKind,
          source: rec.source,
          date: rec.date,
          credibility: rec.credibility,
          summary: rec.summary,
          partyId: r.party_id,
          match: rec.parties.find((p) => p.partyId === r.party_id)!,
        };
      }),
      leverage,
      remediation: remediationSeqs.map((s) => strip<Extract<ChainRecord, { kind: 'remediation' }>>(s)),
    };
  }

  /** Re-assesses every active transaction whose facts may have changed, stores the new assessments, reports changes. */
  monitor(options: MonitorOptions): Promise<MonitorReport> {
    return runMonitor(this, options);
  }

  /** What `monitor` would re-assess, and why, without re-assessing (a morning's work list). */
  needsAttention(options: Pick<MonitorOptions, 'asOf' | 'engine' | 'lists' | 'files'>): Promise<Attention[]> {
    return needsAttention(this, options);
  }

  /** UNGP 21: counts for public reporting, no personal data. */
  transparency(year: number): Promise<TransparencyReport> {
    return transparencyReport(this.db, year);
  }

  /** Checks the chain, every projection row and the personal-data store (see `verifyChain`). */
  verify(options: { head?: string } = {}): Promise<RegisterVerifyResult> {
    return verifyChain(this.db, options);
  }

  /**
   * Erases personal data of a subject (`party:<id>` or `report:<reportId>`; a bare party id is taken as
   * `party:<id>`) on request. The erasure is itself an entry of the chain, which still verifies.
   */
  async erase(subject: string, options: { date: string; reason?: string }): Promise<{ erased: number } & Written> {
    const date = parseWith(IsoDateSchema, options.date, 'date');
    const s = subject.includes(':') ? subject : `party:${subject}`;
    return this.db.transaction(async (sql) => {
      const rows = await sql.query<{ ref: string }>('select ref from register_personal where subject = $1', [s]);
      const [entry] = await appendEntries(sql, [
        {
          kind: 'erasure',
          subject: s,
          date,
          refs: rows.map((r) => r.ref),
          ...(options.reason ? { reason: options.reason } : {}),
        },
      ]);
      await sql.query('delete from register_personal where subject = $1', [s]);
      return { erased: rows.length, ...written(entry!) };
    });
  }

  /** Erases personal data kept past the retention period: parties not assessed, reports not dated, since then. */
  async purgeExpired(asOf: string): Promise<{ subjects: string[] }> {
    const date = parseWith(IsoDateSchema, asOf, 'asOf');
    const { retentionDays } = await this.settings();
    const cutoff = new Date(Date.parse(`${date}T00:00:00Z`) - retentionDays * 86_400_000).toISOString().slice(0, 10);
    const rows = await this.db.query<{ subject: string }>(
      `select distinct p.subject from register_personal p
        where (p.subject like 'party:%' and not exists (
                 select 1 from register_parties rp join register_assessments a on a.seq = rp.seq
                  where 'party:' || rp.party_id = p.subject and a.as_of >= $1))
           or (p.subject like 'report:%' and not exists (
                 select 1 from register_reports r where 'report:' || r.report_id = p.subject and r.date >= $1))
        order by p.subject`,
      [cutoff],
    );
    for (const r of rows) await this.erase(r.subject, { date, reason: 'retention period ended' });
    return { subjects: rows.map((r) => r.subject) };
  }

  async close(): Promise<void> {
    if (this.owned) await this.db.close();
  }
}

/** Opens (and migrates) a register; see `OpenRegisterOptions`. Close it when done. */
export function openRegister(options: OpenRegisterOptions = {}): Promise<Register> {
  return Register.open(options);
}
