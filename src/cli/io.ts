import { writeFileSync } from 'node:fs';
import type { HrddError } from '../errors.js';

/** Exit codes of the `hrdd` command (DESIGN.md). */
export const EXIT = { ok: 0, internal: 1, badInput: 2, checkFailed: 3, interrupted: 130 } as const;

/** A user error on the command line (bad option value, unreadable file): exit 2, message only. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export { checkWritable, readJsonFile, readTextFile, writeTextFile } from '../node/files.js';

/** Today's date in UTC as `YYYY-MM-DD` — the CLI's default `asOf`. The core never reads the clock. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Checks an option value against the accepted ones, or throws a `UsageError` listing them. */
export function oneOf<T extends string>(value: string, accepted: readonly T[], option: string): T {
  if ((accepted as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid ${option} "${value}": expected one of ${accepted.join(', ')}`);
}

/** Validates an `--as-of` style date. */
export function isoDateOption(value: string, option = '--as-of'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value) return value;
  }
  throw new UsageError(`invalid ${option} "${value}": expected a real calendar date YYYY-MM-DD`);
}

export function hrddErrorText(error: HrddError): string {
  return `error: ${error.message}`;
}

/** Pretty JSON to a file or standard output. */
export function writeOut(value: unknown, file: string | undefined): void {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (file) writeFileSync(file, text);
  else process.stdout.write(text);
}

/** A whole-number option (`--workers`), checked against its range. */
export function wholeNumber(value: string, option: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`invalid ${option} "${value}": expected a whole number from ${min} to ${max}`);
  return n;
}
