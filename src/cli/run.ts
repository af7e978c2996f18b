import { CommanderError } from 'commander';
import { HrddError } from '../errors.js';
import { EXIT, hrddErrorText, UsageError } from './io.js';
import { buildProgram } from './program.js';

/** Runs the CLI and returns its exit code; errors become messages, never stack traces, for bad input. */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  for (const cmd of program.commands) cmd.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return EXIT.ok;
      return EXIT.badInput;
    }
    if (error instanceof HrddError) {
      process.stderr.write(`${hrddErrorText(error)}\n`);
      return EXIT.badInput;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT.badInput;
    }
    const err = error as Error;
    process.stderr.write(`internal error: ${err?.message ?? String(error)}\n`);
    if (process.env.HRDD_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
    return EXIT.internal;
  }
}
