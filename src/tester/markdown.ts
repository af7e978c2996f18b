import { escapeMarkdown, markdownCode } from '../report/index.js';
import type { ImpactReport, ListChanges, ValueChange } from './impact.js';

const json = (value: unknown) => (value === undefined ? '—' : markdownCode(JSON.stringify(value)));

function valueTable(title: string, changes: readonly ValueChange[]): string[] {
  if (changes.length === 0) return [];
  return [
    `## ${title}`,
    '',
    '| path | before | after |',
    '|---|---|---|',
    ...changes.map((c) => `| ${markdownCode(c.path || '(all)')} | ${json(c.before)} | ${json(c.after)} |`),
    '',
  ];
}

function listSection(title: string, noun: string, changes: ListChanges): string[] {
  const lines: string[] = [];
  for (const id of changes.added) lines.push(`- added ${noun} ${markdownCode(id)}`);
  for (const id of changes.removed) lines.push(`- removed ${noun} ${markdownCode(id)}`);
  for (const c of changes.changed)
    lines.push(`- changed ${noun} ${markdownCode(c.id)}: ${c.fields.map((f) => markdownCode(f)).join(', ')}`);
  return lines.length === 0 ? [] : [`## ${title}`, '', ...lines, ''];
}

/** A rule-set impact report as Markdown, for a change request. */
export function renderImpactMarkdown(report: ImpactReport): string {
  const name = (x: { id: string; version: string }) => `${escapeMarkdown(x.id)} ${escapeMarkdown(x.version)}`;
  const out = [
    `# Rule-set change: ${name(report.before)} → ${name(report.after)}`,
    '',
    `- before: ${markdownCode(report.before.hash)}`,
    `- after: ${markdownCode(report.after.hash)}`,
    '',
    ...listSection('Rules', 'rule', { added: report.added, removed: report.removed, changed: report.changed }),
    ...valueTable('Parameters', report.parameters),
    ...valueTable('Decision policy', report.decision),
    ...listSection('Assurance definitions', 'assurance', report.assurances),
  ];
  if (report.questionnaire) {
    const q = report.questionnaire;
    out.push(...listSection(`Questionnaire: ${name(q.before)} → ${name(q.after)}`, 'question', q));
  }
  const nothing =
    report.added.length + report.removed.length + report.changed.length === 0 &&
    report.parameters.length + report.decision.length === 0 &&
    report.assurances.added.length + report.assurances.removed.length + report.assurances.changed.length === 0 &&
    (!report.questionnaire ||
      report.questionnaire.added.length + report.questionnaire.removed.length + report.questionnaire.changed.length ===
        0);
  if (nothing) out.push('No change to rules, parameters, decision policy, assurances or questions.', '');
  const c = report.corpus;
  if (c) {
    out.push(
      '## Over the corpus',
      '',
      `${c.total} transactions: ${c.decisionChanged.length} change decision, ${c.findingsChanged} change findings, ` +
        `${c.unchanged} unchanged, ${c.errors} could not be assessed.`,
      '',
    );
    const transitions = Object.entries(c.counts).sort(([a], [b]) => (a < b ? -1 : 1));
    if (transitions.length > 0)
      out.push(
        '| decision change | transactions |',
        '|---|---|',
        ...transitions.map(([k, n]) => `| ${k} | ${n} |`),
        '',
      );
    if (c.decisionChanged.length > 0)
      out.push(
        '| line | transaction | before | after |',
        '|---|---|---|---|',
        ...c.decisionChanged.map((d) => `| ${d.line} | ${markdownCode(d.transactionId)} | ${d.from} | ${d.to} |`),
        '',
      );
    for (const f of c.failed) out.push(`- line ${f.line}: ${escapeMarkdown(f.message)}`);
    if (c.failed.length > 0) out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
