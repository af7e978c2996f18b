import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { HrddError } from '../src/index.js';

export const ROOT = join(import.meta.dirname, '..');
export const EXAMPLES_DIR = join(ROOT, 'examples', 'transactions');

/** Every bundled example transaction, by file name. */
export function exampleTransactions(): [string, Record<string, unknown>][] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8')) as Record<string, unknown>]);
}

export function example(prefix: string): Record<string, unknown> {
  const found = exampleTransactions().find(([f]) => f.startsWith(prefix));
  if (!found) throw new Error(`no example ${prefix}`);
  return structuredClone(found[1]);
}

/** A small valid transaction to vary in tests. */
export function baseTransaction(): Record<string, unknown> {
  return {
    id: 'T-1',
    date: '2026-10-01',
    exporter: { id: 'exp', name: 'Exporter GmbH', country: 'DE', type: 'private-company' },
    endUsers: [{ id: 'eu', name: 'End User Ltd', country: 'NO', type: 'private-company' }],
    destination: 'NO',
    items: [
      { id: 'i1', description: 'Laptops', quantity: 10, unitPrice: { amount: 800, currency: 'EUR' }, capabilities: [] },
    ],
    endUse: { description: 'Office work' },
    payment: { method: 'bank-transfer' },
  };
}

/** The issues of the `HrddError` that `fn` throws (fails when it throws anything else or nothing). */
export function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HrddError);
    return (error as HrddError).issues;
  }
  throw new Error('expected an HrddError');
}
