import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AssessmentRecordSchema } from '../../audit/index.js';
import { refsRegistry } from '../../data/index.js';
import { parseWith } from '../../model/index.js';
import { renderHtml, renderMarkdown } from '../../report/index.js';
import { oneOf, readJsonFile } from '../io.js';

export function register(program: Command): void {
  program
    .command('report')
    .description('Render a stored assessment record as a Markdown or self-contained HTML report.')
    .argument('<record.json>', 'a record written by `hrdd assess --format json`')
    .option('--format <format>', 'md or html', 'html')
    .option('--out <file>', 'write the report to a file instead of standard output')
    .action((file: string, flags: { format: string; out?: string }) => {
      const format = oneOf(flags.format, ['md', 'html'] as const, '--format');
      const record = parseWith(AssessmentRecordSchema, readJsonFile(file, 'record'), 'assessment record');
      const options = { refs: refsRegistry, recordFile: basename(file) };
      const text = format === 'md' ? renderMarkdown(record, options) : renderHtml(record, options);
      if (flags.out) writeFileSync(flags.out, text);
      else process.stdout.write(text);
    });
}
