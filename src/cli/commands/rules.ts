import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadRuleset } from '../../rules/index.js';
import { type CorpusLine, rulesetImpact, runRulesetTests } from '../../tester/index.js';
import { EXIT, isoDateOption, readJsonFile, UsageError } from '../io.js';

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

export function register(program: Command): void {
  const rules = program
    .command('rules')
    .description('Rule sets: validate, run their tests, see the impact of a change.');
  rules
    .command('validate')
    .description('Load a rule set or overlay and report every problem with its rule id and path.')
    .argument('<ruleset.json>')
    .action((file: string) => {
      const rs = loadRuleset(readJsonFile(file, 'rule set'));
      process.stdout.write(
        `valid: ${rs.id} ${rs.version}, ${rs.rules.length} rules (${rs.rules.filter((r) => r.enabled !== false).length} enabled), hash ${rs.hash}\n`,
      );
    });
  rules
    .command('test')
    .description("Run a rule set's test cases and report rules no test fires (exit 3 when a test fails).")
    .argument('<ruleset.json>')
    .action((file: string) => {
      const report = runRulesetTests(readJsonFile(file, 'rule set'));
      for (const r of report.results) {
        process.stdout.write(`${r.ok ? 'pass' : 'FAIL'}  ${r.name}${r.decision ? ` (${r.decision})` : ''}\n`);
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
    .description('Rules added, removed and changed; with a corpus, which past transactions would change decision.')
    .argument('<old.json>')
    .argument('<new.json>')
    .option(
      '--corpus <ndjson>',
      'transactions ({ transaction, answers?, asOf? } per line, or records, or a decision log)',
    )
    .option('--as-of <date>', 'date for corpus lines that carry none')
    .action((oldFile: string, newFile: string, flags: { corpus?: string; asOf?: string }) => {
      const report = rulesetImpact(
        readJsonFile(oldFile, 'rule set'),
        readJsonFile(newFile, 'rule set'),
        flags.corpus ? readCorpus(flags.corpus) : undefined,
        {},
        flags.asOf ? isoDateOption(flags.asOf) : undefined,
      );
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    });
}
