import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AssessmentRecordSchema } from '../../audit/index.js';
import { refsRegistry } from '../../data/index.js';
import { AssessmentSchema, parseWith } from '../../model/index.js';
import { type Reportable, renderHtml, renderMarkdown } from '../../report/index.js';
import { oneOf, readJsonFile } from '../io.js';

/** A record (with input and options) is validated as one; a bare assessment is reported too. */
function readReportable(file: string): Reportable {
  const json = readJsonFile(file, 'record');
  const isRecord = typeof json === 'object' && json !== null && Object.hasOwn(json, 'input');
  return isRecord
    ? parseWith(AssessmentRecordSchema, json, 'assessment record')
    : parseWith(AssessmentSchema, json, 'assessment');
}

export function register(program: Command): void {
  program
    .command('report')
    .description('Render a stored assessment record as a Markdown or self-contained HTML report.')
    .argument('<record.json>', 'a record written by `hrdd assess` (or a bare assessment)')
    .option('--format <format>', 'md or html', 'html')
    .option('--out <file>', 'write the report to a file instead of standard output')
    .action((file: string, flags: { format: string; out?: string }) => {
      const format = oneOf(flags.format, ['md', 'html'] as const, '--format');
      const report = readReportable(file);
      const options = { refs: refsRegistry, recordFile: basename(file) };
      const text = format === 'md' ? renderMarkdown(report, options) : renderHtml(report, options);
      if (flags.out) writeFileSync(flags.out, text);
      else process.stdout.write(text);
    });
}
