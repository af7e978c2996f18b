import { loadQuestionnaire, type Questionnaire } from '../questionnaire/index.js';
import { readJsonFile } from './io.js';

/** The questionnaire for `--questionnaire <file>`; undefined means the engine's default (the bundled one). */
export function loadQuestionnaireFromFlag(file: string | undefined): Questionnaire | undefined {
  return file ? loadQuestionnaire(readJsonFile(file, 'questionnaire')) : undefined;
}
