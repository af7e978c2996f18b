import { toRecord } from '../../audit/index.js';
import type { DataIdentity, Engine } from '../../engine/index.js';
import { HrddError } from '../../errors.js';
import type { Decision } from '../../model/index.js';
import { firedRules, type ProjectedRow, prepare } from './chain.js';
import { type PersonalValue, Pseudonymiser, pseudonymiseRecord } from './personal.js';
import type { AssessmentRecordLike } from './records.js';

/** An assurance the register holds for one of the transaction's parties, in the shape of a transaction's. */
export interface StoredAssurance {
  type: string;
  from: string;
  obtainedOn: string;
  validUntil?: string;
  reference?: string;
}

/**
 * One transaction to re-assess: what its latest assessment was made from and found, and what the register adds.
 * Plain data, so a job can go to a worker thread as well as be run on this one.
 */
export interface ReassessJob {
  /** The latest assessment's input `{ transaction, answers? }`, as JSON with personal data put back. */
  input: string;
  /** The rules its findings name, with their red flags (the `fired` column). */
  fired: string;
  /** Why it is looked at again. */
  reasons: string[];
  /** Assurances recorded in the register for its parties, valid from the run's date or earlier. */
  assurances: StoredAssurance[];
  /** Ids of high-credibility misuse reports about an end user: the misuse answer is taken as yes. */
  misuseReports: string[];
}

export type ReassessOutcome =
  | {
      decision: Decision;
      /** `job.reasons` and what the re-assessment adds (rules that now fire or no longer fire). */
      reasons: string[];
      /** The rule set does not ask about misuse reports for this transaction: a person must weigh the report. */
      unasked: boolean;
      /** The new chain entry, ready to append (rows with seq 0); its canonical text as UTF-8 bytes. */
      entry: { kind: 'assessment'; text: Uint8Array; rows: ProjectedRow[] };
    }
  | { error: string };

export interface ReassessResult {
  outcomes: ReassessOutcome[];
  /** Personal values the entries' tokens name (one set per chunk). */
  personal: PersonalValue[];
}

type StoredInput = AssessmentRecordLike['input'];

/** The stored input with the register's assurances and the misuse answer its reports call for. */
function reassessmentInput(
  stored: StoredInput,
  job: ReassessJob,
): { transaction: Record<string, unknown>; answers: Record<string, unknown> } {
  const transaction = { ...(stored.transaction as Record<string, unknown>) };
  const answers = { ...(stored.answers ?? {}) };
  const have = (transaction.assurances as StoredAssurance[] | undefined) ?? [];
  const key = (a: StoredAssurance) => `${a.type}\u0000${a.from}\u0000${a.obtainedOn}\u0000${a.validUntil ?? ''}`;
  const seen = new Set(have.map(key));
  const added: StoredAssurance[] = [];
  for (const a of job.assurances)
    if (!seen.has(key(a))) {
      seen.add(key(a));
      added.push(a);
    }
  if (added.length > 0) transaction.assurances = [...have, ...added];
  if (job.misuseReports.length > 0) answers.misuse_reports = true;
  return { transaction, answers };
}

/**
 * Re-assesses a chunk of transactions and prepares their chain entries. The one implementation `monitor` runs,
 * on this thread or on the `hrdd batch` worker pool, so both give the same decisions, reasons and records.
 */
export function reassessJobs(
  engine: Engine,
  lists: DataIdentity[],
  jobs: readonly ReassessJob[],
  asOf: string,
): ReassessResult {
  const personal = new Pseudonymiser();
  const texts: string[] = [];
  const outcomes = jobs.map((job): ReassessOutcome => {
    const previous = JSON.parse(job.input) as StoredInput;
    const input = reassessmentInput(previous, job);
    let record: AssessmentRecordLike;
    try {
      const assessment = engine.assess(input.transaction, { asOf, answers: input.answers });
      record = toRecord(assessment, input, engine, lists) as unknown as AssessmentRecordLike;
    } catch (error) {
      if (!(error instanceof HrddError)) throw error;
      return { error: error.issues.map((x) => `${x.path}: ${x.message}`).join('; ') || error.message };
    }
    const reasons = [...job.reasons];
    if (job.misuseReports.length > 0 && previous.answers?.misuse_reports !== true)
      reasons.push(`answer misuse_reports taken as yes from ${job.misuseReports.join(', ')}`);
    const notes = (record.notes as string[] | undefined) ?? [];
    const unasked = job.misuseReports.length > 0 && notes.some((n) => n.includes('misuse_reports'));
    if (unasked)
      reasons.push('the rule set does not ask about misuse reports for this transaction: weigh the report by hand');
    const before = new Map(JSON.parse(job.fired) as [string, string[]][]);
    const after = new Map(firedRules(record));
    for (const [id, refs] of after)
      if (!before.has(id)) reasons.push(`now fires: ${id}${refs.length > 0 ? ` (${refs.join(', ')})` : ''}`);
    for (const id of before.keys()) if (!after.has(id)) reasons.push(`no longer fires: ${id}`);
    const { text, rows } = prepare({
      kind: 'assessment',
      source: 'monitor',
      reasons,
      record: pseudonymiseRecord(record, personal),
    });
    texts.push(text as string);
    return {
      decision: record.decision as Decision,
      reasons,
      unasked,
      entry: { kind: 'assessment', text: EMPTY, rows },
    };
  });
  // The texts go to the writing thread as bytes of one buffer: one copy, nothing left to encode or collect there.
  const bytes = utf8(texts);
  let k = 0;
  for (const outcome of outcomes) if ('entry' in outcome) outcome.entry.text = bytes[k++]!;
  return { outcomes, personal: personal.values };
}

const EMPTY = new Uint8Array(0);
const encoder = new TextEncoder();

/** Each text's UTF-8 bytes, as views of one buffer of their total length (cloned whole to the other thread). */
function utf8(texts: readonly string[]): Uint8Array[] {
  let length = 0;
  for (const t of texts) length += Buffer.byteLength(t, 'utf8');
  const buffer = new Uint8Array(length);
  const views: Uint8Array[] = [];
  let at = 0;
  for (const t of texts) {
    const written = encoder.encodeInto(t, buffer.subarray(at)).written;
    views.push(buffer.subarray(at, at + written));
    at += written;
  }
  return views;
}
