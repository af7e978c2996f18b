import { parseCountryData } from '../data/index.js';
import { createEngine, type Engine, type EngineOptions } from '../engine/index.js';
import { EVALUATORS, type EvaluatorKind } from '../logic/index.js';
import { DECISIONS, type Decision } from '../model/index.js';
import { oneOf, readJsonFile } from './io.js';
import { loadListsFromFiles } from './lists.js';
import { loadQuestionnaireFromFlag } from './questionnaire-flag.js';

/** Flags shared by the commands that build an engine (assess, batch, replay). */
export interface EngineFlags {
  ruleset?: string;
  questionnaire?: string;
  countryData?: string;
  lists?: string[];
  evaluator?: string;
}

export interface LoadedEngine {
  engine: Engine;
  lists: { id: string; version: string; hash: string }[];
}

/** Builds an engine from command-line flags; unreadable or invalid files are user errors (exit 2). */
export function engineFromFlags(flags: EngineFlags): LoadedEngine {
  const options: EngineOptions = {};
  if (flags.ruleset) options.ruleset = readJsonFile(flags.ruleset, 'rule set');
  if (flags.countryData) options.countryData = parseCountryData(readJsonFile(flags.countryData, 'country data'));
  if (flags.evaluator) options.evaluator = oneOf<EvaluatorKind>(flags.evaluator, EVALUATORS, '--evaluator');
  const questionnaire = loadQuestionnaireFromFlag(flags.questionnaire);
  if (questionnaire) options.questionnaire = questionnaire;
  const lists = loadListsFromFiles(flags.lists ?? []);
  if (lists) options.screening = lists;
  return { engine: createEngine(options), lists: lists?.lists ?? [] };
}

/** Validates `--fail-on`. */
export function failOnOption(value: string | undefined): Decision | undefined {
  return value === undefined ? undefined : oneOf<Decision>(value, DECISIONS, '--fail-on');
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
