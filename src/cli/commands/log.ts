import type { Command } from 'commander';
import { parseReview, replayAssessment } from '../../audit/index.js';
import { appendToLog, readLogLines, verifyLogFile } from '../../node/index.js';
import { EXIT, isoDateOption, todayIso, UsageError } from '../io.js';

interface VerifyFlags {
  head?: string;
  replay?: boolean;
}

interface ReviewFlags {
  transactionId: string;
  decision: string;
  justification: string;
  reviewer: string;
  date?: string;
}

function readLines(file: string): string[] {
  try {
    return readLogLines(file);
  } catch (error) {
    throw new UsageError(
      `cannot read decision log ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}

export function register(program: Command): void {
  const log = program
    .command('log')
    .description('The hash-chained decision log: verify it, print its head, append reviews.');
  log
    .command('verify')
    .description('Check every entry of a decision log (exit 0 intact, 3 broken, naming the first bad line).')
    .argument('<file>', 'NDJSON decision log')
    .option('--head <hash>', 'the head hash stored elsewhere: also catches truncation and rewrites')
    .option('--replay', 'also re-run every assessment record in the log')
    .action((file: string, flags: VerifyFlags) => {
      const lines = readLines(file);
      const result = verifyLogFile(file, flags.head ? { head: flags.head } : {});
      if (!result.ok) {
        process.stdout.write(`BROKEN: ${file}: line ${result.firstBad!.line}: ${result.firstBad!.reason}\n`);
        process.exitCode = EXIT.checkFailed;
        return;
      }
      let replayed = 0;
      if (flags.replay) {
        for (const [i, line] of lines.entries()) {
          const { record } = JSON.parse(line) as { record: { kind?: string } };
          if (record?.kind === 'review') continue;
          const r = replayAssessment(record);
          replayed++;
          if (!r.reproduced) {
            process.stdout.write(`NOT reproduced: line ${i + 1}: ${r.differences.map((d) => d.path).join(', ')}\n`);
            process.exitCode = EXIT.checkFailed;
            return;
          }
        }
      }
      process.stdout.write(
        `ok: ${result.entries} entries, head ${result.head}${flags.replay ? `, ${replayed} records reproduced` : ''}\n`,
      );
    });
  log
    .command('head')
    .description('Print the head hash of a decision log, to store somewhere else.')
    .argument('<file>', 'NDJSON decision log')
    .action((file: string) => {
      readLines(file);
      const result = verifyLogFile(file);
      if (!result.ok) {
        process.stderr.write(`BROKEN: line ${result.firstBad!.line}: ${result.firstBad!.reason}\n`);
        process.exitCode = EXIT.checkFailed;
        return;
      }
      process.stdout.write(`${result.head}\n`);
    });
  log
    .command('review')
    .description("Append a reviewer's decision (e.g. an override of an escalation) with its justification.")
    .argument('<file>', 'NDJSON decision log')
    .requiredOption('--transaction-id <id>', 'the transaction reviewed')
    .requiredOption('--decision <decision>', 'the reviewer’s decision')
    .requiredOption('--justification <text>', 'why')
    .requiredOption('--reviewer <name>', 'who decided')
    .option('--date <date>', 'date of the review (default: today)')
    .action((file: string, flags: ReviewFlags) => {
      const review = parseReview({
        kind: 'review',
        transactionId: flags.transactionId,
        decision: flags.decision,
        justification: flags.justification,
        reviewer: flags.reviewer,
        date: flags.date ? isoDateOption(flags.date, '--date') : todayIso(),
      });
      const [entry] = appendToLog(file, [review]);
      process.stdout.write(`appended review as entry ${entry!.seq}, head ${entry!.hash}\n`);
    });
}
