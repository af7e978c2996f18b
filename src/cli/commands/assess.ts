import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { toRecord } from '../../audit/index.js';
import { refsRegistry } from '../../data/index.js';
import { decisionRank } from '../../model/index.js';
import { appendToLog } from '../../node/index.js';
import { renderHtml, renderMarkdown } from '../../report/index.js';
import { collect, engineFromFlags, failOnOption } from '../engine-options.js';
import { EXIT, isoDateOption, oneOf, readJsonFile, todayIso } from '../io.js';

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
    .option('--log <file>', 'append the record to this hash-chained decision log (NDJSON)')
    .action((file: string, flags: AssessFlags) => {
      const format = oneOf(flags.format, FORMATS, '--format');
      const failOn = failOnOption(flags.failOn);
      const asOf = flags.asOf === undefined ? todayIso() : isoDateOption(flags.asOf);
      if (flags.asOf === undefined)
        process.stderr.write(`note: no --as-of given; assessing as of today, ${asOf} (recorded in the output)\n`);
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
      const text =
        format === 'json'
          ? `${JSON.stringify(record, null, 2)}\n`
          : format === 'md'
            ? renderMarkdown(record, { refs: refsRegistry })
            : renderHtml(record, { refs: refsRegistry });
      if (flags.log) appendToLog(flags.log, [record]);
      if (flags.out) writeFileSync(flags.out, text);
      else process.stdout.write(text);
      if (failOn && decisionRank(assessment.decision) >= decisionRank(failOn)) process.exitCode = EXIT.checkFailed;
    });
}
