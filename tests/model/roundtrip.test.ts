import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { canonicalJson, orderedJson } from '../../src/digest/index.js';
import {
  ASSURANCE_TYPES,
  CAPABILITIES,
  COUNTRY_CODES,
  PARTY_TYPES,
  parseTransaction,
  SERVICES,
  TransactionSchema,
} from '../../src/model/index.js';

// Arbitrary valid transactions, built from the model's own vocabularies.
const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,10}$/);
const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0);
const country = fc.constantFrom(...COUNTRY_CODES);
const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const party = (pid: string) =>
  fc.record(
    {
      id: fc.constant(pid),
      name: text,
      country,
      type: fc.constantFrom(...PARTY_TYPES),
      aliases: fc.array(text, { maxLength: 2 }),
      ownership: fc.record({ stateOwned: fc.boolean(), beneficialOwnersKnown: fc.boolean() }, { requiredKeys: [] }),
    },
    { requiredKeys: ['id', 'name', 'country', 'type'] },
  );
const item = (iid: string) =>
  fc.record(
    {
      id: fc.constant(iid),
      description: text,
      quantity: fc.integer({ min: 1, max: 10_000 }),
      unitPrice: fc.record({ amount: fc.integer({ min: 0, max: 1_000_000 }), currency: fc.constantFrom('EUR', 'USD') }),
      capabilities: fc.uniqueArray(fc.constantFrom(...CAPABILITIES), { maxLength: 3 }),
      features: fc.record(
        { covert: fc.boolean(), bulk: fc.boolean(), identifiesPersons: fc.boolean() },
        { requiredKeys: [] },
      ),
      customized: fc.boolean(),
    },
    { requiredKeys: ['id', 'description', 'quantity', 'capabilities'] },
  );

const transaction = fc
  .record({
    id,
    date,
    exporter: party('exp'),
    endUsers: fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => party(`eu${i}`)))),
    destination: country,
    items: fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => item(`it${i}`)))),
    services: fc.uniqueArray(fc.constantFrom(...SERVICES), { maxLength: 3 }),
    assurances: fc.array(
      fc.record({ type: fc.constantFrom(...ASSURANCE_TYPES), from: fc.constantFrom('exp', 'eu0'), obtainedOn: date }),
      { maxLength: 3 },
    ),
  })
  .map((tx) => ({ ...tx, endUsers: [...tx.endUsers], items: [...tx.items] }));

describe('parse → JSON → parse', () => {
  it('leaves any valid transaction unchanged', () => {
    fc.assert(
      fc.property(transaction, (tx) => {
        const once = parseTransaction(tx);
        const twice = parseTransaction(JSON.parse(JSON.stringify(once)));
        expect(twice).toEqual(once);
        expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('a parsed transaction', () => {
  it('is its own canonical JSON: its JSON text is the RFC 8785 text (the input hash relies on it)', () => {
    fc.assert(
      fc.property(transaction, (tx) => {
        const parsed = parseTransaction(tx);
        expect(orderedJson(parsed)).toBe(canonicalJson(parsed));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('comes from object schemas whose keys are all in canonical order', () => {
    const unsorted: string[] = [];
    const seen = new Set<unknown>();
    const walk = (schema: z.core.$ZodType, path: string): void => {
      if (seen.has(schema)) return;
      seen.add(schema);
      const def = schema._zod.def as unknown as Record<string, unknown>;
      if (def.type === 'object') {
        const shape = def.shape as Record<string, z.core.$ZodType>;
        const keys = Object.keys(shape);
        if (keys.join() !== [...keys].sort().join()) unsorted.push(path || '(root)');
        for (const key of keys) walk(shape[key]!, `${path}.${key}`);
      }
      for (const inner of ['innerType', 'element', 'in', 'out']) {
        if (def[inner]) walk(def[inner] as z.core.$ZodType, path);
      }
      for (const option of (def.options as z.core.$ZodType[] | undefined) ?? []) walk(option, path);
    };
    walk(TransactionSchema, '');
    expect(seen.size).toBeGreaterThan(20);
    expect(unsorted).toEqual([]);
  });
});
