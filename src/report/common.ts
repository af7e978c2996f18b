import {
  type Assessment,
  type Decision,
  type Finding,
  type ScoreBand,
  safeParseTransaction,
  type Transaction,
} from '../model/index.js';

interface Versioned {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
}

/**
 * What a report needs: an Assessment, or a record (an Assessment with the input and options it ran with). The
 * record parts are read structurally so the report depends on the model only.
 */
export type Reportable = Assessment & {
  input?: { transaction?: unknown; answers?: Readonly<Record<string, unknown>> };
  options?: { evaluator?: string; lists?: readonly Versioned[] };
};

/** A source or red flag cited by a finding: its title and where to read it. */
export interface ReportRef {
  title: string;
  url?: string;
}

/**
 * Whether the record was verified before it was rendered (see `verifyRecord` in the audit module); the report shows
 * it first. The renderers take it as input so that they stay pure.
 */
export interface ReportVerification {
  status: 'verified' | 'not-verified' | 'could-not-verify';
  headline: string;
  details?: readonly string[];
}

/** Who prepared and reviewed the decision, and what was decided: blank lines to sign when not given. */
export interface SignOff {
  preparedBy?: string;
  reviewedBy?: string;
  date?: string;
  decisionTaken?: string;
}

/** Shown first when no verification is passed: the renderer did not replay the record. */
export const UNVERIFIED: ReportVerification = {
  status: 'could-not-verify',
  headline: 'Not verified: rendered without replaying the record (hrdd report replays it first)',
};

export interface ReportOptions {
  /** The result of verifying the record, shown first (default: `UNVERIFIED`). */
  verification?: ReportVerification;
  /** The sign-off block; its lines are left blank to fill in by hand when not given. */
  signOff?: SignOff;
  /** Titles (and URLs) of reference ids, e.g. `refsRegistry` from the bundled data; without it ids are shown. */
  refs?: Readonly<Record<string, ReportRef>>;
  /** File name to show in the replay command (default `<record.json>`). */
  recordFile?: string;
}

export const DECISION_TEXT: Record<Decision, string> = {
  proceed: 'Proceed',
  'proceed-with-conditions': 'Proceed once the conditions are met',
  escalate: 'Escalate to compliance review',
  decline: 'Decline',
};

export const DECISION_EXPLAINED: Record<Decision, string> = {
  proceed: 'No finding requires more than the assurances already on file.',
  'proceed-with-conditions': 'The transaction may go ahead once the outstanding assurances and answers are on file.',
  escalate: 'A person in compliance must review the findings before anything ships.',
  decline: 'A hard stop applies: the transaction should not go ahead.',
};

export const DISCLAIMER =
  'hrdd supports human-rights due diligence under the UN Guiding Principles and the Export Controls and Human Rights Initiative Code of Conduct. It does not determine licence requirements and is not legal advice.';

/** Score bands of a risk value (severity × likelihood), as the engine assigns them. */
export function riskBand(risk: number): ScoreBand {
  if (risk <= 0) return 'none';
  if (risk <= 4) return 'low';
  if (risk <= 8) return 'medium';
  if (risk <= 12) return 'high';
  return 'critical';
}

export function subjectText(subject: Finding['subject']): string {
  return subject ? `${subject.kind} ${subject.id}` : 'transaction';
}

/** The transaction of a record, when it has one that parses; reports then name parties and items. */
export function recordTransaction(report: Reportable): Transaction | undefined {
  if (report.input?.transaction === undefined) return undefined;
  const parsed = safeParseTransaction(report.input.transaction);
  return parsed.success ? parsed.data : undefined;
}

/** Party names by id, for showing who must give an assurance. */
export function partyNames(tx: Transaction | undefined): Map<string, string> {
  const names = new Map<string, string>();
  if (!tx) return names;
  for (const p of [tx.exporter, tx.consignee, ...tx.endUsers, ...(tx.intermediaries ?? [])])
    if (p) names.set(p.id, p.name);
  return names;
}

/** Headline figures shown beside the decision. */
export function summary(a: Assessment) {
  const outstanding = a.requiredAssurances.filter((r) => r.status === 'outstanding').length;
  const blocking = a.missingInformation.filter((m) => m.blocking).length;
  let highestSeverity = 0;
  for (const f of a.findings) highestSeverity = Math.max(highestSeverity, f.severity.level);
  return { outstanding, blocking, highestSeverity };
}

/** The exact replay command, with the file name quoted for a POSIX shell when it needs it. */
export function replayCommand(recordFile = '<record.json>'): string {
  const safe = recordFile === '<record.json>' || /^[A-Za-z0-9._/@:+=,-]+$/.test(recordFile);
  return `hrdd replay ${safe ? recordFile : `'${recordFile.replace(/'/g, `'\\''`)}'`}`;
}
