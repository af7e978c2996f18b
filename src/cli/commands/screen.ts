import type { Command } from 'commander';
import { isCountryCode } from '../../model/index.js';
import { loadLists as loadListsFromFiles } from '../../node/engine-files.js';
import { DEFAULT_SCREENING_THRESHOLD } from '../../screening/index.js';
import { collect } from '../engine-options.js';
import { oneOf, UsageError } from '../io.js';

interface Flags {
  lists?: string[];
  country?: string;
  threshold?: string;
  format: string;
}

export function register(program: Command): void {
  program
    .command('screen')
    .description('Screen a name against restricted-party lists; every hit explained.')
    .argument('<name>', 'the name to screen')
    .option('--lists <file>', 'restricted-party list, CSL CSV or JSON (repeatable; at least one)', collect)
    .option('--country <XX>', 'country of the party (a contradicting entry country lowers the score)')
    .option('--threshold <n>', `lowest score reported, 0–1 (default ${DEFAULT_SCREENING_THRESHOLD})`)
    .option('--format <format>', 'text or json', 'text')
    .action((name: string, flags: Flags) => {
      const format = oneOf(flags.format, ['text', 'json'] as const, '--format');
      if (!flags.lists?.length) throw new UsageError('give at least one list with --lists <file>');
      if (flags.country !== undefined && !isCountryCode(flags.country))
        throw new UsageError(`invalid --country "${flags.country}": expected an ISO 3166-1 alpha-2 code`);
      const threshold = flags.threshold === undefined ? undefined : Number(flags.threshold);
      if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
        throw new UsageError(`invalid --threshold "${flags.threshold}": expected a number from 0 to 1`);
      const { index } = loadListsFromFiles(flags.lists)!;
      const hits = index.screen(name, {
        ...(flags.country ? { country: flags.country } : {}),
        ...(threshold !== undefined ? { threshold } : {}),
      });
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
        return;
      }
      if (hits.length === 0) process.stdout.write(`no hit for "${name}" among ${index.size} entries\n`);
      for (const h of hits) {
        process.stdout.write(
          `${h.score.toFixed(3)}${h.certain ? ' CERTAIN' : ''}  ${h.matchedName}  [${h.entry.source}; ${h.entry.id}; ${h.entry.programs.join(', ') || 'no programs'}; ${h.entry.countries.join(', ') || 'no country'}]\n      ${h.explanation.text}\n`,
        );
      }
    });
}
