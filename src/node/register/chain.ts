import { createHash } from 'node:crypto';
import { entryHash, GENESIS_HASH, type LogEntry } from '../../audit/index.js';
import { canonicalJson, canonicalText } from '../../digest/index.js';
import { type Cell, REGISTER_LOCK, type Sql } from './db.js';
import { type PersonalValue, personalRef, refsIn } from './personal.js';
import type { AssessmentRecordLike, ChainRecord } from './records.js';

type ColumnType = 'text' | 'integer';

/** The projection tables: rows derived from chain entries only, so `verify` can re-derive and compare them. */
export const TABLES = {
  register_settings: { retention_days: 'integer' },
  register_assessments: {
    transaction_id: 'text',
    as_of: 'text',
    decision: 'text',
    score: 'integer',
    band: 'text',
    review_by: 'text',
    destination: 'text',
    ruleset_hash: 'text',
    questionnaire_hash: 'text',
    data_hashes: 'text',
    red_flags: 'text',
    top_rules: 'text',
    source: 'text',
    input: 'text',
    fired: 'text',
  },
  register_parties: {
    idx: 'integer',
    transaction_id: 'text',
    party_id: 'text',
    role: 'text',
    type: 'text',
    country: 'text',
    name: 'text',
    aliases: 'text',
  },
  register_assurances: {
    transaction_id: 'text',
    party_id: 'text',
    type: 'text',
    reference: 'text',
    valid_from: 'text',
    valid_until: 'text',
    recorded_by: 'text',
  },
  register_reviews: {
    transaction_id: 'text',
    assessment_seq: 'integer',
    decision: 'text',
    preparer: 'text',
    approver: 'text',
    justification: 'text',
    date: 'text',
  },
  register_reports: {
    report_id: 'text',
    kind: 'text',
    source: 'text',
    date: 'text',
    credibility: 'text',
    summary: 'text',
  },
  register_report_parties: { idx: 'integer', party_id: 'text', matched_by: 'text', match: 'text' },
  register_leverage: { transaction_id: 'text', party_id: 'text', action: 'text', date: 'text', note: 'text' },
  register_remediation: {
    transaction_id: 'text',
    report_seq: 'integer',
    date: 'text',
    status: 'text',
    description: 'text',
  },
  register_erasures: { subject: 'text', date: 'text', refs: 'text' },
} as const satisfies Record<string, Record<string, ColumnType>>;

export type TableName = keyof typeof TABLES;
export interface ProjectedRow {
  table: TableName;
  row: Record<string, Cell>;
}

const n = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** Appends `value` to the list at `key`, creating the list. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface PartyLike {
  id: string;
  name: string;
  type: string;
  country: string;
  aliases?: string[];
}

/** The parties of a transaction with their roles, in a fixed order. */
export function partiesWithRoles(transaction: unknown): { party: PartyLike; role: string }[] {
  const t = transaction as Record<string, unknown>;
  const out: { party: PartyLike; role: string }[] = [];
  if (t.exporter) out.push({ party: t.exporter as PartyLike, role: 'exporter' });
  if (t.consignee) out.push({ party: t.consignee as PartyLike, role: 'consignee' });
  for (const p of (t.endUsers as PartyLike[] | undefined) ?? []) out.push({ party: p, role: 'end-user' });
  for (const p of (t.intermediaries as PartyLike[] | undefined) ?? []) out.push({ party: p, role: 'intermediary' });
  return out;
}

/** The rules a record's findings name, in order, each with its red flags (the `fired` column is their JSON). */
export function firedRules(r: Pick<AssessmentRecordLike, 'findings'>): [string, string[]][] {
  return r.findings.map((f) => [f.ruleId, f.refs.filter((ref) => ref.startsWith('RF-'))]);
}

function assessmentRows(seq: number, source: string, r: AssessmentRecordLike): ProjectedRow[] {
  const flags = new Set<string>();
  for (const f of r.findings) for (const ref of f.refs) if (ref.startsWith('RF-')) flags.add(ref);
  const tx = r.input.transaction as { destination?: string };
  const rows: ProjectedRow[] = [
    {
      table: 'register_assessments',
      row: {
        seq,
        transaction_id: r.transactionId,
        as_of: r.asOf,
        decision: r.decision,
        score: r.score.value,
        band: r.score.band,
        review_by: n(r.reviewBy),
        destination: tx.destination ?? '',
        ruleset_hash: r.provenance.ruleset.hash,
        questionnaire_hash: n(r.provenance.questionnaire?.hash),
        data_hashes: JSON.stringify(r.provenance.data.map((d) => [d.id, d.hash])),
        red_flags: [...flags].sort().join(' '),
        top_rules: JSON.stringify(r.findings.slice(0, 3).map((f) => [f.ruleId, f.title])),
        source,
        input: canonicalText(r.input),
        fired: JSON.stringify(firedRules(r)),
      },
    },
  ];
  partiesWithRoles(r.input.transaction).forEach(({ party, role }, idx) => {
    rows.push({
      table: 'register_parties',
      row: {
        seq,
        idx,
        transaction_id: r.transactionId,
        party_id: party.id,
        role,
        type: party.type,
        country: party.country,
        name: party.name,
        aliases: JSON.stringify(party.aliases ?? []),
      },
    });
  });
  return rows;
}

/** The projection rows one chain entry stands for. */
export function project(seq: number, rec: ChainRecord): ProjectedRow[] {
  switch (rec.kind) {
    case 'settings':
      return [{ table: 'register_settings', row: { seq, retention_days: rec.retentionDays } }];
    case 'assessment':
      return assessmentRows(seq, rec.source, rec.record);
    case 'assurance':
      return [
        {
          table: 'register_assurances',
          row: {
            seq,
            transaction_id: n(rec.transactionId),
            party_id: rec.partyId,
            type: rec.type,
            reference: rec.reference,
            valid_from: rec.validFrom,
            valid_until: n(rec.validUntil),
            recorded_by: n(rec.recordedBy),
          },
        },
      ];
    case 'review':
      return [
        {
          table: 'register_reviews',
          row: {
            seq,
            transaction_id: rec.transactionId,
            assessment_seq: null,
            decision: rec.decision,
            preparer: rec.preparer,
            approver: rec.approver,
            justification: rec.justification,
            date: rec.date,
          },
        },
      ];
    case 'report':
      return [
        {
          table: 'register_reports',
          row: {
            seq,
            report_id: rec.reportId,
            kind: rec.reportKind,
            source: rec.source,
            date: rec.date,
            credibility: rec.credibility,
            summary: rec.summary,
          },
        },
        ...rec.parties.map((m, idx) => ({
          table: 'register_report_parties' as const,
          row: { seq, idx, party_id: m.partyId, matched_by: m.by, match: canonicalJson(m) },
        })),
      ];
    case 'leverage':
      return [
        {
          table: 'register_leverage',
          row: {
            seq,
            transaction_id: n(rec.transactionId),
            party_id: n(rec.partyId),
            action: rec.action,
            date: rec.date,
            note: n(rec.note),
          },
        },
      ];
    case 'remediation':
      return [
        {
          table: 'register_remediation',
          row: {
            seq,
            transaction_id: n(rec.transactionId),
            report_seq: n(rec.reportSeq),
            date: rec.date,
            status: rec.status,
            description: rec.description,
          },
        },
      ];
    case 'erasure':
      return [
        {
          table: 'register_erasures',
          row: { seq, subject: rec.subject, date: rec.date, refs: JSON.stringify(rec.refs) },
        },
      ];
  }
}

/** Inserts rows of one table in one statement (`unnest` of one array per column). */
async function insertRows(sql: Sql, table: TableName, rows: Record<string, Cell>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = ['seq', ...Object.keys(TABLES[table])];
  const types = columns.map((c) => (c === 'seq' ? 'integer' : (TABLES[table] as Record<string, ColumnType>)[c]!));
  if (sql.copy)
    return sql.copy(
      table,
      columns,
      rows.map((r) => columns.map((c) => r[c] ?? null)),
    );
  const arrays = columns.map((c) => rows.map((r) => r[c] ?? null));
  await sql.query(
    `insert into ${table} (${columns.join(', ')}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
    arrays,
  );
}

/**
 * A chain record ready to append: its canonical text and projection rows (seq 0 until it has its place). The text
 * may come as UTF-8 bytes (from a worker thread): hashed and stored as they are, never decoded on this thread.
 */
export interface PreparedEntry {
  kind: ChainRecord['kind'];
  text: string | Uint8Array;
  rows: ProjectedRow[];
}

/** Renders a record for the chain; pure, so it can run on a worker thread. */
export function prepare(record: ChainRecord): PreparedEntry {
  return { kind: record.kind, text: canonicalText(record), rows: project(0, record) };
}

/**
 * The entry after `previous` whose record has the canonical text `text` — `entryHash`'s value, hashed natively
 * from that text (the keys of `{ prevHash, record, seq }` are already in canonical order).
 */
function entryAfter(previous: Pick<LogEntry, 'seq' | 'hash'> | undefined, text: string | Uint8Array) {
  const seq = previous ? previous.seq + 1 : 1;
  const prevHash = previous ? previous.hash : GENESIS_HASH;
  const digest = createHash('sha256')
    .update(`{"prevHash":${JSON.stringify(prevHash)},"record":`)
    .update(text)
    .update(`,"seq":${seq}}`);
  return { seq, prevHash, hash: `sha256:${digest.digest('hex')}` };
}

/** The entry after `previous` with `record`, and the canonical text the chain stores. */
export function chainEntry(
  previous: Pick<LogEntry, 'seq' | 'hash'> | undefined,
  record: unknown,
): LogEntry & { text: string } {
  const text = canonicalJson(record);
  return { ...entryAfter(previous, text), record, text };
}

const decoder = new TextDecoder();
const textOf = (text: string | Uint8Array): string => (typeof text === 'string' ? text : decoder.decode(text));

/** The current head of the chain, read under the writers' lock. */
async function head(sql: Sql): Promise<Pick<LogEntry, 'seq' | 'hash'> | undefined> {
  const rows = await sql.query<{ seq: number; hash: string }>(
    'select seq, hash from register_entries order by seq desc limit 1',
  );
  return rows[0];
}

/**
 * Appends records to the chain and their rows to the projections, inside the caller's transaction and under the
 * advisory lock, so two writers (two reviewers, two processes) never fork the chain. Returns the entries written.
 */
export async function appendEntries(
  sql: Sql,
  records: readonly ChainRecord[],
  personal: readonly PersonalValue[] = [],
): Promise<LogEntry[]> {
  const entries = await appendPrepared(sql, records.map(prepare), personal);
  return entries.map((e, i) => ({ ...e, record: records[i] }));
}

/** `appendEntries` for records already prepared (on a worker thread): each gets its seq and hash in order here. */
export async function appendPrepared(
  sql: Sql,
  prepared: readonly PreparedEntry[],
  personal: readonly PersonalValue[] = [],
): Promise<Omit<LogEntry, 'record'>[]> {
  await sql.query('select pg_advisory_xact_lock($1)', [REGISTER_LOCK]);
  let previous = await head(sql);
  const entries: Omit<LogEntry, 'record'>[] = [];
  const byTable = new Map<TableName, Record<string, Cell>[]>();
  for (const p of prepared) {
    const entry = entryAfter(previous, p.text);
    entries.push(entry);
    previous = entry;
    for (const { table, row } of p.rows) pushTo(byTable, table, { ...row, seq: entry.seq });
  }
  const entryRows = entries.map((e, i) => [e.seq, e.prevHash, e.hash, prepared[i]!.kind, prepared[i]!.text]);
  if (sql.copy) await sql.copy('register_entries', ['seq', 'prev_hash', 'hash', 'kind', 'record'], entryRows);
  else
    await sql.query(
      'insert into register_entries (seq, prev_hash, hash, kind, record) select * from unnest($1::integer[], $2::text[], $3::text[], $4::text[], $5::text[])',
      [0, 1, 2, 3, 4].map((c) => entryRows.map((r) => (c === 4 ? textOf(r[c] as string | Uint8Array) : r[c]))),
    );
  for (const [table, rows] of byTable) await insertRows(sql, table, rows);
  if (personal.length > 0)
    await sql.query(
      'insert into register_personal (ref, subject, salt, value) select * from unnest($1::text[], $2::text[], $3::text[], $4::text[]) on conflict (ref) do nothing',
      [
        personal.map((p) => p.ref),
        personal.map((p) => p.subject),
        personal.map((p) => p.salt),
        personal.map((p) => p.value),
      ],
    );
  return entries;
}

export interface RegisterVerifyResult {
  ok: boolean;
  entries: number;
  head: string;
  /** What does not hold, first problem first; empty when `ok`. */
  problems: string[];
}

const PAGE = 5000;

function cellText(v: unknown): string {
  return v === null || v === undefined ? 'null' : typeof v === 'number' ? String(v) : JSON.stringify(String(v));
}

function rowText(table: TableName, row: Record<string, unknown>): string {
  const columns = ['seq', ...Object.keys(TABLES[table])];
  return columns.map((c) => `${c}=${cellText(row[c])}`).join(', ');
}

/** The columns whose values differ, `column: stored ≠ chain`; empty when the row is as the chain says. */
function rowDiff(table: TableName, got: Record<string, unknown>, want: Record<string, Cell>): string {
  const columns = ['seq', ...Object.keys(TABLES[table])];
  return columns
    .filter((c) => cellText(got[c]) !== cellText(want[c]))
    .map((c) => `${c}: ${cellText(got[c])} ≠ ${cellText(want[c])}`)
    .join(', ');
}

/**
 * Checks the chain (seq, prevHash, hash of every entry), then that every projection row is exactly what its entry
 * says — no row altered, added or removed behind the tool's back — and that personal data is intact or erased by
 * a recorded erasure. Truncation of the chain's end shows only against a head kept elsewhere (`head`).
 */
export async function verifyChain(sql: Sql, options: { head?: string; maxProblems?: number } = {}) {
  const problems: string[] = [];
  const max = options.maxProblems ?? 20;
  const expected = new Map<TableName, Record<string, Cell>[]>();
  const refs = new Set<string>();
  const erased = new Set<string>();
  let previous: Pick<LogEntry, 'seq' | 'hash'> | undefined;
  let count = 0;
  let chainOk = true;
  for (let after = 0; chainOk; ) {
    const rows = await sql.query<{ seq: number; prev_hash: string; hash: string; kind: string; record: string }>(
      'select seq, prev_hash, hash, kind, record from register_entries where seq > $1 order by seq limit $2',
      [after, PAGE],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const expectedSeq = previous ? previous.seq + 1 : 1;
      const where = `entry ${row.seq}`;
      let record: ChainRecord | undefined;
      try {
        record = JSON.parse(row.record) as ChainRecord;
      } catch {
        problems.push(`${where}: record is not JSON`);
      }
      if (row.seq !== expectedSeq) problems.push(`${where}: expected seq ${expectedSeq} (an entry was deleted)`);
      else if (row.prev_hash !== (previous ? previous.hash : GENESIS_HASH))
        problems.push(`${where}: prevHash does not match the previous entry`);
      else if (record !== undefined && entryHash(row.seq, row.prev_hash, record) !== row.hash)
        problems.push(`${where}: hash does not match the entry (it was modified)`);
      else if (record !== undefined && record.kind !== row.kind)
        problems.push(`${where}: kind column "${row.kind}" differs from the record's "${record.kind}"`);
      if (problems.length > 0) {
        chainOk = false;
        break;
      }
      for (const ref of refsIn(row.record)) refs.add(ref);
      const rec = record!;
      if (rec.kind === 'erasure') for (const ref of rec.refs) erased.add(ref);
      for (const { table, row: r } of project(row.seq, rec)) {
        pushTo(expected, table, r);
      }
      previous = { seq: row.seq, hash: row.hash };
      count++;
    }
    after = rows[rows.length - 1]!.seq;
  }
  const headHash = previous?.hash ?? GENESIS_HASH;
  if (chainOk) {
    for (const table of Object.keys(TABLES) as TableName[]) {
      const want = expected.get(table) ?? [];
      const order = 'idx' in TABLES[table] ? 'seq, idx' : 'seq';
      let i = 0;
      for (let offset = 0; problems.length < max; offset += PAGE) {
        const rows = await sql.query(`select * from ${table} order by ${order} limit ${PAGE} offset ${offset}`);
        for (const r of rows) {
          if (i >= want.length)
            problems.push(`${table}: row ${rowText(table, r)} has no entry in the chain (added behind it)`);
          else {
            const diff = rowDiff(table, r, want[i]!);
            if (diff) problems.push(`${table}: row of entry ${want[i]!.seq} differs from the chain: ${diff}`);
          }
          i++;
          if (problems.length >= max) break;
        }
        if (rows.length < PAGE) break;
      }
      if (i < want.length && problems.length < max)
        problems.push(
          `${table}: ${want.length - i} row(s) of the chain are missing (first: ${rowText(table, want[i]!)})`,
        );
    }
    const stored = await sql.query<{ ref: string; salt: string; value: string }>(
      'select ref, salt, value from register_personal',
    );
    const present = new Set<string>();
    for (const p of stored) {
      present.add(p.ref);
      if (personalRef(p.salt, p.value) !== p.ref && problems.length < max)
        problems.push(`register_personal: value of ${p.ref} was altered`);
    }
    for (const ref of refs)
      if (!present.has(ref) && !erased.has(ref) && problems.length < max)
        problems.push(`register_personal: ${ref} was removed without a recorded erasure`);
  }
  if (options.head !== undefined && options.head !== headHash)
    problems.push(`head ${headHash} is not the expected ${options.head} (truncated or rewritten)`);
  return { ok: problems.length === 0, entries: count, head: headHash, problems } satisfies RegisterVerifyResult;
}
