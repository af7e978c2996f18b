import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isCountryCode } from '../../model/index.js';
import { listFormatOption, loadLists, loadScreening } from '../../node/engine-files.js';
import { readJsonFile } from '../../node/files.js';
import { loadRuleset } from '../../rules/index.js';
import {
  DEFAULT_SCREENING_THRESHOLD,
  LIST_FORMATS,
  type ScreenOptions,
  serializeScreeningIndex,
} from '../../screening/index.js';
import { collect } from '../engine-options.js';
import { oneOf, UsageError } from '../io.js';

interface Flags {
  lists?: string[];
  index?: string;
  listFormat?: string;
  country?: string;
  birthDate?: string;
  id?: string[];
  threshold?: string;
  ruleset?: string;
  format: string;
}

const OUTPUTS = ['text', 'json'] as const;

/**
 * The threshold `assess` would use: `--threshold`, else the rule set's `screening.threshold` (an overlay may set
 * it), else the one default.
 */
function thresholdOf(flags: Flags): number {
  if (flags.threshold !== undefined) {
    const t = Number(flags.threshold);
    if (!(t >= 0 && t <= 1))
      throw new UsageError(`invalid --threshold "${flags.threshold}": expected a number from 0 to 1`);
    return t;
  }
  if (flags.ruleset) {
    const params = loadRuleset(readJsonFile(flags.ruleset, 'rule set')).parameters as {
      screening?: { threshold?: number };
    };
    if (typeof params.screening?.threshold === 'number') return params.screening.threshold;
  }
  return DEFAULT_SCREENING_THRESHOLD;
}

export function register(program: Command): void {
  const screen = program
    .command('screen')
    .description('Screen a name against restricted-party lists; every hit explained.')
    .argument('<name>', 'the name to screen')
    .option(
      '--lists <file>',
      `restricted-party list (repeatable): ${LIST_FORMATS.join(', ')}; format detected per file`,
      collect,
    )
    .option('--index <file>', 'a saved index (hrdd screen index build) instead of --lists')
    .option('--list-format <format>', `format of every --lists file: ${LIST_FORMATS.join(', ')}`)
    .option('--country <XX>', 'country of the party (a contradicting entry country lowers the score)')
    .option('--birth-date <date>', 'date of birth of a person (YYYY-MM-DD, YYYY-MM or YYYY)')
    .option('--id <number>', 'an identifying number of the party: passport, registration… (repeatable)', collect)
    .option(
      '--threshold <n>',
      `lowest score reported, 0–1 (default: the rule set's, else ${DEFAULT_SCREENING_THRESHOLD})`,
    )
    .option('--ruleset <file>', 'rule set or overlay whose screening.threshold applies, as in `assess`')
    .option('--format <format>', `output: text or json (a list format name here is taken as --list-format)`, 'text')
    .action((name: string, flags: Flags) => {
      let output = flags.format;
      if ((LIST_FORMATS as readonly string[]).includes(output)) {
        flags.listFormat ??= output;
        output = 'text';
      }
      const format = oneOf(output, OUTPUTS, '--format');
      if (!flags.lists?.length && !flags.index)
        throw new UsageError('give at least one list with --lists <file>, or a saved index with --index <file>');
      if (flags.country !== undefined && !isCountryCode(flags.country))
        throw new UsageError(`invalid --country "${flags.country}": expected an ISO 3166-1 alpha-2 code`);
      if (flags.birthDate !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(flags.birthDate))
        throw new UsageError(`invalid --birth-date "${flags.birthDate}": expected YYYY-MM-DD, YYYY-MM or YYYY`);
      const threshold = thresholdOf(flags);
      listFormatOption(flags.listFormat);
      const { index } = loadScreening(flags)!;
      const options: ScreenOptions = { threshold };
      if (flags.country) options.country = flags.country;
      if (flags.birthDate) options.birthDate = flags.birthDate;
      if (flags.id?.length) options.identifiers = flags.id;
      const hits = index.screen(name, options);
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
        return;
      }
      if (hits.length === 0)
        process.stdout.write(`no hit for "${name}" among ${index.size} entries (threshold ${threshold})\n`);
      for (const h of hits) {
        const e = h.entry;
        process.stdout.write(
          `${h.score.toFixed(3)}${h.certain ? ' CERTAIN' : ''}  ${h.matchedName}  [${e.source}; ${e.id}; ${e.programs.join(', ') || 'no programs'}; ${e.countries.join(', ') || 'no country'}${e.startDate ? `; listed ${e.startDate}` : ''}]\n      ${h.explanation.text}\n`,
        );
      }
    });

  screen
    .command('index')
    .description('Saved screening indexes: build once, then screen and assess with --index.')
    .command('build')
    .description('Build an index over list files and save it, so a run does not rebuild a large list.')
    .argument('<lists...>', `list files (${LIST_FORMATS.join(', ')}; detected per file)`)
    .requiredOption('--out <file>', 'where to write the index (e.g. index.bin)')
    .option('--list-format <format>', 'format of every list file (default: detected per file)')
    .action((files: string[], flags: { out: string; listFormat?: string }) => {
      const start = performance.now();
      const { index, lists } = loadLists(files, flags.listFormat)!;
      const bytes = serializeScreeningIndex(index, lists);
      try {
        writeFileSync(flags.out, bytes);
      } catch (error) {
        throw new UsageError(`cannot write ${flags.out}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      process.stdout.write(
        `${flags.out}: ${index.size} entries, ${index.names} names, ${(bytes.byteLength / 1e6).toFixed(1)} MB, built in ${Math.round(performance.now() - start)} ms\n`,
      );
      for (const l of lists) process.stdout.write(`  ${l.id}: ${l.version}, ${l.hash}\n`);
    });
}
