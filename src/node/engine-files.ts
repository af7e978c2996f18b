import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseCountryData } from '../data/index.js';
import { createEngine, type DataIdentity, type Engine, type EngineOptions } from '../engine/index.js';
import { HrddError } from '../errors.js';
import { EVALUATORS, type EvaluatorKind } from '../logic/index.js';
import { loadQuestionnaire } from '../questionnaire/index.js';
import {
  createScreeningIndexBuilder,
  LIST_FORMATS,
  type ListFormat,
  listIdentity,
  loadScreeningIndex,
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
  /** Format of every list file (default: detected per file). */
  listFormat?: string;
  /** A saved screening index (`hrdd screen index build`) instead of list files. */
  index?: string;
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

/** Validates a list format name given on the command line. */
export function listFormatOption(value: string | undefined): ListFormat | undefined {
  if (value === undefined) return undefined;
  if (!(LIST_FORMATS as readonly string[]).includes(value))
    throw new HrddError(`invalid list format "${value}": expected one of ${LIST_FORMATS.join(', ')}`);
  return value as ListFormat;
}

/**
 * Restricted-party list files in any supported format (detected per file, or `format`), added to one index entry by
 * entry as each file is parsed, with their identities for provenance.
 */
export function loadLists(
  files: readonly string[],
  format?: string,
): { index: ScreeningIndex; lists: DataIdentity[] } | undefined {
  if (files.length === 0) return undefined;
  const listFormat = listFormatOption(format);
  const builder = createScreeningIndexBuilder();
  const lists: DataIdentity[] = [];
  for (const file of files) {
    const text = readTextFile(file, 'list');
    // A JSON list nested absurdly deep is bad input, found before any recursive step reads it.
    if (/^\s*[[{]/.test(text) && bracketDepth(text) > MAX_FILE_DEPTH)
      throw new HrddError(`Invalid list ${file}`, [
        { path: file, message: `nested more than ${MAX_FILE_DEPTH} levels deep` },
      ]);
    let entries = parseScreeningList(text, listFormat ? { format: listFormat } : {});
    for (const entry of entries) builder.add(entry);
    lists.push(listIdentity(basename(file), entries));
    entries = [];
  }
  return { index: builder.finish(), lists };
}

/** A saved screening index file, with the identities of the lists it was built from. */
export function loadIndexFile(file: string): { index: ScreeningIndex; lists: DataIdentity[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new HrddError(`cannot read screening index ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return loadScreeningIndex(bytes);
}

/** The screening of a command: a saved index or list files (not both); undefined when neither is given. */
export function loadScreening(
  files: Pick<EngineFiles, 'lists' | 'listFormat' | 'index'>,
): { index: ScreeningIndex; lists: DataIdentity[] } | undefined {
  if (files.index && files.lists?.length)
    throw new HrddError('give --index or --lists, not both (build an index over every list instead)');
  return files.index ? loadIndexFile(files.index) : loadLists(files.lists ?? [], files.listFormat);
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
  const lists = loadScreening(files);
  if (lists) options.screening = lists;
  return { engine: createEngine(options), lists: lists?.lists ?? [] };
}
