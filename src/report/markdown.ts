import {
  DECISION_EXPLAINED,
  DECISION_TEXT,
  DISCLAIMER,
  partyNames,
  type Reportable,
  type ReportOptions,
  recordTransaction,
  replayCommand,
  subjectText,
  summary,
  UNVERIFIED,
} from './common.js';
import { markdownCode as code, escapeMarkdown as md } from './escape.js';

function refText(id: string, options: ReportOptions): string {
  const info = options.refs && Object.hasOwn(options.refs, id) ? options.refs[id] : undefined;
  return info ? `${md(id)} (${md(info.title)})` : md(id);
}

/**
 * A Markdown report of an assessment or record: decision, ranked findings with rationale and sources, the
 * assurance checklist, missing information and provenance. Every value is escaped; deterministic.
 */
export function renderMarkdown(assessment: Reportable, options: ReportOptions = {}): string {
  const a = assessment;
  const { outstanding, blocking } = summary(a);
  const names = partyNames(recordTransaction(a));
  const out: string[] = [];
  const v = options.verification ?? UNVERIFIED;
  out.push(`**${v.status === 'verified' ? '✓' : '✗'} ${md(v.headline)}**`, '');
  out.push(`# Due-diligence assessment ${md(a.transactionId)}`, '');
  out.push(`**Decision: ${DECISION_TEXT[a.decision]}** (\`${a.decision}\`) — ${DECISION_EXPLAINED[a.decision]}`, '');
  out.push(
    `Score ${a.score.value} (${a.score.band}) · ${a.findings.length} finding(s) · ${outstanding} of ${a.requiredAssurances.length} assurance(s) outstanding · ${a.missingInformation.length} missing (${blocking} blocking) · as of ${a.asOf}${a.reviewBy ? ` · review by ${a.reviewBy}` : ''}`,
    '',
  );
  out.push('## Findings', '');
  if (a.findings.length === 0) out.push('No rule matched this transaction.', '');
  else {
    out.push(
      '| # | Finding | Subject | Severity (scale/scope/irremediability) | Likelihood | Risk | Involvement |',
      '|---|---|---|---|---|---|---|',
    );
    a.findings.forEach((f, i) => {
      const s = f.severity;
      out.push(
        `| ${i + 1} | ${md(f.title)} (${code(f.ruleId)}) | ${md(subjectText(f.subject))} | ${s.level} (${s.scale}/${s.scope}/${s.irremediability}) | ${f.likelihood} | ${f.risk} | ${f.involvement ?? '—'} |`,
      );
    });
    out.push('');
    a.findings.forEach((f, i) => {
      out.push(`${i + 1}. **${md(f.title)}** — ${md(f.rationale)}  `);
      out.push(`   Sources: ${f.refs.map((r) => refText(r, options)).join('; ') || '—'}`);
    });
    out.push('');
  }
  if (a.hardStops?.length) {
    out.push('## Hard stop', '');
    for (const h of a.hardStops)
      out.push(`- ${md(h.reason)} (${code(h.ruleId)}${h.subject ? `, ${md(subjectText(h.subject))}` : ''})`);
    out.push('');
  }
  out.push('## Required assurances', '');
  if (a.hardStops?.length) out.push('None: no assurance can cure a hard stop.', '');
  else if (a.requiredAssurances.length === 0) out.push('None.', '');
  else {
    for (const r of a.requiredAssurances) {
      const box = r.status === 'satisfied' ? '[x]' : '[ ]';
      const until = r.validUntil ? `, valid until ${r.validUntil}` : '';
      const name = r.from ? names.get(r.from) : undefined;
      const from = r.from ? ` from ${code(r.from)}${name ? ` (${md(name)})` : ''}` : '';
      out.push(
        `- ${box} ${md(r.title)} (${code(r.type)})${from} — ${r.status}${until}; required by ${r.because.map(code).join(', ')}`,
      );
    }
    out.push('');
  }
  out.push('## Missing information', '');
  if (a.hardStops?.length) out.push('None asked: no answer can cure a hard stop.', '');
  else if (a.missingInformation.length === 0) out.push('None.', '');
  else {
    for (const m of a.missingInformation)
      out.push(`- ${code(m.path)} — ${md(m.reason)} (${m.blocking ? 'blocking' : 'condition'})`);
    out.push('');
  }
  if (a.notEvaluated?.length) {
    out.push('## Not evaluated for lack of data', '');
    for (const n of a.notEvaluated) out.push(`- ${code(n.ruleId)}: ${md(n.reason)}`);
    out.push('');
  }
  if (a.notes?.length) out.push('## Notes', '', ...a.notes.map((n) => `- ${md(n)}`), '');
  if (v.details?.length) out.push('## Verification', '', ...v.details.map((d) => `- ${md(d)}`), '');
  const p = a.provenance;
  const versioned = (d: { id: string; version: string; hash: string }) =>
    `${md(d.id)} ${md(d.version)} ${code(d.hash)}`;
  out.push('## Provenance', '');
  out.push(`- Engine: ${md(p.engine.name)} ${md(p.engine.version)}`);
  out.push(`- Rule set: ${versioned(p.ruleset)}`);
  if (a.options?.evaluator) out.push(`- Evaluator: ${md(a.options.evaluator)}`);
  if (p.questionnaire) out.push(`- Questionnaire: ${versioned(p.questionnaire)}`);
  for (const d of p.data) out.push(`- Data: ${versioned(d)}`);
  for (const l of a.options?.lists ?? []) out.push(`- Screening list: ${versioned(l)}`);
  out.push(`- Input: ${code(p.inputHash)}`, `- As of: ${p.asOf}`, '');
  out.push(`Replay: ${code(replayCommand(options.recordFile))}`, '');
  const so = options.signOff ?? {};
  const line = (value: string | undefined) => (value ? md(value) : '______________________');
  out.push('## Sign-off', '');
  out.push('| Prepared by | Reviewed by | Date | Decision taken |', '|---|---|---|---|');
  out.push(`| ${line(so.preparedBy)} | ${line(so.reviewedBy)} | ${line(so.date)} | ${line(so.decisionTaken)} |`, '');
  out.push(`_${DISCLAIMER}_`, '');
  return out.join('\n');
}
