import {
  DECISION_EXPLAINED,
  DECISION_TEXT,
  DISCLAIMER,
  type Reportable,
  type ReportOptions,
  subjectText,
} from './common.js';

/** Escapes text for a Markdown table cell or paragraph. */
function md(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/([*_`<>[\]])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** A Markdown report of an assessment or record: decision, findings, assurances, missing information, provenance. */
export function renderMarkdown(assessment: Reportable, options: ReportOptions = {}): string {
  const a = assessment;
  const out: string[] = [];
  out.push(`# Due-diligence assessment ${md(a.transactionId)}`, '');
  out.push(`**Decision: ${DECISION_TEXT[a.decision]}** (\`${a.decision}\`) — ${DECISION_EXPLAINED[a.decision]}`, '');
  out.push(
    `Score ${a.score.value} (${a.score.band}) · as of ${a.asOf}${a.reviewBy ? ` · review by ${a.reviewBy}` : ''}`,
    '',
  );
  out.push('## Findings', '');
  if (a.findings.length === 0) out.push('No finding.', '');
  else {
    out.push(
      '| # | Finding | Subject | Severity (scale/scope/irremediability) | Likelihood | Risk | Involvement |',
      '|---|---|---|---|---|---|---|',
    );
    a.findings.forEach((f, i) => {
      const s = f.severity;
      out.push(
        `| ${i + 1} | ${md(f.title)} (\`${f.ruleId}\`) | ${md(subjectText(f.subject))} | ${s.level} (${s.scale}/${s.scope}/${s.irremediability}) | ${f.likelihood} | ${f.risk} | ${f.involvement ?? '—'} |`,
      );
    });
    out.push('');
    a.findings.forEach((f, i) => {
      const refs = f.refs.map((r) => (options.refs?.[r] ? `${r} (${md(options.refs[r]!.title)})` : r)).join('; ');
      out.push(`${i + 1}. **${md(f.title)}** — ${md(f.rationale)}  `, `   Sources: ${refs}`);
    });
    out.push('');
  }
  out.push('## Required assurances', '');
  if (a.requiredAssurances.length === 0) out.push('None.', '');
  else {
    for (const r of a.requiredAssurances) {
      const box = r.status === 'satisfied' ? '[x]' : '[ ]';
      const until = r.validUntil ? `, valid until ${r.validUntil}` : '';
      out.push(
        `- ${box} ${md(r.title)} (\`${r.type}\`)${r.from ? ` from ${md(r.from)}` : ''} — ${r.status}${until}; required by ${r.because.join(', ')}`,
      );
    }
    out.push('');
  }
  out.push('## Missing information', '');
  if (a.missingInformation.length === 0) out.push('None.', '');
  else {
    for (const m of a.missingInformation)
      out.push(`- \`${md(m.path)}\` — ${md(m.reason)} (${m.blocking ? 'blocking' : 'condition'})`);
    out.push('');
  }
  if (a.notes?.length) {
    out.push('## Notes', '', ...a.notes.map((n) => `- ${md(n)}`), '');
  }
  const p = a.provenance;
  out.push('## Provenance', '');
  out.push(`- Engine: ${p.engine.name} ${p.engine.version}`);
  out.push(`- Rule set: ${p.ruleset.id} ${p.ruleset.version} \`${p.ruleset.hash}\``);
  if (p.questionnaire)
    out.push(`- Questionnaire: ${p.questionnaire.id} ${p.questionnaire.version} \`${p.questionnaire.hash}\``);
  for (const d of p.data) out.push(`- Data: ${md(d.id)} ${md(d.version)} \`${d.hash}\``);
  out.push(`- Input: \`${p.inputHash}\``, `- As of: ${p.asOf}`, '');
  out.push(`Replay: \`hrdd replay ${options.recordFile ?? '<record.json>'}\``, '');
  out.push(`_${DISCLAIMER}_`, '');
  return out.join('\n');
}
