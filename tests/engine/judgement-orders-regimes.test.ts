import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';
import { ROOT } from '../helpers.js';

/** Judgement orders 50–79: regimes, regions, transit, control codes (shared format of tests/judgements/orders). */
interface Order {
  title: string;
  region: string;
  asOf: string;
  transaction: unknown;
  answers: Record<string, unknown>;
  expect: { decision?: string; fires?: string[]; notFires?: string[] };
  why: string;
}

const DIR = join(ROOT, 'tests', 'judgements', 'orders');
const orders = readdirSync(DIR)
  .filter((f) => /^0[5-7]\d-.*\.json$/.test(f))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Order] as const);

describe('judgement orders 50–79', () => {
  const engine = createEngine();

  it('there are at least eight, each saying why a careful officer would agree', () => {
    expect(orders.length).toBeGreaterThanOrEqual(8);
    for (const [file, o] of orders) expect(o.why.length, file).toBeGreaterThan(40);
  });

  it.each(orders)('%s', (_file, o) => {
    const a = engine.assess(o.transaction, { asOf: o.asOf, answers: o.answers });
    const fired = a.findings.map((f) => f.ruleId);
    if (o.expect.decision) expect(a.decision).toBe(o.expect.decision);
    for (const id of o.expect.fires ?? []) expect(fired).toContain(id);
    for (const id of o.expect.notFires ?? []) expect(fired).not.toContain(id);
  });
});
