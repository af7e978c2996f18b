import type { MissingInformation } from '../model/index.js';
import type { Facts } from './types.js';

/** What the engine needs of a loaded questionnaire (see `loadQuestionnaire`). */
export interface QuestionnairePort {
  id: string;
  version: string;
  hash: string;
  /** The questionnaire an overlay was layered on, or that it replaced the default (recorded in provenance). */
  base?: { id: string; version: string; hash: string };
  replaces?: true;
  /** Answers to hidden questions, invalid answers and unanswered visible required questions, in one pass. */
  review(
    answers: Record<string, unknown>,
    facts: Facts,
  ): {
    hidden: string[];
    invalid: { questionId: string; code: string; message: string }[];
    missing: (MissingInformation & { questionId: string })[];
  };
}

/** A restricted-party list entry as screening reports it. */
export interface ScreeningEntryPort {
  id: string;
  source: string;
  name: string;
  programs: string[];
}

/** What the engine needs of a screening index (see `buildScreeningIndex`). */
export interface ScreeningIndexPort {
  screen(
    name: string,
    options?: { country?: string; threshold?: number },
  ): { entry: ScreeningEntryPort; score: number; certain: boolean; matchedName: string; explanation: unknown }[];
}

export interface DataIdentity {
  id: string;
  version: string;
  hash: string;
  /** For an overlay: the data set it was laid over. */
  base?: { id: string; version: string; hash: string };
  /** Set when a data set said `replaces: true`. */
  replaces?: true;
}
