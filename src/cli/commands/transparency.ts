import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { renderTransparencyHtml, renderTransparencyMarkdown } from '../../node/register/index.js';
import { oneOf, UsageError } from '../io.js';
import { type DbFlags, dbOption, withRegister } from '../register-db.js';

const FORMATS = ['md', 'html', 'json'] as const;

export function register(program: Command): void {
  dbOption(program.command('transparency'))
    .description(
      'UNGP 21 transparency report for a year: counts by decision, red flag, region, declines, leverage; no personal data.',
    )
    .requiredOption('--year <year>', 'calendar year')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'md')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (flags: DbFlags & { year: string; format: string; out?: string }) => {
      const format = oneOf(flags.format, FORMATS, '--format');
      if (!/^\d{4}$/.test(flags.year)) throw new UsageError(`invalid --year "${flags.year}": expected YYYY`);
      await withRegister(flags, async (r) => {
        const report = await r.transparency(Number(flags.year));
        const text =
          format === 'md'
            ? renderTransparencyMarkdown(report)
            : format === 'html'
              ? renderTransparencyHtml(report)
              : `${JSON.stringify(report, null, 2)}\n`;
        if (flags.out) writeFileSync(flags.out, text);
        else process.stdout.write(text);
      });
    });
}
