import { toRecord } from '../audit/index.js';
import type { DataIdentity, Engine } from '../engine/index.js';
import { HrddError, type HrddIssue } from '../errors.js';
import type { Decision } from '../model/index.js';

/** Lines longer than this become error records instead of being parsed. */
export const MAX_LINE_BYTES = 1024 * 1024;

export interface LineResult {
  /** One line of NDJSON output (no newline). */
  text: string;
  decision?: Decision;
  /** The record, for the decision log (assessments only). */
  record?: unknown;
}

const errorLine = (line: number, issues: HrddIssue[]): LineResult => ({
  text: JSON.stringify({ line, error: { issues } }),
});

/**
 * Turns one input line `{ transaction, answers?, asOf? }` into exactly one output line: the assessment record, or
 * `{ line, error: { issues } }` for a line that is too long, not JSON or not valid. Never throws for bad input.
 */
export function processLine(
  engine: Engine,
  lists: DataIdentity[],
  text: string,
  line: number,
  defaultAsOf: string,
): LineResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_LINE_BYTES)
    return errorLine(line, [{ path: '', message: `line longer than ${MAX_LINE_BYTES} bytes` }]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return errorLine(line, [{ path: '', message: `not JSON: ${(error as Error).message}` }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('transaction' in value)) {
    return errorLine(line, [
      { path: 'transaction', message: 'expected an object { "transaction": …, "answers"?: … }' },
    ]);
  }
  const { transaction, answers, asOf } = value as {
    transaction: unknown;
    answers?: Record<string, unknown>;
    asOf?: string;
  };
  try {
    const assessment = engine.assess(transaction, {
      asOf: asOf ?? defaultAsOf,
      ...(answers !== undefined ? { answers } : {}),
    });
    const record = toRecord(assessment, { transaction, ...(answers ? { answers } : {}) }, engine, lists);
    return { text: JSON.stringify(record), decision: assessment.decision, record };
  } catch (error) {
    if (error instanceof HrddError)
      return errorLine(line, error.issues.length > 0 ? error.issues : [{ path: '', message: error.message }]);
    throw error;
  }
}
