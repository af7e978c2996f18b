import { type CountryData, defaultCountryData } from '../data/index.js';
import { canonicalHash } from '../digest/index.js';
import { createEngine, type DataIdentity, type EngineOptions, type ScreeningIndexPort } from '../engine/index.js';
import { parseWith } from '../model/index.js';
import { defaultQuestionnaire, loadQuestionnaire, type Questionnaire } from '../questionnaire/index.js';
import { defaultRuleset, loadRuleset, type Ruleset } from '../rules/index.js';
import { VERSION } from '../version.js';
import { type Difference, diffValues } from './diff-values.js';
import { type AssessmentRecord, AssessmentRecordSchema } from './record.js';

export interface ReplayOptions {
  /** The rule set the record names, when it is not a bundled one (its hash is checked). */
  ruleset?: unknown;
  questionnaire?: unknown;
  countryData?: CountryData;
  /** The restricted-party lists the record names (their hashes are checked). */
  lists?: { index: ScreeningIndexPort; lists: DataIdentity[] };
}

export interface ReplayResult {
  reproduced: boolean;
  /**
   * `reproduced`; `not-reproduced` (it ran, and the result differs); `could-not-run` (a rule set, questionnaire,
   * data set or list the record names is not at hand: `missing` says which).
   */
  status: 'reproduced' | 'not-reproduced' | 'could-not-run';
  /** What replay needed and did not have, each naming how to supply it. */
  missing: string[];
  /** Every difference, the decision first, then provenance and options, then the rest in path order. */
  differences: Difference[];
  /** Rule sets or data that did not match the record, engine-version differences and the like. */
  notes: string[];
}

/** Decision first, then what the assessment ran with, then the score, then everything else. */
function diffRank(path: string): number {
  if (path === 'decision') return 0;
  if (/^(provenance|options)(\.|\[|$)/.test(path)) return 1;
  if (/^score(\.|$)/.test(path)) return 2;
  return 3;
}

/** The bundled rule sets, questionnaires and data, addressed by hash, so old records replay on newer versions. */
function bundled(): {
  rulesets: Map<string, Ruleset>;
  questionnaires: Map<string, Questionnaire>;
  countryData: Map<string, CountryData>;
} {
  const rs = loadRuleset(defaultRuleset);
  const q = loadQuestionnaire(defaultQuestionnaire);
  return {
    rulesets: new Map([[rs.hash, rs]]),
    questionnaires: new Map([[q.hash, q]]),
    countryData: new Map([[canonicalHash(defaultCountryData), defaultCountryData]]),
  };
}

/**
 * Re-runs a stored assessment record with the rule set, questionnaire, data and lists it names (bundled ones by
 * hash, others passed in and checked) and compares the result field by field.
 */
export function replayAssessment(input: unknown, options: ReplayOptions = {}): ReplayResult {
  const record: AssessmentRecord = parseWith(AssessmentRecordSchema, input, 'assessment record');
  const notes: string[] = [];
  const missing: string[] = [];
  const differences: Difference[] = [];
  const known = bundled();
  const mismatch = (what: string, path: string, recorded: string, given: string) => {
    notes.push(`the ${what} given has hash ${given}, but the record names ${recorded}`);
    differences.push({ path, recorded, replayed: given });
  };

  const engineOptions: EngineOptions = { evaluator: record.options.evaluator };
  const wantRuleset = record.options.ruleset.hash;
  const ruleset = options.ruleset !== undefined ? loadRuleset(options.ruleset) : known.rulesets.get(wantRuleset);
  if (!ruleset) {
    missing.push(
      `rule set ${record.options.ruleset.id} ${record.options.ruleset.version} (${wantRuleset}) is not bundled: pass it with --ruleset`,
    );
  }
  if (ruleset && ruleset.hash !== wantRuleset) mismatch('rule set', 'options.ruleset.hash', wantRuleset, ruleset.hash);
  if (ruleset) engineOptions.ruleset = ruleset;

  const wantQ = record.options.questionnaire;
  if (!wantQ) engineOptions.questionnaire = false;
  else {
    const q =
      options.questionnaire !== undefined
        ? loadQuestionnaire(options.questionnaire)
        : known.questionnaires.get(wantQ.hash);
    if (!q)
      missing.push(
        `questionnaire ${wantQ.id} ${wantQ.version} (${wantQ.hash}) is not bundled: pass it with --questionnaire`,
      );
    else {
      if (q.hash !== wantQ.hash) mismatch('questionnaire', 'options.questionnaire.hash', wantQ.hash, q.hash);
      engineOptions.questionnaire = q;
    }
  }

  const wantData = record.options.data.find((d) => d.id !== 'hrdd-country-groups');
  if (options.countryData) {
    const hash = canonicalHash(options.countryData);
    if (wantData && hash !== wantData.hash) mismatch('country data', 'options.data[0].hash', wantData.hash, hash);
    engineOptions.countryData = options.countryData;
  } else if (wantData && !known.countryData.has(wantData.hash)) {
    missing.push(
      `country data ${wantData.id} ${wantData.version} (${wantData.hash}) is not bundled: pass it with --country-data`,
    );
  }

  if (record.options.lists.length > 0) {
    if (!options.lists) {
      for (const l of record.options.lists)
        missing.push(`restricted-party list ${l.id} ${l.version} (${l.hash}): pass it with --lists`);
    }
  }
  if (missing.length > 0) return { reproduced: false, status: 'could-not-run', missing, differences, notes };
  if (record.options.lists.length > 0 && options.lists) {
    const given = options.lists.lists.map((l) => l.hash).sort();
    const wanted = record.options.lists.map((l) => l.hash).sort();
    if (given.join() !== wanted.join()) mismatch('lists', 'options.lists', wanted.join(', '), given.join(', '));
    engineOptions.screening = options.lists;
  }

  const engine = createEngine(engineOptions);
  const replayed = engine.assess(record.input.transaction, {
    asOf: record.asOf,
    ...(record.input.answers ? { answers: record.input.answers } : {}),
    ...(record.options.trace ? { trace: true } : {}),
  });
  const { input: _input, options: _options, ...recorded } = record;
  if (recorded.provenance.engine.version !== VERSION) {
    notes.push(`recorded with engine ${recorded.provenance.engine.version}, replayed with ${VERSION}`);
    replayed.provenance.engine.version = recorded.provenance.engine.version;
  }
  differences.push(...diffValues(recorded, replayed, '', [], Number.POSITIVE_INFINITY));
  const ordered = differences
    .map((d, i) => ({ d, i, rank: diffRank(d.path) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ d }) => d);
  const reproduced = ordered.length === 0;
  return {
    reproduced,
    status: reproduced ? 'reproduced' : 'not-reproduced',
    missing,
    differences: ordered,
    notes,
  };
}
