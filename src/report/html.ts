import type { Decision, Finding } from '../model/index.js';
import {
  DECISION_EXPLAINED,
  DECISION_TEXT,
  DISCLAIMER,
  type Reportable,
  type ReportOptions,
  subjectText,
} from './common.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
const h = escapeHtml;

// Colours chosen for ≥ 4.5:1 contrast with their text.
const DECISION_COLOUR: Record<Decision, string> = {
  proceed: '#14532d',
  'proceed-with-conditions': '#713f12',
  escalate: '#9a3412',
  decline: '#991b1b',
};
const CELL_COLOURS = ['#ecfdf5', '#fef9c3', '#fed7aa', '#fecaca'];

function cellColour(severity: number, likelihood: number): string {
  const risk = severity * likelihood;
  return CELL_COLOURS[risk >= 12 ? 3 : risk >= 8 ? 2 : risk >= 4 ? 1 : 0]!;
}

/** A 4×4 severity × likelihood heat map with the number of findings in each cell, as inline SVG. */
export function heatMapSvg(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings)
    counts.set(`${f.severity.level}:${f.likelihood}`, (counts.get(`${f.severity.level}:${f.likelihood}`) ?? 0) + 1);
  const size = 56;
  const left = 70;
  const top = 10;
  const cells: string[] = [];
  for (let s = 4; s >= 1; s--) {
    for (let l = 1; l <= 4; l++) {
      const x = left + (l - 1) * size;
      const y = top + (4 - s) * size;
      const n = counts.get(`${s}:${l}`) ?? 0;
      cells.push(
        `<rect x="${x}" y="${y}" width="${size - 2}" height="${size - 2}" rx="4" fill="${cellColour(s, l)}" stroke="#334155" stroke-width="${n > 0 ? 2 : 0.5}"/>` +
          (n > 0
            ? `<text x="${x + size / 2 - 1}" y="${y + size / 2 + 6}" text-anchor="middle" font-size="18" font-weight="700" fill="#0f172a">${n}</text>`
            : ''),
      );
    }
    cells.push(
      `<text x="${left - 8}" y="${top + (4 - s) * size + size / 2 + 4}" text-anchor="end" font-size="13" fill="#0f172a">${s}</text>`,
    );
  }
  for (let l = 1; l <= 4; l++)
    cells.push(
      `<text x="${left + (l - 1) * size + size / 2 - 1}" y="${top + 4 * size + 16}" text-anchor="middle" font-size="13" fill="#0f172a">${l}</text>`,
    );
  const width = left + 4 * size + 10;
  const height = top + 4 * size + 44;
  const desc =
    findings.length === 0
      ? 'No findings.'
      : [...counts]
          .map(([k, n]) => `${n} finding(s) at severity ${k.split(':')[0]}, likelihood ${k.split(':')[1]}`)
          .join('; ');
  return `<svg role="img" aria-labelledby="hm-title hm-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title id="hm-title">Findings by severity and likelihood</title><desc id="hm-desc">${h(desc)}</desc>${cells.join('')}<text x="${left + 2 * size}" y="${height - 6}" text-anchor="middle" font-size="13" fill="#0f172a">likelihood →</text><text x="14" y="${top + 2 * size}" text-anchor="middle" font-size="13" fill="#0f172a" transform="rotate(-90 14 ${top + 2 * size})">severity →</text></svg>`;
}

const CSS = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#fff}
body{margin:0 auto;max-width:960px;padding:24px;line-height:1.5}
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.2rem;margin:28px 0 8px;border-bottom:1px solid #cbd5e1;padding-bottom:4px}
.decision{color:#fff;border-radius:8px;padding:16px 20px;margin:16px 0}.decision p{margin:4px 0 0}
.meta{color:#334155}.grid{display:flex;gap:32px;flex-wrap:wrap;align-items:flex-start}
table{border-collapse:collapse;width:100%;font-size:.92rem}caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid #cbd5e1;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f1f5f9}
.ok{color:#14532d;font-weight:600}.todo{color:#9a3412;font-weight:600}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;word-break:break-all}
.refs{color:#334155;font-size:.85rem}footer{margin-top:32px;color:#334155;font-size:.85rem}
@media print{body{max-width:none;padding:0}.decision{-webkit-print-color-adjust:exact;print-color-adjust:exact}section{break-inside:avoid}a{color:inherit}}
`;

function refList(refs: readonly string[], options: ReportOptions): string {
  return refs
    .map((r) => {
      const info = options.refs?.[r];
      if (!info) return `<span>${h(r)}</span>`;
      return `<abbr title="${h(info.title)}">${h(r)}</abbr>`;
    })
    .join(', ');
}

/**
 * A self-contained, accessible and printable HTML report: inline CSS and SVG, no scripts, no external requests.
 */
export function renderHtml(assessment: Reportable, options: ReportOptions = {}): string {
  const a = assessment;
  const p = a.provenance;
  const findings = a.findings
    .map(
      (f, i) =>
        `<tr><td>${i + 1}</td><th scope="row">${h(f.title)}<br><code>${h(f.ruleId)}</code></th><td>${h(subjectText(f.subject))}</td><td>${f.severity.level} <span class="refs">(${f.severity.scale}/${f.severity.scope}/${f.severity.irremediability})</span></td><td>${f.likelihood}</td><td>${f.risk}</td><td>${h(f.involvement ?? '—')}</td><td>${h(f.rationale)}<div class="refs">Sources: ${refList(f.refs, options)}</div></td></tr>`,
    )
    .join('');
  const assurances = a.requiredAssurances
    .map(
      (r) =>
        `<tr><th scope="row">${h(r.title)}<br><code>${h(r.type)}</code></th><td>${h(r.from ?? '—')}</td><td class="${r.status === 'satisfied' ? 'ok' : 'todo'}">${r.status === 'satisfied' ? '✔ satisfied' : '✘ outstanding'}</td><td>${h(r.validUntil ?? '—')}</td><td>${r.because.map((b) => `<code>${h(b)}</code>`).join(', ')}</td></tr>`,
    )
    .join('');
  const missing = a.missingInformation
    .map(
      (m) =>
        `<li><code>${h(m.path)}</code> — ${h(m.reason)} <strong>(${m.blocking ? 'blocking' : 'condition'})</strong></li>`,
    )
    .join('');
  const data = p.data.map((d) => `<li>${h(d.id)} ${h(d.version)} <code>${h(d.hash)}</code></li>`).join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Due-diligence assessment ${h(a.transactionId)} — ${h(a.decision)}</title>
<style>${CSS}</style></head>
<body>
<header><h1>Due-diligence assessment ${h(a.transactionId)}</h1>
<p class="meta">As of ${h(a.asOf)}${a.reviewBy ? ` · review by ${h(a.reviewBy)}` : ''} · score ${a.score.value} (${h(a.score.band)})</p></header>
<main>
<section class="decision" style="background:${DECISION_COLOUR[a.decision]}" aria-label="Decision"><strong>Decision: ${h(DECISION_TEXT[a.decision])}</strong> <code style="color:#fff">${h(a.decision)}</code><p>${h(DECISION_EXPLAINED[a.decision])}</p></section>
<section aria-labelledby="map-h"><h2 id="map-h">Severity and likelihood</h2><div class="grid">${heatMapSvg(a.findings)}<p>Severity (UNGP 14) is the highest of scale, scope and irremediability, each 1–4; likelihood 1–4. Risk = severity × likelihood. Findings are ranked by severity first: likelihood never discounts a severe harm.</p></div></section>
<section aria-labelledby="f-h"><h2 id="f-h">Findings</h2>${a.findings.length === 0 ? '<p>No finding.</p>' : `<table><caption>Findings ranked by severity, then likelihood</caption><thead><tr><th scope="col">#</th><th scope="col">Finding</th><th scope="col">Subject</th><th scope="col">Severity</th><th scope="col">Likelihood</th><th scope="col">Risk</th><th scope="col">Involvement</th><th scope="col">Rationale</th></tr></thead><tbody>${findings}</tbody></table>`}</section>
<section aria-labelledby="a-h"><h2 id="a-h">Required assurances</h2>${a.requiredAssurances.length === 0 ? '<p>None.</p>' : `<table><caption>Assurances to obtain before shipment (Code of Conduct commitment 4)</caption><thead><tr><th scope="col">Assurance</th><th scope="col">From</th><th scope="col">Status</th><th scope="col">Valid until</th><th scope="col">Required by</th></tr></thead><tbody>${assurances}</tbody></table>`}</section>
<section aria-labelledby="m-h"><h2 id="m-h">Missing information</h2>${missing ? `<ul>${missing}</ul>` : '<p>None.</p>'}</section>
${a.notes?.length ? `<section aria-labelledby="n-h"><h2 id="n-h">Notes</h2><ul>${a.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul></section>` : ''}
<section aria-labelledby="p-h"><h2 id="p-h">Provenance</h2><ul>
<li>Engine ${h(p.engine.name)} ${h(p.engine.version)}</li>
<li>Rule set ${h(p.ruleset.id)} ${h(p.ruleset.version)} <code>${h(p.ruleset.hash)}</code></li>
${p.questionnaire ? `<li>Questionnaire ${h(p.questionnaire.id)} ${h(p.questionnaire.version)} <code>${h(p.questionnaire.hash)}</code></li>` : ''}${data}
<li>Input <code>${h(p.inputHash)}</code></li></ul>
<p>Reproduce: <code>hrdd replay ${h(options.recordFile ?? '<record.json>')}</code></p></section>
</main>
<footer><p>${h(DISCLAIMER)}</p></footer>
</body></html>
`;
}
