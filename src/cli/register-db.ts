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

/** A progress line on a terminal (standard error), nothing when output is piped. */
export function terminalProgress(label: string): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 200) return;
    last = now;
    process.stderr.write(
      `\r${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}${done >= total ? '\n' : ''}`,
    );
  };
}
