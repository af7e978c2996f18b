import type { Command } from 'commander';
import { createEngine, factsShape } from '../../engine/index.js';
import {
  defaultQuestionnaire,
  loadQuestionnaire,
  type Questionnaire,
  type QuestionnaireFacts,
} from '../../questionnaire/index.js';
import { defaultRuleset, loadRuleset } from '../../rules/index.js';
import { QuestionnaireInterrupted, runQuestionnaire, terminalAsk } from '../interactive.js';
import { EXIT, readJsonFile, todayIso, writeOut, writeTextFile } from '../io.js';

interface Flags {
  definition?: string;
  transaction?: string;
  locale?: string;
  out?: string;
}

function load(flags: Flags): { questionnaire: Questionnaire; facts?: QuestionnaireFacts } {
  const definition = flags.definition ? readJsonFile(flags.definition, 'questionnaire') : defaultQuestionnaire;
  const loaded = loadQuestionnaire(definition, {
    facts: factsShape({ parameters: loadRuleset(defaultRuleset).parameters }),
  });
  const questionnaire = flags.locale ? loaded.localize(flags.locale) : loaded.localize(loaded.definition.defaultLocale);
  if (!flags.transaction) return { questionnaire };
  const engine = createEngine({ questionnaire: false });
  const facts = engine.facts(readJsonFile(flags.transaction, 'transaction file'), { asOf: todayIso() });
  return { questionnaire, facts };
}

export function register(program: Command): void {
  const command = program
    .command('questionnaire')
    .description('Answer the due-diligence questionnaire in the terminal (only the questions that apply are asked).')
    .option('--definition <file>', 'questionnaire definition (default: the bundled one)')
    .option('--transaction <file>', 'the transaction, so questions that depend on it are shown or hidden')
    .option('--locale <xx>', 'language of the questions, e.g. en or de')
    .option('--out <file>', 'write the answers here (default: standard output)')
    .action(async (flags: Flags) => {
      const { questionnaire, facts } = load(flags);
      let answers: Record<string, unknown>;
      let interrupted = false;
      try {
        answers = await runQuestionnaire(questionnaire, facts, terminalAsk);
      } catch (error) {
        if (!(error instanceof QuestionnaireInterrupted)) throw error;
        // Ctrl-C keeps what was answered: the answers given so far are saved, then exit 130.
        answers = error.answers;
        interrupted = true;
      }
      const text = `${JSON.stringify(answers, null, 2)}\n`;
      if (flags.out) writeTextFile(flags.out, text, 'answers');
      else process.stdout.write(text);
      if (interrupted) {
        const where = flags.out ? ` to ${flags.out}` : '';
        process.stderr.write(`interrupted: ${Object.keys(answers).length} answers given so far saved${where}\n`);
        process.exitCode = EXIT.interrupted;
      }
    });
  command
    .command('validate')
    .description('Check an answers file against the questionnaire (exit 0 valid, 2 invalid).')
    .argument('<answers.json>', 'answers by question id')
    .option('--definition <file>', 'questionnaire definition (default: the bundled one)')
    .option('--transaction <file>', 'the transaction the answers are for (needed when questions depend on it)')
    .action((file: string, _flags: Flags, cmd: Command) => {
      // Options the parent command also declares are parsed there: read both.
      const { questionnaire, facts } = load(cmd.optsWithGlobals<Flags>());
      const result = questionnaire.validate(readJsonFile(file, 'answers file'), facts);
      if (result.ok) {
        process.stdout.write(`valid: ${file}\n`);
        return;
      }
      process.stderr.write(
        `invalid answers in ${file}:\n${result.issues.map((i) => `  ${i.questionId || '(root)'}: ${i.code}: ${i.message}`).join('\n')}\n`,
      );
      if (result.issues.some((i) => i.code === 'facts-required'))
        process.stderr.write('give the order the answers are for with --transaction <file>\n');
      process.exitCode = EXIT.badInput;
    });
  command
    .command('export')
    .description('Write the bundled default questionnaire, as a starting point or to review it.')
    .option('--out <file>', 'write it here (default: standard output)')
    .action((_flags: Flags, cmd: Command) => {
      writeOut(defaultQuestionnaire, cmd.optsWithGlobals<Flags>().out);
    });
}
