import type { Assessment, Decision } from '../model/index.js';

/** What a report needs: an Assessment, or a record (an Assessment with input and options). */
export type Reportable = Assessment & { input?: unknown; options?: unknown };

export interface ReportOptions {
  /** Titles (and URLs) of reference ids, e.g. `refsRegistry` from the bundled data. */
  refs?: Readonly<Record<string, { title: string; url?: string }>>;
  /** File name to show in the replay command. */
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

export function subjectText(subject: Assessment['findings'][number]['subject']): string {
  return subject ? `${subject.kind} ${subject.id}` : 'transaction';
}
