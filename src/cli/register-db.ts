import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { defaultDbLocation, openRegister, type Register } from '../node/register/index.js';

export interface DbFlags {
  db?: string;
}

/** Adds `--db` (a PGlite directory or a postgres:// URL) to a register command. */
export function dbOption(command: Command): Command {
  return command.option(
    '--db <dir|url>',
    'register: a directory (embedded PGlite) or postgres://… (default: $HRDD_DB or ./hrdd-register)',
  );
}

/** Opens the register named by `--db`, runs `fn`, and closes it whatever happens. */
export async function withRegister<T>(
  flags: DbFlags,
  fn: (register: Register) => Promise<T>,
  options: { create?: boolean; retentionDays?: number } = {},
): Promise<T> {
  const register = await openRegister({ db: flags.db ?? defaultDbLocation(), ...options });
  try {
    return await fn(register);
  } finally {
    await register.close();
  }
}

/** A progress bar on a terminal (standard error), nothing when output is piped; `stop` ends it. */
export function terminalProgress(
  label: string,
): { update(done: number, total: number): void; stop(): void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: `${label} {bar} {value}/{total}`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop: () => bar.stop(),
  };
}
