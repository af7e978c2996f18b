import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, Option } from 'commander';
import { buildProgram } from '../src/cli/program.js';
import { refsRegistry } from '../src/data/index.js';
import { createEngine } from '../src/engine/index.js';
import { defaultRuleset, loadRuleset } from '../src/rules/index.js';
import { exampleFiles, readExample } from './examples.js';

const root = join(import.meta.dirname, '..');
const cell = (v: unknown) =>
  (typeof v === 'number' ? String(v) : typeof v === 'object' ? 'JsonLogic' : String(v ?? '—')).replace(/\|/g, '\\|');

/** docs/ruleset.md: one row per rule of the default rule set. */
export function renderRulesetDoc(): string {
  const rs = loadRuleset(defaultRuleset);
  const lines = [
    '# The default rule set',
    '',
    `Generated from \`${rs.id}\` ${rs.version} (\`${rs.hash}\`) by \`npx tsx scripts/generate-docs.ts\`; a test fails when this file is stale.`,
    `${rs.rules.length} rules. Severity parts and likelihood are numbers 1–4 or JsonLogic (see the rule's description for the reasoning).`,
    '',
    '| Rule | Red flag | Sources | Severity (scale/scope/irremediability) | Likelihood | Floor | Involvement | Assurances |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rs.rules) {
    const flags = r.refs.filter((x) => x.startsWith('RF-'));
    const sources = r.refs.filter((x) => !x.startsWith('RF-'));
    const sev = r.severity
      ? `${cell(r.severity.scale)}/${cell(r.severity.scope)}/${cell(r.severity.irremediability)}`
      : '— (information)';
    const floor =
      r.category === 'information'
        ? r.blocking === true
          ? 'escalate (blocking)'
          : 'conditions'
        : (r.minDecision ?? '—');
    lines.push(
      `| \`${r.id}\` ${r.title} | ${flags.join(', ')} | ${sources.join(', ')} | ${sev} | ${cell(r.likelihood)} | ${floor} | ${typeof r.involvement === 'string' ? r.involvement : '—'} | ${(r.assurances ?? []).join(', ') || '—'} |`,
    );
  }
  lines.push('', '## Rules explained', '');
  for (const r of rs.rules) {
    const sources = r.refs.map((x) => refsRegistry[x as keyof typeof refsRegistry]?.title ?? x);
    lines.push(`- **\`${r.id}\`** ${r.title}. ${r.description} Sources: ${sources.join('; ')}.`);
  }
  lines.push(
    '',
    '## Sanctions and embargo rules by regime',
    '',
    'Each rule names its regime (whom it binds: EU — exporters established in the EU; US — US persons and US-origin items; UN — everyone) and cites its instrument. How jurisdictions, sanctioned regions and transit are derived: [regimes.md](regimes.md).',
    '',
  );
  for (const r of rs.rules) {
    const instruments = r.refs.filter((x) => refsRegistry[x]?.regime !== undefined);
    if (instruments.length === 0) continue;
    const regimes = [...new Set(instruments.map((x) => refsRegistry[x]!.regime))].join(', ');
    lines.push(`- \`${r.id}\` (${regimes}; ${instruments.join(', ')}): ${r.description}`);
  }
  lines.push(
    '',
    '## Parameters',
    '',
    'An overlay changes these with `"parameters": { … }` (deep-merged).',
    '',
    '```json',
    JSON.stringify(rs.parameters, null, 2),
    '```',
    '',
  );
  lines.push('## References', '', '| Id | Title |', '|---|---|');
  for (const [id, info] of Object.entries(refsRegistry))
    lines.push(`| ${id} | ${info.url ? `[${info.title}](${info.url})` : info.title} |`);
  lines.push('');
  return lines.join('\n');
}

function optionRow(o: Option): string {
  return `| \`${o.flags}\` | ${o.description}${o.defaultValue !== undefined ? ` (default: \`${o.defaultValue}\`)` : ''} |`;
}

function commandDoc(cmd: Command, prefix: string): string[] {
  const name = `${prefix} ${cmd.name()}`.trim();
  const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)).join(' ');
  const out = [`## \`${name}${args ? ` ${args}` : ''}\``, '', cmd.description(), ''];
  if (cmd.options.length > 0) out.push('| Option | Meaning |', '|---|---|', ...cmd.options.map(optionRow), '');
  for (const sub of cmd.commands) out.push(...commandDoc(sub, name));
  return out;
}

/** docs/cli.md, generated from the commander definitions. */
export function renderCliDoc(): string {
  const program = buildProgram();
  const lines = [
    '# The `hrdd` command',
    '',
    'Generated from the command definitions by `npx tsx scripts/generate-docs.ts`; a test fails when this file is stale.',
    '',
    'Exit codes: `0` done · `2` bad input (every bad field named by path, no stack trace) · `3` a check that did not hold (decision at or above `--fail-on`, replay not reproduced, log or rule-set tests failing) · `1` internal error · `130` interrupted.',
    '',
  ];
  for (const cmd of program.commands) lines.push(...commandDoc(cmd, 'hrdd'));
  return lines.join('\n');
}

/** docs/examples.md: the decision for every example transaction with the default content. */
export function renderExamplesDoc(): string {
  const engine = createEngine();
  const lines = [
    '# Example transactions and their assessments',
    '',
    'Each example in `examples/transactions/` assessed as of 2026-11-01 with the default rule set, questionnaire (no answers yet) and country data. Generated by `npx tsx scripts/generate-docs.ts`; golden tests check it.',
    '',
  ];
  for (const file of exampleFiles()) {
    const a = engine.assess(readExample(file), { asOf: '2026-11-01' });
    const outstanding = a.requiredAssurances.filter((r) => r.status === 'outstanding');
    lines.push(`## ${file}`, '', `**${a.decision}** — score ${a.score.value} (${a.score.band})`, '');
    for (const f of a.findings.slice(0, 3))
      lines.push(
        `- ${f.title} (\`${f.ruleId}\`, severity ${f.severity.level}, likelihood ${f.likelihood}): ${f.rationale}`,
      );
    if (a.findings.length > 3) lines.push(`- … ${a.findings.length - 3} more finding(s)`);
    lines.push(
      '',
      `Assurances outstanding: ${outstanding.map((r) => `${r.type} (${r.from})`).join(', ') || 'none'}. Missing information: ${a.missingInformation.length} (${a.missingInformation.filter((m) => m.blocking).length} blocking).`,
      '',
    );
  }
  return lines.join('\n');
}

/**
 * README.md with its CLI sample made the real output of the command it shows (run from source): the output up to
 * the end of its findings table, then "…".
 */
export function renderReadme(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return readme.replace(
    /(```console\n\$ npx hrdd ([^\n]+)\n)[\s\S]*?(\n```)/,
    (_all, head: string, args: string, tail: string) => {
      const output = execFileSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args.split(' ')],
        {
          cwd: root,
          encoding: 'utf8',
        },
      ).split('\n');
      const table = output.findIndex((line) => line.startsWith('|'));
      let end = table;
      while (end < output.length && output[end]!.startsWith('|')) end++;
      return `${head}${output.slice(0, end).join('\n')}\n…${tail}`;
    },
  );
}

export const GENERATED_DOCS: Record<string, () => string> = {
  'README.md': renderReadme,
  'docs/ruleset.md': renderRulesetDoc,
  'docs/cli.md': renderCliDoc,
  'docs/examples.md': renderExamplesDoc,
};

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const [file, render] of Object.entries(GENERATED_DOCS)) writeFileSync(join(root, file), render());
  console.log(`wrote ${Object.keys(GENERATED_DOCS).join(', ')}`);
}
