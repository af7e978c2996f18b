import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createEngine } from '../src/engine/index.js';
import type { Assessment } from '../src/model/index.js';

/** Where the judgement orders live: one realistic order per file, with the decision a careful officer would sign. */
export const ORDERS_DIR = join(import.meta.dirname, '..', 'tests', 'judgements', 'orders');

const DecisionSchema = z.enum(['proceed', 'proceed-with-conditions', 'escalate', 'decline']);

export const JudgementOrderSchema = z.strictObject({
  title: z.string().min(1),
  region: z.string().min(1),
  asOf: z.iso.date(),
  transaction: z.record(z.string(), z.unknown()),
  answers: z.record(z.string(), z.unknown()),
  expect: z.strictObject({
    decision: DecisionSchema,
    fires: z.array(z.string()).optional(),
    notFires: z.array(z.string()).optional(),
    /** Paths the assessment must list as missing information (information rules raise no finding). */
    missing: z.array(z.string()).optional(),
  }),
  why: z.string().min(1),
});
export type JudgementOrder = z.infer<typeof JudgementOrderSchema>;

/** Every order file, sorted by name, parsed against the order shape. */
export function judgementOrders(): [file: string, order: JudgementOrder][] {
  return readdirSync(ORDERS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JudgementOrderSchema.parse(JSON.parse(readFileSync(join(ORDERS_DIR, f), 'utf8')))]);
}

/** One order through the default engine (rule set, questionnaire, country data). */
export function judge(order: JudgementOrder, engine = createEngine()): Assessment {
  return engine.assess(order.transaction, { answers: order.answers, asOf: order.asOf });
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

interface OrderShape {
  items: { capabilities: string[] }[];
  intermediaries?: { type: string; country: string }[];
  consignee?: { type: string; country: string };
}

/** docs/judgements.md: every judgement order, the decision of the default content, and why an officer agrees. */
export function renderJudgementsDoc(): string {
  const engine = createEngine();
  const lines = [
    '# Judgements: realistic orders and the decisions of the default content',
    '',
    'Each row is an order in `tests/judgements/orders/`, assessed with the default rule set, questionnaire and',
    'country data on its own `asOf` date. The decision is what the engine gives; `tests/judgements/judgements.test.ts`',
    "fails when it differs from the decision a careful compliance officer would sign (the order's `expect`), and",
    'when this file is stale (regenerate: `npm run generate`). hrdd supports due diligence; it does not decide',
    'licence requirements or give legal advice.',
    '',
    '| Order | Region | Item kind | Intermediaries | Decision | Why a careful officer agrees |',
    '|---|---|---|---|---|---|',
  ];
  for (const [file, order] of judgementOrders()) {
    const a = judge(order, engine);
    const tx = order.transaction as unknown as OrderShape;
    const kinds = [...new Set(tx.items.flatMap((i) => (i.capabilities.length ? i.capabilities : ['general-ict'])))];
    const middle = [...(tx.consignee ? [tx.consignee] : []), ...(tx.intermediaries ?? [])];
    const intermediaries = middle.map((p) => `${p.type} (${p.country})`).join(', ') || '—';
    lines.push(
      `| \`${file.replace(/\.json$/, '')}\` ${cell(order.title)} | ${cell(order.region)} | ${kinds.join(', ')} | ${intermediaries} | **${a.decision}** | ${cell(order.why)} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
