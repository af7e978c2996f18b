import type { Command } from 'commander';
import { CREDIBILITY } from '../../node/register/index.js';
import { isoDateOption, oneOf } from '../io.js';
import { type DbFlags, dbOption, withRegister } from '../register-db.js';

interface MisuseFlags extends DbFlags {
  party: string;
  source: string;
  date: string;
  summary: string;
  credibility: string;
  grievance?: boolean;
  threshold?: string;
}

export function register(program: Command): void {
  const misuse = program
    .command('misuse')
    .description('Misuse reports and grievances about parties in the register (UNGP 22, 29).');
  dbOption(misuse.command('add'))
    .description(
      'Record a report; the party is matched by id, or by name with the screening matcher (the match is shown).',
    )
    .requiredOption('--party <id or name>', 'a party id of the register, or a name to match')
    .requiredOption('--source <url or text>', 'where the report comes from')
    .requiredOption('--date <date>', 'date of the report')
    .requiredOption('--summary <text>', 'what is alleged (kept as personal data: erasable)')
    .option(
      '--credibility <level>',
      `${CREDIBILITY.join(', ')} (high: monitoring takes it as a credible misuse report)`,
      'medium',
    )
    .option('--grievance', 'a grievance received through the exporter’s channel rather than a published report')
    .option('--threshold <score>', 'name-match threshold, 0.5–1 (default: the screening threshold)')
    .action(async (flags: MisuseFlags) => {
      const threshold = flags.threshold === undefined ? undefined : Number(flags.threshold);
      await withRegister(flags, async (r) => {
        const result = await r.addMisuseReport({
          kind: flags.grievance ? 'grievance' : 'misuse',
          party: flags.party,
          source: flags.source,
          date: isoDateOption(flags.date, '--date'),
          summary: flags.summary,
          credibility: oneOf(flags.credibility, CREDIBILITY, '--credibility'),
          ...(threshold !== undefined ? { threshold } : {}),
        });
        process.stdout.write(`recorded report ${result.reportId} as entry ${result.seq}, head ${result.hash}\n`);
        for (const m of result.parties)
          process.stdout.write(
            m.by === 'id'
              ? `  party ${m.partyId}: matched by id\n`
              : `  party ${m.partyId}: "${m.query}" ~ "${m.matchedName}" score ${m.score} (${m.explanation})\n`,
          );
      });
    });
}
