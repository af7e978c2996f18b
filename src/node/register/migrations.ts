import { sha256Hex } from '../../digest/index.js';
import { HrddError } from '../../errors.js';
import { project } from './chain.js';
import { type Db, REGISTER_LOCK, type Sql } from './db.js';
import type { ChainRecord } from './records.js';

/** A numbered schema change; `backfill` fills what it adds for the entries already in the chain, from the chain. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  backfill?: (sql: Sql) => Promise<void>;
}

/**
 * Migration 2's columns for assessments already in the chain: each derived from its entry exactly as `project`
 * derives it (and `verify` compares it), a page of entries at a time.
 */
async function backfillAssessmentInputs(sql: Sql): Promise<void> {
  for (let after = 0; ; ) {
    const rows = await sql.query<{ seq: number; record: string }>(
      "select seq, record from register_entries where kind = 'assessment' and seq > $1 order by seq limit 1000",
      [after],
    );
    if (rows.length === 0) return;
    const cells = rows.map((r) => project(r.seq, JSON.parse(r.record) as ChainRecord)[0]!.row);
    await sql.query(
      `update register_assessments a set input = v.input, fired = v.fired
         from unnest($1::integer[], $2::text[], $3::text[]) as v(seq, input, fired) where a.seq = v.seq`,
      [cells.map((c) => c.seq), cells.map((c) => c.input), cells.map((c) => c.fired)],
    );
    after = rows[rows.length - 1]!.seq;
  }
}

/**
 * The register's schema, as numbered migrations. Policy (docs/register.md): a released migration is never
 * edited — its checksum is recorded when applied and checked on every open — and never removed; a change is a
 * new migration with the next number, forward-only, applied in one transaction under the register's lock.
 * Dates are ISO text (`YYYY-MM-DD`) so both drivers return them unchanged; JSON is text so it hashes as stored,
 * kept uncompressed (`storage external`): compressing every record on write costs monitoring more than the disk.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'chain and projections',
    sql: `
create table register_entries (
  seq integer primary key check (seq > 0),
  prev_hash text not null,
  hash text not null unique,
  kind text not null,
  record text not null
);
alter table register_entries alter column record set storage external;
create table register_settings (
  seq integer primary key references register_entries (seq),
  retention_days integer not null check (retention_days > 0)
);
create table register_assessments (
  seq integer primary key references register_entries (seq),
  transaction_id text not null,
  as_of text not null,
  decision text not null,
  score integer not null,
  band text not null,
  review_by text,
  destination text not null,
  ruleset_hash text not null,
  questionnaire_hash text,
  data_hashes text not null,
  red_flags text not null,
  top_rules text not null,
  source text not null
);
create index register_assessments_tx on register_assessments (transaction_id, seq);
create index register_assessments_as_of on register_assessments (as_of);
create table register_parties (
  seq integer not null references register_entries (seq),
  idx integer not null,
  transaction_id text not null,
  party_id text not null,
  role text not null,
  type text not null,
  country text not null,
  name text not null,
  aliases text not null,
  primary key (seq, idx)
);
create index register_parties_party on register_parties (party_id);
create table register_assurances (
  seq integer primary key references register_entries (seq),
  transaction_id text,
  party_id text not null,
  type text not null,
  reference text not null,
  valid_from text not null,
  valid_until text,
  recorded_by text
);
create index register_assurances_party on register_assurances (party_id);
create table register_reviews (
  seq integer primary key references register_entries (seq),
  transaction_id text not null,
  assessment_seq integer,
  decision text not null,
  preparer text not null,
  approver text not null,
  justification text not null,
  date text not null,
  check (preparer <> approver)
);
create table register_reports (
  seq integer primary key references register_entries (seq),
  report_id text not null unique,
  kind text not null,
  source text not null,
  date text not null,
  credibility text not null,
  summary text not null
);
create table register_report_parties (
  seq integer not null references register_entries (seq),
  idx integer not null,
  party_id text not null,
  matched_by text not null,
  match text not null,
  primary key (seq, idx)
);
create index register_report_parties_party on register_report_parties (party_id);
create table register_leverage (
  seq integer primary key references register_entries (seq),
  transaction_id text,
  party_id text,
  action text not null,
  date text not null,
  note text
);
create table register_remediation (
  seq integer primary key references register_entries (seq),
  transaction_id text,
  report_seq integer,
  date text not null,
  status text not null,
  description text not null
);
create table register_erasures (
  seq integer primary key references register_entries (seq),
  subject text not null,
  date text not null,
  refs text not null
);
create table register_personal (
  ref text primary key,
  subject text not null,
  salt text not null,
  value text not null
);
create index register_personal_subject on register_personal (subject);
`,
  },
  {
    // What monitoring re-assesses from — the input and the rules that fired — beside the decision, so it reads a
    // few hundred bytes a transaction instead of the whole stored record.
    version: 2,
    name: 'assessment input and fired rules',
    sql: `
alter table register_assessments add column input text;
alter table register_assessments add column fired text;
alter table register_assessments alter column input set storage external;
`,
    backfill: backfillAssessmentInputs,
  },
];

function checksum(sql: string): string {
  return `sha256:${sha256Hex(sql)}`;
}

/** Applies the migrations not yet applied; refuses a register whose applied migrations differ from these. */
export async function migrate(db: Db): Promise<{ applied: number[]; version: number }> {
  return db.transaction(async (sql: Sql) => {
    await sql.query('select pg_advisory_xact_lock($1)', [REGISTER_LOCK]);
    await sql.query(
      'create table if not exists register_migrations (version integer primary key, name text not null, checksum text not null)',
    );
    const done = await sql.query<{ version: number; checksum: string }>(
      'select version, checksum from register_migrations order by version',
    );
    const known = new Map(MIGRATIONS.map((m) => [m.version, m]));
    for (const row of done) {
      const m = known.get(row.version);
      if (!m)
        throw new HrddError(`the register has schema version ${row.version}, newer than this hrdd understands`, [
          { path: 'db', message: 'upgrade hrdd to open this register' },
        ]);
      if (checksum(m.sql) !== row.checksum)
        throw new HrddError(`migration ${row.version} applied to this register differs from this hrdd's`, [
          { path: 'db', message: `checksum ${row.checksum}, expected ${checksum(m.sql)}` },
        ]);
    }
    const applied: number[] = [];
    const have = new Set(done.map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (have.has(m.version)) continue;
      for (const statement of m.sql.split(';')) if (statement.trim() !== '') await sql.query(statement);
      await m.backfill?.(sql);
      await sql.query('insert into register_migrations (version, name, checksum) values ($1, $2, $3)', [
        m.version,
        m.name,
        checksum(m.sql),
      ]);
      applied.push(m.version);
    }
    return { applied, version: MIGRATIONS[MIGRATIONS.length - 1]!.version };
  });
}
