import type { z } from 'zod';
import { formatPath, HrddError, type HrddErrorCode, type HrddIssue } from '../errors.js';
import { checkDepth, depthIssue } from './depth.js';
import { type Transaction, TransactionSchema } from './transaction.js';

/** zod issues as hrdd issues: `{ path: 'items[0].quantity', message }`, one per bad field. */
export function toHrddIssues(error: z.ZodError, basePath: readonly PropertyKey[] = []): HrddIssue[] {
  return error.issues.map((issue) => ({ path: formatPath([...basePath, ...issue.path]), message: issue.message }));
}

export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: HrddError };

/** Parses `input` with `schema`, or returns an `HrddError` that names every bad field. */
export function safeParseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  code: HrddErrorCode = 'invalid-input',
): SafeParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  return { success: false, error: new HrddError(`Invalid ${what}`, toHrddIssues(result.error), code) };
}

/** Parses `input` with `schema`; throws `HrddError` naming every bad field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = safeParseWith(schema, input, what);
  if (!result.success) throw result.error;
  return result.data;
}

/** Validates a transaction (schema and cross-field checks); throws `HrddError` listing every bad field. */
export function parseTransaction(input: unknown): Transaction {
  checkDepth(input, 'transaction');
  return parseWith(TransactionSchema, input, 'transaction');
}

/** Like `parseTransaction`, but returns `{ success, data }` or `{ success: false, error }` instead of throwing. */
export function safeParseTransaction(input: unknown): SafeParseResult<Transaction> {
  const deep = depthIssue(input);
  if (deep) return { success: false, error: new HrddError('Invalid transaction', [deep]) };
  return safeParseWith(TransactionSchema, input, 'transaction');
}
