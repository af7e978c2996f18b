import type { Command } from 'commander';
import { replayAssessment } from '../../audit/index.js';
import { parseCountryData } from '../../data/index.js';
import { loadLists as loadListsFromFiles } from '../../node/engine-files.js';
import { collect } from '../engine-options.js';
import { EXIT, readJsonFile, UsageError } from '../io.js';

/** A value as JSON, cut short so one difference stays one line. */
function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'absent';
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

interface Flags {
  limit: string;
  ruleset?: string;
  questionnaire?: string;
  countryData?: string;
  lists?: string[];
}

export function register(program: Command): void {
  program
    .command('replay')
    .description(
      'Re-run a stored assessment record and compare (exit 0 reproduced, 3 not reproduced, 2 could not run: a rule set, data set or list it names is missing).',
    )
    .argument('<record.json>', 'a record written by `hrdd assess --format json`')
    .option('--ruleset <file>', 'the rule set the record names, if it is not bundled')
    .option('--questionnaire <file>', 'the questionnaire the record names, if it is not bundled')
    .option('--country-data <file>', 'the country data the record names, if it is not bundled')
    .option('--lists <file>', 'the restricted-party lists the record names (repeatable)', collect)
    .option('--limit <n>', 'list at most this many differences', '20')
    .action((file: string, flags: Flags) => {
      const record = readJsonFile(file, 'record');
      const lists = loadListsFromFiles(flags.lists ?? []);
      const result = replayAssessment(record, {
        ...(flags.ruleset ? { ruleset: readJsonFile(flags.ruleset, 'rule set') } : {}),
        ...(flags.questionnaire ? { questionnaire: readJsonFile(flags.questionnaire, 'questionnaire') } : {}),
        ...(flags.countryData
          ? { countryData: parseCountryData(readJsonFile(flags.countryData, 'country data')) }
          : {}),
        ...(lists ? { lists } : {}),
      });
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new UsageError(`invalid --limit "${flags.limit}": expected a whole number ≥ 1`);
      for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
      if (result.status === 'could-not-run') {
        process.stderr.write(`could not run: ${file}: what the record names is not at hand\n`);
        for (const m of result.missing) process.stderr.write(`  missing: ${m}\n`);
        process.exitCode = EXIT.badInput;
        return;
      }
      if (result.reproduced) {
        process.stdout.write(`reproduced: ${file}\n`);
        return;
      }
      const n = result.differences.length;
      process.stdout.write(`NOT reproduced: ${file}: ${n} difference${n === 1 ? '' : 's'}\n`);
      for (const d of result.differences.slice(0, limit))
        process.stdout.write(`  ${d.path || '(root)'}: recorded ${short(d.recorded)}, replayed ${short(d.replayed)}\n`);
      if (n > limit) process.stdout.write(`  … and ${n - limit} more\n`);
      process.exitCode = EXIT.checkFailed;
    });
}
