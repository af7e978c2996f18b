import { createReadStream, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { decisionRank } from '../../model/index.js';
import {
  type BatchSummary,
  BatchWriteError,
  checkWritable,
  MAX_LINE_BYTES,
  runBatch,
  WorkerCrashError,
} from '../../node/index.js';
import { collect, failOnOption } from '../engine-options.js';
import { EXIT, isoDateOption, oneOf, todayIso, UsageError, wholeNumber } from '../io.js';

interface Flags {
  out?: string;
  workers?: string;
  asOf?: string;
  ruleset?: string;
  questionnaire?: string;
  countryData?: string;
  lists?: string[];
  listFormat?: string;
  index?: string;
  log?: string;
  failOn?: string;
  evaluator?: string;
  progress?: string;
  chunkSize?: string;
  failOnError?: boolean;
  resume?: boolean;
  maxLineBytes?: string;
  lineTimeout?: string;
}

/** A whole number option within bounds, or a `UsageError` naming it. */
function summaryText(s: BatchSummary): string {
  const counts = Object.entries(s.decisions)
    .map(([d, n]) => `${d} ${n}`)
    .join(', ');
  const resumed = s.resumedAfter > 0 ? `resumed after line ${s.resumedAfter}; ` : '';
  return `${s.interrupted ? 'interrupted' : 'done'}: ${resumed}${s.lines} lines (${counts}; errors ${s.errors}) in ${s.seconds.toFixed(1)} s, ${s.linesPerSecond} lines/s; last line written: ${s.lastLineWritten}\n`;
}

export function register(program: Command): void {
  program
    .command('batch')
    .description(
      'Assess NDJSON lines { transaction, answers? } on worker threads: one output line per input line, in order.',
    )
    .argument('<in.ndjson>', 'input file, or - for standard input')
    .option('--out <file>', 'output file, or - for standard output (default)')
    .option('--workers <n>', 'worker threads (default: number of CPUs)')
    .option('--as-of <date>', 'assessment date YYYY-MM-DD (default: today; a line may carry its own asOf)')
    .option('--ruleset <file>', 'rule set or overlay (default: the bundled hrdd-default)')
    .option('--questionnaire <file>', 'questionnaire definition (default: the bundled one)')
    .option('--country-data <file>', 'country indicators (default: the bundled V-Dem snapshot)')
    .option('--lists <file>', 'restricted-party list: CSL, OpenSanctions, EU, UN or UK (repeatable)', collect)
    .option('--list-format <format>', 'format of every --lists file (default: detected per file)')
    .option('--index <file>', 'a saved screening index (hrdd screen index build) instead of --lists')
    .option('--log <file>', 'append every record to this hash-chained decision log')
    .option('--fail-on <decision>', 'exit 3 when any decision is at or above this one')
    .option('--evaluator <kind>', 'JsonLogic evaluator: compiled or reference', 'compiled')
    .option('--progress <mode>', 'progress on standard error: bar (on a terminal), json (only JSON lines) or none')
    .option('--fail-on-error', 'exit 3 when any line gave an error record')
    .option('--resume', 'continue an interrupted run: keep the whole lines already in --out, assess the rest')
    .option('--max-line-bytes <n>', `lines longer than this become error records (default: ${MAX_LINE_BYTES})`)
    .option(
      '--line-timeout <seconds>',
      'a line still being assessed after this long becomes an error record (default: 30)',
    )
    .action(async (inFile: string, flags: Flags) => {
      const failOn = failOnOption(flags.failOn);
      const asOf = flags.asOf === undefined ? todayIso() : isoDateOption(flags.asOf);
      const workers =
        flags.workers === undefined
          ? (await import('node:os')).availableParallelism()
          : wholeNumber(flags.workers, '--workers', 1, 64);
      const maxLineBytes =
        flags.maxLineBytes === undefined
          ? MAX_LINE_BYTES
          : wholeNumber(flags.maxLineBytes, '--max-line-bytes', 1024, 1024 * 1024 * 1024);
      const lineTimeout =
        flags.lineTimeout === undefined ? 30 : wholeNumber(flags.lineTimeout, '--line-timeout', 1, 86_400);
      const outFile = flags.out && flags.out !== '-' ? resolve(flags.out) : undefined;
      if (flags.resume && !outFile) throw new UsageError('--resume needs --out <file>: the output to continue');
      // A missing or read-only output directory is found before any work, naming the path.
      if (outFile) checkWritable(outFile, 'output');
      if (flags.log) checkWritable(resolve(flags.log), 'decision log');
      const progress = oneOf(
        flags.progress ?? (process.stderr.isTTY ? 'bar' : 'none'),
        ['bar', 'json', 'none'] as const,
        '--progress',
      );
      const abs = (f: string | undefined) => (f ? resolve(f) : undefined);
      const files = {
        ...(flags.ruleset ? { ruleset: abs(flags.ruleset)! } : {}),
        ...(flags.questionnaire ? { questionnaire: abs(flags.questionnaire)! } : {}),
        ...(flags.countryData ? { countryData: abs(flags.countryData)! } : {}),
        ...(flags.lists ? { lists: flags.lists.map((l) => resolve(l)) } : {}),
        ...(flags.listFormat ? { listFormat: flags.listFormat } : {}),
        ...(flags.index ? { index: resolve(flags.index) } : {}),
        ...(flags.evaluator ? { evaluator: flags.evaluator } : {}),
      };
      // Load once here, so a bad rule set or list is reported before any line is read.
      (await import('../../node/index.js')).engineFromFiles(files);
      let input: Readable;
      if (inFile === '-') input = process.stdin;
      else {
        if (!existsSync(inFile) || !statSync(inFile).isFile())
          throw new UsageError(`cannot read input ${inFile}: no such file`);
        input = createReadStream(inFile);
        await new Promise<void>((ok, fail) => {
          input.once('readable', ok);
          input.once('error', (e) =>
            fail(new UsageError(`cannot read input ${inFile}: ${(e as NodeJS.ErrnoException).code ?? e.message}`)),
          );
        });
      }
      const bar =
        progress === 'bar'
          ? new cliProgress.SingleBar(
              { format: 'hrdd batch {value} lines | {errors} errors | {speed} lines/s', stream: process.stderr },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
      bar?.start(0, 0, { errors: 0, speed: 0 });
      const started = Date.now();
      let lastJson = 0;
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.on('SIGINT', onSigint);
      let summary: BatchSummary;
      try {
        summary = await runBatch({
          input,
          ...(outFile
            ? { outputFile: outFile, resume: flags.resume === true }
            : { output: process.stdout as Writable }),
          maxLineBytes,
          lineTimeoutMs: lineTimeout * 1000,
          files,
          asOf,
          workers,
          signal: controller.signal,
          ...(flags.log ? { log: resolve(flags.log) } : {}),
          ...(process.env.HRDD_TEST_CRASH_LINE ? { crashOnLine: Number(process.env.HRDD_TEST_CRASH_LINE) } : {}),
          ...(process.env.HRDD_TEST_STALL_LINE ? { stallOnLine: Number(process.env.HRDD_TEST_STALL_LINE) } : {}),
          onProgress: ({ lines, errors }) => {
            const speed = Math.round(lines / Math.max(0.001, (Date.now() - started) / 1000));
            bar?.setTotal(lines);
            bar?.update(lines, { errors, speed });
            if (progress === 'json' && lines - lastJson >= 1000) {
              lastJson = lines;
              process.stderr.write(`${JSON.stringify({ lines, errors, linesPerSecond: speed })}\n`);
            }
          },
        });
      } catch (error) {
        bar?.stop();
        const stop = (message: string, lastLineWritten: number) => {
          process.stderr.write(
            progress === 'json'
              ? `${JSON.stringify({ error: message, lastLineWritten })}\n`
              : `error: ${message}\nThe output ends with line ${lastLineWritten}, complete; no line was dropped silently.\n`,
          );
          process.exitCode = EXIT.internal;
        };
        if (error instanceof WorkerCrashError) return stop(error.message, error.firstLine - 1);
        if (error instanceof BatchWriteError)
          return stop(`${error.message} (continue with --resume once there is room)`, error.lastLineWritten);
        throw error;
      } finally {
        process.removeListener('SIGINT', onSigint);
      }
      bar?.stop();
      // With --progress json, standard error carries only JSON lines: the summary is one of them.
      if (progress === 'json') process.stderr.write(`${JSON.stringify({ summary })}\n`);
      else process.stderr.write(summaryText(summary));
      if (summary.interrupted) process.exitCode = EXIT.interrupted;
      else if (failOn && summary.highestDecision && decisionRank(summary.highestDecision) >= decisionRank(failOn))
        process.exitCode = EXIT.checkFailed;
      else if (flags.failOnError && summary.errors > 0) process.exitCode = EXIT.checkFailed;
    });
}
