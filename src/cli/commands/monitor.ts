import type { Command } from 'commander';
import type { MonitorReport } from '../../node/register/index.js';
import { collect, type EngineFlags } from '../engine-options.js';
import { EXIT, isoDateOption, oneOf, todayIso, wholeNumber } from '../io.js';
import { type DbFlags, dbOption, terminalProgress, withRegister } from '../register-db.js';

const FORMATS = ['json', 'md'] as const;

interface MonitorFlags extends DbFlags, EngineFlags {
  asOf?: string;
  format: string;
  workers?: string;
}

function markdown(r: MonitorReport): string {
  const out = [
    `# Monitoring as of ${r.asOf}`,
    '',
    `Checked ${r.checked} active transaction(s), re-assessed ${r.reassessed}.`,
    '',
  ];
  if (r.changes.length === 0) out.push('No decision changed.', '');
  else {
    out.push('## Decisions changed', '');
    for (const c of r.changes) {
      out.push(`### ${c.transactionId}: ${c.from} → ${c.to}`, '');
      for (const reason of c.reasons) out.push(`- ${reason}`);
      out.push('');
    }
  }
  if (r.attention.length > 0) {
    out.push('## Read these too (decision unchanged)', '');
    for (const a of r.attention) {
      out.push(`### ${a.transactionId}: ${a.decision}`, '');
      for (const reason of a.reasons) out.push(`- ${reason}`);
      out.push('');
    }
  }
  if (r.errors.length > 0) {
    out.push('## Could not be re-assessed', '');
    for (const e of r.errors) out.push(`- ${e.transactionId}: ${e.message}`);
    out.push('');
  }
  return out.join('\n');
}

export function register(program: Command): void {
  dbOption(program.command('monitor'))
    .description(
      'Re-assess every active transaction whose facts may have changed; report decisions before and after, and why (exit 3 when one got worse).',
    )
    .option('--as-of <date>', 'date of the run YYYY-MM-DD (default: today)')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'json')
    .option('--ruleset <file>', 'rule set or overlay (default: the bundled hrdd-default)')
    .option('--questionnaire <file>', 'questionnaire definition (default: the bundled one)')
    .option('--country-data <file>', 'country indicators (default: the bundled V-Dem snapshot)')
    .option('--lists <file>', 'restricted-party list, CSL CSV or JSON (repeatable; give every list in use)', collect)
    .option('--workers <n>', 'worker threads that re-assess (default: number of CPUs; 0: none, the main thread)')
    .action(async (flags: MonitorFlags) => {
      const format = oneOf(flags.format, FORMATS, '--format');
      const asOf = flags.asOf === undefined ? todayIso() : isoDateOption(flags.asOf);
      const workers =
        flags.workers === undefined
          ? (await import('node:os')).availableParallelism()
          : wholeNumber(flags.workers, '--workers', 0, 64);
      const files: EngineFlags = {
        ...(flags.ruleset ? { ruleset: flags.ruleset } : {}),
        ...(flags.questionnaire ? { questionnaire: flags.questionnaire } : {}),
        ...(flags.countryData ? { countryData: flags.countryData } : {}),
        ...(flags.lists ? { lists: flags.lists } : {}),
      };
      await withRegister(flags, async (r) => {
        const progress = terminalProgress('hrdd monitor: transactions checked');
        const report = await r
          .monitor({ asOf, files, workers, ...(progress ? { onProgress: progress.update } : {}) })
          .finally(() => progress?.stop());
        const { worse, ...shown } = report;
        process.stdout.write(format === 'json' ? `${JSON.stringify(shown, null, 2)}\n` : markdown(report));
        if (worse) process.exitCode = EXIT.checkFailed;
      });
    });
}
