import { Command } from 'commander';
import { VERSION } from '../version.js';
import { registerCommands } from './commands/index.js';

/** The `hrdd` command definition (also the source of docs/cli.md). */
export function buildProgram(): Command {
  const program = new Command('hrdd')
    .description('Human-rights due diligence for exports of dual-use and surveillance technology.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false });
  registerCommands(program);
  return program;
}
