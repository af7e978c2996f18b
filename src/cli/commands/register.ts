import type { Command } from 'commander';
import { ASSURANCE_TYPES, DECISIONS } from '../../model/index.js';
import { readTextFile } from '../../node/files.js';
import { LEVERAGE_ACTIONS } from '../../node/register/index.js';
import { EXIT, isoDateOption, oneOf, todayIso, UsageError } from '../io.js';
import { type DbFlags, dbOption, withRegister } from '../register-db.js';

/** A record file: one JSON record, a JSON array of them, or NDJSON (a batch output or a decision log). */
function readRecords(file: string): unknown[] {
  const text = readTextFile(file, 'record file').trim();
  if (text === '') return [];
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value : [value];
  } catch {
    return text.split('\n').map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (error) {
        throw new UsageError(`${file}: line ${i + 1} is not JSON: ${(error as Error).message}`);
      }
    });
  }
}

const json = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
const dateOr = (value: string | undefined, option: string) => (value ? isoDateOption(value, option) : todayIso());

export function register(program: Command): void {
  const reg = program
    .command('register')
    .description('The ongoing due-diligence register: assessments, assurances, reviews, leverage, remediation.');

  dbOption(reg.command('init'))
    .description('Create the register (PGlite directory or Postgres database) and apply its migrations.')
    .option('--retention-days <n>', 'days personal data is kept after a party’s last assessment', '1830')
    .action(async (flags: DbFlags & { retentionDays: string }) => {
      const retentionDays = Number(flags.retentionDays);
      if (!Number.isInteger(retentionDays) || retentionDays < 1)
        throw new UsageError(`invalid --retention-days "${flags.retentionDays}": expected whole days ≥ 1`);
      await withRegister(
        flags,
        async (r) => {
          const s = await r.settings();
          process.stdout.write(
            `register ready at ${r.db.location} (${r.db.kind}), retention ${s.retentionDays} days, head ${await r.head()}\n`,
          );
        },
        { create: true, retentionDays },
      );
    });

  dbOption(reg.command('add'))
    .description(
      'Add assessment records: a record (hrdd assess --format json), a JSON array, or NDJSON (hrdd batch, a decision log).',
    )
    .argument('<record.json|assessments.ndjson>')
    .action(async (file: string, flags: DbFlags) => {
      const records = readRecords(file);
      await withRegister(flags, async (r) => {
        const result = await r.addAssessments(records);
        for (const s of result.skipped) process.stderr.write(`skipped line ${s.line}: ${s.reason}\n`);
        process.stdout.write(
          `added ${result.added} assessment(s), skipped ${result.skipped.length}, head ${result.head}\n`,
        );
        if (result.added === 0 && result.skipped.length > 0) process.exitCode = EXIT.badInput;
      });
    });

  dbOption(reg.command('show'))
    .description('Everything the register holds about one transaction (JSON).')
    .argument('<transactionId>')
    .option('--as-of <date>', 'date at which to judge whether it is active (default: today)')
    .action(async (id: string, flags: DbFlags & { asOf?: string }) => {
      await withRegister(flags, async (r) => json(await r.show(id, { asOf: dateOr(flags.asOf, '--as-of') })));
    });

  dbOption(reg.command('verify'))
    .description('Check the hash chain and every row against it (exit 0 intact, 3 altered).')
    .option('--head <hash>', 'the head hash stored elsewhere: also catches truncation and rewrites')
    .action(async (flags: DbFlags & { head?: string }) => {
      await withRegister(flags, async (r) => {
        const result = await r.verify(flags.head ? { head: flags.head } : {});
        if (result.ok) process.stdout.write(`ok: ${result.entries} entries, head ${result.head}\n`);
        else {
          process.stdout.write(`BROKEN: ${r.db.location}\n${result.problems.map((p) => `  ${p}\n`).join('')}`);
          process.exitCode = EXIT.checkFailed;
        }
      });
    });

  dbOption(reg.command('head'))
    .description('Print the head hash of the register, to store somewhere else.')
    .action(async (flags: DbFlags) => {
      await withRegister(flags, async (r) => process.stdout.write(`${await r.head()}\n`));
    });

  dbOption(reg.command('assurance'))
    .description('Record an assurance obtained, with its evidence and validity.')
    .requiredOption('--party <id>', 'the party that gave it')
    .requiredOption('--type <type>', `one of ${ASSURANCE_TYPES.join(', ')}`)
    .requiredOption('--reference <text>', 'evidence: contract clause, certificate, file reference')
    .requiredOption('--valid-from <date>', 'first day it is valid')
    .option('--valid-until <date>', 'last day it is valid (default: the rule set’s validity period)')
    .option('--transaction-id <id>', 'the transaction it was obtained for (default: all of the party)')
    .option('--recorded-by <name>', 'who recorded it')
    .action(
      async (
        flags: DbFlags & {
          party: string;
          type: string;
          reference: string;
          validFrom: string;
          validUntil?: string;
          transactionId?: string;
          recordedBy?: string;
        },
      ) => {
        await withRegister(flags, async (r) => {
          const w = await r.addAssurance({
            partyId: flags.party,
            type: oneOf(flags.type, ASSURANCE_TYPES, '--type'),
            reference: flags.reference,
            validFrom: isoDateOption(flags.validFrom, '--valid-from'),
            ...(flags.validUntil ? { validUntil: isoDateOption(flags.validUntil, '--valid-until') } : {}),
            ...(flags.transactionId ? { transactionId: flags.transactionId } : {}),
            ...(flags.recordedBy ? { recordedBy: flags.recordedBy } : {}),
          });
          process.stdout.write(`recorded assurance as entry ${w.seq}, head ${w.hash}\n`);
        });
      },
    );

  dbOption(reg.command('review'))
    .description('Record a reviewed decision with its sign-off (the approver differs from the preparer).')
    .requiredOption('--transaction-id <id>', 'the transaction reviewed')
    .requiredOption('--decision <decision>', `one of ${DECISIONS.join(', ')}`)
    .requiredOption('--justification <text>', 'why')
    .requiredOption('--preparer <name>', 'who prepared the decision')
    .requiredOption('--approver <name>', 'who signed it off')
    .option('--date <date>', 'date of the sign-off (default: today)')
    .action(
      async (
        flags: DbFlags & {
          transactionId: string;
          decision: string;
          justification: string;
          preparer: string;
          approver: string;
          date?: string;
        },
      ) => {
        await withRegister(flags, async (r) => {
          const w = await r.addReview({
            transactionId: flags.transactionId,
            decision: oneOf(flags.decision, DECISIONS, '--decision'),
            justification: flags.justification,
            preparer: flags.preparer,
            approver: flags.approver,
            date: dateOr(flags.date, '--date'),
          });
          process.stdout.write(`recorded review as entry ${w.seq}, head ${w.hash}\n`);
        });
      },
    );

  dbOption(reg.command('leverage'))
    .description('Record a use of leverage (UNGP 19): suspend updates, support or licences, resume, terminate.')
    .requiredOption('--action <action>', `one of ${LEVERAGE_ACTIONS.join(', ')}`)
    .option('--transaction-id <id>', 'the transaction concerned')
    .option('--party <id>', 'or: every transaction of this party')
    .option('--date <date>', 'effective date (default: today)')
    .option('--note <text>', 'what was done and why')
    .action(
      async (
        flags: DbFlags & { action: string; transactionId?: string; party?: string; date?: string; note?: string },
      ) => {
        await withRegister(flags, async (r) => {
          const w = await r.addLeverage({
            action: oneOf(flags.action, LEVERAGE_ACTIONS, '--action'),
            ...(flags.transactionId ? { transactionId: flags.transactionId } : {}),
            ...(flags.party ? { partyId: flags.party } : {}),
            date: dateOr(flags.date, '--date'),
            ...(flags.note ? { note: flags.note } : {}),
          });
          process.stdout.write(`recorded ${flags.action} as entry ${w.seq}, head ${w.hash}\n`);
        });
      },
    );

  dbOption(reg.command('remediation'))
    .description('Record remediation provided or cooperated in (UNGP 22).')
    .requiredOption('--status <status>', 'planned, in-progress or completed')
    .requiredOption('--description <text>', 'what was done')
    .option('--transaction-id <id>', 'the transaction concerned')
    .option('--report <seq>', 'the entry number of the misuse report or grievance remediated')
    .option('--date <date>', 'date (default: today)')
    .action(
      async (
        flags: DbFlags & {
          status: string;
          description: string;
          transactionId?: string;
          report?: string;
          date?: string;
        },
      ) => {
        await withRegister(flags, async (r) => {
          const w = await r.addRemediation({
            status: oneOf(flags.status, ['planned', 'in-progress', 'completed'] as const, '--status'),
            description: flags.description,
            ...(flags.transactionId ? { transactionId: flags.transactionId } : {}),
            ...(flags.report ? { reportSeq: Number(flags.report) } : {}),
            date: dateOr(flags.date, '--date'),
          });
          process.stdout.write(`recorded remediation as entry ${w.seq}, head ${w.hash}\n`);
        });
      },
    );

  dbOption(reg.command('erase'))
    .description('Erase personal data on request (GDPR Art. 17); the chain still verifies.')
    .argument('<subject>', 'a party id (party:<id>) or report:<reportId>')
    .option('--date <date>', 'date of the erasure (default: today)')
    .option('--reason <text>', 'the request or legal basis')
    .action(async (subject: string, flags: DbFlags & { date?: string; reason?: string }) => {
      await withRegister(flags, async (r) => {
        const w = await r.erase(subject, {
          date: dateOr(flags.date, '--date'),
          ...(flags.reason ? { reason: flags.reason } : {}),
        });
        process.stdout.write(`erased ${w.erased} personal value(s) of ${subject}; entry ${w.seq}, head ${w.hash}\n`);
      });
    });

  dbOption(reg.command('purge'))
    .description('Erase personal data kept past the retention period.')
    .option('--as-of <date>', 'date of the purge (default: today)')
    .action(async (flags: DbFlags & { asOf?: string }) => {
      await withRegister(flags, async (r) => {
        const { subjects } = await r.purgeExpired(dateOr(flags.asOf, '--as-of'));
        process.stdout.write(`erased personal data of ${subjects.length} subject(s)\n`);
      });
    });
}
