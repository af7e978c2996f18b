import { DECISIONS } from '../../model/index.js';
import { escapeHtml, escapeMarkdown } from '../../report/index.js';
import type { Sql } from './db.js';
import { LEVERAGE_ACTIONS, REMEDIATION_STATUSES } from './records.js';
import { REGIONS, regionOf } from './regions.js';

type Counts = Record<string, number>;

/**
 * UNGP 21: what a company can publish about how it addresses its impacts. Counts only — by decision, red flag,
 * destination region, reason for declining, leverage used, reports received and remediation — never a party's
 * name, id or a transaction id.
 */
export interface TransparencyReport {
  year: number;
  /** Transactions assessed in the year; each counted once, with the last decision of the year. */
  transactions: number;
  byDecision: Counts;
  /** Red flags (`RF-…`) raised in the last assessment of the year, by number of transactions. */
  byRedFlag: Counts;
  /** M49 region of the destination, with the decisions there. */
  byRegion: Record<string, Counts>;
  /** Declines by their highest-ranked finding. */
  declineReasons: Counts;
  /** Re-assessments made by monitoring, and how many of them changed the decision. */
  monitoring: { reassessed: number; changed: number };
  leverage: Counts;
  reports: { misuse: Counts; grievance: Counts };
  remediation: Counts;
  reviews: number;
}

const zero = (keys: readonly string[]): Counts => Object.fromEntries(keys.map((k) => [k, 0]));
const inc = (c: Counts, k: string) => {
  c[k] = (c[k] ?? 0) + 1;
};
const sorted = (c: Counts): Counts =>
  Object.fromEntries(Object.entries(c).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));

export async function transparencyReport(sql: Sql, year: number): Promise<TransparencyReport> {
  const from = `${String(year).padStart(4, '0')}-01-01`;
  const to = `${String(year).padStart(4, '0')}-12-31`;
  const last = await sql.query<{ decision: string; destination: string; red_flags: string; top_rules: string }>(
    `select distinct on (transaction_id) decision, destination, red_flags, top_rules
       from register_assessments where as_of between $1 and $2 order by transaction_id, seq desc`,
    [from, to],
  );
  const byDecision = zero(DECISIONS);
  const byRedFlag: Counts = {};
  const byRegion: Record<string, Counts> = {};
  const declineReasons: Counts = {};
  for (const row of last) {
    inc(byDecision, row.decision);
    for (const flag of row.red_flags.split(' ')) if (flag !== '') inc(byRedFlag, flag);
    const region = regionOf(row.destination);
    byRegion[region] ??= zero(DECISIONS);
    inc(byRegion[region]!, row.decision);
    if (row.decision === 'decline') {
      const top = (JSON.parse(row.top_rules) as [string, string][])[0];
      inc(declineReasons, top ? top[1] : 'no finding recorded');
    }
  }
  const monitored = await sql.query<{ decision: string; previous: string | null }>(
    `select a.decision, (select b.decision from register_assessments b
                          where b.transaction_id = a.transaction_id and b.seq < a.seq order by b.seq desc limit 1) as previous
       from register_assessments a where a.source = 'monitor' and a.as_of between $1 and $2`,
    [from, to],
  );
  const leverage = zero(LEVERAGE_ACTIONS);
  for (const r of await sql.query<{ action: string }>(
    'select action from register_leverage where date between $1 and $2',
    [from, to],
  ))
    inc(leverage, r.action);
  const reports = { misuse: zero(['low', 'medium', 'high']), grievance: zero(['low', 'medium', 'high']) };
  for (const r of await sql.query<{ kind: 'misuse' | 'grievance'; credibility: string }>(
    'select kind, credibility from register_reports where date between $1 and $2',
    [from, to],
  ))
    inc(reports[r.kind], r.credibility);
  const remediation = zero(REMEDIATION_STATUSES);
  for (const r of await sql.query<{ status: string }>(
    'select status from register_remediation where date between $1 and $2',
    [from, to],
  ))
    inc(remediation, r.status);
  const reviews = await sql.query<{ n: number }>(
    'select count(*)::integer as n from register_reviews where date between $1 and $2',
    [from, to],
  );
  const regionOrder = [...REGIONS, 'Unknown region'];
  return {
    year,
    transactions: last.length,
    byDecision,
    byRedFlag: sorted(byRedFlag),
    byRegion: Object.fromEntries(regionOrder.filter((r) => byRegion[r]).map((r) => [r, byRegion[r]!])),
    declineReasons: sorted(declineReasons),
    monitoring: {
      reassessed: monitored.length,
      changed: monitored.filter((m) => m.previous !== null && m.previous !== m.decision).length,
    },
    leverage,
    reports,
    remediation,
    reviews: reviews[0]?.n ?? 0,
  };
}

const DISCLAIMER =
  'Counts from the due-diligence register of the exporter. hrdd supports due diligence; it does not determine licence requirements or give legal advice.';

function tables(r: TransparencyReport): { title: string; head: string[]; rows: (string | number)[][] }[] {
  const pairs = (c: Counts) => Object.entries(c).map(([k, v]) => [k, v]);
  return [
    { title: 'Decisions', head: ['Decision', 'Transactions'], rows: pairs(r.byDecision) },
    { title: 'Red flags raised', head: ['Red flag', 'Transactions'], rows: pairs(r.byRedFlag) },
    {
      title: 'Destination regions (UN M49)',
      head: ['Region', ...DECISIONS],
      rows: Object.entries(r.byRegion).map(([region, c]) => [region, ...DECISIONS.map((d) => c[d] ?? 0)]),
    },
    { title: 'Declines by main reason', head: ['Reason', 'Transactions'], rows: pairs(r.declineReasons) },
    {
      title: 'Ongoing monitoring',
      head: ['', 'Count'],
      rows: [
        ['Re-assessments', r.monitoring.reassessed],
        ['Decisions changed', r.monitoring.changed],
        ['Reviews signed off', r.reviews],
      ],
    },
    { title: 'Leverage used (UNGP 19)', head: ['Action', 'Count'], rows: pairs(r.leverage) },
    {
      title: 'Misuse reports and grievances received',
      head: ['Credibility', 'Misuse reports', 'Grievances'],
      rows: ['high', 'medium', 'low'].map((c) => [c, r.reports.misuse[c] ?? 0, r.reports.grievance[c] ?? 0]),
    },
    { title: 'Remediation (UNGP 22)', head: ['Status', 'Count'], rows: pairs(r.remediation) },
  ];
}

export function renderTransparencyMarkdown(r: TransparencyReport): string {
  const out = [`# Human-rights due diligence: transparency report ${r.year}`, '', DISCLAIMER, ''];
  out.push(`Transactions assessed: ${r.transactions}`, '');
  for (const t of tables(r)) {
    out.push(`## ${t.title}`, '');
    if (t.rows.length === 0) {
      out.push('None.', '');
      continue;
    }
    out.push(`| ${t.head.map((h) => escapeMarkdown(h)).join(' | ')} |`, `|${t.head.map(() => ' --- ').join('|')}|`);
    for (const row of t.rows) out.push(`| ${row.map((c) => escapeMarkdown(String(c))).join(' | ')} |`);
    out.push('');
  }
  return `${out.join('\n')}`;
}

export function renderTransparencyHtml(r: TransparencyReport): string {
  const title = `Human-rights due diligence: transparency report ${r.year}`;
  const body = tables(r)
    .map(
      (t) =>
        `<section><h2>${escapeHtml(t.title)}</h2>${
          t.rows.length === 0
            ? '<p>None.</p>'
            : `<table><thead><tr>${t.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${t.rows
                .map(
                  (row) =>
                    `<tr>${row.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(String(c))}</th>` : `<td>${escapeHtml(String(c))}</td>`)).join('')}</tr>`,
                )
                .join('')}</tbody></table>`
        }</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #999;padding:.25rem .6rem;text-align:left}td{text-align:right}</style>
</head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(DISCLAIMER)}</p><p>Transactions assessed: ${r.transactions}</p>
${body}
</main></body></html>
`;
}
