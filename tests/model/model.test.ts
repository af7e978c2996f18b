import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { HrddError } from '../../src/errors.js';
import { COUNTRY_CODES, modelSchemas, parseTransaction, safeParseTransaction } from '../../src/model/index.js';
import { baseTransaction, exampleTransactions } from '../helpers.js';

function issuesOf(input: unknown) {
  const result = safeParseTransaction(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues;
}

describe('parseTransaction', () => {
  it('accepts every example', () => {
    for (const [, tx] of exampleTransactions()) expect(() => parseTransaction(tx)).not.toThrow();
  });

  it('names every bad field by path', () => {
    const tx = baseTransaction();
    (tx.items as Record<string, unknown>[])[0]!.quantity = -1;
    tx.destination = 'XX';
    tx.date = '2026-02-30';
    try {
      parseTransaction(tx);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HrddError);
      const paths = (error as HrddError).issues.map((i) => i.path).sort();
      expect(paths).toEqual(['date', 'destination', 'items[0].quantity']);
    }
  });

  it.each([
    ['empty items', (tx: Record<string, unknown>) => (tx.items = []), 'items'],
    [
      'unknown capability',
      (tx: Record<string, unknown>) => ((tx.items as Record<string, unknown>[])[0]!.capabilities = ['mind-reading']),
      'items[0].capabilities[0]',
    ],
    ['unknown field', (tx: Record<string, unknown>) => (tx.colour = 'blue'), ''],
    ['no end user', (tx: Record<string, unknown>) => (tx.endUsers = []), 'endUsers'],
  ])('rejects %s', (_, mutate, path) => {
    const tx = baseTransaction();
    mutate(tx);
    expect(issuesOf(tx).map((i) => i.path)).toContain(path);
  });

  it('checks party ids, assurance parties and validity dates across fields', () => {
    const tx = baseTransaction();
    (tx.endUsers as Record<string, unknown>[]).push({ id: 'exp', name: 'Twin', country: 'NO', type: 'academic' });
    tx.assurances = [
      { type: 'end-use-statement', from: 'nobody', obtainedOn: '2026-01-01' },
      { type: 'no-reexport', from: 'eu', obtainedOn: '2026-05-01', validUntil: '2026-04-30' },
    ];
    const issues = issuesOf(tx);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'endUsers[1].id', message: expect.stringContaining('duplicate party id') }),
        expect.objectContaining({ path: 'assurances[0].from' }),
        expect.objectContaining({ path: 'assurances[1].validUntil' }),
      ]),
    );
  });

  it('accepts Kosovo and a real leap day', () => {
    const tx = baseTransaction();
    tx.destination = 'XK';
    tx.date = '2028-02-29';
    expect(parseTransaction(tx).destination).toBe('XK');
  });
});

describe('country list', () => {
  it('is the complete ISO 3166-1 alpha-2 list plus XK', () => {
    const reference = new Set([...Object.keys(countries.getAlpha2Codes()), 'XK']);
    expect(new Set(COUNTRY_CODES)).toEqual(reference);
  });
});

describe('JSON Schema export', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(modelSchemas.transaction());

  it('accepts every example', () => {
    for (const [file, tx] of exampleTransactions())
      expect(validate(tx), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  });

  it.each([
    ['empty items', (tx: Record<string, unknown>) => (tx.items = [])],
    ['unknown country XX', (tx: Record<string, unknown>) => (tx.destination = 'XX')],
    ['negative quantity', (tx: Record<string, unknown>) => ((tx.items as Record<string, unknown>[])[0]!.quantity = -3)],
    ['date 2026-02-30', (tx: Record<string, unknown>) => (tx.date = '2026-02-30')],
    [
      'unknown capability',
      (tx: Record<string, unknown>) => ((tx.items as Record<string, unknown>[])[0]!.capabilities = ['telepathy']),
    ],
  ])('rejects %s', (_, mutate) => {
    const tx = baseTransaction();
    expect(validate(tx)).toBe(true);
    mutate(tx);
    expect(validate(tx)).toBe(false);
  });

  it('exports item, party and assessment schemas', () => {
    for (const name of ['item', 'party', 'assessment'] as const)
      expect(ajv.compile(modelSchemas[name]())).toBeTypeOf('function');
  });
});
