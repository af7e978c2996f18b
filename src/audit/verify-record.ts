import { canonicalHash } from '../digest/index.js';
import { HrddError } from '../errors.js';
import { parseTransaction } from '../model/index.js';
import { VERSION } from '../version.js';
import type { AssessmentRecord } from './record.js';
import { type ReplayOptions, replayAssessment } from './replay.js';

/** What a report shows first: whether the record it renders is the genuine result of its inputs. */
export interface RecordVerification {
  status: 'verified' | 'not-verified' | 'could-not-verify';
  /** One line: `Verified: reproduced on hrdd x.y`, `NOT VERIFIED: <what differs>`, `Could not verify: <what is missing>`. */
  headline: string;
  /** Every difference, missing piece or note, one line each. */
  details: string[];
}

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? 'absent';
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

/**
 * Checks the hashes a record carries against its own contents, without the rule set or lists: the input hash over
 * its transaction and answers, and the options against the provenance. What a report can still vouch for when
 * replay cannot run.
 */
function hashChecks(record: AssessmentRecord): string[] {
  const problems: string[] = [];
  try {
    const transaction = parseTransaction(record.input.transaction);
    const inputHash = canonicalHash({ answers: record.input.answers ?? {}, transaction });
    if (inputHash !== record.provenance.inputHash)
      problems.push(`provenance.inputHash: the input in the record hashes to ${inputHash}, not the recorded one`);
  } catch (error) {
    problems.push(`input.transaction: ${error instanceof HrddError ? error.issues[0]?.message : 'does not parse'}`);
  }
  if (record.provenance.asOf !== record.asOf) problems.push('provenance.asOf differs from asOf');
  const { ruleset, questionnaire } = record.provenance;
  if (canonicalHash(ruleset) !== canonicalHash(record.options.ruleset))
    problems.push('options.ruleset differs from provenance.ruleset');
  if (canonicalHash(questionnaire ?? null) !== canonicalHash(record.options.questionnaire ?? null))
    problems.push('options.questionnaire differs from provenance.questionnaire');
  return problems;
}

/**
 * Verifies a record before it is reported: replays it (see `replayAssessment`), or, where a rule set, data set or
 * list it names is not at hand, checks the hashes it carries. A bare assessment (no input) cannot be verified.
 * Deterministic: the result depends on the record and the options only.
 */
export function verifyRecord(report: unknown, options: ReplayOptions = {}): RecordVerification {
  const isRecord = typeof report === 'object' && report !== null && Object.hasOwn(report, 'input');
  if (!isRecord)
    return {
      status: 'could-not-verify',
      headline: 'Could not verify: a bare assessment, without the input and options needed to replay it',
      details: [],
    };
  const record = report as AssessmentRecord;
  let result: ReturnType<typeof replayAssessment>;
  try {
    result = replayAssessment(record, options);
  } catch (error) {
    const issue = error instanceof HrddError ? error.issues[0] : undefined;
    const what = issue ? `${issue.path}: ${issue.message}` : (error as Error).message;
    return { status: 'not-verified', headline: `NOT VERIFIED: the record does not replay (${what})`, details: [] };
  }
  if (result.status === 'reproduced')
    return { status: 'verified', headline: `Verified: reproduced on hrdd ${VERSION}`, details: result.notes };
  if (result.status === 'not-reproduced') {
    const lines = result.differences.map(
      (d) => `${d.path || '(root)'}: recorded ${show(d.recorded)}, replayed ${show(d.replayed)}`,
    );
    const more = lines.length > 3 ? ` … and ${lines.length - 3} more` : '';
    return {
      status: 'not-verified',
      headline: `NOT VERIFIED: ${lines.slice(0, 3).join('; ')}${more}`,
      details: [...lines, ...result.notes],
    };
  }
  const problems = hashChecks(record);
  if (problems.length > 0)
    return {
      status: 'not-verified',
      headline: `NOT VERIFIED: ${problems.join('; ')}`,
      details: [...problems, ...result.missing.map((m) => `missing: ${m}`)],
    };
  return {
    status: 'could-not-verify',
    headline: `Could not verify: ${result.missing.join('; ')}`,
    details: ['the hashes the record carries are consistent with its input and options', ...result.notes],
  };
}
