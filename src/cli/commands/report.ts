import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  AssessmentRecordSchema,
  type RecordVerification,
  verifyRecord,
  verifyRecordSignature,
} from '../../audit/index.js';
import { parseCountryData, refsRegistry } from '../../data/index.js';
import { AssessmentSchema, parseWith } from '../../model/index.js';
import { loadLists as loadListsFromFiles } from '../../node/engine-files.js';
import { type Reportable, renderHtml, renderMarkdown, type SignOff } from '../../report/index.js';
import { collect } from '../engine-options.js';
import { EXIT, isoDateOption, oneOf, readJsonFile, readTextFile, UsageError } from '../io.js';

interface Flags {
  format: string;
  out?: string;
  ruleset?: string;
  questionnaire?: string;
  countryData?: string;
  lists?: string[];
  requireVerified?: boolean;
  signature?: string;
  key?: string;
  preparedBy?: string;
  reviewedBy?: string;
  signOffDate?: string;
  decisionTaken?: string;
}

/** A record (with input and options) is validated as one; a bare assessment is reported too. */
function readReportable(json: unknown): Reportable {
  const isRecord = typeof json === 'object' && json !== null && Object.hasOwn(json, 'input');
  return isRecord
    ? parseWith(AssessmentRecordSchema, json, 'assessment record')
    : parseWith(AssessmentSchema, json, 'assessment');
}

/** A detached signature that does not hold makes the record unverified, whatever replay says. */
async function withSignature(
  verification: RecordVerification,
  json: unknown,
  flags: Flags,
): Promise<RecordVerification> {
  if (!flags.signature && !flags.key) return verification;
  if (!flags.signature || !flags.key) throw new UsageError('--signature and --key go together');
  const problems = await verifyRecordSignature(
    json,
    readJsonFile(flags.signature, 'signature'),
    readTextFile(flags.key, 'public key'),
  );
  if (problems.length > 0)
    return {
      status: 'not-verified',
      headline: `NOT VERIFIED: the signature does not hold (${problems.join('; ')})`,
      details: [...problems, verification.headline, ...verification.details],
    };
  return { ...verification, details: ['signed by the key given: the record is as signed', ...verification.details] };
}

export function register(program: Command): void {
  program
    .command('report')
    .description(
      'Verify a stored assessment record (replay it, or check its hashes where a rule set or list is not at hand) and render it as a Markdown or self-contained HTML report, the verification first.',
    )
    .argument('<record.json>', 'a record written by `hrdd assess` (or a bare assessment)')
    .option('--format <format>', 'md or html', 'html')
    .option('--out <file>', 'write the report to a file instead of standard output')
    .option('--ruleset <file>', 'the rule set the record names, if it is not bundled')
    .option('--questionnaire <file>', 'the questionnaire the record names, if it is not bundled')
    .option('--country-data <file>', 'the country data the record names, if it is not bundled')
    .option('--lists <file>', 'the restricted-party lists the record names (repeatable)', collect)
    .option('--require-verified', 'exit 3 unless the record was reproduced (the report is still written)')
    .option('--signature <file>', 'a detached signature of the record (`hrdd sign`), checked with --key')
    .option('--key <public.pem>', 'Ed25519 public key for --signature')
    .option('--prepared-by <name>', 'sign-off: who prepared the decision')
    .option('--reviewed-by <name>', 'sign-off: who reviewed it')
    .option('--sign-off-date <date>', 'sign-off: date YYYY-MM-DD')
    .option('--decision-taken <text>', 'sign-off: the decision taken')
    .action(async (file: string, flags: Flags) => {
      const format = oneOf(flags.format, ['md', 'html'] as const, '--format');
      const json = readJsonFile(file, 'record');
      const report = readReportable(json);
      const lists = loadListsFromFiles(flags.lists ?? []);
      let verification = verifyRecord(json, {
        ...(flags.ruleset ? { ruleset: readJsonFile(flags.ruleset, 'rule set') } : {}),
        ...(flags.questionnaire ? { questionnaire: readJsonFile(flags.questionnaire, 'questionnaire') } : {}),
        ...(flags.countryData
          ? { countryData: parseCountryData(readJsonFile(flags.countryData, 'country data')) }
          : {}),
        ...(lists ? { lists } : {}),
      });
      verification = await withSignature(verification, json, flags);
      const signOff: SignOff = {
        ...(flags.preparedBy ? { preparedBy: flags.preparedBy } : {}),
        ...(flags.reviewedBy ? { reviewedBy: flags.reviewedBy } : {}),
        ...(flags.signOffDate ? { date: isoDateOption(flags.signOffDate, '--sign-off-date') } : {}),
        ...(flags.decisionTaken ? { decisionTaken: flags.decisionTaken } : {}),
      };
      const options = { refs: refsRegistry, recordFile: basename(file), verification, signOff };
      const text = format === 'md' ? renderMarkdown(report, options) : renderHtml(report, options);
      if (flags.out) writeFileSync(flags.out, text);
      else process.stdout.write(text);
      process.stderr.write(`${verification.headline}\n`);
      if (flags.requireVerified && verification.status !== 'verified') process.exitCode = EXIT.checkFailed;
    });
}
