import { sha256Hex } from '../digest/index.js';
import type { Finding, MissingInformation, RequiredAssurance, Transaction } from '../model/index.js';
import {
  DECISION_EXPLAINED,
  DECISION_TEXT,
  DISCLAIMER,
  partyNames,
  type Reportable,
  type ReportOptions,
  recordTransaction,
  replayCommand,
  riskBand,
  type SignOff,
  subjectText,
  summary,
  UNVERIFIED,
} from './common.js';
import { escapeHtml as h } from './escape.js';
import { heatMapSvg } from './heat-map.js';
import { REPORT_CSS } from './styles.js';

/**
 * The page's Content-Security-Policy: nothing may load or run; only the report's own stylesheet (by hash) applies.
 * A value that slipped past escaping still could not run a script, load an image or send a form.
 */
export const REPORT_CSP = `default-src 'none'; style-src '${cssHash()}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

function cssHash(): string {
  const hex = sha256Hex(REPORT_CSS);
  let binary = '';
  for (let i = 0; i < hex.length; i += 2) binary += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2), 16));
  return `sha256-${btoa(binary)}`;
}

const badge = (cls: string, text: string) => `<span class="badge ${cls}">${h(text)}</span>`;
const section = (id: string, title: string, body: string) =>
  `<section aria-labelledby="${id}"><h2 id="${id}">${h(title)}</h2>${body}</section>`;
const none = (text: string) => `<p class="none">${h(text)}</p>`;

function refItems(refs: readonly string[], options: ReportOptions): string {
  if (refs.length === 0) return '';
  const items = refs.map((id) => {
    const info = options.refs && Object.hasOwn(options.refs, id) ? options.refs[id] : undefined;
    if (!info) return `<li>${h(id)}</li>`;
    // Only web links: a hostile registry must not smuggle javascript: URLs into the page.
    const label = info.url && /^https?:\/\//.test(info.url) ? `<a href="${h(info.url)}">${h(id)}</a>` : h(id);
    return `<li>${label} — ${h(info.title)}</li>`;
  });
  return `<ul class="refs" aria-label="Sources">${items.join('')}</ul>`;
}

function findingRow(f: Finding, rank: number, options: ReportOptions): string {
  const s = f.severity;
  const involvement = f.involvement ? `<span class="sub">Involvement: ${h(f.involvement)} (UNGP 13)</span>` : '';
  return `<tr><td class="num">${rank}</td><th scope="row">${h(f.title)}<span class="sub"><code>${h(f.ruleId)}</code></span><p class="rationale">${h(f.rationale)}</p>${involvement}${refItems(f.refs, options)}</th><td>${h(subjectText(f.subject))}</td><td class="num">${badge(`s${s.level}`, String(s.level))}<span class="sub">${s.scale} / ${s.scope} / ${s.irremediability}</span></td><td class="num">${f.likelihood}</td><td class="num">${badge(`b-${riskBand(f.risk)}`, String(f.risk))}</td></tr>`;
}

function findingsTable(a: Reportable, options: ReportOptions): string {
  if (a.findings.length === 0) return none('No rule matched this transaction.');
  return `<table><caption>Findings ranked by severity, then likelihood. Severity parts: scale / scope / irremediability.</caption><thead><tr><th scope="col">#</th><th scope="col">Finding, rationale and sources</th><th scope="col">Subject</th><th scope="col">Severity</th><th scope="col">Likelihood</th><th scope="col">Risk</th></tr></thead><tbody>${a.findings.map((f, i) => findingRow(f, i + 1, options)).join('')}</tbody></table>`;
}

function assuranceRow(r: RequiredAssurance, names: Map<string, string>): string {
  const name = r.from ? names.get(r.from) : undefined;
  const from = r.from ? `${h(r.from)}${name ? `<span class="sub">${h(name)}</span>` : ''}` : '—';
  return `<tr><th scope="row">${h(r.title)}<span class="sub"><code>${h(r.type)}</code></span></th><td>${from}</td><td>${badge(r.status, r.status === 'satisfied' ? '✓ satisfied' : '✗ outstanding')}</td><td>${h(r.validUntil ?? '—')}</td><td>${r.because.map((b) => `<code>${h(b)}</code>`).join(', ')}</td></tr>`;
}

function assurancesTable(a: Reportable, names: Map<string, string>): string {
  if (a.requiredAssurances.length === 0) return none('No assurance is required.');
  return `<table><caption>Assurances against misuse, re-export and transfer (Code of Conduct commitment 4); satisfied only by a valid assurance on file.</caption><thead><tr><th scope="col">Assurance</th><th scope="col">From</th><th scope="col">Status</th><th scope="col">Valid until</th><th scope="col">Required by</th></tr></thead><tbody>${a.requiredAssurances.map((r) => assuranceRow(r, names)).join('')}</tbody></table>`;
}

function verificationBanner(options: ReportOptions): string {
  const v = options.verification ?? UNVERIFIED;
  const details = v.details?.length ? `<ul>${v.details.map((d) => `<li>${h(d)}</li>`).join('')}</ul>` : '';
  return `<div class="verify v-${h(v.status)}" role="${v.status === 'not-verified' ? 'alert' : 'status'}"><p>${h(v.headline)}</p>${details}</div>`;
}

function signOffTable(so: SignOff = {}): string {
  const cell = (value: string | undefined) => `<td>${value ? h(value) : ''}</td>`;
  return `<table class="signoff"><caption>Completed by hand or by the workflow that files this report.</caption><thead><tr><th scope="col">Prepared by</th><th scope="col">Reviewed by</th><th scope="col">Date</th><th scope="col">Decision taken</th></tr></thead><tbody><tr>${cell(so.preparedBy)}${cell(so.reviewedBy)}${cell(so.date)}${cell(so.decisionTaken)}</tr></tbody></table>`;
}

function hardStopBlock(a: Reportable): string {
  if (!a.hardStops?.length) return '';
  const items = a.hardStops
    .map(
      (s) =>
        `<li>${h(s.reason)} <span class="sub"><code>${h(s.ruleId)}</code>${s.subject ? ` · ${h(subjectText(s.subject))}` : ''}</span></li>`,
    )
    .join('');
  return section('hardstop-h', 'Hard stop', `<div class="hardstop"><ul>${items}</ul></div>`);
}

function notEvaluatedTable(a: Reportable): string {
  if (!a.notEvaluated?.length) return '';
  const rows = a.notEvaluated
    .map((n) => `<tr><th scope="row"><code>${h(n.ruleId)}</code></th><td>${h(n.reason)}</td></tr>`)
    .join('');
  return section(
    'notevaluated-h',
    'Not evaluated for lack of data',
    `<table><caption>Rules that did not match only because the data they read is absent: supply it to evaluate them.</caption><thead><tr><th scope="col">Rule</th><th scope="col">Why</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function missingTable(items: readonly MissingInformation[]): string {
  if (items.length === 0) return none('Nothing is missing.');
  const rows = items
    .map(
      (m) =>
        `<tr><th scope="row"><code>${h(m.path)}</code></th><td>${h(m.reason)}</td><td>${m.blocking ? badge('blocking', 'blocking') : badge('condition', 'condition')}</td></tr>`,
    )
    .join('');
  return `<table><caption>Blocking gaps hold the decision at escalate; the others are conditions of release.</caption><thead><tr><th scope="col">Field</th><th scope="col">What is missing</th><th scope="col">Effect</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function partyText(p: Transaction['exporter']): string {
  return `${h(p.name)} <span class="sub">${h(p.id)} · ${h(p.type)} · ${h(p.country)}</span>`;
}

function transactionBlock(tx: Transaction): string {
  const rows: [string, string][] = [
    ['Order date', h(tx.date)],
    ['Destination', h(tx.destination)],
    ['Exporter', partyText(tx.exporter)],
  ];
  if (tx.consignee) rows.push(['Consignee', partyText(tx.consignee)]);
  rows.push([tx.endUsers.length === 1 ? 'End user' : 'End users', tx.endUsers.map(partyText).join('')]);
  if (tx.intermediaries?.length) rows.push(['Intermediaries', tx.intermediaries.map(partyText).join('')]);
  rows.push([
    'Items',
    tx.items
      .map(
        (i) =>
          `${h(i.description)} <span class="sub">${h(i.id)} · quantity ${i.quantity}${i.capabilities.length ? ` · ${h(i.capabilities.join(', '))}` : ''}</span>`,
      )
      .join(''),
  ]);
  if (tx.endUse?.description) rows.push(['Stated end use', h(tx.endUse.description)]);
  if (tx.services?.length) rows.push(['Services', h(tx.services.join(', '))]);
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${h(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function provenanceTable(a: Reportable): string {
  const p = a.provenance;
  const versioned = (d: { id: string; version: string; hash: string }) =>
    `${h(d.id)} ${h(d.version)}<span class="sub"><code>${h(d.hash)}</code></span>`;
  const rows: [string, string][] = [
    ['Engine', `${h(p.engine.name)} ${h(p.engine.version)}`],
    ['Rule set', versioned(p.ruleset)],
  ];
  if (a.options?.evaluator) rows.push(['Evaluator', h(a.options.evaluator)]);
  if (p.questionnaire) rows.push(['Questionnaire', versioned(p.questionnaire)]);
  for (const d of p.data) rows.push(['Data', versioned(d)]);
  for (const l of a.options?.lists ?? []) rows.push(['Screening list', versioned(l)]);
  rows.push(['Input', `<code>${h(p.inputHash)}</code>`], ['As of', h(p.asOf)]);
  return `<table><caption>Everything the assessment ran with, identified by canonical SHA-256 hash.</caption><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${h(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

const LEGEND = (['low', 'medium', 'high', 'critical'] as const)
  .map((b, i) => {
    const range = ['1–4', '5–8', '9–12', '13–16'][i];
    return `<li><span class="swatch sw-${b}"></span>${b} (risk ${range})</li>`;
  })
  .join('');

/**
 * A self-contained, accessible and printable HTML report of an assessment or record: inline CSS and SVG, no
 * scripts, no requests. Every value from the assessment is escaped. Deterministic: same input, same bytes.
 */
export function renderHtml(assessment: Reportable, options: ReportOptions = {}): string {
  const a = assessment;
  const tx = recordTransaction(a);
  const names = partyNames(tx);
  const { outstanding, blocking, highestSeverity } = summary(a);
  const stat = (n: string, label: string) =>
    `<li><span class="n">${h(n)}</span><span class="l">${h(label)}</span></li>`;
  const stats = [
    stat(`${a.score.value} · ${a.score.band}`, 'risk score (severity × likelihood, 0–16)'),
    stat(
      String(a.findings.length),
      `finding${a.findings.length === 1 ? '' : 's'}, highest severity ${highestSeverity || '—'}`,
    ),
    stat(`${outstanding} of ${a.requiredAssurances.length}`, 'assurances outstanding'),
    stat(String(a.missingInformation.length), `missing information, ${blocking} blocking`),
  ].join('');
  const meta = [
    ['As of', a.asOf],
    ...(a.reviewBy ? [['Review by', a.reviewBy]] : []),
    ['Rule set', `${a.provenance.ruleset.id} ${a.provenance.ruleset.version}`],
  ]
    .map(([k, v]) => `<div><dt>${h(k!)}</dt><dd>${h(v!)}</dd></div>`)
    .join('');
  const overview = `<div class="overview"><figure>${heatMapSvg(a.findings)}<figcaption>Number of findings in each cell.</figcaption></figure><div><ul class="legend" aria-label="Risk bands">${LEGEND}</ul><p>Severity (UNGP 14) is the highest of scale, scope and irremediability, each 1–4; likelihood is 1–4. Risk is severity × likelihood. Findings are ranked by severity first, because likelihood never discounts a severe harm (UNGP 24).</p></div></div>`;
  const notes = a.notes?.length
    ? section('notes-h', 'Notes', `<ul>${a.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul>`)
    : '';
  const replay = replayCommand(options.recordFile);
  const v = options.verification ?? UNVERIFIED;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${v.status === 'not-verified' ? 'NOT VERIFIED · ' : ''}Due-diligence assessment ${h(a.transactionId)}: ${h(a.decision)}</title>
<style>${REPORT_CSS}</style></head>
<body>
${verificationBanner(options)}
<header class="top"><p class="kicker">Human-rights due diligence · assessment report</p><h1>Transaction ${h(a.transactionId)}</h1><dl class="meta">${meta}</dl></header>
<main>
<section aria-labelledby="decision-h"><div class="decision d-${h(a.decision)}"><h2 id="decision-h">Decision</h2><p class="verdict">${h(DECISION_TEXT[a.decision])} <code>${h(a.decision)}</code></p><p>${h(DECISION_EXPLAINED[a.decision])}</p></div><ul class="stats" aria-label="Summary">${stats}</ul></section>
${tx ? section('tx-h', 'Transaction', transactionBlock(tx)) : ''}
${section('map-h', 'Severity and likelihood', overview)}
${section('findings-h', 'Findings', findingsTable(a, options))}
${hardStopBlock(a)}
${section('assurances-h', 'Required assurances', a.hardStops?.length ? none('None: no assurance can cure a hard stop.') : assurancesTable(a, names))}
${section('missing-h', 'Missing information', a.hardStops?.length ? none('None asked: no answer can cure a hard stop.') : missingTable(a.missingInformation))}
${notEvaluatedTable(a)}
${notes}
${section('provenance-h', 'Provenance', `${provenanceTable(a)}<p>Reproduce this assessment from its record and compare every field:</p><pre><code>${h(replay)}</code></pre>`)}
${section('signoff-h', 'Sign-off', signOffTable(options.signOff))}
</main>
<footer><p>${h(DISCLAIMER)}</p></footer>
</body>
</html>
`;
}
