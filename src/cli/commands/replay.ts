import type { Command } from 'commander';
import { replayAssessment } from '../../audit/index.js';
import { parseCountryData } from '../../data/index.js';
import { loadLists as loadListsFromFiles } from '../../node/engine-files.js';
import { collect } from '../engine-options.js';
import { EXIT, readJsonFile } from '../io.js';

interface Flags {
  ruleset?: string;
  questionnaire?: string;
  countryData?: string;
  lists?: string[];
}

export function register(program: Command): void {
  program
    .command('replay')
    .description('Re-run a stored assessment record and compare (exit 0 reproduced, 3 not reproduced).')
    .argument('<record.json>', 'a record written by `hrdd assess --format json`')
    .option('--ruleset <file>', 'the rule set the record names, if it is not bundled')
    .option('--questionnaire <file>', 'the questionnaire the record names, if it is not bundled')
    .option('--country-data <file>', 'the country data the record names, if it is not bundled')
    .option('--lists <file>', 'the restricted-party lists the record names (repeatable)', collect)
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
      for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
      if (result.reproduced) {
        process.stdout.write(`reproduced: ${file}\n`);
        return;
      }
      process.stdout.write(`NOT reproduced: ${file}\n`);
      for (const d of result.differences)
        process.stdout.write(
          `  ${d.path || '(root)'}: recorded ${JSON.stringify(d.recorded)}, replayed ${JSON.stringify(d.replayed)}\n`,
        );
      process.exitCode = EXIT.checkFailed;
    });
}
