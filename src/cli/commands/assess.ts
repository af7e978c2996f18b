import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { toRecord } from '../../audit/index.js';
import { refsRegistry } from '../../data/index.js';
import { decisionRank } from '../../model/index.js';
import { appendToLog } from '../../node/index.js';
import { renderHtml, renderMarkdown } from '../../report/index.js';
import { VERSION } from '../../version.js';
import { collect, engineFromFlags, failOnOption } from '../engine-options.js';
import { EXIT, isoDateOption, oneOf, readJsonFile, todayIso, UsageError, writeTextFile } from '../io.js';

export const FORMATS = ['json', 'md', 'html'] as const;

interface AssessFlags {
  answers?: string;
  ruleset?: string;
  questionnaire?: string;
  countryData?: string;
  lists?: string[];
  listFormat?: string;
  index?: string;
  asOf?: string;
  format: string;
  failOn?: string;
  evaluator?: string;
  trace?: boolean;
  out?: string;
  log?: string;
  init?: boolean;
}

export function register(program: Command): void {
  program
    .command('assess')
    .description(
      'Assess one transaction: decision, findings ranked by severity, required assurances, missing information.',
    )
    .argument('<transaction.json>', 'the transaction (see `hrdd schema transaction`)')
    .option('--answers <file>', 'questionnaire answers (JSON object by question id)')
    .option('--ruleset <file>', 'rule set or overlay (default: the bundled hrdd-default)')
    .option('--questionnaire <file>', 'questionnaire definition (default: the bundled one)')
    .option('--country-data <file>', 'country indicators (default: the bundled V-Dem snapshot)')
    .option('--lists <file>', 'restricted-party list: CSL, OpenSanctions, EU, UN or UK (repeatable)', collect)
    .option('--list-format <format>', 'format of every --lists file (default: detected per file)')
    .option('--index <file>', 'a saved screening index (hrdd screen index build) instead of --lists')
    .option('--as-of <date>', 'assessment date YYYY-MM-DD (default: today, recorded in the output)')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'json')
    .option('--fail-on <decision>', 'exit 3 when the decision is at or above this one')
    .option('--evaluator <kind>', 'JsonLogic evaluator: compiled or reference', 'compiled')
    .option('--trace', 'include every rule evaluated, with the facts it read')
    .option('--out <file>', 'write the output to a file instead of standard output')
    .option('--log <file>', 'append the record to this hash-chained decision log (NDJSON; it must exist)')
    .option('--init', 'with --log: start a new decision log when the file does not exist')
    .action((file: string, flags: AssessFlags) => {
      const format = oneOf(flags.format, FORMATS, '--format');
      const failOn = failOnOption(flags.failOn);
      const asOf = flags.asOf === undefined ? todayIso() : isoDateOption(flags.asOf);
      if (flags.asOf === undefined)
        process.stderr.write(`note: no --as-of given; assessing as of today, ${asOf} (recorded in the output)\n`);
      if (flags.log && !flags.init && !existsSync(flags.log))
        throw new UsageError(
          `decision log ${flags.log} does not exist: pass --init to start a new chain (a mistyped path must not start one)`,
        );
      const transaction = readJsonFile(file, 'transaction file');
      const answers = flags.answers
        ? (readJsonFile(flags.answers, 'answers file') as Record<string, unknown>)
        : undefined;
      const { engine, lists } = engineFromFlags(flags);
      const assessment = engine.assess(transaction, {
        asOf,
        ...(answers ? { answers } : {}),
        ...(flags.trace ? { trace: true } : {}),
      });
      const record = toRecord(assessment, { transaction, ...(answers ? { answers } : {}) }, engine, lists);
      // Rendered from the assessment just made, not from a stored record: nothing to replay.
      const verification = {
        status: 'verified' as const,
        headline: `Verified: assessed in this run by hrdd ${VERSION}`,
      };
      const text =
        format === 'json'
          ? `${JSON.stringify(record, null, 2)}\n`
          : format === 'md'
            ? renderMarkdown(record, { refs: refsRegistry, verification })
            : renderHtml(record, { refs: refsRegistry, verification });
      if (flags.log) appendToLog(flags.log, [record]);
      if (flags.out) writeTextFile(flags.out, text, 'output');
      else process.stdout.write(text);
      if (failOn && decisionRank(assessment.decision) >= decisionRank(failOn)) process.exitCode = EXIT.checkFailed;
    });
}
