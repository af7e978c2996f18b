import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, judgementOrders, renderJudgementsDoc } from '../../scripts/judgement-orders.js';
import { createEngine } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const orders = judgementOrders();

describe('judgement orders: the default content decides as a careful officer would', () => {
  const engine = createEngine();

  it('has at least twenty orders, numbered and named <nnn>-<slug>.json', () => {
    expect(orders.length).toBeGreaterThanOrEqual(20);
    for (const [file] of orders) expect(file).toMatch(/^\d{3}-[a-z0-9-]+\.json$/);
  });

  it.each(orders)('%s', (_file, order) => {
    const a = judge(order, engine);
    const fired = new Set(a.findings.map((f) => f.ruleId));
    const summary = { decision: a.decision, fired: [...fired].sort() };
    expect(summary.decision, JSON.stringify(summary)).toBe(order.expect.decision);
    for (const id of order.expect.fires ?? []) expect(fired.has(id), `${id} should fire`).toBe(true);
    for (const id of order.expect.notFires ?? []) expect(fired.has(id), `${id} should not fire`).toBe(false);
    const missing = new Set(a.missingInformation.map((m) => m.path));
    for (const path of order.expect.missing ?? []) expect(missing.has(path), `${path} should be missing`).toBe(true);
  });
});

describe('docs/judgements.md is current (regenerate: npm run generate)', () => {
  it('matches the orders and the engine', () => {
    expect(readFileSync(join(ROOT, 'docs/judgements.md'), 'utf8')).toBe(renderJudgementsDoc());
  });
});
