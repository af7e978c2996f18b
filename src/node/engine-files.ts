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
import { MAX_FILE_DEPTH, readJsonFile, readTextFile } from './files.js';

/** Where an engine's rule set, questionnaire, data and lists come from (file paths; absent = bundled defaults). */
export interface EngineFiles {
  ruleset?: string;
  questionnaire?: string;
  countryData?: string;
  lists?: readonly string[];
  evaluator?: string;
}

/** How deeply brackets nest in JSON text (strings skipped), counted in one pass without parsing or recursion. */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/** Restricted-party list files (CSL CSV or JSON), indexed once, with their identities for provenance. */
export function loadLists(files: readonly string[]): { index: ScreeningIndex; lists: DataIdentity[] } | undefined {
  if (files.length === 0) return undefined;
  const all: ListEntry[] = [];
  const lists: DataIdentity[] = [];
  for (const file of files) {
    const text = readTextFile(file, 'list');
    // A JSON list nested absurdly deep is bad input, found before any recursive step reads it.
    if (/^\s*[[{]/.test(text) && bracketDepth(text) > MAX_FILE_DEPTH)
      throw new HrddError(`Invalid list ${file}`, [
        { path: file, message: `nested more than ${MAX_FILE_DEPTH} levels deep` },
      ]);
    const entries = parseScreeningList(text);
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
