import { toRecord } from '../audit/index.js';
import type { DataIdentity, Engine } from '../engine/index.js';
import { HrddError, type HrddIssue } from '../errors.js';
import type { Decision } from '../model/index.js';

/** Lines longer than this (in bytes) become error records instead of being parsed (`--max-line-bytes`). */
export const MAX_LINE_BYTES = 1024 * 1024;

export interface LineResult {
  /** One line of NDJSON output (no newline). */
  text: string;
  decision?: Decision;
  /** The record, for the decision log (assessments only). */
  record?: unknown;
}

/** The transaction id of a parsed input line, when it has one that reads as an id. */
function transactionIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const transaction = (value as { transaction?: unknown }).transaction;
  if (typeof transaction !== 'object' || transaction === null || !Object.hasOwn(transaction, 'id')) return undefined;
  const id = (transaction as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : undefined;
}

/** `{ line, transactionId?, error: { issues } }`: the output line of an input line that gave no assessment. */
export function errorRecord(line: number, issues: HrddIssue[], transactionId?: string): LineResult {
  return {
    text: JSON.stringify({ line, ...(transactionId !== undefined ? { transactionId } : {}), error: { issues } }),
  };
}

/** The error record of a line that could not even be read (`text` may be the line, to find its transaction id). */
export function lineErrorRecord(line: number, message: string, text?: string): LineResult {
  let id: string | undefined;
  if (text !== undefined)
    try {
      id = transactionIdOf(JSON.parse(text));
    } catch {
      // not JSON: no id to report
    }
  return errorRecord(line, [{ path: '', message }], id);
}

/**
 * Turns one input line `{ transaction, answers?, asOf? }` into exactly one output line: the assessment record, or
 * `{ line, transactionId?, error: { issues } }` for a line that is too long, not JSON or not valid. Never throws:
 * whatever goes wrong with one line is that line's error record, never the run's.
 */
export function processLine(
  engine: Engine,
  lists: DataIdentity[],
  text: string,
  line: number,
  defaultAsOf: string,
  maxLineBytes = MAX_LINE_BYTES,
): LineResult {
  if (text.length > maxLineBytes || Buffer.byteLength(text, 'utf8') > maxLineBytes)
    return errorRecord(line, [{ path: '', message: `line longer than ${maxLineBytes} bytes` }]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return errorRecord(line, [{ path: '', message: `not JSON: ${(error as Error).message}` }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('transaction' in value)) {
    return errorRecord(line, [
      { path: 'transaction', message: 'expected an object { "transaction": …, "answers"?: … }' },
    ]);
  }
  const id = transactionIdOf(value);
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
      return errorRecord(line, error.issues.length > 0 ? error.issues : [{ path: '', message: error.message }], id);
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return errorRecord(line, [{ path: '', message: `could not be assessed: ${message}` }], id);
  }
}
