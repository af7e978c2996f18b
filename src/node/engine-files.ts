import { basename } from 'node:path';
import { parseCountryData } from '../data/index.js';
import { createEngine, type DataIdentity, type Engine, type EngineOptions } from '../engine/index.js';
import { HrddError } from '../errors.js';
import { EVALUATORS, type EvaluatorKind } from '../logic/index.js';
import { loadQuestionnaire } from '../questionnaire/index.js';
import {
  buildScreeningIndex,
  type ListEntry,
  listIdentity,
  parseScreeningList,
  type ScreeningIndex,
} from '../screening/index.js';
import { readJsonFile, readTextFile } from './files.js';

/** Where an engine's rule set, questionnaire, data and lists come from (file paths; absent = bundled defaults). */
export interface EngineFiles {
  ruleset?: string;
  questionnaire?: string;
  countryData?: string;
  lists?: readonly string[];
  evaluator?: string;
}

/** Restricted-party list files (CSL CSV or JSON), indexed once, with their identities for provenance. */
export function loadLists(files: readonly string[]): { index: ScreeningIndex; lists: DataIdentity[] } | undefined {
  if (files.length === 0) return undefined;
  const all: ListEntry[] = [];
  const lists: DataIdentity[] = [];
  for (const file of files) {
    const entries = parseScreeningList(readTextFile(file, 'list'));
    all.push(...entries);
    lists.push(listIdentity(basename(file), entries));
  }
  return { index: buildScreeningIndex(all), lists };
}

/** Builds an engine from files; unreadable or invalid files throw `HrddError`. */
export function engineFromFiles(files: EngineFiles): { engine: Engine; lists: DataIdentity[] } {
  const options: EngineOptions = {};
  if (files.ruleset) options.ruleset = readJsonFile(files.ruleset, 'rule set');
  if (files.countryData) options.countryData = parseCountryData(readJsonFile(files.countryData, 'country data'));
  if (files.evaluator) {
    if (!(EVALUATORS as readonly string[]).includes(files.evaluator)) {
      throw new HrddError(`invalid --evaluator "${files.evaluator}": expected one of ${EVALUATORS.join(', ')}`);
    }
    options.evaluator = files.evaluator as EvaluatorKind;
  }
  if (files.questionnaire)
    options.questionnaire = loadQuestionnaire(readJsonFile(files.questionnaire, 'questionnaire'));
  const lists = loadLists(files.lists ?? []);
  if (lists) options.screening = lists;
  return { engine: createEngine(options), lists: lists?.lists ?? [] };
}
