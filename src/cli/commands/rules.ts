import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { factsRuleCheck } from '../../engine/index.js';
import { defaultQuestionnaire, loadQuestionnaire } from '../../questionnaire/index.js';
import { defaultRuleset, loadRuleset } from '../../rules/index.js';
import { type CorpusLine, renderImpactMarkdown, rulesetImpact, runRulesetTests } from '../../tester/index.js';
import { EXIT, isoDateOption, oneOf, readJsonFile, UsageError, writeOut } from '../io.js';

function readCorpus(file: string): CorpusLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read corpus ${file}`);
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      try {
        const value = JSON.parse(line) as CorpusLine & { input?: CorpusLine };
        // A corpus may be a decision log or batch output: take the record's input.
        const record = (value as { record?: { input?: CorpusLine; asOf?: string } }).record ?? value;
        const input = (record as { input?: CorpusLine }).input ?? record;
        return {
          ...input,
          ...((record as { asOf?: string }).asOf ? { asOf: (record as { asOf: string }).asOf } : {}),
        } as CorpusLine;
      } catch {
        throw new UsageError(`corpus ${file} line ${i + 1} is not JSON`);
      }
    });
}

interface DiffFlags {
  corpus?: string;
  asOf?: string;
  oldQuestionnaire?: string;
  newQuestionnaire?: string;
  format: string;
}

export function register(program: Command): void {
  const rules = program
    .command('rules')
    .description('Rule sets: validate, run their tests, see the impact of a change.');
  rules
    .command('validate')
    .description('Load a rule set or overlay and report every problem with its rule id and path.')
    .argument('<ruleset.json>')
    .option('--questionnaire <file>', 'the questionnaire its rules read answers of (default: the bundled one)')
    .action((file: string, flags: { questionnaire?: string }) => {
      const questionnaire = loadQuestionnaire(
        flags.questionnaire ? readJsonFile(flags.questionnaire, 'questionnaire') : defaultQuestionnaire,
      );
      const questionIds = questionnaire.definition.questions.map((q) => q.id);
      const rs = loadRuleset(readJsonFile(file, 'rule set'), { checkRule: factsRuleCheck({ questionIds }) });
      process.stdout.write(
        `valid: ${rs.id} ${rs.version}, ${rs.rules.length} rules (${rs.rules.filter((r) => r.enabled !== false).length} enabled), hash ${rs.hash}\n`,
      );
    });
  rules
    .command('test')
    .description(
      "Run a rule set's test cases (an overlay's with its base's) and report rules no test fires (exit 3 on a failure).",
    )
    .argument('<ruleset.json>')
    .action((file: string) => {
      const definition = readJsonFile(file, 'rule set');
      const report = runRulesetTests(definition);
      const tested = loadRuleset(definition).id;
      for (const r of report.results) {
        const from = r.from === tested ? '' : `[${r.from}] `;
        process.stdout.write(`${r.ok ? 'pass' : 'FAIL'}  ${from}${r.name}${r.decision ? ` (${r.decision})` : ''}\n`);
        for (const f of r.failures) process.stdout.write(`        ${f}\n`);
      }
      const passed = report.results.filter((r) => r.ok).length;
      process.stdout.write(`\n${passed} passed, ${report.results.length - passed} failed\n`);
      if (report.neverFired.length > 0)
        process.stdout.write(`rules no test fires (${report.neverFired.length}): ${report.neverFired.join(', ')}\n`);
      if (!report.ok) process.exitCode = EXIT.checkFailed;
    });
  rules
    .command('diff')
    .description(
      'What a change does: rules, parameters, decision policy, assurance definitions and questions added, removed and changed; with a corpus, every past transaction whose decision changes.',
    )
    .argument('<old.json>')
    .argument('<new.json>')
    .option(
      '--corpus <ndjson>',
      'transactions ({ transaction, answers?, asOf? } per line, or records, or a decision log)',
    )
    .option('--as-of <date>', 'date for corpus lines that carry none')
    .option('--old-questionnaire <file>', 'the questionnaire before the change (default: the bundled one)')
    .option('--new-questionnaire <file>', 'the questionnaire after the change (default: the bundled one)')
    .option('--format <json|md>', 'json, or md for a change request', 'json')
    .action((oldFile: string, newFile: string, flags: DiffFlags) => {
      const format = oneOf(flags.format, ['json', 'md'] as const, '--format');
      const questionnaire = {
        ...(flags.oldQuestionnaire ? { before: readJsonFile(flags.oldQuestionnaire, 'questionnaire') } : {}),
        ...(flags.newQuestionnaire ? { after: readJsonFile(flags.newQuestionnaire, 'questionnaire') } : {}),
      };
      const report = rulesetImpact(readJsonFile(oldFile, 'rule set'), readJsonFile(newFile, 'rule set'), {
        ...(flags.corpus ? { corpus: readCorpus(flags.corpus) } : {}),
        ...(flags.asOf ? { asOf: isoDateOption(flags.asOf) } : {}),
        questionnaire,
      });
      process.stdout.write(format === 'md' ? renderImpactMarkdown(report) : `${JSON.stringify(report, null, 2)}\n`);
    });
  rules
    .command('export')
    .description('Write the bundled default rule set, to review it or as the base of an overlay.')
    .option('--out <file>', 'write it here (default: standard output)')
    .action((flags: { out?: string }) => writeOut(defaultRuleset, flags.out));
}
