import { HrddError, type HrddIssue as Issue } from '../errors.js';
import { type Decision, decisionRank } from '../model/index.js';
import { defaultRuleset } from '../rules/index.js';
import type { LogEntry, Review } from './log.js';

/** The shortest justification, in characters, that can lower a decision. */
export const MIN_OVERRIDE_JUSTIFICATION = 30;

/** What a review needs to know about the transaction's standing in the log. */
export interface ReviewStanding {
  /** The decision now in force: the last assessment's, or the last review's after it. */
  decision: Decision;
  /** Rules whose decline no assurance, answer or reviewer can cure. */
  hardStops: string[];
  /** Hash of the log entry of the last assessment. */
  assessed: string;
}

const DEFAULT_HARD_STOPS = new Set(
  (defaultRuleset.rules ?? []).filter((r) => r.minDecision === 'decline').map((r) => r.id),
);

interface RecordLike {
  kind?: unknown;
  transactionId?: unknown;
  decision?: unknown;
  hardStops?: unknown;
  findings?: unknown;
}

/** Hard stops of a record: its own list, or for records made before it was kept, the default rule set's. */
function hardStopsOf(record: RecordLike): string[] {
  if (Array.isArray(record.hardStops))
    return record.hardStops.flatMap((h: { ruleId?: unknown }) => (typeof h?.ruleId === 'string' ? [h.ruleId] : []));
  if (record.decision !== 'decline' || !Array.isArray(record.findings)) return [];
  return record.findings.flatMap((f: { ruleId?: unknown }) =>
    typeof f?.ruleId === 'string' && DEFAULT_HARD_STOPS.has(f.ruleId) ? [f.ruleId] : [],
  );
}

/** Where a transaction stands in a decision log (its entries in order), or undefined when it was never assessed. */
export function reviewStanding(entries: readonly LogEntry[], transactionId: string): ReviewStanding | undefined {
  let standing: ReviewStanding | undefined;
  for (const entry of entries) {
    const record = entry.record as RecordLike;
    if (typeof record !== 'object' || record === null || record.transactionId !== transactionId) continue;
    if (typeof record.decision !== 'string') continue;
    if (record.kind === 'review') {
      if (standing) standing.decision = record.decision as Decision;
    } else {
      standing = { decision: record.decision as Decision, hardStops: hardStopsOf(record), assessed: entry.hash };
    }
  }
  return standing;
}

/** Whether a justification says something: long enough, not blank, not one short piece repeated. */
function substantive(text: string): boolean {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length < MIN_OVERRIDE_JUSTIFICATION) return false;
  const letters = flat.replace(/\s/g, '').toLowerCase();
  if (new Set(letters).size < 8) return false;
  return !/^(.{1,12}?)\1+$/.test(letters);
}

/**
 * The guard rails of a review: the transaction must have been assessed in this log; a hard-stop decline cannot
 * be overridden at all; lowering a decline or an escalation needs a substantive justification and the approval
 * of a second person (four eyes). Throws an HrddError naming every rule broken; returns the review to append,
 * linked to the assessment entry it reviews.
 */
export function checkReview(review: Review, entries: readonly LogEntry[]): Review {
  const standing = reviewStanding(entries, review.transactionId);
  if (!standing)
    throw new HrddError('review of a transaction that is not in the log', [
      { path: 'transactionId', message: `no assessment of ${review.transactionId} in this decision log` },
    ]);
  const issues: Issue[] = [];
  const lowers = decisionRank(review.decision) < decisionRank(standing.decision);
  if (lowers && standing.decision === 'decline' && standing.hardStops.length > 0) {
    issues.push({
      path: 'decision',
      message: `a hard stop cannot be overridden (${standing.hardStops.join(', ')}): no assurance or review can cure it`,
    });
  } else if (lowers && (standing.decision === 'decline' || standing.decision === 'escalate')) {
    if (!substantive(review.justification))
      issues.push({
        path: 'justification',
        message: `lowering ${standing.decision} to ${review.decision} needs a justification of at least ${MIN_OVERRIDE_JUSTIFICATION} characters that says why (not blank or repeated text)`,
      });
    const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
    if (review.approvedBy === undefined)
      issues.push({ path: 'approvedBy', message: 'an override needs the approval of a second person (four eyes)' });
    else if (same(review.approvedBy, review.reviewer))
      issues.push({
        path: 'approvedBy',
        message: 'the approver of an override must differ from the reviewer who prepared it',
      });
  }
  if (issues.length > 0) throw new HrddError('review rejected', issues);
  return review.reviews === undefined ? { ...review, reviews: standing.assessed } : review;
}
