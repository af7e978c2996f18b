import { appendFileSync, existsSync } from 'node:fs';
import type { Command } from 'commander';
import {
  type Checkpoint,
  checkReview,
  parseLogLine,
  parseReview,
  replayAssessment,
  signCheckpoint,
  verifyCheckpoint,
} from '../../audit/index.js';
import { appendToLog, readLogLines, verifyLogFile } from '../../node/index.js';
import { EXIT, isoDateOption, readTextFile, todayIso, UsageError } from '../io.js';

interface VerifyFlags {
  head?: string;
  replay?: boolean;
  key?: string;
  checkpoints?: string;
}

interface ReviewFlags {
  transactionId: string;
  decision: string;
  justification: string;
  reviewer: string;
  approvedBy?: string;
  date?: string;
  init?: boolean;
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

/** The signed checkpoints kept beside a log, one JSON object a line. */
const checkpointsFile = (file: string, flag?: string) => flag ?? `${file}.checkpoints`;

function readCheckpoints(file: string): unknown[] {
  const text = readTextFile(file, 'checkpoints file');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new UsageError(`${file}: line ${i + 1} is not JSON`);
      }
    });
}

/** Verifies every signed checkpoint against the public key and the chain: problems, one line each. */
async function checkCheckpoints(log: string, lines: string[], flags: VerifyFlags): Promise<string[]> {
  const file = checkpointsFile(log, flags.checkpoints);
  const publicKey = readTextFile(flags.key!, 'public key');
  const hashes = new Map<number, string>();
  for (const line of lines) {
    const parsed = parseLogLine(line);
    if ('entry' in parsed) hashes.set(parsed.entry.seq, parsed.entry.hash);
  }
  const problems: string[] = [];
  const checkpoints = readCheckpoints(file);
  if (checkpoints.length === 0) problems.push(`${file} holds no checkpoint`);
  for (const [i, cp] of checkpoints.entries()) {
    const where = `checkpoint ${i + 1}`;
    const signature = await verifyCheckpoint(cp, publicKey);
    if (signature.length > 0) {
      problems.push(`${where}: ${signature.join('; ')}`);
      continue;
    }
    const { seq, hash } = cp as Checkpoint;
    if (seq > 0 && hashes.get(seq) !== hash)
      problems.push(
        `${where}: entry ${seq} ${hashes.has(seq) ? 'has another hash (rewritten)' : 'is missing (truncated)'}; signed ${hash}`,
      );
  }
  return problems;
}

export function register(program: Command): void {
  const log = program
    .command('log')
    .description('The hash-chained decision log: verify it, print its head, sign checkpoints, append reviews.');
  log
    .command('verify')
    .description('Check every entry of a decision log (exit 0 intact, 3 broken, naming the first bad line).')
    .argument('<file>', 'NDJSON decision log')
    .option(
      '--head <hash>',
      'a head hash stored elsewhere: it must be an entry of the chain (catches truncation and rewrites)',
    )
    .option('--key <public.pem>', 'Ed25519 public key: verify the signed checkpoints of the log')
    .option('--checkpoints <file>', 'signed checkpoints to verify with --key (default: <file>.checkpoints)')
    .option('--replay', 'also re-run every assessment record in the log')
    .action(async (file: string, flags: VerifyFlags) => {
      const lines = readLines(file);
      const result = verifyLogFile(file, flags.head ? { head: flags.head } : {});
      if (!result.ok) {
        process.stdout.write(`BROKEN: ${file}: line ${result.firstBad!.line}: ${result.firstBad!.reason}\n`);
        process.exitCode = EXIT.checkFailed;
        return;
      }
      if (flags.checkpoints && !flags.key) throw new UsageError('--checkpoints needs --key <public.pem>');
      if (flags.key) {
        const problems = await checkCheckpoints(file, lines, flags);
        if (problems.length > 0) {
          for (const p of problems) process.stdout.write(`BROKEN: ${file}: ${p}\n`);
          process.exitCode = EXIT.checkFailed;
          return;
        }
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
      const extras = [
        result.headAt
          ? `head ${flags.head} at entry ${result.headAt.seq}; ${result.headAt.after} entr${result.headAt.after === 1 ? 'y' : 'ies'} after it`
          : '',
        flags.key ? `checkpoints signed by the key hold (${checkpointsFile(file, flags.checkpoints)})` : '',
        flags.replay ? `${replayed} records reproduced` : '',
      ].filter(Boolean);
      process.stdout.write(
        `ok: chain intact; ${result.entries} entries, head ${result.head}${extras.map((e) => `; ${e}`).join('')}\n`,
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
    .command('checkpoint')
    .description('Sign the head of an intact decision log (Ed25519) and append the checkpoint to <file>.checkpoints.')
    .argument('<file>', 'NDJSON decision log')
    .requiredOption('--key <private.pem>', 'Ed25519 private key (PKCS #8 PEM)')
    .option('--checkpoints <file>', 'where to append the checkpoint (default: <file>.checkpoints)')
    .action(async (file: string, flags: { key: string; checkpoints?: string }) => {
      readLines(file);
      const result = verifyLogFile(file);
      if (!result.ok) {
        process.stderr.write(`BROKEN: line ${result.firstBad!.line}: ${result.firstBad!.reason}\n`);
        process.exitCode = EXIT.checkFailed;
        return;
      }
      const checkpoint = await signCheckpoint(
        { seq: result.entries, hash: result.head },
        readTextFile(flags.key, 'private key'),
      );
      const target = checkpointsFile(file, flags.checkpoints);
      appendFileSync(target, `${JSON.stringify(checkpoint)}\n`);
      process.stdout.write(`${JSON.stringify(checkpoint)}\n`);
    });
  log
    .command('review')
    .description(
      "Append a reviewer's decision on an assessed transaction. Lowering a decline or an escalation needs a substantive justification and a second person's approval; a hard-stop decline cannot be overridden.",
    )
    .argument('<file>', 'NDJSON decision log (must exist and hold the assessment)')
    .requiredOption('--transaction-id <id>', 'the transaction reviewed')
    .requiredOption('--decision <decision>', 'the reviewer’s decision')
    .requiredOption('--justification <text>', 'why (at least 30 characters to lower a decision)')
    .requiredOption('--reviewer <name>', 'who prepared the review')
    .option('--approved-by <name>', 'who approved it: required, and someone else, when the review lowers the decision')
    .option('--date <date>', 'date of the review (default: today)')
    .action((file: string, flags: ReviewFlags) => {
      if (!existsSync(file)) throw new UsageError(`cannot read decision log ${file}: no such file`);
      const review = parseReview({
        kind: 'review',
        transactionId: flags.transactionId,
        decision: flags.decision,
        justification: flags.justification,
        reviewer: flags.reviewer,
        ...(flags.approvedBy !== undefined ? { approvedBy: flags.approvedBy } : {}),
        date: flags.date ? isoDateOption(flags.date, '--date') : todayIso(),
      });
      const lines = readLines(file);
      const result = verifyLogFile(file);
      if (!result.ok) {
        process.stderr.write(`BROKEN: ${file}: line ${result.firstBad!.line}: ${result.firstBad!.reason}\n`);
        process.exitCode = EXIT.checkFailed;
        return;
      }
      const entries = lines.flatMap((l) => {
        const parsed = parseLogLine(l);
        return 'entry' in parsed ? [parsed.entry] : [];
      });
      const checked = checkReview(review, entries);
      const [entry] = appendToLog(file, [checked], { create: false });
      const by = checked.approvedBy ? `${checked.reviewer}, approved by ${checked.approvedBy}` : checked.reviewer;
      process.stdout.write(`appended review by ${by} as entry ${entry!.seq}, head ${entry!.hash}\n`);
    });
}
