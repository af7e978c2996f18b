import { z } from 'zod';
import { canonicalHash } from '../digest/index.js';
import { DecisionSchema, IsoDateSchema, parseWith } from '../model/index.js';

/** The `prevHash` of the first entry of every decision log. */
export const GENESIS_HASH = `sha256:${'0'.repeat(64)}`;

/** A reviewer's decision on an assessment (e.g. overriding an escalation), appended as its own log entry. */
export const ReviewSchema = z
  .strictObject({
    kind: z.literal('review'),
    transactionId: z.string().min(1),
    decision: DecisionSchema,
    justification: z.string().min(10, 'a justification of at least 10 characters is required'),
    reviewer: z.string().min(1),
    date: IsoDateSchema,
    reviews: z.string().optional().describe('Hash of the log entry reviewed.'),
  })
  .meta({ id: 'Review' });
export type Review = z.infer<typeof ReviewSchema>;

export function parseReview(input: unknown): Review {
  return parseWith(ReviewSchema, input, 'review');
}

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

export interface VerifyResult {
  ok: boolean;
  entries: number;
  head: string;
  /** The first line (1-based) that breaks the chain, and why. */
  firstBad?: { line: number; reason: string };
}

/**
 * Verifies a hash-chained log: each line's seq, prevHash and hash. Catches edits, insertions, deletions and
 * reordering inside the chain; truncation or a rewrite of the whole file only against a head hash kept elsewhere.
 */
export function verifyLog(lines: readonly string[], options: { head?: string } = {}): VerifyResult {
  let previous: LogEntry | undefined;
  let count = 0;
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
    let entry: LogEntry;
    try {
      entry = JSON.parse(text) as LogEntry;
    } catch {
      return bad(i + 1, 'not JSON');
    }
    if (
      typeof entry !== 'object' ||
      entry === null ||
      typeof entry.seq !== 'number' ||
      typeof entry.prevHash !== 'string' ||
      typeof entry.hash !== 'string'
    ) {
      return bad(i + 1, 'not a log entry { seq, prevHash, hash, record }');
    }
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
  }
  const head = previous?.hash ?? GENESIS_HASH;
  if (options.head !== undefined && options.head !== head) {
    return {
      ok: false,
      entries: count,
      head,
      firstBad: { line: count, reason: `head ${head} is not the expected ${options.head} (truncated or rewritten)` },
    };
  }
  return { ok: true, entries: count, head };
}
