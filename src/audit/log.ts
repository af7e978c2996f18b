import { z } from 'zod';
import { canonicalHash } from '../digest/index.js';
import { DecisionSchema, IsoDateSchema, parseWith } from '../model/index.js';
import { parseStrictJson } from './strict-json.js';

/** The `prevHash` of the first entry of every decision log. */
export const GENESIS_HASH = `sha256:${'0'.repeat(64)}`;

/** A reviewer's decision on an assessment (e.g. overriding an escalation), appended as its own log entry. */
export const ReviewSchema = z
  .strictObject({
    kind: z.literal('review'),
    transactionId: z.string().min(1),
    decision: DecisionSchema,
    justification: z.string().min(10, 'a justification of at least 10 characters is required'),
    reviewer: z.string().trim().min(1).describe('Who prepared the review.'),
    approvedBy: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('Who approved it: required, and a different person, when the review lowers the decision.'),
    date: IsoDateSchema,
    reviews: z.string().optional().describe('Hash of the log entry reviewed.'),
  })
  .meta({ id: 'Review' });
export type Review = z.infer<typeof ReviewSchema>;

export function parseReview(input: unknown): Review {
  return parseWith(ReviewSchema, input, 'review');
}

const HashSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected "sha256:" and 64 lower-case hex digits');

/** One line of a decision log, exactly: any other field is rejected, so nothing unhashed can ride along. */
export const LogEntrySchema = z
  .strictObject({
    seq: z.number().int().positive(),
    prevHash: HashSchema,
    hash: HashSchema,
    record: z.unknown().refine((v) => v !== undefined, 'record is required'),
  })
  .meta({ id: 'LogEntry', description: 'One line of the hash-chained decision log.' });

export interface LogEntry {
  seq: number;
  prevHash: string;
  hash: string;
  record: unknown;
}

/** `sha256(canonical({ seq, prevHash, record }))`. */
export function entryHash(seq: number, prevHash: string, record: unknown): string {
  return canonicalHash({ seq, prevHash, record });
}

/** The entry that follows `previous` (or starts a log) with `record`. */
export function nextEntry(previous: Pick<LogEntry, 'seq' | 'hash'> | undefined, record: unknown): LogEntry {
  const seq = previous ? previous.seq + 1 : 1;
  const prevHash = previous ? previous.hash : GENESIS_HASH;
  return { seq, prevHash, hash: entryHash(seq, prevHash, record), record };
}

/**
 * Parses one log line strictly: JSON without duplicate keys, exactly the fields `{ seq, prevHash, hash, record }`.
 * Returns the entry or why the line is not one.
 */
export function parseLogLine(text: string): { entry: LogEntry } | { error: string } {
  let value: unknown;
  try {
    value = parseStrictJson(text);
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = LogEntrySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { error: `not a log entry { seq, prevHash, hash, record }: ${where}${issue.message}` };
  }
  return { entry: parsed.data as LogEntry };
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  head: string;
  /** Where the head given to check was found: its entry, and how many entries were appended after it. */
  headAt?: { seq: number; after: number };
  /** The first line (1-based) that breaks the chain, and why. */
  firstBad?: { line: number; reason: string };
}

/**
 * Verifies a hash-chained log: each line's fields, seq, prevHash and hash. Catches edits, insertions, deletions and
 * reordering inside the chain. Truncation or a rewrite is caught against a head kept elsewhere: `head` must be the
 * hash of an entry of the chain (a checkpoint), so a head stored last month still verifies after later appends,
 * while a log cut before it, or rewritten, does not.
 */
export function verifyLog(lines: readonly string[], options: { head?: string } = {}): VerifyResult {
  let previous: LogEntry | undefined;
  let count = 0;
  let headSeq: number | undefined;
  const bad = (line: number, reason: string): VerifyResult => ({
    ok: false,
    entries: count,
    head: previous?.hash ?? GENESIS_HASH,
    firstBad: { line, reason },
  });
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '') {
      if (i === lines.length - 1) break;
      return bad(i + 1, 'empty line');
    }
    const parsed = parseLogLine(text);
    if ('error' in parsed) return bad(i + 1, parsed.error);
    const { entry } = parsed;
    const expectedSeq = previous ? previous.seq + 1 : 1;
    if (entry.seq !== expectedSeq)
      return bad(i + 1, `seq ${entry.seq}, expected ${expectedSeq} (a line was deleted, inserted or moved)`);
    const expectedPrev = previous ? previous.hash : GENESIS_HASH;
    if (entry.prevHash !== expectedPrev)
      return bad(i + 1, 'prevHash does not match the previous entry (a line was deleted, inserted or moved)');
    if (entryHash(entry.seq, entry.prevHash, entry.record) !== entry.hash)
      return bad(i + 1, 'hash does not match the entry (it was modified)');
    previous = entry;
    count++;
    if (entry.hash === options.head) headSeq = entry.seq;
  }
  const head = previous?.hash ?? GENESIS_HASH;
  if (options.head !== undefined) {
    if (options.head === GENESIS_HASH) headSeq = 0;
    if (headSeq === undefined) {
      return {
        ok: false,
        entries: count,
        head,
        firstBad: {
          line: count,
          reason: `head ${options.head} is not an entry of this chain (it was truncated before it, or rewritten)`,
        },
      };
    }
    return { ok: true, entries: count, head, headAt: { seq: headSeq, after: count - headSeq } };
  }
  return { ok: true, entries: count, head };
}
