import type { Command } from 'commander';
import * as assess from './assess.js';
import * as batch from './batch.js';
import * as log from './log.js';
import * as misuse from './misuse.js';
import * as monitor from './monitor.js';
import * as questionnaire from './questionnaire.js';
import * as registerCommand from './register.js';
import * as replay from './replay.js';
import * as report from './report.js';
import * as rules from './rules.js';
import * as schema from './schema.js';
import * as screen from './screen.js';
import * as sign from './sign.js';
import * as transparency from './transparency.js';

/** Commands in the order `hrdd --help` lists them. */
export function registerCommands(program: Command): void {
  for (const command of [
    assess,
    batch,
    questionnaire,
    screen,
    replay,
    log,
    registerCommand,
    misuse,
    monitor,
    transparency,
    rules,
    report,
    sign,
    schema,
  ])
    command.register(program);
}
